//===- KobjectGetWithoutModuleGetCheck.cpp --------------------------------===//
//
// modlife-kobject-get-without-module-get. An object reference (kobject_get,
// get_device, kref_get) keeps an object's memory alive, never the code of
// the module that owns it. A function that takes one and hands a callback to
// a work item, timer, thread or RCU leaves the callback's code unpinned: if
// that code belongs to a module that is unloaded before the callback runs,
// the kernel jumps into freed memory. This is sysfs_schedule_callback() of
// 2007, which queued a caller's function with only kobject_get() on the
// caller's object. Silent when the function pins a module itself, and when
// the callback is this module's own code and something in the file cancels
// or flushes it (the exit path's cancel_work_sync()).
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/Deferrals.h"
#include "analyzer/engine/EntryPoints.h"
#include "analyzer/engine/TUAnalysis.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using modlife::rules::PrimitiveName;

namespace modlife {
namespace {

/// A callback handed over, or an item queued, in one function.
struct Deferral {
  const rules::DeferralRule *Rule = nullptr;
  std::string Name; // the primitive as written
  SourceLocation At;
  const Expr *Callback = nullptr; // none for a queue of an item set up before
  const Expr *Item = nullptr;
  llvm::SmallVector<std::string, 4> ItemPath;
  /// The workqueue it goes on, for a queueing primitive that names one.
  llvm::SmallVector<std::string, 4> QueuePath;
};

struct Stop {
  const rules::DeferralStopRule *Rule = nullptr;
  llvm::SmallVector<std::string, 4> ItemPath;
  llvm::SmallVector<std::string, 4> QueuePath;
};

/// "p->fn = fn" with fn a function-pointer parameter: the caller's code is
/// stored for whoever calls through that field later.
struct StoredCallback {
  const FieldDecl *Field = nullptr;
  const ParmVarDecl *Param = nullptr;
  SourceLocation At;
};

struct ObjectGet {
  const rules::ObjectRefRule *Rule = nullptr;
  std::string Name;
  SourceLocation At;
};

/// What one function does with object references, deferrals and stops.
struct FunctionScan {
  std::vector<ObjectGet> Gets;
  std::vector<Deferral> Deferrals;
  std::vector<Stop> Stops;
  std::vector<StoredCallback> Stored;
};

/// Finds the pack's deferral, stop and object-reference primitives in a
/// function body, macros by their expansion site.
class Scanner {
public:
  explicit Scanner(const TUAnalysis &A)
      : A(A), Rules(A.rules()) {}

  FunctionScan scan(const FunctionDecl *FD) {
    FunctionScan Out;
    Seen.clear();
    walk(FD->getBody(), FD, Out);
    return Out;
  }

private:
  void walk(const Stmt *S, const FunctionDecl *FD, FunctionScan &Out) {
    if (!S)
      return;
    if (S->getBeginLoc().isMacroID())
      matchMacros(S, Out);
    if (const auto *CE = dyn_cast<CallExpr>(S))
      matchCall(CE, Out);
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      matchStore(BO, FD, Out);
    for (const Stmt *Child : S->children())
      walk(Child, FD, Out);
  }

  const Expr *macroArg(const Stmt *Root, SourceRange Invocation,
                       std::optional<unsigned> Index) const {
    if (!Index)
      return nullptr;
    std::optional<CharSourceRange> R =
        A.matcher().macroArgumentRange(Invocation, *Index);
    return R ? A.matcher().exprWrittenIn(Root, *R) : nullptr;
  }

  // The first statement met inside an invocation is its outermost one,
  // which holds every argument as the expansion uses it. Outermost macros
  // first: INIT_DELAYED_WORK, as written, rather than the INIT_WORK inside.
  void matchMacros(const Stmt *S, FunctionScan &Out) {
    std::vector<std::string> Macros =
        A.matcher().enclosingMacros(S->getBeginLoc());
    for (const std::string &M : llvm::reverse(Macros)) {
      const auto *DR = Rules.deferralRule(PrimitiveName::Macro, M);
      const auto *SR = Rules.deferralStopRule(PrimitiveName::Macro, M);
      if (!DR && !SR)
        continue;
      std::optional<SourceRange> Inv =
          A.matcher().writtenInvocationOf(S->getBeginLoc(), M);
      if (!Inv || !Seen.insert(Inv->getBegin()).second)
        continue;
      if (DR) {
        Deferral D;
        D.Rule = DR;
        D.Name = M;
        D.At = Inv->getBegin();
        D.Callback = macroArg(S, *Inv, DR->CallbackArg);
        D.Item = macroArg(S, *Inv, DR->ItemArg);
        D.ItemPath = deferredItemPath(D.Item);
        D.QueuePath = deferredItemPath(macroArg(S, *Inv, DR->QueueArg));
        if (!DR->CallbackArg || D.Callback)
          Out.Deferrals.push_back(std::move(D));
      } else {
        Out.Stops.push_back({SR, deferredItemPath(macroArg(S, *Inv, SR->ItemArg)),
                             deferredItemPath(macroArg(S, *Inv, SR->QueueArg))});
      }
    }
  }

  void matchCall(const CallExpr *CE, FunctionScan &Out) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return;
    StringRef Name = Callee->getName();
    // kthread_run() expands to kthread_create_on_node(): the macro, written
    // by the programmer, already stands for it.
    bool InDeferralMacro =
        CE->getBeginLoc().isMacroID() &&
        llvm::any_of(A.matcher().enclosingMacros(CE->getBeginLoc()),
                     [&](const std::string &M) {
                       return Rules.deferralRule(PrimitiveName::Macro, M) ||
                              Rules.deferralStopRule(PrimitiveName::Macro, M);
                     });
    auto Arg = [&](std::optional<unsigned> I) -> const Expr * {
      return I && *I < CE->getNumArgs() ? CE->getArg(*I) : nullptr;
    };
    SourceLocation At = A.matcher().reportLoc(CE->getBeginLoc());
    if (const auto *R = Rules.objectRefRule(PrimitiveName::Function, Name))
      Out.Gets.push_back({R, Name.str(), At});
    if (InDeferralMacro)
      return;
    if (const auto *R = Rules.deferralRule(PrimitiveName::Function, Name)) {
      Deferral D;
      D.Rule = R;
      D.Name = Name.str();
      D.At = At;
      D.Callback = Arg(R->CallbackArg);
      D.Item = Arg(R->ItemArg);
      D.ItemPath = deferredItemPath(D.Item);
      D.QueuePath = deferredItemPath(Arg(R->QueueArg));
      if (!R->CallbackArg || D.Callback)
        Out.Deferrals.push_back(std::move(D));
    }
    if (const auto *R = Rules.deferralStopRule(PrimitiveName::Function, Name))
      Out.Stops.push_back(
          {R, deferredItemPath(Arg(R->ItemArg)), deferredItemPath(Arg(R->QueueArg))});
  }

  void matchStore(const BinaryOperator *BO, const FunctionDecl *FD,
                  FunctionScan &Out) {
    if (BO->getOpcode() != BO_Assign)
      return;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    const auto *DRE = dyn_cast<DeclRefExpr>(BO->getRHS()->IgnoreParenImpCasts());
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (F && P && P->getDeclContext() == FD &&
        P->getType()->isFunctionPointerType())
      Out.Stored.push_back({F, P, A.matcher().reportLoc(BO->getBeginLoc())});
  }

  const TUAnalysis &A;
  const rules::RuleSet &Rules;
  llvm::DenseSet<SourceLocation> Seen;
};

/// A call in FD's body through field F ("ss->func(ss->data)").
const CallExpr *callThroughField(const Stmt *S, const FieldDecl *F) {
  if (!S)
    return nullptr;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const auto *ME =
            dyn_cast<MemberExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      if (ME->getMemberDecl() == F)
        return CE;
  for (const Stmt *C : S->children())
    if (const CallExpr *Found = callThroughField(C, F))
      return Found;
  return nullptr;
}

class KobjectGetWithoutModuleGetCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    const SourceManager &SM = Analysis->context().getSourceManager();
    Scanner Scan(*Analysis);
    AllStops.clear();
    SetUps.clear();
    std::vector<std::pair<const FunctionDecl *, FunctionScan>> Scans;
    for (const FunctionFacts *FF : Analysis->allFunctions())
      if (FF->Function->hasBody() &&
          !SM.isInSystemHeader(FF->Function->getLocation()))
        Scans.emplace_back(FF->Function, Scan.scan(FF->Function));
    for (auto &[FD, S] : Scans) {
      llvm::append_range(AllStops, S.Stops);
      for (const Deferral &D : S.Deferrals)
        if (D.Callback)
          SetUps.push_back(&D);
    }
    // Pinning any module counts: the function may know the callback's
    // owner better than we do.
    ReachMap Pins = Analysis->reachSummary([](const ElementEvent &E) {
      return E.Use.UseKind == PrimitiveUse::Acquire ||
             E.Use.UseKind == PrimitiveUse::TryAcquire;
    });
    IsModule = Analysis->hasModuleMarker();
    for (auto &[FD, S] : Scans)
      if (!S.Gets.empty() && !S.Deferrals.empty() &&
          !Pins.count(FD->getCanonicalDecl()))
        checkFunction(S);
  }

private:
  /// Why a deferred callback is a problem, and what to say about it.
  struct Verdict {
    const Deferral *D = nullptr;
    const Expr *Callback = nullptr;
    const FunctionDecl *Runs = nullptr;    // the TU function that runs later
    const StoredCallback *Store = nullptr; // the caller's code it calls
    bool Foreign = false;
  };

  void checkFunction(const FunctionScan &S) {
    for (const Deferral &D : S.Deferrals) {
      // A queued item runs what its set-up, anywhere in the file, named.
      llvm::SmallVector<const Deferral *, 2> Sources;
      if (D.Callback)
        Sources.push_back(&D);
      else if (!D.ItemPath.empty())
        for (const Deferral *Up : SetUps)
          if (Up->Rule->RunsAs == D.Rule->RunsAs &&
              sameDeferredItem(Up->ItemPath, D.ItemPath))
            Sources.push_back(Up);
      for (const Deferral *Src : Sources)
        if (std::optional<Verdict> V = judge(D, *Src, S)) {
          report(S.Gets.front(), *V);
          return;
        }
    }
  }

  std::optional<Verdict> judge(const Deferral &D, const Deferral &Src,
                               const FunctionScan &S) const {
    Verdict V;
    V.D = &D;
    V.Callback = Src.Callback;
    const Expr *CB = Src.Callback->IgnoreParenCasts();
    if (const FunctionDecl *Own = functionNamedBy(CB)) {
      V.Runs = Own;
      // The caller's function stored where the callback calls it.
      const FunctionDecl *Def = Own->getDefinition();
      for (const StoredCallback &St : S.Stored)
        if (Def && callThroughField(Def->getBody(), St.Field)) {
          V.Store = &St;
          V.Foreign = true;
          return V;
        }
      // A callback defined in another file of the module may be stopped
      // there too; only a file that holds both can tell.
      if (!Def || !IsModule || stopped(D, Src))
        return std::nullopt;
      return V;
    }
    // A parameter, or a function pointer read from memory: code that may
    // be anybody's. A local variable could hold our own function; stay
    // quiet about it.
    const auto *DRE = dyn_cast<DeclRefExpr>(CB);
    if ((DRE && isa<ParmVarDecl>(DRE->getDecl())) || isa<MemberExpr>(CB)) {
      V.Foreign = true;
      return V;
    }
    return std::nullopt;
  }

  bool stopped(const Deferral &D, const Deferral &Src) const {
    return llvm::any_of(AllStops, [&](const Stop &St) {
      if (St.Rule->Stops != D.Rule->RunsAs)
        return false;
      if (St.Rule->ItemArg)
        return sameDeferredItem(D.ItemPath, St.ItemPath) ||
               sameDeferredItem(Src.ItemPath, St.ItemPath);
      if (!St.Rule->QueueArg)
        return true;
      // A queue's stop covers what goes on that queue. Where this function
      // only sets the item up, the queue is not known here.
      if (D.Rule->CallbackArg)
        return true;
      return D.Rule->QueueArg && sameDeferredItem(D.QueuePath, St.QueuePath);
    });
  }

  std::string text(const Expr *E) const {
    return Analysis->matcher().textOf(E->getSourceRange());
  }

  void report(const ObjectGet &Get, const Verdict &V) {
    const Deferral &D = *V.D;
    std::string Callee = "'" + (V.Runs ? V.Runs->getNameAsString()
                                       : text(V.Callback)) + "'";
    if (V.Foreign) {
      std::string Code =
          V.Store ? "'" + V.Store->Param->getNameAsString() + "'" : Callee;
      Finding &F = ModlifeCheck::report(
          Get.At, "'" + Get.Name +
                      "' keeps the object for deferred code, but nothing "
                      "pins the module that owns " + Code);
      Ctx.note(F, D.At,
               V.Store ? "'" + D.Name + "' defers " + Callee + ", which calls " +
                             Code + " after this function returns"
                       : "'" + D.Name + "' defers " + Code +
                             ", which runs after this function returns");
      if (V.Store)
        Ctx.note(F, V.Store->At,
                 Code + " comes from the caller: its code may belong to "
                        "another module, which can be unloaded before it runs");
      Ctx.note(F, Get.At, pinAdvice(Code, Callee, V));
      return;
    }
    Finding &F = ModlifeCheck::report(
        Get.At, "'" + Get.Name + "' keeps the object for " + Callee +
                    ", but nothing stops " + Callee +
                    " before this module can be unloaded");
    Ctx.note(F, D.At, "'" + D.Name + "' defers " + Callee + " here");
    Ctx.note(F, D.At, stopAdvice(D, Callee));
  }

  /// How to pin the callback's owner, in the pack's spelling.
  std::string pinAdvice(const std::string &Code, const std::string &Callee,
                        const Verdict &V) const {
    const rules::ModuleRefRule *Try = nullptr;
    for (const rules::RulePack &P : Analysis->rules().packs())
      for (const rules::ModuleRefRule &R : P.ModuleRefs)
        if (R.Effect == rules::RefEffect::TryAcquire && R.ModuleArg && !Try)
          Try = &R;
    if (!Try)
      return "pin the module that owns " + Code + " until it has run";
    std::string Put = Try->ReleaseSpelling;
    size_t At = Put.find("{module}");
    if (At != std::string::npos)
      Put.replace(At, 8, "owner");
    return "pin the module that owns " + Code + " here with '" +
           Try->Primitive.Name + "(owner)', and drop it with '" + Put +
           "' in " + (V.Store ? Callee + " after calling " + Code
                              : "the callback when it is done");
  }

  /// How to stop the callback in the exit path, in the pack's spelling.
  std::string stopAdvice(const Deferral &D, const std::string &Callee) const {
    for (const rules::RulePack &P : Analysis->rules().packs())
      for (const rules::DeferralStopRule &R : P.DeferralStops)
        if (R.Stops == D.Rule->RunsAs)
          return "stop " + Callee + " before the module goes, e.g. '" +
                 R.Primitive.Name + "(" +
                 (R.ItemArg && D.Item ? text(D.Item) : "") +
                 ")' in the exit or remove path";
    return "stop " + Callee + " before the module goes";
  }

  std::vector<Stop> AllStops;
  std::vector<const Deferral *> SetUps;
  bool IsModule = false;
};

} // namespace

std::unique_ptr<ModlifeCheck>
createKobjectGetWithoutModuleGetCheck(CheckContext &C) {
  return std::make_unique<KobjectGetWithoutModuleGetCheck>(
      "modlife-kobject-get-without-module-get", C);
}

} // namespace modlife
