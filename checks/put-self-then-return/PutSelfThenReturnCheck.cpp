//===- PutSelfThenReturnCheck.cpp - modlife-put-self-then-return ----------===//
//
// A kernel thread that pinned its own module (__module_get(THIS_MODULE) when
// it was started) must drop that reference as its very last act. After
// module_put(THIS_MODULE) the count can reach zero and the module can be
// unloaded; any instruction of the module that still runs, including the
// thread's return into its own epilogue, runs in freed memory.
// module_put_and_kthread_exit() drops the reference and exits in core
// kernel code, never returning into the module.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "checks/FixIts.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace modlife {
namespace {

/// Where module code runs on after S: the first return reached, or the end
/// of the function. Blocks that end in a noreturn call (the exit of
/// module_put_and_kthread_exit, do_exit) go nowhere.
struct AfterRelease {
  bool ReachesExit = false;
  const ReturnStmt *Return = nullptr;
};

AfterRelease whatFollows(const FunctionFacts &FF, const Stmt *S) {
  AfterRelease R;
  auto Pos = FF.positionOf(S);
  if (!Pos)
    return R;
  const CFG &Cfg = *FF.Cfg;
  auto [Start, Index] = *Pos;
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work{
      {Start, Index + 1}};
  llvm::DenseSet<const CFGBlock *> Seen{Start};
  while (!Work.empty()) {
    auto [B, From] = Work.pop_back_val();
    if (B->hasNoReturnElement())
      continue;
    if (B == &Cfg.getExit()) {
      R.ReachesExit = true;
      continue;
    }
    for (unsigned I = From; I < B->size(); ++I)
      if (auto CS = (*B)[I].getAs<CFGStmt>())
        if (const auto *Ret = dyn_cast<ReturnStmt>(CS->getStmt()); Ret && !R.Return)
          R.Return = Ret;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs())
      if (const CFGBlock *N = Succ.getReachableBlock())
        if (Seen.insert(N).second)
          Work.push_back({N, 0});
  }
  return R;
}

class PutSelfThenReturnCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    const SourceManager &SM = Analysis->context().getSourceManager();
    for (const DeferredCallback &D : Analysis->deferredCallbacks()) {
      if (D.Rule->RunsAs != rules::DeferredKind::Thread ||
          SM.isInSystemHeader(D.Function->getLocation()))
        continue;
      const FunctionFacts *FF = Analysis->factsFor(D.Function);
      if (!FF || !FF->Cfg)
        continue;
      Analysis->forEachEvent(D.Function, [&](const ElementEvent &E) {
        if (E.EventKind == ElementEvent::Primitive &&
            E.Use.UseKind == PrimitiveUse::Release &&
            E.Use.Module.isThisModule())
          check(D, *FF, E);
      });
    }
  }

private:
  llvm::DenseSet<const Stmt *> Reported;

  void check(const DeferredCallback &D, const FunctionFacts &FF,
             const ElementEvent &E) {
    AfterRelease After = whatFollows(FF, E.At);
    if (!After.ReachesExit || !Reported.insert(E.At).second)
      return;
    std::string Thread = D.Function->getName().str();
    Finding &Out = report(
        E.Loc, "'" + E.Use.Name + "' drops this module's reference, and the "
                   "thread '" + Thread + "' then goes on running the "
                   "module's code, which can be unloaded as soon as the "
                   "count reaches zero");
    Ctx.note(Out, D.DeferredAt,
             "'" + Thread + "' runs as a kernel thread started here");
    if (After.Return)
      Ctx.note(Out, After.Return->getReturnLoc(),
               "the thread returns into module code here");
    else
      Ctx.note(Out, D.Function->getBody()->getEndLoc(),
               "the thread runs to the end of its function in module code");
    if (!D.Rule->PutAndExit.empty())
      addPutAndExitFix(Out, D, FF, E, After);
  }

  /// "module_put(THIS_MODULE); return X;" becomes
  /// "module_put_and_kthread_exit(X);" when the two are adjacent statements.
  void addPutAndExitFix(Finding &Out, const DeferredCallback &D,
                        const FunctionFacts &FF, const ElementEvent &E,
                        const AfterRelease &After) {
    const ReturnStmt *Ret = After.Return;
    if (!Ret || !FF.Parents)
      return;
    const Stmt *PutStmt = E.At;
    while (const Stmt *P = FF.Parents->getParent(PutStmt)) {
      if (isa<CompoundStmt>(P))
        break;
      PutStmt = P;
    }
    const auto *Block =
        dyn_cast_or_null<CompoundStmt>(FF.Parents->getParent(PutStmt));
    if (!Block || FF.Parents->getParent(Ret) != Block)
      return;
    const Stmt *const *It = llvm::find(Block->body(), PutStmt);
    if (It == Block->body_end() || It + 1 == Block->body_end() ||
        *(It + 1) != Ret)
      return;
    const SourceManager &SM = Analysis->context().getSourceManager();
    const LangOptions &LO = Analysis->context().getLangOpts();
    std::string Value = "0";
    if (const Expr *V = Ret->getRetValue()) {
      Value = Lexer::getSourceText(
                  CharSourceRange::getTokenRange(
                      SM.getFileLoc(V->getBeginLoc()),
                      SM.getFileLoc(V->getEndLoc())),
                  SM, LO)
                  .str();
      if (Value.empty())
        return;
    }
    // Replace from the start of the put to the end of the return's ';'.
    CharSourceRange PutRange = removalOfStatement(PutStmt, SM, LO);
    CharSourceRange RetRange = removalOfStatement(Ret, SM, LO);
    if (PutRange.isInvalid() || RetRange.isInvalid())
      return;
    std::string Call = D.Rule->PutAndExit + "(" + Value + ");";
    // A whole-line removal takes the indentation and the newline with it.
    if (SM.getSpellingColumnNumber(PutRange.getBegin()) == 1)
      Call = indentationAt(SM, E.Loc) + Call + "\n";
    std::vector<FixItHint> Hints{FixItHint::CreateRemoval(RetRange),
                                 FixItHint::CreateReplacement(PutRange, Call)};
    Ctx.fix(Out, Hints);
  }
};

} // namespace

std::unique_ptr<ModlifeCheck> createPutSelfThenReturnCheck(CheckContext &C) {
  return std::make_unique<PutSelfThenReturnCheck>(
      "modlife-put-self-then-return", C);
}

} // namespace modlife
