//===- MissingDecOnErrorCheck.cpp - modlife-missing-dec-on-error ----------===//
//
// A failure return that keeps a module reference taken earlier in the same
// function: MOD_INC_USE_COUNT without MOD_DEC_USE_COUNT, or a successful
// try_module_get without module_put. The count never drops, so the module can
// never be unloaded (and in 2.4, close() is not called after a failed open()).
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "checks/FixIts.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"

using namespace clang;

namespace modlife {
namespace {

class MissingDecOnErrorCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void handleFailureReturnHoldsReference(
      const FailureReturnHoldsReference &F) override {
    const PrimitiveUse &Acq = *F.Acquire;
    // The kernel calls the cleanup method (2.4 tty close()) after this entry
    // point fails; that method drops the count, so keeping it is the contract.
    if (Acq.Module.isThisModule() &&
        Analysis->entryPoints().hasFailureCleanup(F.Function))
      return;
    // Naming the module tells apart two references one return keeps.
    std::string On = Acq.Module.isThisModule() || Acq.Module.Spelling.empty()
                         ? ""
                         : " on '" + Acq.Module.Spelling + "'";
    Finding &Out =
        report(F.Return->getReturnLoc(),
               "failure return keeps the module reference taken by '" +
                   Acq.Name + "'" + On);
    Ctx.note(Out, Acq.Loc,
             Acq.UseKind == PrimitiveUse::TryAcquire
                 ? "the reference is taken here, when '" + Acq.Name +
                       "' succeeds"
                 : "the reference is taken here");
    // A release right before the return is correct only if every path
    // that reaches the return holds the reference and fails.
    if (!F.OnEveryPath)
      return;
    std::optional<std::string> Release = releaseStatementFor(Acq);
    const FunctionFacts *FF = Analysis->factsFor(F.Function);
    if (!Release || !FF || !FF->Parents)
      return;
    if (auto Hints = insertStatementBefore(Analysis->context(), *FF->Parents,
                                           F.Return, *Release))
      Ctx.fix(Out, *Hints);
  }
};

} // namespace

std::unique_ptr<ModlifeCheck> createMissingDecOnErrorCheck(CheckContext &C) {
  return std::make_unique<MissingDecOnErrorCheck>(
      "modlife-missing-dec-on-error", C);
}

} // namespace modlife
