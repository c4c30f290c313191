//===- ModeventContractCheck.cpp - modlife-modevent-contract --------------===//
//
// The contract of a FreeBSD module event handler (modeventhand_t): return
// EOPNOTSUPP for events it does not handle; return MOD_LOAD's errors; leave
// a failed MOD_LOAD's state for MOD_UNLOAD, which the kernel sends next
// (module_register_init()), instead of releasing it twice; and do not let
// MOD_UNLOAD succeed while the teardown of a registration sits on another
// event's arm. The handlers and the arms that run for each event come from
// the lifecycle index (role Events) and blocksForEvent.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

using namespace clang;

namespace modlife {
namespace {

const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

/// Whether E is the integer constant 0 as written (not a variable).
bool isZeroConstant(const Expr *E, ASTContext &Ctx) {
  E = strip(E);
  if (!E || E->isValueDependent() || E->getType().isNull() ||
      !E->getType()->isIntegralOrEnumerationType())
    return false;
  std::optional<llvm::APSInt> V = E->getIntegerConstantExpr(Ctx);
  return V && V->isZero();
}

const VarDecl *varOf(const Expr *E) {
  if (const auto *DR = dyn_cast_or_null<DeclRefExpr>(strip(E)))
    return dyn_cast<VarDecl>(DR->getDecl());
  return nullptr;
}

bool isParam(const Expr *E, const ParmVarDecl *P) {
  const auto *DR = dyn_cast_or_null<DeclRefExpr>(strip(E));
  return P && DR && DR->getDecl() == P;
}

/// Whether every variable E names has static storage: the same object in
/// every call of the handler. A local of the MOD_LOAD call is another
/// object than the same local in the MOD_UNLOAD call.
bool namesOnlyGlobals(const Stmt *S) {
  if (!S)
    return true;
  if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
      return V->hasGlobalStorage();
    return !isa<ParmVarDecl>(DR->getDecl());
  }
  for (const Stmt *C : S->children())
    if (!namesOnlyGlobals(C))
      return false;
  return true;
}

/// The variable an assignment or initialization stores into, with the
/// stored value.
struct Store {
  const VarDecl *Var = nullptr;
  const Expr *Value = nullptr;
};
std::optional<Store> storeOf(const Stmt *S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp())
      if (const VarDecl *V = varOf(BO->getLHS()))
        return Store{V, BO->isCompoundAssignmentOp() ? nullptr : BO->getRHS()};
    return std::nullopt;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    if (DS->isSingleDecl())
      if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl()))
        if (V->hasInit())
          return Store{V, V->getInit()};
  return std::nullopt;
}

/// Which successor of a test is taken when the tested value is a failure
/// (non-zero): 0 for the true edge, 1 for the false edge. None when Cond
/// does not involve the value; -1 when it does in a way not understood.
std::optional<int> failureEdge(const Expr *Cond,
                               llvm::function_ref<bool(const Expr *)> IsValue,
                               ASTContext &Ctx) {
  const Expr *E = strip(Cond);
  if (!E)
    return std::nullopt;
  if (IsValue(E))
    return 0;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_LNot && IsValue(strip(UO->getSubExpr())))
      return 1;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    if (BO->isEqualityOp()) {
      const Expr *L = strip(BO->getLHS()), *R = strip(BO->getRHS());
      if ((IsValue(L) && isZeroConstant(R, Ctx)) ||
          (IsValue(R) && isZeroConstant(L, Ctx)))
        return BO->getOpcode() == BO_NE ? 0 : 1;
    }
  bool Involves = false;
  std::function<void(const Stmt *)> Look = [&](const Stmt *S) {
    if (!S || Involves)
      return;
    if (const auto *X = dyn_cast<Expr>(S); X && IsValue(strip(X)))
      Involves = true;
    for (const Stmt *C : S->children())
      Look(C);
  };
  Look(E);
  return Involves ? std::optional<int>(-1) : std::nullopt;
}

/// A call that releases something (the pack's frees and resource-pairs
/// releases) or acquires a registration.
struct PrimitiveCall {
  const CallExpr *Call = nullptr;
  std::string Name;
  /// The handle as written, whitespace removed ("acmebuf_data").
  std::string Handle;
  const Expr *HandleExpr = nullptr;
  const rules::ResourcePairRule *Pair = nullptr;
};

std::string compact(llvm::StringRef S) {
  std::string Out;
  for (char C : S)
    if (!isspace(static_cast<unsigned char>(C)))
      Out += C;
  return Out;
}

class ModeventContractCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    const SourceManager &SM = Analysis->context().getSourceManager();
    for (const LifecycleFunction *H :
         Analysis->lifecycle().withRole(rules::LifecycleRole::Events)) {
      if (SM.isInSystemHeader(H->Function->getLocation()))
        continue;
      const FunctionFacts *FF = Analysis->factsFor(H->Function);
      if (!FF || !FF->Cfg || !FF->Parents)
        continue;
      checkUnknownEvents(*H, *FF);
      checkLoadIgnoresError(*H, *FF);
      checkDoubleRelease(*H, *FF);
      checkUnloadLeavesLive(*H, *FF);
    }
  }

private:
  ASTContext &ctx() const { return Analysis->context(); }
  const PrimitiveMatcher &matcher() const { return Analysis->matcher(); }

  std::string text(const Expr *E) const {
    return compact(matcher().textOf(E->getSourceRange()));
  }

  const ParmVarDecl *eventParam(const LifecycleFunction &H) const {
    return H.EventParam < H.Function->getNumParams()
               ? H.Function->getParamDecl(H.EventParam)
               : nullptr;
  }

  /// Calls Fn for every statement element of the blocks in Blocks.
  void forEachStmt(const FunctionFacts &FF, const llvm::BitVector &Blocks,
                   llvm::function_ref<void(const Stmt *)> Fn) const {
    for (const CFGBlock *B : *FF.Cfg)
      if (B && B->getBlockID() < Blocks.size() && Blocks.test(B->getBlockID()))
        for (const CFGElement &El : *B)
          if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>())
            Fn(CS->getStmt());
  }

  enum class Step { Go, Stop };
  /// Walks the paths from element Index of block B (inclusive) through the
  /// blocks of Allowed. OnStmt sees each statement element; Edges says
  /// which successors a block's test allows (all when it returns none).
  void walk(const FunctionFacts &FF, const CFGBlock *B, unsigned Index,
            const llvm::BitVector &Allowed,
            llvm::function_ref<Step(const Stmt *)> OnStmt,
            llvm::function_ref<std::optional<int>(const CFGBlock *)> Edges)
      const {
    llvm::DenseSet<const CFGBlock *> Seen;
    SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work{{B, Index}};
    while (!Work.empty()) {
      auto [Blk, First] = Work.pop_back_val();
      bool Stopped = false;
      for (unsigned I = First; I < Blk->size() && !Stopped; ++I)
        if (std::optional<CFGStmt> CS = (*Blk)[I].getAs<CFGStmt>())
          Stopped = OnStmt(CS->getStmt()) == Step::Stop;
      if (Stopped)
        continue;
      std::optional<int> Only = Edges(Blk);
      if (Only && *Only < 0)
        continue;
      int EdgeNo = 0;
      for (const CFGBlock::AdjacentBlock &S : Blk->succs()) {
        const CFGBlock *SB = S.getReachableBlock();
        int This = EdgeNo++;
        if (!SB || (Only && *Only != This))
          continue;
        if (SB->getBlockID() >= Allowed.size() ||
            !Allowed.test(SB->getBlockID()) || !Seen.insert(SB).second)
          continue;
        Work.push_back({SB, 0});
      }
    }
  }

  /// The return statements of the blocks in Blocks, each with whether it
  /// returns 0 there: a constant 0, or a local that every store in those
  /// blocks sets to the constant 0.
  std::vector<std::pair<const ReturnStmt *, bool>>
  returnsOn(const FunctionFacts &FF, const llvm::BitVector &Blocks) const {
    std::vector<const ReturnStmt *> Returns;
    llvm::DenseMap<const VarDecl *, bool> OnlyZero;
    forEachStmt(FF, Blocks, [&](const Stmt *S) {
      if (const auto *RS = dyn_cast<ReturnStmt>(S))
        Returns.push_back(RS);
      else if (std::optional<Store> St = storeOf(S)) {
        bool Zero = St->Value && isZeroConstant(St->Value, ctx());
        auto [It, New] = OnlyZero.try_emplace(St->Var, Zero);
        if (!New)
          It->second = It->second && Zero;
      }
    });
    std::vector<std::pair<const ReturnStmt *, bool>> Out;
    for (const ReturnStmt *RS : Returns) {
      const Expr *V = RS->getRetValue();
      bool Zero = V && isZeroConstant(V, ctx());
      if (V && !Zero)
        if (const VarDecl *Var = varOf(V); Var && Var->isLocalVarDecl()) {
          auto It = OnlyZero.find(Var);
          Zero = It != OnlyZero.end() && It->second;
        }
      Out.push_back({RS, Zero});
    }
    return Out;
  }

  // --- (a) events the handler does not handle ------------------------------

  const SwitchStmt *switchOnEvent(const Stmt *S, const ParmVarDecl *P) const {
    if (!S)
      return nullptr;
    if (const auto *SW = dyn_cast<SwitchStmt>(S))
      if (isParam(SW->getCond(), P))
        return SW;
    for (const Stmt *C : S->children())
      if (const SwitchStmt *SW = switchOnEvent(C, P))
        return SW;
    return nullptr;
  }

  /// The constants the handler compares its event parameter with.
  void eventTests(const Stmt *S, const ParmVarDecl *P,
                  std::vector<int64_t> &Values, bool &Tests) const {
    if (!S)
      return;
    if (const auto *SW = dyn_cast<SwitchStmt>(S); SW && isParam(SW->getCond(), P)) {
      Tests = true;
      for (const SwitchCase *C = SW->getSwitchCaseList(); C;
           C = C->getNextSwitchCase())
        if (const auto *CS = dyn_cast<CaseStmt>(C))
          if (std::optional<llvm::APSInt> V =
                  CS->getLHS()->getIntegerConstantExpr(ctx()))
            Values.push_back(V->getExtValue());
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isEqualityOp()) {
      const Expr *Other = isParam(BO->getLHS(), P)   ? BO->getRHS()
                          : isParam(BO->getRHS(), P) ? BO->getLHS()
                                                     : nullptr;
      if (Other) {
        Tests = true;
        if (std::optional<llvm::APSInt> V = Other->getIntegerConstantExpr(ctx()))
          Values.push_back(V->getExtValue());
      }
    }
    for (const Stmt *C : S->children())
      eventTests(C, P, Values, Tests);
  }

  static bool endsWithJump(const Stmt *S) {
    while (S) {
      if (const auto *SC = dyn_cast<SwitchCase>(S))
        S = SC->getSubStmt();
      else if (const auto *LS = dyn_cast<LabelStmt>(S))
        S = LS->getSubStmt();
      else if (const auto *CS = dyn_cast<CompoundStmt>(S))
        S = CS->body_empty() ? nullptr : CS->body_back();
      else
        break;
    }
    return S && isa<BreakStmt, ReturnStmt, GotoStmt, ContinueStmt>(S);
  }

  void checkUnknownEvents(const LifecycleFunction &H, const FunctionFacts &FF) {
    const rules::ModuleEventNames &Names = Analysis->rules().moduleEvents();
    const ParmVarDecl *P = eventParam(H);
    if (!P || Names.Unsupported.empty())
      return;
    std::vector<int64_t> Tested;
    bool Tests = false;
    eventTests(H.Function->getBody(), P, Tested, Tests);
    // A handler that never looks at the event treats all alike; whether
    // that is right is not a question of a missing default.
    if (!Tests)
      return;
    // Names of the known events the handler never tests, for the message.
    std::vector<std::string> Unhandled;
    int64_t Unknown = 0;
    for (int64_t V : Tested)
      Unknown = std::max(Unknown, V);
    const std::pair<ModuleEvent, const std::vector<std::string> *> Known[] = {
        {ModuleEvent::Load, &Names.Load},
        {ModuleEvent::Unload, &Names.Unload},
        {ModuleEvent::Quiesce, &Names.Quiesce},
        {ModuleEvent::Shutdown, &Names.Shutdown}};
    // MOD_LOAD and MOD_UNLOAD without a case of their own are fine to
    // answer with 0 (nothing to do), and must not get EOPNOTSUPP: that
    // would fail every load, or refuse every unload.
    std::vector<std::string> NeedOwnCase;
    for (const auto &[E, EventNames] : Known) {
      std::vector<int64_t> Vs = Analysis->moduleEventValues(E);
      for (int64_t V : Vs)
        Unknown = std::max(Unknown, V);
      if (Vs.empty() || EventNames->empty() ||
          llvm::any_of(Vs, [&](int64_t V) { return llvm::is_contained(Tested, V); }))
        continue;
      if (E == ModuleEvent::Load || E == ModuleEvent::Unload)
        NeedOwnCase.push_back(EventNames->front());
      else
        Unhandled.push_back(EventNames->front());
    }
    ++Unknown;
    int64_t Values[] = {Unknown};
    llvm::BitVector Blocks =
        blocksForEvent(*FF.Cfg, H.Function, H.EventParam, Values, ctx());
    // What the unknown event returns: report only when every return it can
    // reach gives 0, as a constant or through a local that only ever holds
    // 0 on those paths.
    std::vector<std::pair<const ReturnStmt *, bool>> Returns =
        returnsOn(FF, Blocks);
    if (Returns.empty() ||
        llvm::any_of(Returns, [](const auto &R) { return !R.second; }))
      return;

    const std::string &Unsupported = Names.Unsupported.front();
    std::string Which;
    for (const std::string &N : Unhandled)
      Which += (Which.empty() ? "" : ", ") + N;
    std::string Msg = "module event handler '" +
                      H.Function->getName().str() +
                      "' returns 0 for events it does not handle" +
                      (Which.empty() ? " (unrecognized events)"
                                     : " (" + Which + ")") +
                      "; return " + Unsupported + " for them";
    const SwitchStmt *SW = switchOnEvent(H.Function->getBody(), P);
    Finding &F = report(SW ? SW->getBeginLoc() : H.Function->getLocation(), Msg);
    if (!NeedOwnCase.empty()) {
      // A default that returns EOPNOTSUPP would catch these too.
      std::string Own;
      for (const std::string &N : NeedOwnCase)
        Own += (Own.empty() ? "" : " and ") + N;
      Ctx.note(F, SW ? SW->getBeginLoc() : H.Function->getLocation(),
               Own + (NeedOwnCase.size() == 1 ? " reaches" : " reach") +
                   " the same code: give " +
                   (NeedOwnCase.size() == 1 ? "it" : "them") +
                   " a case that returns 0 before making unknown events "
                   "return " + Unsupported);
      return;
    }
    if (SW)
      suggestDefault(F, SW, Unsupported);
  }

  /// Adds "default: return (EOPNOTSUPP);" before the switch's closing
  /// brace when the switch has no default and its last arm cannot fall into
  /// the new one.
  void suggestDefault(Finding &F, const SwitchStmt *SW,
                      const std::string &Unsupported) {
    for (const SwitchCase *C = SW->getSwitchCaseList(); C;
         C = C->getNextSwitchCase())
      if (isa<DefaultStmt>(C))
        return;
    const auto *Body = dyn_cast<CompoundStmt>(SW->getBody());
    if (!Body || Body->body_empty() || !endsWithJump(Body->body_back()))
      return;
    if (!ctx().Idents.get(Unsupported).hasMacroDefinition())
      return;
    const SourceManager &SM = ctx().getSourceManager();
    SourceLocation RBrace = Body->getRBracLoc();
    if (RBrace.isMacroID())
      return;
    auto [FID, Offset] = SM.getDecomposedLoc(RBrace);
    bool Invalid = false;
    StringRef Buf = SM.getBufferData(FID, &Invalid);
    if (Invalid)
      return;
    size_t LineStart = Buf.rfind('\n', Offset ? Offset - 1 : 0);
    LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
    StringRef Before = Buf.slice(LineStart, Offset);
    std::string Return = "return (" + Unsupported + ");";
    if (!Before.trim().empty()) {
      Ctx.fix(F, {FixItHint::CreateInsertion(RBrace, "default: " + Return + " ")});
      return;
    }
    // The brace has a line of its own: the new arm gets lines of its own,
    // the label at the brace's indentation, the return one level deeper.
    std::string Indent = Before.str();
    std::string Inner = Indent + "\t";
    SourceLocation LastLoc = Body->body_back()->getBeginLoc();
    if (const auto *SC = dyn_cast<SwitchCase>(Body->body_back()))
      LastLoc = SC->getSubStmt()->getBeginLoc();
    if (LastLoc.isFileID()) {
      auto [LFID, LOff] = SM.getDecomposedLoc(LastLoc);
      size_t LStart = Buf.rfind('\n', LOff ? LOff - 1 : 0);
      LStart = LStart == StringRef::npos ? 0 : LStart + 1;
      StringRef LBefore = Buf.slice(LStart, LOff);
      if (LFID == FID && LBefore.trim().empty() &&
          LBefore.size() > Indent.size())
        Inner = LBefore.str();
    }
    Ctx.fix(F, {FixItHint::CreateInsertion(
                   RBrace.getLocWithOffset(-(int)Before.size()),
                   Indent + "default:\n" + Inner + Return + "\n")});
  }

  // --- (b) MOD_LOAD drops an error -----------------------------------------

  /// Whether a call's int result says whether it failed: a resource-pairs
  /// acquisition that fails by a non-zero or negative result, or a
  /// function of this file that returns errno values.
  bool returnsError(const CallExpr *CE) const {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->getIdentifier() ||
        !FD->getReturnType()->isIntegralOrEnumerationType())
      return false;
    if (const rules::ResourcePairRule *R = Analysis->rules().pairAcquiredBy(
            rules::PrimitiveName::Function, FD->getName()))
      return R->FailsWhen == rules::FailureSignal::NonZero ||
             R->FailsWhen == rules::FailureSignal::Negative;
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def || !Def->hasBody())
      return false;
    bool ReturnsErrno = false;
    std::function<void(const Stmt *)> Look = [&](const Stmt *S) {
      if (!S || ReturnsErrno)
        return;
      if (const auto *RS = dyn_cast<ReturnStmt>(S))
        if (RS->getRetValue() && Analysis->isFailureConstant(RS->getRetValue()))
          ReturnsErrno = true;
      for (const Stmt *C : S->children())
        Look(C);
    };
    Look(Def->getBody());
    return ReturnsErrno;
  }

  const Stmt *parentSkippingParens(const ParentMap &PM, const Stmt *S) const {
    const Stmt *P = PM.getParent(S);
    while (P && (isa<ParenExpr, ImplicitCastExpr>(P) ||
                 (isa<CStyleCastExpr>(P) &&
                  !cast<CStyleCastExpr>(P)->getType()->isVoidType())))
      P = PM.getParent(P);
    return P;
  }

  void checkLoadIgnoresError(const LifecycleFunction &H,
                             const FunctionFacts &FF) {
    llvm::BitVector Load =
        Analysis->blocksOnModuleEvent(H, ModuleEvent::Load);
    if (Load.none())
      return;
    const ParentMap &PM = *FF.Parents;
    std::vector<const CallExpr *> Calls;
    forEachStmt(FF, Load, [&](const Stmt *S) {
      if (const auto *CE = dyn_cast<CallExpr>(S); CE && returnsError(CE))
        Calls.push_back(CE);
    });
    for (const CallExpr *CE : Calls) {
      // How the result is kept: thrown away, stored in a variable, or
      // tested at once.
      const VarDecl *Var = nullptr;
      bool Discarded = valueIsDiscarded(FF, CE);
      if (!Discarded) {
        const Stmt *P = parentSkippingParens(PM, CE);
        if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
            BO && BO->getOpcode() == BO_Assign && strip(BO->getRHS()) == CE)
          Var = varOf(BO->getLHS());
        else if (const auto *VD = dyn_cast_or_null<VarDecl>(
                     P && isa<DeclStmt>(P) ? cast<DeclStmt>(P)->getSingleDecl()
                                           : nullptr);
                 VD && strip(VD->getInit()) == CE)
          Var = VD;
        if (Var && !Var->isLocalVarDecl())
          Var = nullptr;
      }
      auto IsValue = [&](const Expr *E) {
        // "(error = make_dev_s(...)) != 0" tests what it stores.
        if (const auto *BO = dyn_cast<BinaryOperator>(E);
            BO && BO->getOpcode() == BO_Assign)
          E = strip(BO->getRHS()) == CE ? CE : strip(BO->getLHS());
        return E == CE || (Var && varOf(E) == Var);
      };
      std::optional<std::pair<const CFGBlock *, unsigned>> Pos =
          FF.positionOf(CE);
      if (!Pos)
        continue;
      const ReturnStmt *Success = nullptr;
      walk(
          FF, Pos->first, Pos->second + 1, Load,
          [&](const Stmt *S) {
            if (Success)
              return Step::Stop;
            // A new value in the variable ends the path; the store of the
            // call's own result does not.
            if (std::optional<Store> St = storeOf(S);
                St && St->Var == Var && Var && strip(St->Value) != CE)
              return Step::Stop;
            if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
              if (RS->getRetValue() && isZeroConstant(RS->getRetValue(), ctx()))
                Success = RS;
              return Step::Stop;
            }
            return Step::Go;
          },
          [&](const CFGBlock *B) -> std::optional<int> {
            const Expr *Cond = dyn_cast_or_null<Expr>(
                B->getTerminatorCondition(/*StripParens=*/true));
            if (!Cond || B->succ_size() != 2)
              return std::nullopt;
            if (Discarded)
              return std::nullopt;
            return failureEdge(Cond, IsValue, ctx());
          });
      // A value that is neither discarded, nor stored, nor tested is used
      // some other way (passed on, returned): not this check's business.
      if (!Success || (!Discarded && !Var && !testedAt(FF, CE, IsValue)))
        continue;
      std::string Name = CE->getDirectCallee()->getName().str();
      Finding &F = report(
          CE->getBeginLoc(),
          "MOD_LOAD returns 0 after '" + Name +
              "' fails: the module stays loaded without what it set up; "
              "return the error, and the kernel sends MOD_UNLOAD and "
              "releases the module");
      Ctx.note(F, Success->getBeginLoc(),
               "MOD_LOAD reports success here after the failure");
    }
  }

  /// Whether CE is itself (an operand of) the test of its block.
  bool testedAt(const FunctionFacts &FF, const CallExpr *CE,
                llvm::function_ref<bool(const Expr *)> IsValue) const {
    std::optional<std::pair<const CFGBlock *, unsigned>> Pos = FF.positionOf(CE);
    if (!Pos)
      return false;
    const Expr *Cond =
        dyn_cast_or_null<Expr>(Pos->first->getTerminatorCondition(true));
    std::optional<int> E = Cond ? failureEdge(Cond, IsValue, ctx()) : std::nullopt;
    return E && *E >= 0;
  }

  // --- releases -----------------------------------------------------------

  /// The release (frees, or the release of a resource pair) that CE is,
  /// if it is one, with its handle.
  std::optional<PrimitiveCall> releaseCall(const CallExpr *CE) const {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->getIdentifier() || CE->getBeginLoc().isMacroID())
      return std::nullopt;
    const rules::RuleSet &R = Analysis->rules();
    std::optional<unsigned> Arg;
    const rules::ResourcePairRule *Pair = nullptr;
    if (const rules::FreeRule *FR =
            R.freeRule(rules::PrimitiveName::Function, FD->getName()))
      Arg = FR->Arg;
    else if ((Pair = R.pairReleasedBy(rules::PrimitiveName::Function,
                                      FD->getName())))
      Arg = Pair->ReleaseArg;
    if (!Arg || *Arg >= CE->getNumArgs())
      return std::nullopt;
    PrimitiveCall P;
    P.Call = CE;
    P.Name = FD->getName().str();
    P.HandleExpr = CE->getArg(*Arg);
    P.Handle = text(P.HandleExpr);
    P.Pair = Pair;
    if (P.Handle.empty())
      return std::nullopt;
    return P;
  }

  /// The registration (resource-pairs with registration: true) that CE
  /// acquires, with its handle as the release will name it.
  std::optional<PrimitiveCall> registrationCall(const CallExpr *CE,
                                                const ParentMap *PM) const {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->getIdentifier() || CE->getBeginLoc().isMacroID())
      return std::nullopt;
    const rules::ResourcePairRule *Pair = Analysis->rules().pairAcquiredBy(
        rules::PrimitiveName::Function, FD->getName());
    if (!Pair || !Pair->Registration)
      return std::nullopt;
    PrimitiveCall P;
    P.Call = CE;
    P.Name = FD->getName().str();
    P.Pair = Pair;
    switch (Pair->Handle) {
    case rules::HandleKind::Result: {
      const Stmt *Parent = PM ? parentSkippingParens(*PM, CE) : nullptr;
      const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent);
      if (!BO || BO->getOpcode() != BO_Assign)
        return std::nullopt;
      P.HandleExpr = BO->getLHS();
      break;
    }
    case rules::HandleKind::Arg:
    case rules::HandleKind::OutArg: {
      if (Pair->HandleArg >= CE->getNumArgs())
        return std::nullopt;
      const Expr *A = strip(CE->getArg(Pair->HandleArg));
      if (Pair->Handle == rules::HandleKind::OutArg) {
        const auto *UO = dyn_cast<UnaryOperator>(A);
        if (!UO || UO->getOpcode() != UO_AddrOf)
          return std::nullopt;
        A = UO->getSubExpr();
      }
      P.HandleExpr = A;
      break;
    }
    }
    P.Handle = text(P.HandleExpr);
    if (P.Handle.empty() || !namesOnlyGlobals(P.HandleExpr))
      return std::nullopt;
    return P;
  }

  /// Whether S sits under a test other than one of the event parameter:
  /// an if, a loop or a ?: that may skip it.
  bool isConditional(const ParentMap &PM, const Stmt *S,
                     const ParmVarDecl *P) const {
    for (const Stmt *Child = S, *Up = PM.getParent(S); Up;
         Child = Up, Up = PM.getParent(Up)) {
      const Expr *Cond = nullptr;
      if (const auto *If = dyn_cast<IfStmt>(Up))
        Cond = If->getCond() == Child ? nullptr : If->getCond();
      else if (const auto *W = dyn_cast<WhileStmt>(Up))
        Cond = W->getCond();
      else if (const auto *Fr = dyn_cast<ForStmt>(Up))
        Cond = Fr->getCond();
      else if (const auto *CO = dyn_cast<ConditionalOperator>(Up))
        Cond = CO->getCond() == Child ? nullptr : CO->getCond();
      else if (isa<BinaryOperator>(Up) &&
               cast<BinaryOperator>(Up)->isLogicalOp())
        Cond = cast<BinaryOperator>(Up)->getLHS();
      if (!Cond)
        continue;
      std::vector<int64_t> Ignored;
      bool TestsEvent = false;
      eventTests(Cond, P, Ignored, TestsEvent);
      if (!TestsEvent)
        return true;
    }
    return false;
  }

  /// Whether S is in the branch that a failure of variable V takes.
  bool underFailureOf(const ParentMap &PM, const Stmt *S,
                      const VarDecl *V) const {
    auto IsV = [&](const Expr *E) { return varOf(E) == V; };
    for (const Stmt *Child = S, *Up = PM.getParent(S); Up;
         Child = Up, Up = PM.getParent(Up))
      if (const auto *If = dyn_cast<IfStmt>(Up)) {
        std::optional<int> E = failureEdge(If->getCond(), IsV, ctx());
        if (E && *E >= 0 &&
            ((*E == 0 && If->getThen() == Child) ||
             (*E == 1 && If->getElse() == Child)))
          return true;
      }
    return false;
  }

  // --- (c) released on a failed MOD_LOAD, and again on MOD_UNLOAD ------------

  void checkDoubleRelease(const LifecycleFunction &H, const FunctionFacts &FF) {
    llvm::BitVector Load = Analysis->blocksOnModuleEvent(H, ModuleEvent::Load);
    llvm::BitVector Unload =
        Analysis->blocksOnModuleEvent(H, ModuleEvent::Unload);
    if (Load.none() || Unload.none())
      return;
    const ParentMap &PM = *FF.Parents;
    std::vector<PrimitiveCall> LoadReleases, UnloadReleases;
    forEachStmt(FF, Load, [&](const Stmt *S) {
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (std::optional<PrimitiveCall> R = releaseCall(CE);
            R && namesOnlyGlobals(R->HandleExpr))
          LoadReleases.push_back(*R);
    });
    forEachStmt(FF, Unload, [&](const Stmt *S) {
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (std::optional<PrimitiveCall> R = releaseCall(CE))
          UnloadReleases.push_back(*R);
    });
    const ParmVarDecl *P = eventParam(H);
    std::vector<const PrimitiveCall *> Firsts;
    for (const PrimitiveCall &First : LoadReleases)
      if (onFailurePath(FF, First, Load))
        Firsts.push_back(&First);
    for (const PrimitiveCall &Again : UnloadReleases) {
      std::vector<const PrimitiveCall *> Before;
      for (const PrimitiveCall *First : Firsts)
        if (Again.Call != First->Call && Again.Name == First->Name &&
            Again.Handle == First->Handle)
          Before.push_back(First);
      if (Before.empty() || isConditional(PM, Again.Call, P))
        continue;
      llvm::sort(Before, [&](const PrimitiveCall *L, const PrimitiveCall *R) {
        return ctx().getSourceManager().isBeforeInTranslationUnit(
            L->Call->getBeginLoc(), R->Call->getBeginLoc());
      });
      Finding &F = report(
          Again.Call->getBeginLoc(),
          "'" + Again.Name + "' of '" + Again.Handle +
              "' on MOD_UNLOAD runs again after a failed MOD_LOAD "
              "released it: the kernel sends MOD_UNLOAD after MOD_LOAD "
              "fails");
      for (const PrimitiveCall *First : Before)
        Ctx.note(F, First->Call->getBeginLoc(),
                 "first '" + First->Name + "' of '" + First->Handle +
                     "', on the MOD_LOAD failure path; leave the cleanup "
                     "to MOD_UNLOAD, or clear '" + First->Handle +
                     "' here and test it there");
    }
  }

  /// Whether some path from the release R returns a failure from MOD_LOAD
  /// without storing a new value into the released handle.
  bool onFailurePath(const FunctionFacts &FF, const PrimitiveCall &R,
                     const llvm::BitVector &Load) const {
    std::optional<std::pair<const CFGBlock *, unsigned>> Pos =
        FF.positionOf(R.Call);
    if (!Pos)
      return false;
    bool Failure = false;
    walk(
        FF, Pos->first, Pos->second + 1, Load,
        [&](const Stmt *S) {
          if (Failure)
            return Step::Stop;
          if (const auto *BO = dyn_cast<BinaryOperator>(S);
              BO && BO->isAssignmentOp() && text(BO->getLHS()) == R.Handle)
            return Step::Stop;
          if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
            const Expr *V = RS->getRetValue();
            if (V && (Analysis->isFailureConstant(V) ||
                      (varOf(V) && underFailureOf(*FF.Parents, R.Call, varOf(V)))))
              Failure = true;
            return Step::Stop;
          }
          return Step::Go;
        },
        [](const CFGBlock *) -> std::optional<int> { return std::nullopt; });
    return Failure;
  }

  // --- (d) MOD_UNLOAD succeeds with a registration still in place ----------

  void checkUnloadLeavesLive(const LifecycleFunction &H,
                             const FunctionFacts &FF) {
    llvm::BitVector Load = Analysis->blocksOnModuleEvent(H, ModuleEvent::Load);
    llvm::BitVector Unload =
        Analysis->blocksOnModuleEvent(H, ModuleEvent::Unload);
    if (Unload.none())
      return;
    std::vector<PrimitiveCall> Acquired;
    forEachStmt(FF, Load, [&](const Stmt *S) {
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (std::optional<PrimitiveCall> A = registrationCall(CE, FF.Parents.get()))
          Acquired.push_back(*A);
    });
    for (const LifecycleFunction *L :
         Analysis->lifecycle().withRole(rules::LifecycleRole::Load))
      if (const FunctionFacts *LF = Analysis->factsFor(L->Function);
          LF && LF->Cfg)
        forEachStmt(*LF, llvm::BitVector(LF->Cfg->getNumBlockIDs(), true),
                    [&](const Stmt *S) {
                      if (const auto *CE = dyn_cast<CallExpr>(S))
                        if (std::optional<PrimitiveCall> A =
                                registrationCall(CE, LF->Parents.get()))
                          Acquired.push_back(*A);
                    });
    if (Acquired.empty())
      return;
    llvm::BitVector All(FF.Cfg->getNumBlockIDs(), true);
    std::vector<PrimitiveCall> Releases;
    forEachStmt(FF, All, [&](const Stmt *S) {
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (std::optional<PrimitiveCall> R = releaseCall(CE))
          Releases.push_back(*R);
    });
    // Unload functions (SYSUNINIT) release too.
    std::vector<std::string> ReleasedElsewhere;
    for (const LifecycleFunction *U :
         Analysis->lifecycle().withRole(rules::LifecycleRole::Unload))
      if (const FunctionFacts *UF = Analysis->factsFor(U->Function))
        if (UF->Cfg)
          forEachStmt(*UF, llvm::BitVector(UF->Cfg->getNumBlockIDs(), true),
                      [&](const Stmt *S) {
                        if (const auto *CE = dyn_cast<CallExpr>(S))
                          if (std::optional<PrimitiveCall> R = releaseCall(CE))
                            ReleasedElsewhere.push_back(R->Name + " " + R->Handle);
                      });
    const ReturnStmt *Success = nullptr;
    for (const auto &[RS, Zero] : returnsOn(FF, Unload))
      if (Zero && (!Success || ctx().getSourceManager().isBeforeInTranslationUnit(
                                   RS->getBeginLoc(), Success->getBeginLoc())))
        Success = RS;
    if (!Success)
      return;
    llvm::DenseSet<llvm::StringRef> Done;
    for (const PrimitiveCall &A : Acquired) {
      if (!Done.insert(A.Handle).second)
        continue;
      std::vector<const PrimitiveCall *> Matching;
      bool OnUnload = false;
      for (const PrimitiveCall &R : Releases) {
        if (R.Name != A.Pair->Release.Name || R.Handle != A.Handle)
          continue;
        auto Pos = FF.positionOf(R.Call);
        if (Pos && Unload.test(Pos->first->getBlockID()))
          OnUnload = true;
        Matching.push_back(&R);
      }
      // No release in the handler at all is the plain missing teardown
      // that modlife-unload-leaves-registration reports.
      if (OnUnload || Matching.empty() ||
          llvm::is_contained(ReleasedElsewhere,
                             A.Pair->Release.Name + " " + A.Handle))
        continue;
      Finding &F = report(
          Success->getBeginLoc(),
          "MOD_UNLOAD returns 0 while the " + A.Pair->What + " '" + A.Handle +
              "' from '" + A.Name + "' is still in place; its '" +
              A.Pair->Release.Name +
              "' does not run on MOD_UNLOAD, and the module's code goes away "
              "under it");
      for (const PrimitiveCall *R : Matching)
        Ctx.note(F, R->Call->getBeginLoc(),
                 "the only '" + R->Name + "' of '" + A.Handle + "' runs " +
                     eventsRunning(H, FF, R->Call));
    }
  }

  /// "on MOD_SHUTDOWN": the events whose arms hold S, by the pack's names.
  std::string eventsRunning(const LifecycleFunction &H, const FunctionFacts &FF,
                            const Stmt *S) const {
    const rules::ModuleEventNames &Names = Analysis->rules().moduleEvents();
    auto Pos = FF.positionOf(S);
    std::string Out;
    const std::pair<ModuleEvent, const std::vector<std::string> *> Known[] = {
        {ModuleEvent::Load, &Names.Load},
        {ModuleEvent::Quiesce, &Names.Quiesce},
        {ModuleEvent::Shutdown, &Names.Shutdown}};
    for (const auto &[E, EventNames] : Known)
      if (Pos && !EventNames->empty() &&
          Analysis->blocksOnModuleEvent(H, E).test(Pos->first->getBlockID()))
        Out += (Out.empty() ? "" : " and ") + EventNames->front();
    return Out.empty() ? "on no event that unloads the module"
                       : "on " + Out + " only";
  }
};

} // namespace

std::unique_ptr<ModlifeCheck> createModeventContractCheck(CheckContext &C) {
  return std::make_unique<ModeventContractCheck>("modlife-modevent-contract",
                                                 C);
}

} // namespace modlife
