//===- UnverifiedRequestModuleCheck.cpp - modlife-unverified-request-module ===//
//
// request_module() returning 0 means that modprobe ran and exited with 0, not
// that the module is loaded and has registered what the caller looks for:
// modprobe can succeed on a blacklist or an alias that loads something
// else, and a module can fail its init after modprobe returns. Only a fresh
// lookup proves the service is there. After a lookup failed and a load was
// asked for, this check follows the CFG paths from the load and reports a
// dereference of the stale result, or a success return taken on the
// strength of the load's 0 alone.
//
//===----------------------------------------------------------------------===//
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
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace modlife {
namespace {

const DeclRefExpr *asLocalRef(const Expr *E) {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts()
                                                    : nullptr);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() ? DRE : nullptr;
}

bool isNullConstant(const Expr *E, ASTContext &Ctx) {
  return E->IgnoreParenCasts()->isNullPointerConstant(
             Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

/// A test that is true when X is null or zero: "!X", "X == NULL", "NULL ==
/// X". Returns X.
const Expr *testedForNull(const Expr *C, ASTContext &Ctx) {
  C = C->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(C); U && U->getOpcode() == UO_LNot)
    return U->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *B = dyn_cast<BinaryOperator>(C); B && B->getOpcode() == BO_EQ) {
    if (isNullConstant(B->getRHS(), Ctx))
      return B->getLHS()->IgnoreParenImpCasts();
    if (isNullConstant(B->getLHS(), Ctx))
      return B->getRHS()->IgnoreParenImpCasts();
  }
  return nullptr;
}

/// How a branch condition tests X: the successor (0 = true, 1 = false) on
/// which X is null or zero, if the condition is a plain test of X.
std::optional<unsigned> nullSideOf(const Expr *Cond, const Expr *X,
                                   ASTContext &Ctx) {
  auto Same = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (E == X)
      return true;
    const auto *A = dyn_cast<DeclRefExpr>(E);
    const auto *B = dyn_cast<DeclRefExpr>(X);
    return A && B && A->getDecl() == B->getDecl();
  };
  Cond = Cond->IgnoreParenImpCasts();
  if (Same(Cond))
    return 1;
  if (const Expr *T = testedForNull(Cond, Ctx); T && Same(T))
    return 0;
  if (const auto *B = dyn_cast<BinaryOperator>(Cond)) {
    const Expr *Other = Same(B->getLHS())   ? B->getRHS()
                        : Same(B->getRHS()) ? B->getLHS()
                                            : nullptr;
    if (Other && isNullConstant(Other, Ctx)) {
      if (B->getOpcode() == BO_NE)
        return 1;
      // "ret < 0": zero is on the false side.
      if (B->getOpcode() == BO_LT && Same(B->getLHS()))
        return 1;
    }
  }
  return std::nullopt;
}

/// What the load was guarded by: a lookup that came back empty.
struct FailedLookup {
  /// The variable holding the lookup's result ("ops"), or none when the
  /// lookup call itself was tested ("if (!find_ops(name))").
  const VarDecl *Var = nullptr;
  /// The lookup: the call whose result was tested or stored.
  const CallExpr *Lookup = nullptr;
  /// The statement that stores it ("ops = find_ops(name);"), if any.
  const Stmt *Store = nullptr;
  const IfStmt *Guard = nullptr;
};

class UnverifiedRequestModuleCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    const SourceManager &SM = Analysis->context().getSourceManager();
    for (const FunctionFacts *FF : Analysis->allFunctions()) {
      if (!FF->Cfg || !FF->Parents ||
          SM.isInSystemHeader(FF->Function->getLocation()))
        continue;
      Analysis->forEachEvent(FF->Function, [&](const ElementEvent &E) {
        if (E.EventKind == ElementEvent::Primitive &&
            E.Use.UseKind == PrimitiveUse::LoadModule && E.Use.LoadR &&
            !E.Use.LoadR->LooksUpAgain)
          checkLoad(*FF, E);
      });
    }
  }

private:
  ASTContext &astContext() const { return Analysis->context(); }

  /// The variable a call's result was stored in before the guard, and
  /// where: "ops = find_ops(name);" or "struct ops *ops = find_ops(name);".
  void findStore(const FunctionFacts &FF, FailedLookup &G) const {
    std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
      if (!S || G.Lookup)
        return;
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->getOpcode() == BO_Assign)
        if (const DeclRefExpr *L = asLocalRef(BO->getLHS());
            L && L->getDecl() == G.Var)
          if (const auto *CE =
                  dyn_cast<CallExpr>(BO->getRHS()->IgnoreParenCasts())) {
            G.Lookup = CE;
            G.Store = BO;
            return;
          }
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (D == G.Var && G.Var->getInit())
            if (const auto *CE =
                    dyn_cast<CallExpr>(G.Var->getInit()->IgnoreParenCasts())) {
              G.Lookup = CE;
              G.Store = DS;
              return;
            }
      for (const Stmt *C : S->children())
        Walk(C);
    };
    Walk(FF.Function->getBody());
  }

  /// The innermost if whose then-branch, or whose condition's right of
  /// "&&", holds the load, and whose test says a lookup came back empty.
  std::optional<FailedLookup> guardOf(const FunctionFacts &FF,
                                      const Stmt *Load) const {
    const Stmt *Child = Load;
    for (const Stmt *P = FF.Parents->getParent(Load); P;
         Child = P, P = FF.Parents->getParent(P)) {
      const auto *If = dyn_cast<IfStmt>(P);
      if (!If)
        continue;
      llvm::SmallVector<const Expr *, 2> Tests;
      if (Child == If->getThen()) {
        Tests.push_back(If->getCond());
      } else if (Child == If->getCond()) {
        // "!fs && request_module(...) == 0": the left conjuncts.
        const Expr *C = If->getCond()->IgnoreParenImpCasts();
        while (const auto *B = dyn_cast<BinaryOperator>(C)) {
          if (B->getOpcode() != BO_LAnd)
            break;
          Tests.push_back(B->getLHS());
          C = B->getLHS()->IgnoreParenImpCasts();
        }
      } else {
        continue;
      }
      for (const Expr *T : Tests) {
        const Expr *X = testedForNull(T, astContext());
        if (!X)
          continue;
        FailedLookup G;
        G.Guard = If;
        if (const auto *BO = dyn_cast<BinaryOperator>(X);
            BO && BO->getOpcode() == BO_Assign) // "!(ops = find(...))"
          X = BO->getLHS()->IgnoreParenImpCasts();
        if (const DeclRefExpr *DRE = asLocalRef(X)) {
          G.Var = cast<VarDecl>(DRE->getDecl());
          findStore(FF, G);
        } else if (const auto *CE = dyn_cast<CallExpr>(X)) {
          G.Lookup = CE;
        }
        if (G.Lookup && G.Lookup->getDirectCallee())
          return G;
      }
    }
    return std::nullopt;
  }

  bool isFreshLookup(const Stmt *S, const FailedLookup &G) const {
    if (G.Var) {
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->isAssignmentOp())
        if (const DeclRefExpr *L = asLocalRef(BO->getLHS()))
          return L->getDecl() == G.Var;
      if (const auto *U = dyn_cast<UnaryOperator>(S);
          U && U->getOpcode() == UO_AddrOf)
        if (const DeclRefExpr *L = asLocalRef(U->getSubExpr()))
          return L->getDecl() == G.Var;
    }
    const auto *CE = dyn_cast<CallExpr>(S);
    return CE && CE->getDirectCallee() &&
           CE->getDirectCallee()->getCanonicalDecl() ==
               G.Lookup->getDirectCallee()->getCanonicalDecl();
  }

  /// A dereference of the stale lookup result: "ops->f", "*ops", "ops[i]".
  bool isDereference(const Stmt *S, const FailedLookup &G) const {
    auto IsVar = [&](const Expr *E) {
      const DeclRefExpr *D = asLocalRef(E);
      return D && D->getDecl() == G.Var;
    };
    if (!G.Var)
      return false;
    if (const auto *M = dyn_cast<MemberExpr>(S))
      return M->isArrow() && IsVar(M->getBase());
    if (const auto *U = dyn_cast<UnaryOperator>(S))
      return U->getOpcode() == UO_Deref && IsVar(U->getSubExpr());
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(S))
      return IsVar(A->getBase());
    return false;
  }

  /// Whether E, a returned value, says success: the constant 0 in a
  /// function returning an integer, or true in one returning bool. (A 0 in
  /// a function returning a pointer is NULL, a failure.)
  bool isSuccessValue(const Expr *E, const FunctionDecl *FD) const {
    Expr::EvalResult R;
    if (!E || !FD->getReturnType()->isIntegerType() || E->isValueDependent() ||
        E->containsErrors() || !E->EvaluateAsInt(R, astContext()))
      return false;
    bool IsBool = FD->getReturnType()->isBooleanType();
    return IsBool ? R.Val.getInt() != 0 : R.Val.getInt() == 0;
  }

  /// The value a block branches on: its last element. For "a && b" in a
  /// condition, the block that evaluates b ends with b, while the
  /// terminator names the whole "a && b".
  static const Expr *branchValue(const CFGBlock &B) {
    if (!B.getTerminatorStmt() || B.succ_size() != 2)
      return nullptr;
    for (auto It = B.rbegin(); It != B.rend(); ++It)
      if (auto CS = It->getAs<CFGStmt>())
        return dyn_cast<Expr>(CS->getStmt());
    return dyn_cast_or_null<Expr>(
        const_cast<CFGBlock &>(B).getTerminatorCondition());
  }

  /// "return request_module(...) == 0;" or "return !err;": the caller is
  /// told yes exactly when the load returned 0.
  template <typename TestFn>
  static bool returnsZeroTest(const Expr *Value, TestFn &TestsResult) {
    std::optional<unsigned> Side = TestsResult(Value);
    return Side && *Side == 0;
  }

  struct Trust {
    const Stmt *At = nullptr;
    bool Dereference = false; // else a success return
  };

  /// Follows the CFG from the load. A dereference of the stale result is
  /// found on any path; a success return only after the load's result was
  /// tested and found to be 0.
  std::optional<Trust> followLoad(const FunctionFacts &FF, const Stmt *Anchor,
                                  const FailedLookup &G) const {
    auto Start = FF.positionOf(Anchor);
    if (!Start)
      return std::nullopt;
    // The anchor is the outermost statement that begins with the macro:
    // for "request_module(...) == 0" the comparison. The load's value is
    // the call it begins with.
    const Stmt *Load = Anchor;
    while (!isa<CallExpr>(Load)) {
      const Stmt *First = nullptr;
      if (const auto *E = dyn_cast<Expr>(Load);
          E && E->IgnoreParenImpCasts() != E)
        First = E->IgnoreParenImpCasts();
      else if (const auto *B = dyn_cast<BinaryOperator>(Load))
        First = B->getLHS();
      if (!First)
        return std::nullopt;
      Load = First;
    }
    // The variable the result is stored in, if any: "err = request_module()".
    const VarDecl *ResultVar = nullptr;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(
            FF.Parents->getParentIgnoreParenCasts(const_cast<Stmt *>(Load)));
        BO && BO->getOpcode() == BO_Assign)
      if (const DeclRefExpr *L = asLocalRef(BO->getLHS()))
        ResultVar = cast<VarDecl>(L->getDecl());
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(
            FF.Parents->getParentIgnoreParenCasts(const_cast<Stmt *>(Load))))
      if (DS->isSingleDecl())
        ResultVar = dyn_cast<VarDecl>(DS->getSingleDecl());
    auto TestsResult = [&](const Expr *Cond) -> std::optional<unsigned> {
      if (std::optional<unsigned> Side =
              nullSideOf(Cond, cast<Expr>(Load), astContext()))
        return Side;
      if (!ResultVar)
        return std::nullopt;
      // A DeclRefExpr of the result variable stands for it in conditions.
      std::optional<unsigned> Found;
      std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
        if (Found || !S)
          return;
        if (const auto *D = dyn_cast<DeclRefExpr>(S); D && D->getDecl() == ResultVar)
          Found = nullSideOf(Cond, D, astContext());
        for (const Stmt *C : S->children())
          Walk(C);
      };
      Walk(Cond);
      return Found;
    };

    struct Item {
      const CFGBlock *B;
      unsigned From;
      bool Zero;
    };
    llvm::SmallVector<Item, 16> Work{{Start->first, Start->second + 1, false}};
    llvm::DenseSet<std::pair<const CFGBlock *, unsigned>> Seen;
    std::optional<Trust> Found;
    while (!Work.empty() && !Found) {
      Item It = Work.pop_back_val();
      bool Killed = false;
      for (unsigned I = It.From; I < It.B->size() && !Killed; ++I) {
        auto CS = (*It.B)[I].getAs<CFGStmt>();
        if (!CS)
          continue;
        const Stmt *S = CS->getStmt();
        if (isDereference(S, G)) {
          Found = Trust{S, true};
          break;
        }
        if (isFreshLookup(S, G))
          Killed = true;
        else if (const auto *R = dyn_cast<ReturnStmt>(S);
                 R && R->getRetValue() &&
                 ((It.Zero && isSuccessValue(R->getRetValue(), FF.Function)) ||
                  returnsZeroTest(R->getRetValue(), TestsResult)))
          Found = Trust{S, false};
      }
      if (Killed || Found || It.B->hasNoReturnElement())
        continue;
      const Expr *Cond = branchValue(*It.B);
      // The stale variable is null here: a test of it goes the null way.
      std::optional<unsigned> NullSide;
      if (Cond && G.Var) {
        std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
          if (NullSide || !S)
            return;
          if (const auto *D = dyn_cast<DeclRefExpr>(S); D && D->getDecl() == G.Var)
            NullSide = nullSideOf(Cond, D, astContext());
          for (const Stmt *C : S->children())
            Walk(C);
        };
        Walk(Cond);
      }
      std::optional<unsigned> ZeroSide = Cond ? TestsResult(Cond) : std::nullopt;
      unsigned Index = 0;
      for (const CFGBlock::AdjacentBlock &Succ : It.B->succs()) {
        unsigned Side = Index++;
        const CFGBlock *N = Succ.getReachableBlock();
        if (!N || (NullSide && Side != *NullSide))
          continue;
        bool Zero = It.Zero || (ZeroSide && Side == *ZeroSide);
        if (Seen.insert({N, unsigned(Zero)}).second)
          Work.push_back({N, 0, Zero});
      }
    }
    return Found;
  }

  std::string text(const Stmt *S) const {
    return Analysis->matcher().textOf(S->getSourceRange());
  }

  void checkLoad(const FunctionFacts &FF, const ElementEvent &E) {
    std::optional<FailedLookup> G = guardOf(FF, E.Use.Anchor);
    if (!G)
      return;
    std::optional<Trust> T = followLoad(FF, E.Use.Anchor, *G);
    if (!T)
      return;
    std::string Load = "'" + E.Use.Name + "'";
    std::string What = G->Var ? "'" + G->Var->getNameAsString() + "'"
                              : "'" + text(G->Lookup) + "'";
    Finding &F =
        T->Dereference
            ? report(T->At->getBeginLoc(),
                     What + " is used after " + Load +
                         " without looking it up again: a zero result only "
                         "means that modprobe ran")
            : report(T->At->getBeginLoc(),
                     "returns success because " + Load +
                         " returned 0, which does not prove that the module "
                         "is loaded");
    Ctx.note(F, G->Lookup->getBeginLoc(),
             What + " was looked up here and not found");
    Ctx.note(F, E.Use.Loc, Load + " asks for the module here");
    if (!suggestTryThen(F, FF, E, *G))
      Ctx.note(F, E.Use.Loc,
               "look it up again after the load: '" +
                   (G->Var ? G->Var->getNameAsString() + " = " : "") +
                   text(G->Lookup) + "'");
  }

  /// "ops = find(x); if (!ops) request_module(...);" becomes
  /// "ops = try_then_request_module(find(x), ...);" in the pack's spelling:
  /// the lookup is wrapped and the if goes.
  bool suggestTryThen(Finding &F, const FunctionFacts &FF,
                      const ElementEvent &E, const FailedLookup &G) {
    const rules::ModuleLoadRule *TryThen = nullptr;
    for (const rules::RulePack &P : Analysis->rules().packs())
      for (const rules::ModuleLoadRule &R : P.ModuleLoads)
        if (R.LooksUpAgain &&
            R.Primitive.NameKind == rules::PrimitiveName::Macro)
          TryThen = &R;
    const auto *Store = dyn_cast_or_null<BinaryOperator>(G.Store);
    const IfStmt *If = G.Guard;
    if (!TryThen || !Store || !G.Var || If->getElse() ||
        E.Use.LoadR->Primitive.NameKind != rules::PrimitiveName::Macro)
      return false;
    // The then-branch is the load alone, and the if is the statement right
    // after the store.
    const Stmt *Then = If->getThen();
    if (const auto *CS = dyn_cast<CompoundStmt>(Then))
      Then = CS->size() == 1 ? CS->body_front() : nullptr;
    const auto *Block = dyn_cast_or_null<CompoundStmt>(FF.Parents->getParent(Store));
    if (!Then || !isa<Expr>(Then) || !Block ||
        cast<Expr>(Then)->IgnoreParenCasts() !=
            cast<Expr>(E.Use.Anchor)->IgnoreParenCasts())
      return false;
    const auto *Next = llvm::find(Block->body(), Store);
    if (Next == Block->body_end() || ++Next == Block->body_end() || *Next != If)
      return false;
    std::string Call = Analysis->matcher().textOf(E.Use.Range);
    size_t Open = Call.find('('), Close = Call.rfind(')');
    if (Open == std::string::npos || Close == std::string::npos ||
        Close <= Open)
      return false;
    const SourceManager &SM = astContext().getSourceManager();
    const LangOptions &LO = astContext().getLangOpts();
    CharSourceRange Lookup = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(G.Lookup->getSourceRange()), SM, LO);
    // The if goes with its ';' and its lines.
    CharSourceRange Gone = removalOfStatement(If, SM, LO);
    if (Lookup.isInvalid() || Gone.isInvalid())
      return false;
    Ctx.note(F, E.Use.Loc,
             "'" + TryThen->Primitive.Name +
                 "' looks the module up again after loading it");
    return Ctx.fix(
        F, {FixItHint::CreateReplacement(
                Lookup, TryThen->Primitive.Name + "(" + text(G.Lookup) + ", " +
                            Call.substr(Open + 1, Close - Open - 1) + ")"),
            FixItHint::CreateRemoval(Gone)});
  }
};

} // namespace

std::unique_ptr<ModlifeCheck>
createUnverifiedRequestModuleCheck(CheckContext &C) {
  return std::make_unique<UnverifiedRequestModuleCheck>(
      "modlife-unverified-request-module", C);
}

} // namespace modlife
