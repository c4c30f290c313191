//===- DeferredWorkOutlivesModuleCheck.cpp --------------------------------===//
//
// modlife-deferred-work-outlives-module. A callout, timer, task, work item,
// tasklet or kernel process whose handler is this module's code must be
// drained by the module's teardown (unload, detach, MOD_UNLOAD) before the
// teardown frees what the handler uses, and before it returns: after that
// newbus frees the softc, or kldunload/rmmod frees the handler's text.
// A cancel that does not wait (callout_stop, del_timer) leaves a handler
// that is running on another CPU running.
//
// The teardown is read as one sequence: its statements in source order,
// with the calls to functions of this file replaced by their bodies (for a
// module event handler, only the part that runs on MOD_UNLOAD). A stop
// counts when it matches the item (see deferral-stops in the rule pack)
// and no free comes before it.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/Deferrals.h"
#include "analyzer/engine/EntryPoints.h"
#include "analyzer/engine/ModuleRefAnalysis.h"
#include "analyzer/engine/TUAnalysis.h"
#include "checks/FixIts.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using modlife::rules::DeferredKind;
using modlife::rules::LifecycleRole;
using modlife::rules::PrimitiveName;

namespace modlife {
namespace {

using ItemPath = llvm::SmallVector<std::string, 4>;

/// One thing a function does that matters here, in source order.
struct Action {
  enum Kind { Defer, Stop, Cancel, Free, Call, Return };
  Kind K = Defer;
  /// The statement it is written as: the call, or the outermost statement
  /// of a macro's expansion.
  const Stmt *S = nullptr;
  const FunctionDecl *In = nullptr;
  SourceLocation At;
  std::string Name; // the primitive as written
  /// Where the primitive's name is written, for a fix-it that renames it.
  SourceLocation NameAt;
  const rules::DeferralRule *DeferR = nullptr;
  const rules::DeferralStopRule *StopR = nullptr;
  const rules::DeferralCancelRule *CancelR = nullptr;
  const Expr *Callback = nullptr;
  const Expr *Item = nullptr;
  const Expr *Queue = nullptr;
  const Expr *Freed = nullptr;
  ItemPath Path;
  ItemPath QueuePath;
  const FunctionDecl *Callee = nullptr; // Call
};

/// The actions of one function, in source order.
class Scanner {
public:
  explicit Scanner(const TUAnalysis &A) : A(A), Rules(A.rules()) {}

  std::vector<Action> scan(const FunctionDecl *FD) {
    std::vector<Action> Out;
    Seen.clear();
    walk(FD->getBody(), FD, Out);
    return Out;
  }

private:
  void walk(const Stmt *S, const FunctionDecl *FD, std::vector<Action> &Out) {
    if (!S)
      return;
    if (S->getBeginLoc().isMacroID())
      matchMacros(S, FD, Out);
    if (const auto *CE = dyn_cast<CallExpr>(S))
      matchCall(CE, FD, Out);
    for (const Stmt *Child : S->children())
      walk(Child, FD, Out);
    // After its operand: "return foo_teardown(sc);" calls first.
    if (isa<ReturnStmt>(S)) {
      Action R;
      R.K = Action::Return;
      R.S = S;
      R.In = FD;
      R.At = A.matcher().reportLoc(S->getBeginLoc());
      Out.push_back(std::move(R));
    }
  }

  const Expr *macroArg(const Stmt *Root, SourceRange Invocation,
                       std::optional<unsigned> Index) const {
    if (!Index)
      return nullptr;
    std::optional<CharSourceRange> R =
        A.matcher().macroArgumentRange(Invocation, *Index);
    return R ? A.matcher().exprWrittenIn(Root, *R) : nullptr;
  }

  bool isRuleMacro(StringRef M) const {
    return Rules.deferralRule(PrimitiveName::Macro, M) ||
           Rules.deferralStopRule(PrimitiveName::Macro, M) ||
           Rules.deferralCancelRule(PrimitiveName::Macro, M) ||
           Rules.freeRule(PrimitiveName::Macro, M);
  }

  /// Fills in the action of rule primitive Name with arguments from Arg.
  template <typename ArgFn>
  void add(StringRef Name, PrimitiveName::Kind PK, const Stmt *S,
           SourceLocation At, const FunctionDecl *FD, ArgFn Arg,
           std::vector<Action> &Out) {
    Action Base;
    Base.S = S;
    Base.In = FD;
    Base.At = At;
    Base.NameAt = At;
    Base.Name = Name.str();
    if (const auto *R = Rules.deferralRule(PK, Name)) {
      Action D = Base;
      D.K = Action::Defer;
      D.DeferR = R;
      D.Callback = Arg(R->CallbackArg);
      D.Item = Arg(R->ItemArg);
      D.Queue = Arg(R->QueueArg);
      D.Path = deferredItemPath(D.Item);
      D.QueuePath = deferredItemPath(D.Queue);
      if (!R->CallbackArg || D.Callback)
        Out.push_back(std::move(D));
    }
    if (const auto *R = Rules.deferralStopRule(PK, Name)) {
      Action St = Base;
      St.K = Action::Stop;
      St.StopR = R;
      St.Item = Arg(R->ItemArg);
      St.Path = deferredItemPath(St.Item);
      St.QueuePath = deferredItemPath(Arg(R->QueueArg));
      Out.push_back(std::move(St));
    }
    if (const auto *R = Rules.deferralCancelRule(PK, Name)) {
      Action C = Base;
      C.K = Action::Cancel;
      C.CancelR = R;
      C.Item = Arg(R->ItemArg);
      C.Path = deferredItemPath(C.Item);
      Out.push_back(std::move(C));
    }
    if (const auto *R = Rules.freeRule(PK, Name)) {
      Action F = Base;
      F.K = Action::Free;
      F.Freed = Arg(std::optional<unsigned>(R->Arg));
      Out.push_back(std::move(F));
    }
  }

  // Outermost rule macros first, as the programmer wrote them.
  void matchMacros(const Stmt *S, const FunctionDecl *FD,
                   std::vector<Action> &Out) {
    std::vector<std::string> Macros =
        A.matcher().enclosingMacros(S->getBeginLoc());
    for (const std::string &M : llvm::reverse(Macros)) {
      if (!isRuleMacro(M))
        continue;
      std::optional<SourceRange> Inv =
          A.matcher().writtenInvocationOf(S->getBeginLoc(), M);
      if (!Inv || !Seen.insert(Inv->getBegin()).second)
        continue;
      add(M, PrimitiveName::Macro, S, Inv->getBegin(), FD,
          [&](std::optional<unsigned> I) { return macroArg(S, *Inv, I); },
          Out);
      return;
    }
  }

  void matchCall(const CallExpr *CE, const FunctionDecl *FD,
                 std::vector<Action> &Out) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return;
    // A call that a rule macro expands to is that macro's.
    if (CE->getBeginLoc().isMacroID() &&
        llvm::any_of(A.matcher().enclosingMacros(CE->getBeginLoc()),
                     [&](const std::string &M) { return isRuleMacro(M); }))
      return;
    SourceLocation At = A.matcher().reportLoc(CE->getBeginLoc());
    StringRef Name = Callee->getName();
    bool IsRule = Rules.deferralRule(PrimitiveName::Function, Name) ||
                  Rules.deferralStopRule(PrimitiveName::Function, Name) ||
                  Rules.deferralCancelRule(PrimitiveName::Function, Name) ||
                  Rules.freeRule(PrimitiveName::Function, Name);
    if (const FunctionDecl *Def = Callee->getDefinition();
        !IsRule && Def && A.factsFor(Def)) {
      Action C;
      C.K = Action::Call;
      C.S = CE;
      C.In = FD;
      C.At = At;
      C.Callee = Def;
      Out.push_back(std::move(C));
      return;
    }
    add(Name, PrimitiveName::Function, CE, At, FD,
        [&](std::optional<unsigned> I) -> const Expr * {
          return I && *I < CE->getNumArgs() ? CE->getArg(*I) : nullptr;
        },
        Out);
  }

  const TUAnalysis &A;
  const rules::RuleSet &Rules;
  llvm::DenseSet<SourceLocation> Seen;
};

/// A deferred item whose handler is a function of this file: the handler,
/// its name along the item expression, and where the module arms it.
struct Item {
  const FunctionDecl *Handler = nullptr;
  DeferredKind Kind = DeferredKind::Work;
  ItemPath Path;
  std::vector<const Action *> SetUps; // the deferrals that name the handler
  std::vector<const Action *> Queues; // the queueing of a set-up item
};

/// A teardown: a function, or the MOD_UNLOAD part of an event handler, with
/// what it does in order.
struct Teardown {
  const LifecycleFunction *LF = nullptr;
  std::vector<const Action *> Seq;
  /// Where it returns (the last return of the top-level function or arm),
  /// or null for a function that falls off its end.
  const Action *Returns = nullptr;
};

/// How a teardown fails an item.
struct Miss {
  enum Kind { NotStopped, CancelOnly, CancelThenFree, FreedBeforeStop };
  Kind K = NotStopped;
  const Teardown *T = nullptr;
  const Action *Cancel = nullptr;
  const Action *Free = nullptr;
  const Action *Stop = nullptr;
};

class DeferredWorkOutlivesModuleCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    const SourceManager &SM = Analysis->context().getSourceManager();
    Scanner Scan(*Analysis);
    Actions.clear();
    for (const FunctionFacts *FF : Analysis->allFunctions()) {
      if (!FF->Function->hasBody())
        continue;
      std::vector<Action> Acts =
          withoutDeadCode(*FF, Scan.scan(FF->Function));
      // A header's inline wrapper can drain for the driver that calls it
      // (net80211's ieee80211_draintask() over taskqueue_drain()); what it
      // arms is not this module's to report.
      if (SM.isInSystemHeader(FF->Function->getLocation()))
        llvm::erase_if(Acts, [](const Action &A) { return A.K == Action::Defer; });
      Actions[FF->Function] = std::move(Acts);
    }
    FreeBSD = llvm::any_of(Analysis->rules().packs(),
                           [](const rules::RulePack &P) {
                             return P.Name == "freebsd";
                           });
    std::vector<Teardown> Teardowns = teardowns();
    std::vector<Item> Items = items();
    // A file without teardown may leave it to another file of the module.
    llvm::DenseSet<const Item *> Reported;
    if (!Teardowns.empty()) {
      Elsewhere = stoppersElsewhere(Teardowns);
      for (const Item &I : Items)
        if (judge(I, Teardowns))
          Reported.insert(&I);
    }
    // A failing attach or init is a teardown of its own, here in the file.
    for (const LifecycleFunction &LF : Analysis->lifecycle().functions())
      if (LF.Role == LifecycleRole::Attach || LF.Role == LifecycleRole::Load)
        judgeFailurePaths(LF, Items, Reported);
  }

  static void collectFunctionRefs(const Stmt *S,
                                  llvm::DenseSet<const FunctionDecl *> &Out) {
    if (!S)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
        Out.insert(FD->getCanonicalDecl());
    if (const auto *ILE = dyn_cast<InitListExpr>(S);
        ILE && ILE->getSyntacticForm())
      S = ILE->getSyntacticForm();
    for (const Stmt *C : S->children())
      collectFunctionRefs(C, Out);
  }

  /// Acts drops the actions written in blocks no path from the entry
  /// reaches: code after an early "return EOPNOTSUPP;" that disables a
  /// feature (netmap's kthread start) arms nothing.
  static std::vector<Action> withoutDeadCode(const FunctionFacts &FF,
                                             std::vector<Action> Acts) {
    if (!FF.Cfg)
      return Acts;
    llvm::BitVector Live(FF.Cfg->getNumBlockIDs());
    llvm::SmallVector<const CFGBlock *, 16> Work{&FF.Cfg->getEntry()};
    Live.set(FF.Cfg->getEntry().getBlockID());
    while (!Work.empty()) {
      const CFGBlock *B = Work.pop_back_val();
      for (const CFGBlock::AdjacentBlock &Succ : B->succs())
        if (const CFGBlock *SB = Succ.getReachableBlock();
            SB && !Live.test(SB->getBlockID())) {
          Live.set(SB->getBlockID());
          Work.push_back(SB);
        }
    }
    llvm::erase_if(Acts, [&](const Action &A) {
      auto Pos = A.S ? FF.positionOf(A.S) : std::nullopt;
      return Pos && !Live.test(Pos->first->getBlockID());
    });
    return Acts;
  }

  /// The functions of this file that other code calls into at a time we
  /// cannot see: exported ones (hwrng_unregister(), which a driver calls
  /// before it unloads) and ones whose address is handed out (an ops
  /// struct's shutdown method). A drain in one of them counts.
  std::vector<Teardown> stoppersElsewhere(const std::vector<Teardown> &Ts) {
    llvm::DenseSet<const FunctionDecl *> Escapes;
    for (const auto &[FD, Acts] : Actions)
      Analysis->forEachEvent(FD, [&](const ElementEvent &E) {
        if (E.EventKind == ElementEvent::FunctionEscapes && E.Callee)
          Escapes.insert(E.Callee->getCanonicalDecl());
      });
    // Functions stored by file-scope initializers ("static const struct
    // ipmi_smi_handlers handlers = { .shutdown = shutdown_smi }").
    for (const Decl *D :
         Analysis->context().getTranslationUnitDecl()->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (const Expr *Init = VD->getInit())
          collectFunctionRefs(Init, Escapes);
    std::vector<Teardown> Out;
    for (const auto &Entry : Actions) {
      const FunctionDecl *FD = Entry.first;
      const std::vector<Action> &Acts = Entry.second;
      if (llvm::any_of(Ts, [&](const Teardown &T) {
            return T.LF->Function == FD;
          }))
        continue;
      if (!FD->isExternallyVisible() &&
          !Escapes.count(FD->getCanonicalDecl()))
        continue;
      Teardown T;
      llvm::DenseSet<const FunctionDecl *> Visited{FD};
      for (const Action &A : Acts)
        append(A, T, Visited);
      Out.push_back(std::move(T));
    }
    return Out;
  }

private:
  // --- Items --------------------------------------------------------------

  std::vector<Item> items() const {
    std::vector<Item> Out;
    for (const auto &[FD, Acts] : Actions)
      for (const Action &D : Acts) {
        if (D.K != Action::Defer || !D.Callback)
          continue;
        const FunctionDecl *H = functionNamedBy(D.Callback);
        const FunctionDecl *Def = H ? H->getDefinition() : nullptr;
        if (!Def || !Analysis->factsFor(Def))
          continue;
        auto Same = llvm::find_if(Out, [&](const Item &I) {
          return I.Handler == Def && I.Kind == D.DeferR->RunsAs &&
                 I.Path == D.Path;
        });
        if (Same == Out.end()) {
          Out.push_back({Def, D.DeferR->RunsAs, D.Path, {}, {}});
          Same = std::prev(Out.end());
        }
        Same->SetUps.push_back(&D);
      }
    // A queueing primitive (schedule_work, taskqueue_enqueue) runs what the
    // set-up of the item it names chose; only named items can be linked.
    for (Item &I : Out) {
      if (I.Path.empty())
        continue;
      for (const auto &[FD, Acts] : Actions)
        for (const Action &Q : Acts)
          if (Q.K == Action::Defer && !Q.DeferR->CallbackArg &&
              Q.DeferR->RunsAs == I.Kind && !Q.Path.empty() &&
              sameDeferredItem(I.Path, Q.Path))
            I.Queues.push_back(&Q);
    }
    return Out;
  }

  /// Where the module arms the item: where it is queued, or, for a set-up
  /// that also arms it (callout_reset, kproc_create), where it is set up;
  /// not the handler re-arming itself.
  const Action *armedAt(const Item &I) const {
    for (const auto *List : {&I.Queues, &I.SetUps})
      for (const Action *A : *List)
        if (A->In != I.Handler)
          return A;
    return nullptr;
  }

  // --- Teardowns ----------------------------------------------------------

  std::vector<Teardown> teardowns() const {
    std::vector<Teardown> Out;
    for (const LifecycleFunction &LF : Analysis->lifecycle().functions()) {
      if (LF.Role != LifecycleRole::Unload && LF.Role != LifecycleRole::Detach &&
          LF.Role != LifecycleRole::Events)
        continue;
      auto It = Actions.find(LF.Function);
      if (It == Actions.end())
        continue;
      Teardown T;
      T.LF = &LF;
      llvm::DenseSet<const FunctionDecl *> Visited{LF.Function};
      if (LF.Role == LifecycleRole::Events) {
        if (Analysis->moduleEventValues(ModuleEvent::Unload).empty())
          continue;
        llvm::BitVector Blocks =
            Analysis->blocksOnModuleEvent(LF, ModuleEvent::Unload);
        const FunctionFacts *FF = Analysis->factsFor(LF.Function);
        if (!FF || Blocks.none())
          continue;
        for (const Action &A : It->second)
          if (runsIn(*FF, Blocks, A.S))
            append(A, T, Visited);
      } else {
        for (const Action &A : It->second)
          append(A, T, Visited);
      }
      bool Refuses = false, SeenReturn = false;
      for (const Action *A : T.Seq)
        if (A->K == Action::Return && A->In == LF.Function) {
          T.Returns = A;
          bool Refusal = isRefusal(cast<ReturnStmt>(A->S));
          Refuses = SeenReturn ? Refuses && Refusal : Refusal;
          SeenReturn = true;
        }
      // A detach or MOD_UNLOAD that always refuses (every return a failure,
      // as FreeBSD 9.3's hpt drivers' detach) keeps the module: its work
      // cannot outlive it that way.
      if (Refuses)
        continue;
      Out.push_back(std::move(T));
    }
    return Out;
  }

  bool isRefusal(const ReturnStmt *R) const {
    return R->getRetValue() && Analysis->isFailureConstant(R->getRetValue());
  }

  void append(const Action &A, Teardown &T,
              llvm::DenseSet<const FunctionDecl *> &Visited) const {
    if (A.K != Action::Call) {
      // A callee's returns go back to the teardown.
      if (A.K != Action::Return || (T.LF && A.In == T.LF->Function))
        T.Seq.push_back(&A);
      return;
    }
    if (!Visited.insert(A.Callee).second)
      return;
    auto It = Actions.find(A.Callee);
    if (It != Actions.end())
      for (const Action &B : It->second)
        append(B, T, Visited);
  }

  /// Whether S, a statement of FF's function, runs in one of Blocks: the
  /// block of the first CFG element at or under S, or above it.
  static bool runsIn(const FunctionFacts &FF, const llvm::BitVector &Blocks,
                     const Stmt *S) {
    std::optional<unsigned> Block = blockUnder(FF, S);
    for (const Stmt *P = S; !Block && P; P = FF.Parents->getParent(P))
      if (auto Pos = FF.positionOf(P))
        Block = Pos->first->getBlockID();
    return Block && *Block < Blocks.size() && Blocks.test(*Block);
  }

  static std::optional<unsigned> blockUnder(const FunctionFacts &FF,
                                            const Stmt *S) {
    if (!S)
      return std::nullopt;
    if (auto Pos = FF.positionOf(S))
      return Pos->first->getBlockID();
    for (const Stmt *C : S->children())
      if (auto B = blockUnder(FF, C))
        return B;
    return std::nullopt;
  }

  // --- Matching -------------------------------------------------------------

  bool stops(const Action &St, const Item &I) const {
    if (St.StopR->Stops != I.Kind)
      return false;
    if (St.StopR->ItemArg)
      return sameDeferredItem(I.Path, St.Path);
    if (!St.StopR->QueueArg)
      return true; // every item of its kind (rcu_barrier, kthread_stop)
    // A queue's stop covers the items queued on that queue; an item
    // armed without naming a queue goes on the system's.
    if (I.Queues.empty())
      return false;
    return llvm::all_of(I.Queues, [&](const Action *Q) {
      return Q->DeferR->QueueArg && sameDeferredItem(Q->QueuePath, St.QueuePath);
    });
  }

  bool cancels(const Action &C, const Item &I) const {
    return C.CancelR->Cancels == I.Kind && sameDeferredItem(I.Path, C.Path);
  }

  /// What T does wrong with I, or nothing when it drains I in time.
  std::optional<Miss> missOf(const Teardown &T, const Item &I) const {
    const Action *FirstFree = nullptr;
    for (const Action *A : T.Seq) {
      if (A->K == Action::Stop && stops(*A, I)) {
        // taskqueue_free() both drains and frees: the free is the stop.
        if (FirstFree && FirstFree->S != A->S)
          return Miss{Miss::FreedBeforeStop, &T, nullptr, FirstFree, A};
        return std::nullopt;
      }
      if (A->K == Action::Free && !FirstFree)
        FirstFree = A;
    }
    const Action *Cancel = nullptr;
    for (const Action *A : T.Seq) {
      if (A->K == Action::Cancel && !Cancel && cancels(*A, I))
        Cancel = A;
      else if (A->K == Action::Free && Cancel)
        return Miss{Miss::CancelThenFree, &T, Cancel, A, nullptr};
    }
    if (Cancel)
      return Miss{Miss::CancelOnly, &T, Cancel, nullptr, nullptr};
    return Miss{Miss::NotStopped, &T, nullptr, nullptr, nullptr};
  }

  /// Reports I when no teardown drains it in time; returns whether it did.
  bool judge(const Item &I, const std::vector<Teardown> &Teardowns) {
    const Action *Arm = armedAt(I);
    if (!Arm)
      return false;
    for (const Teardown &T : Elsewhere)
      if (!missOf(T, I))
        return false;
    std::vector<Miss> Misses;
    for (const Teardown &T : Teardowns) {
      std::optional<Miss> M = missOf(T, I);
      if (!M)
        return false; // one teardown that drains it in time is enough
      Misses.push_back(*M);
    }
    // The most telling miss leads; a plain "does not drain" names them all.
    const Miss *Lead = &Misses.front();
    for (const Miss &M : Misses)
      if (M.K > Lead->K)
        Lead = &M;
    report(I, *Arm, *Lead, Misses);
    return true;
  }

  // --- Failure paths of attach and init -----------------------------------

  /// Whether Deferral sets I going (not a set-up that only prepares it, and
  /// not the handler re-arming itself).
  bool arms(const Action &D, const Item &I) const {
    if (D.K != Action::Defer || D.In == I.Handler)
      return false;
    if (llvm::is_contained(I.Queues, &D))
      return true;
    return D.DeferR->Arms && llvm::is_contained(I.SetUps, &D);
  }

  /// The first action of Act (itself, or for a call to a function of this
  /// file, anything that function does) that Pred accepts, and the calls
  /// that lead to it, outermost first.
  const Action *
  firstThrough(const Action &Act, llvm::function_ref<bool(const Action &)> Pred,
               llvm::DenseSet<const FunctionDecl *> &Visited,
               std::vector<const Action *> &Calls) const {
    if (Pred(Act))
      return &Act;
    if (Act.K != Action::Call || !Visited.insert(Act.Callee).second)
      return nullptr;
    Calls.push_back(&Act);
    auto It = Actions.find(Act.Callee);
    if (It != Actions.end())
      for (const Action &B : It->second)
        if (const Action *Hit = firstThrough(B, Pred, Visited, Calls))
          return Hit;
    Calls.pop_back();
    return nullptr;
  }
  const Action *firstThrough(const Action &Act,
                             llvm::function_ref<bool(const Action &)> Pred,
                             std::vector<const Action *> *Calls = nullptr) const {
    llvm::DenseSet<const FunctionDecl *> Visited;
    std::vector<const Action *> Scratch;
    const Action *Hit = firstThrough(Act, Pred, Visited, Scratch);
    if (Hit && Calls)
      *Calls = std::move(Scratch);
    return Hit;
  }

  /// A failing attach frees the device's state (newbus frees the softc; a
  /// probe's devm memory goes, and its own error path frees the rest), and
  /// a failing init unloads the module: an item it armed and leaves armed
  /// then runs on freed state or in freed text. Only items that no
  /// teardown was reported for: one finding per item.
  void judgeFailurePaths(const LifecycleFunction &LF,
                         const std::vector<Item> &Items,
                         const llvm::DenseSet<const Item *> &Reported) {
    auto It = Actions.find(LF.Function);
    if (It == Actions.end() || !Analysis->factsFor(LF.Function))
      return;
    struct Candidate {
      const Item *I;
      const Action *Arm;     // the arming, maybe inside a helper
      /// The calls of LF's body and below that reach the arming.
      std::vector<const Action *> Through;
    };
    std::vector<Candidate> Candidates;
    std::vector<TrackedHold> Holds;
    for (const Item &I : Items) {
      if (Reported.count(&I))
        continue;
      TrackedHold H;
      const Action *Arm = nullptr;
      std::vector<const Action *> Through;
      for (const Action &A : It->second) {
        std::vector<const Action *> Calls;
        if (const Action *Hit = firstThrough(
                A, [&](const Action &B) { return arms(B, I); }, &Calls)) {
          H.Starts.push_back(A.S);
          if (!Arm) {
            Arm = Hit;
            Through = std::move(Calls);
          }
        }
        // A failure path that runs the driver's own teardown (detach,
        // the module's exit function) leaves the item to it: this item is
        // one that the teardowns drain (or it was reported already).
        if (firstThrough(A, [&](const Action &B) {
              return (B.K == Action::Stop && stops(B, I)) ||
                     (B.K == Action::Cancel && cancels(B, I)) ||
                     (B.K == Action::Call && isTeardownFunction(B.Callee));
            }))
          H.Ends.push_back(A.S);
      }
      if (!Arm)
        continue;
      H.Handle = handleOf(*Arm);
      // A failed attach leaves the module and its globals: an item of
      // global state is the unload's to drain.
      if (LF.Role == LifecycleRole::Attach && Arm->Item && isGlobal(Arm->Item))
        continue;
      Candidates.push_back({&I, Arm, std::move(Through)});
      Holds.push_back(std::move(H));
    }
    if (Holds.empty())
      return;
    ModuleRefOptions Opts;
    Opts.Tracked = Holds;
    ModuleRefResult R = Analysis->analyze(LF.Function, Opts);
    for (unsigned Index = 0; Index < Candidates.size(); ++Index) {
      std::vector<FailureReturnKeepsTracked> Kept;
      for (const FailureReturnKeepsTracked &K : R.TrackedAtFailure)
        if (K.Hold == Index)
          Kept.push_back(K);
      if (!Kept.empty())
        reportFailurePath(LF, *Candidates[Index].I, *Candidates[Index].Arm,
                          Candidates[Index].Through, Kept);
    }
  }

  /// Where the armed thing is kept, when a null test of it can say that
  /// it was never armed: the item ("&sc->sc_proc" of kproc_create), or
  /// where the arming's value is stored ("ssif_info->thread =
  /// kthread_run(...)").
  std::string handleOf(const Action &Arm) const {
    // Only a pointer can be tested for null: not a callout or a task,
    // which the item names by address.
    auto IsPointer = [](const Expr *E) {
      return E && !E->getType().isNull() && E->getType()->isPointerType();
    };
    if (Arm.Item)
      return IsPointer(PrimitiveMatcher::handleExpr(Arm.Item))
                 ? Analysis->matcher().handleKey(Arm.Item)
                 : "";
    const FunctionFacts *FF = Analysis->factsFor(Arm.In);
    const auto *E = dyn_cast_or_null<Expr>(Arm.S);
    if (!FF || !IsPointer(E))
      return "";
    return Analysis->matcher().resultHandle(E, *FF->Parents).Key;
  }

  bool isTeardownFunction(const FunctionDecl *FD) const {
    return llvm::any_of(Analysis->lifecycle().functions(),
                        [&](const LifecycleFunction &LF) {
                          return LF.Function == FD &&
                                 (LF.Role == LifecycleRole::Unload ||
                                  LF.Role == LifecycleRole::Detach);
                        });
  }

  static bool isGlobal(const Expr *E) {
    const VarDecl *VD = rootVarOf(E);
    return VD && VD->hasGlobalStorage();
  }

  void reportFailurePath(const LifecycleFunction &LF, const Item &I,
                         const Action &Arm,
                         const std::vector<const Action *> &Through,
                         const std::vector<FailureReturnKeepsTracked> &Kept) {
    bool Thread = I.Kind == DeferredKind::Thread;
    std::string Kind = kindWord(I.Kind);
    std::string Name = itemText(I, Arm);
    std::string What = Thread ? Kind + " started here runs " + quoted(I.Handler)
                              : Kind + " '" + Name + "' runs " +
                                    quoted(I.Handler);
    bool Init = LF.Role == LifecycleRole::Load;
    std::string Msg =
        What + " from this module, but " + quoted(LF.Function) +
        " can fail with it still " + (Thread ? "running" : "armed") +
        (Init ? "; a module whose init fails is freed, and " +
                    quoted(I.Handler) + " then runs in freed text"
              : std::string("; the state of a device whose ") +
                    (FreeBSD ? "attach" : "probe") + " fails is freed, and " +
                    quoted(I.Handler) + " can use it after that");
    Finding &F = ModlifeCheck::report(Arm.At, Msg);
    for (const Action *Call : Through)
      Ctx.note(F, Call->At,
               Call == Through.front()
                   ? quoted(LF.Function) + " arms it through this call"
                   : "which calls " + quoted(Call->Callee));
    std::string Without = Thread ? "waiting for " + quoted(I.Handler) +
                                       " to exit"
                                 : "draining '" + Name + "'";
    for (const FailureReturnKeepsTracked &K : Kept)
      Ctx.note(F, Analysis->matcher().reportLoc(K.Return->getBeginLoc()),
               quoted(LF.Function) + " fails here without " + Without);
    Ctx.note(F, LF.NamedAt, wiring(LF));
    // The drain goes right before each failure return that every path
    // reaches armed, when the item can be named there as it was armed.
    std::optional<std::string> Call;
    if (Through.empty())
      Call = drainCall(I, Arm, [&](const Expr *E) {
        return inScopeThroughout(E, LF.Function);
      });
    if (Call && llvm::all_of(Kept, [](const FailureReturnKeepsTracked &K) {
          return K.OnEveryPath;
        }))
      if (std::optional<std::vector<FixItHint>> Hints =
              failurePathInsertions(LF.Function, Kept, *Call)) {
        Ctx.fix(F, *Hints);
        return;
      }
    if (const rules::DeferralStopRule *Stop = stopFor(I, Arm))
      Ctx.note(F, LF.Function->getLocation(),
               Thread ? "wait on the failure paths of " + quoted(LF.Function) +
                            " until " + quoted(I.Handler) + " has exited"
                      : "drain '" + Name + "' with '" + Stop->Primitive.Name +
                            "' on the failure paths of " + quoted(LF.Function) +
                            " that armed it, before what " +
                            quoted(I.Handler) + " uses is freed");
  }

  /// Whether E can be written anywhere in FD: rooted in a global, a
  /// parameter, or a local declared at the top of FD's body.
  static bool inScopeThroughout(const Expr *E, const FunctionDecl *FD) {
    const VarDecl *VD = rootVarOf(E);
    if (!VD)
      return false;
    if (VD->hasGlobalStorage() && !VD->isStaticLocal())
      return true;
    if (const auto *P = dyn_cast<ParmVarDecl>(VD))
      return P->getDeclContext() == FD;
    const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
    if (!Body)
      return false;
    for (const Stmt *S : Body->body())
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        if (llvm::is_contained(DS->decls(), VD))
          return true;
    return false;
  }

  /// Where the stop goes on the failure path that ends at one return, and
  /// the statements from there to the return: a return among them is
  /// covered by this stop.
  struct StopPlacement {
    const Stmt *Return = nullptr;
    const Stmt *Before = nullptr;
    llvm::SmallVector<const Stmt *, 8> Covers;
  };

  /// Inserts Call on every failure path that ends at one of Kept (each
  /// reached only armed): once per path, a return on the way to another
  /// return's stop needing none of its own.
  std::optional<std::vector<FixItHint>>
  failurePathInsertions(const FunctionDecl *FD,
                        const std::vector<FailureReturnKeepsTracked> &Kept,
                        const std::string &Call) const {
    const FunctionFacts *FF = Analysis->factsFor(FD);
    if (!FF)
      return std::nullopt;
    llvm::DenseSet<const Stmt *> Failing;
    for (const FailureReturnKeepsTracked &K : Kept)
      Failing.insert(K.Return);
    std::vector<StopPlacement> Plans;
    for (const FailureReturnKeepsTracked &K : Kept)
      Plans.push_back(placeStop(*FF, K.Return, Failing));
    std::vector<FixItHint> Hints;
    llvm::DenseSet<const Stmt *> Placed;
    for (const StopPlacement &P : Plans) {
      const Stmt *Return = P.Return;
      bool Covered = llvm::any_of(Plans, [&](const StopPlacement &Q) {
        return &Q != &P &&
               llvm::any_of(llvm::drop_end(Q.Covers), [&](const Stmt *S) {
                 return isWithin(*FF, Return, S);
               });
      });
      if (Covered || !Placed.insert(P.Before).second)
        continue;
      std::optional<std::vector<FixItHint>> H =
          insertCallBefore(*FF, P.Before, Call);
      if (!H)
        return std::nullopt;
      llvm::append_range(Hints, *H);
    }
    return Hints;
  }

  /// The stop for the failure path that ends at Return: before the first
  /// free of that path's own statements (from the label or the start of the
  /// block that leads to the return), else right before the return. Returns
  /// in Failing may lie on the way: they fail armed too.
  StopPlacement placeStop(const FunctionFacts &FF, const ReturnStmt *Return,
                          const llvm::DenseSet<const Stmt *> &Failing) const {
    const FunctionDecl *FD = FF.Function;
    StopPlacement Plan;
    Plan.Return = Plan.Before = Return;
    Plan.Covers.push_back(Return);
    const FunctionFacts *Facts = &FF;
    // The statement of the enclosing block that holds the return, and the
    // block's statements from the nearest label up to it.
    const Stmt *InBlock = Return;
    const Stmt *Parent = Facts->Parents->getParent(InBlock);
    while (Parent && isa<LabelStmt>(Parent)) {
      InBlock = Parent;
      Parent = Facts->Parents->getParent(InBlock);
    }
    if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Parent)) {
      llvm::SmallVector<const Stmt *, 8> Tail;
      for (const Stmt *S : Block->body()) {
        if (isa<LabelStmt>(S))
          Tail.clear();
        Tail.push_back(S);
        if (S == InBlock)
          break;
      }
      // Without a label, only an error block of its own (an if's braces)
      // is the failure path's; a function's body is everyone's. A jump
      // out of the run (a goto, break or continue, or a return that does
      // not fail armed) would take the stop to paths that do not fail.
      bool OwnPath =
          (isa<LabelStmt>(Tail.front()) || Block != FD->getBody()) &&
          llvm::none_of(llvm::drop_end(Tail), [&](const Stmt *S) {
            return containsJump(S, Failing);
          });
      auto It = Actions.find(FD);
      if (OwnPath && It != Actions.end())
        for (size_t I = 0; I < Tail.size(); ++I) {
          const Stmt *Inner = Tail[I];
          while (const auto *L = dyn_cast<LabelStmt>(Inner))
            Inner = L->getSubStmt();
          if (llvm::any_of(It->second, [&](const Action &A) {
                return A.K == Action::Free && isWithin(*Facts, A.S, Inner);
              })) {
            Plan.Before = Inner;
            Plan.Covers.assign(Tail.begin() + I, Tail.end());
            break;
          }
        }
    }
    return Plan;
  }

  static bool containsJump(const Stmt *S,
                           const llvm::DenseSet<const Stmt *> &Allowed) {
    if (!S)
      return false;
    if (isa<ReturnStmt>(S))
      return !Allowed.count(S);
    if (isa<GotoStmt, IndirectGotoStmt, BreakStmt, ContinueStmt>(S))
      return true;
    return llvm::any_of(S->children(), [&](const Stmt *C) {
      return containsJump(C, Allowed);
    });
  }

  static bool isWithin(const FunctionFacts &FF, const Stmt *S,
                       const Stmt *Outer) {
    for (; S; S = FF.Parents->getParent(S))
      if (S == Outer)
        return true;
    return false;
  }

  // --- Wording --------------------------------------------------------------

  std::string kindWord(DeferredKind K) const {
    switch (K) {
    case DeferredKind::Timer:
      return FreeBSD ? "callout" : "timer";
    case DeferredKind::Work:
      return FreeBSD ? "task" : "work item";
    case DeferredKind::Thread:
      return FreeBSD ? "kernel process" : "kernel thread";
    case DeferredKind::Tasklet:
      return "tasklet";
    case DeferredKind::Rcu:
      return "RCU callback";
    }
    return "deferred item";
  }

  std::string text(const Expr *E) const {
    return Analysis->matcher().textOf(E->getSourceRange());
  }

  /// The item as a reader names it: "sc->sc_tick" for "&sc->sc_tick".
  std::string itemText(const Item &I, const Action &Arm) const {
    const Expr *E = Arm.Item;
    if (!E)
      for (const Action *S : I.SetUps)
        if (S->Item)
          E = S->Item;
    if (!E)
      return "";
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_AddrOf)
      E = U->getSubExpr();
    return text(E);
  }

  static std::string quoted(const FunctionDecl *FD) {
    return "'" + FD->getNameAsString() + "'";
  }

  /// "'foo_detach'", or "MOD_UNLOAD in 'foo_modevent'".
  std::string teardownName(const Teardown &T) const {
    if (T.LF->Role == LifecycleRole::Events)
      return "MOD_UNLOAD in " + quoted(T.LF->Function);
    return quoted(T.LF->Function);
  }

  std::string wiring(const LifecycleFunction &LF) const {
    std::string N = quoted(LF.Function);
    switch (LF.Role) {
    case LifecycleRole::Unload:
      return N + " runs at unload (" + LF.Via + ")";
    case LifecycleRole::Detach:
      return N + " is the " + LF.Via + " method";
    case LifecycleRole::Events:
      return N + " handles the module's events (" + LF.Via + ")";
    case LifecycleRole::Attach:
      return N + " is the " + LF.Via + " method";
    case LifecycleRole::Load:
      return N + " runs at load (" + LF.Via + ")";
    default:
      return N + " is wired here";
    }
  }

  void report(const Item &I, const Action &Arm, const Miss &Lead,
              const std::vector<Miss> &Misses) {
    std::string Kind = kindWord(I.Kind);
    std::string What = I.Kind == DeferredKind::Thread
                           ? Kind + " started here runs " + quoted(I.Handler)
                           : Kind + " '" + itemText(I, Arm) + "' runs " +
                                 quoted(I.Handler);
    bool Thread = I.Kind == DeferredKind::Thread;
    std::string Drain = Thread ? "wait for it to exit" : "drain it";
    std::string TN = teardownName(*Lead.T);
    if (Lead.K == Miss::NotStopped && Misses.size() > 1) {
      TN = "no teardown of this file (";
      for (const Miss &M : Misses)
        TN += (&M == &Misses.front() ? "" : ", ") + teardownName(*M.T);
      TN += ")";
    }
    std::string Msg = What + " from this module, but " + TN;
    switch (Lead.K) {
    case Miss::NotStopped:
      Msg += (Misses.size() > 1
                  ? (Thread ? " waits for it to exit" : " drains it")
                  : " does not " + Drain) +
             "; it can run after the teardown frees its state or the module "
             "is unloaded";
      break;
    case Miss::CancelOnly:
      Msg += " cancels it without waiting; a running " + quoted(I.Handler) +
             " can go on after the module is unloaded";
      break;
    case Miss::CancelThenFree:
      Msg += " cancels it without waiting and then frees what it uses; a "
             "running " + quoted(I.Handler) + " can use freed state";
      break;
    case Miss::FreedBeforeStop:
      Msg += " frees state before it drains it; a queued or running " +
             quoted(I.Handler) + " can use freed state";
      break;
    }
    Finding &F = ModlifeCheck::report(Arm.At, Msg);
    std::vector<FixItHint> Hints;
    switch (Lead.K) {
    case Miss::NotStopped:
      for (const Miss &M : Misses)
        noteNotStopped(F, I, Arm, M, Misses, Hints);
      break;
    case Miss::CancelOnly:
    case Miss::CancelThenFree: {
      const rules::DeferralCancelRule &R = *Lead.Cancel->CancelR;
      Ctx.note(F, Lead.Cancel->At,
               "'" + Lead.Cancel->Name + "' does not wait for a running " +
                   quoted(I.Handler) +
                   (R.WaitingSpelling.empty()
                        ? std::string()
                        : "; '" + R.WaitingSpelling + "' does"));
      if (Lead.Free)
        Ctx.note(F, Lead.Free->At,
                 "'" + Lead.Free->Name + "' then frees " +
                     (Lead.Free->Freed ? "'" + text(Lead.Free->Freed) + "'"
                                       : std::string("state")) +
                     " while " + quoted(I.Handler) + " may still run");
      Ctx.note(F, Lead.T->LF->NamedAt, wiring(*Lead.T->LF));
      // The waiting primitive takes the same arguments: rename the call.
      // Only where freeing follows: that is what the rename is for.
      if (Lead.K == Miss::CancelThenFree && !R.WaitingSpelling.empty() &&
          Lead.Cancel->NameAt.isFileID())
        Hints.push_back(FixItHint::CreateReplacement(
            CharSourceRange::getTokenRange(Lead.Cancel->NameAt),
            R.WaitingSpelling));
      break;
    }
    case Miss::FreedBeforeStop:
      Ctx.note(F, Lead.Free->At,
               "'" + Lead.Free->Name + "' frees " +
                   (Lead.Free->Freed ? "'" + text(Lead.Free->Freed) + "'"
                                     : std::string("state")) +
                   " while " + quoted(I.Handler) +
                   " may still be queued or running");
      Ctx.note(F, Lead.Stop->At,
               "'" + Lead.Stop->Name + "' drains it only here");
      Ctx.note(F, Lead.T->LF->NamedAt, wiring(*Lead.T->LF));
      break;
    }
    if (!Hints.empty())
      Ctx.fix(F, Hints);
  }

  void noteNotStopped(Finding &F, const Item &I, const Action &Arm,
                      const Miss &M, const std::vector<Miss> &Misses,
                      std::vector<FixItHint> &Hints) {
    const Teardown &T = *M.T;
    std::string Name = itemText(I, Arm);
    std::string What = I.Kind == DeferredKind::Thread
                           ? "waiting for " + quoted(I.Handler) + " to exit"
                           : "draining '" + Name + "'";
    SourceLocation At = T.Returns ? T.Returns->At : lastStatementOf(T);
    if (At.isValid())
      Ctx.note(F, At, teardownName(T) + " returns without " + What);
    Ctx.note(F, T.LF->NamedAt, wiring(*T.LF));
    if (M.Cancel)
      Ctx.note(F, M.Cancel->At,
               "'" + M.Cancel->Name + "' does not wait for a running " +
                   quoted(I.Handler));
    if (&M != &Misses.front())
      return; // one fix or piece of advice is enough
    std::optional<std::string> Call = drainCall(
        I, Arm, [&](const Expr *E) { return reachableIn(E, Arm.In, T); });
    if (Call) {
      if (std::optional<std::vector<FixItHint>> H = insertion(T, *Call)) {
        llvm::append_range(Hints, *H);
        return;
      }
    }
    std::string Where = quoted(T.LF->Function) +
                        ", after what can arm it again is gone and before "
                        "what " + quoted(I.Handler) + " uses is freed";
    if (Call) {
      Ctx.note(F, T.LF->Function->getLocation(),
               "add '" + *Call + ";' to " + Where);
      return;
    }
    if (const rules::DeferralStopRule *R = stopFor(I, Arm))
      Ctx.note(F, T.LF->Function->getLocation(),
               I.Kind == DeferredKind::Thread
                   ? "wait in " + teardownName(T) + " until " +
                         quoted(I.Handler) + " has exited ('" +
                         R->Primitive.Name + "' on what its exit wakes up), "
                         "before what it uses is freed"
                   : "drain '" + Name + "' with '" + R->Primitive.Name +
                         "' in " + Where);
  }

  /// The stop the pack offers for I's kind, preferring one that takes the
  /// item's type.
  const rules::DeferralStopRule *stopFor(const Item &I,
                                         const Action &Arm) const {
    const rules::DeferralStopRule *Any = nullptr;
    for (const rules::RulePack &P : Analysis->rules().packs())
      for (const rules::DeferralStopRule &R : P.DeferralStops) {
        if (R.Stops != I.Kind)
          continue;
        if (R.ItemArg && Arm.Item && takesItemType(R, Arm.Item))
          return &R;
        if (!Any)
          Any = &R;
      }
    return Any;
  }

  SourceLocation lastStatementOf(const Teardown &T) const {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(T.LF->Function->getBody());
    if (!Body || Body->body_empty() || T.LF->Role == LifecycleRole::Events)
      return SourceLocation();
    return Analysis->matcher().reportLoc(Body->body_back()->getBeginLoc());
  }

  // --- Fix-its --------------------------------------------------------------

  /// The drain call for I, when Reachable says its arguments mean the same
  /// where it goes: for a teardown, a global item (and queue), or one
  /// rooted in a local that the teardown derives from its parameters the
  /// way the arming function does ("sc = device_get_softc(dev)" in both).
  std::optional<std::string>
  drainCall(const Item &I, const Action &Arm,
            llvm::function_ref<bool(const Expr *)> Reachable) const {
    if (I.Kind == DeferredKind::Thread || !Arm.Item)
      return std::nullopt;
    if (!Reachable(Arm.Item))
      return std::nullopt;
    for (const rules::RulePack &P : Analysis->rules().packs())
      for (const rules::DeferralStopRule &R : P.DeferralStops) {
        if (R.Stops != I.Kind || !R.ItemArg)
          continue;
        if (!takesItemType(R, Arm.Item))
          continue;
        if (*R.ItemArg == 0)
          return R.Primitive.Name + "(" + text(Arm.Item) + ")";
        // taskqueue_drain(tq, &task): the queue where the arming put it.
        if (*R.ItemArg == 1 && Arm.DeferR->QueueArg == 0u &&
            Arm.DeferR->ItemArg == 1u && Arm.Queue && Reachable(Arm.Queue))
          return R.Primitive.Name + "(" + text(Arm.Queue) + ", " +
                 text(Arm.Item) + ")";
      }
    return std::nullopt;
  }

  /// Whether stop function R's item parameter has E's type (a delayed work
  /// needs cancel_delayed_work_sync, not cancel_work_sync). Macros are
  /// taken as they come; an undeclared function is not used.
  bool takesItemType(const rules::DeferralStopRule &R, const Expr *E) const {
    if (R.Primitive.NameKind == PrimitiveName::Macro)
      return true;
    ASTContext &C = Analysis->context();
    for (const Decl *D :
         C.getTranslationUnitDecl()->lookup(&C.Idents.get(R.Primitive.Name)))
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (*R.ItemArg < FD->getNumParams())
          return C.hasSameUnqualifiedType(
              FD->getParamDecl(*R.ItemArg)->getType().getCanonicalType(),
              E->getType().getCanonicalType());
    return false;
  }

  static const DeclRefExpr *rootOf(const Expr *E) {
    while (E) {
      E = E->IgnoreParenCasts();
      if (const auto *U = dyn_cast<UnaryOperator>(E))
        E = U->getSubExpr();
      else if (const auto *M = dyn_cast<MemberExpr>(E))
        E = M->getBase();
      else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
        return isa<IntegerLiteral>(A->getIdx()->IgnoreParenImpCasts())
                   ? rootOf(A->getBase())
                   : nullptr;
      else
        return dyn_cast<DeclRefExpr>(E);
    }
    return nullptr;
  }

  /// The variable an item expression is rooted in ("sc" of &sc->sc_tick).
  static const VarDecl *rootVarOf(const Expr *E) {
    const DeclRefExpr *Root = rootOf(E);
    return Root ? dyn_cast<VarDecl>(Root->getDecl()) : nullptr;
  }

  bool reachableIn(const Expr *E, const FunctionDecl *From,
                   const Teardown &T) const {
    const VarDecl *VD = rootVarOf(E);
    if (!VD)
      return false;
    if (VD->hasGlobalStorage() && !VD->isStaticLocal())
      return true;
    // A local of a function, not an event handler's arm: the same name,
    // the same initializer, and parameters of the same names and types.
    if (T.LF->Role == LifecycleRole::Events || !VD->getInit() ||
        isa<ParmVarDecl>(VD) || !From)
      return false;
    const FunctionDecl *To = T.LF->Function;
    if (From->getNumParams() != To->getNumParams())
      return false;
    for (unsigned P = 0; P < From->getNumParams(); ++P)
      if (From->getParamDecl(P)->getName() != To->getParamDecl(P)->getName() ||
          !Analysis->context().hasSameType(From->getParamDecl(P)->getType(),
                                           To->getParamDecl(P)->getType()))
        return false;
    const auto *Body = dyn_cast_or_null<CompoundStmt>(To->getBody());
    if (!Body)
      return false;
    for (const Stmt *S : Body->body()) {
      const auto *DS = dyn_cast<DeclStmt>(S);
      if (!DS)
        break;
      for (const Decl *D : DS->decls())
        if (const auto *Mine = dyn_cast<VarDecl>(D))
          if (Mine->getName() == VD->getName() && Mine->getInit() &&
              Analysis->context().hasSameType(Mine->getType(), VD->getType()) &&
              text(Mine->getInit()) == text(VD->getInit()))
            return true;
    }
    return false;
  }

  /// Inserts Call before the first free of T's own body (or arm), else
  /// before its last return: after what unregisters the entry points that
  /// could arm the item again, before what the handler uses is gone.
  std::optional<std::vector<FixItHint>>
  insertion(const Teardown &T, const std::string &Call) const {
    const Action *Before = nullptr;
    for (const Action *A : T.Seq)
      if (A->K == Action::Free && A->In == T.LF->Function) {
        Before = A;
        break;
      }
    if (!Before)
      Before = T.Returns;
    if (!Before)
      return std::nullopt;
    const FunctionFacts *FF = Analysis->factsFor(T.LF->Function);
    if (!FF)
      return std::nullopt;
    // The statement that holds the action, directly in a block or a case.
    const Stmt *S = Before->S;
    while (S) {
      const Stmt *P = FF->Parents->getParent(S);
      if (!P || isa<CompoundStmt>(P) || isa<SwitchCase>(P) ||
          isa<IfStmt>(P) || isa<ForStmt>(P) || isa<WhileStmt>(P) ||
          isa<DoStmt>(P))
        break;
      S = P;
    }
    if (!S)
      return std::nullopt;
    return insertCallBefore(*FF, S, Call);
  }

  /// Inserts "Call;" right before statement S of FF's function.
  std::optional<std::vector<FixItHint>>
  insertCallBefore(const FunctionFacts &FF, const Stmt *S,
                   const std::string &Call) const {
    // A statement that is one macro call ("mtx_destroy(&sc->mtx);") starts
    // where the call is written; insert there when no braces are needed.
    const SourceManager &SM = Analysis->context().getSourceManager();
    const LangOptions &LO = Analysis->context().getLangOpts();
    SourceLocation MacroBegin;
    const Stmt *P = FF.Parents->getParent(S);
    if (S->getBeginLoc().isMacroID() && P &&
        (isa<CompoundStmt, SwitchCase, LabelStmt>(P)) &&
        Lexer::isAtStartOfMacroExpansion(S->getBeginLoc(), SM, LO,
                                         &MacroBegin) &&
        MacroBegin.isFileID()) {
      std::string Indent = indentationAt(SM, MacroBegin);
      bool OwnLine =
          SM.getSpellingColumnNumber(MacroBegin) == Indent.size() + 1;
      return std::vector<FixItHint>{FixItHint::CreateInsertion(
          MacroBegin, OwnLine ? Call + ";\n" + Indent : Call + "; ")};
    }
    return insertStatementBefore(Analysis->context(), *FF.Parents, S,
                                 Call + ";");
  }

  llvm::MapVector<const FunctionDecl *, std::vector<Action>> Actions;
  std::vector<Teardown> Elsewhere;
  bool FreeBSD = false;
};

} // namespace

std::unique_ptr<ModlifeCheck>
createDeferredWorkOutlivesModuleCheck(CheckContext &C) {
  return std::make_unique<DeferredWorkOutlivesModuleCheck>(
      "modlife-deferred-work-outlives-module", C);
}

} // namespace modlife
