//===- MissingReleaseOnErrorCheck.cpp - modlife-missing-release-on-error --===//
//
// A failure return that keeps what the same function took earlier: a module
// reference (MOD_INC_USE_COUNT without MOD_DEC_USE_COUNT, a successful
// try_module_get without module_put) or a resource of a rule-pack pair
// (firmware_get without firmware_put, device_busy without device_unbusy).
// Either way the module, or the module the resource pins, can never be
// unloaded, or a registration outlives the code it points into. In 2.4,
// close() is not called after a failed open(); newbus does not call detach
// after a failed attach.
//
// Formerly modlife-missing-dec-on-error, which found module references only;
// that name still selects and suppresses this check.
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

class MissingReleaseOnErrorCheck : public ModlifeCheck {
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
    // FreeBSD sends MOD_UNLOAD after a failed MOD_LOAD: what the handler
    // stored for unload to release is released there. A handle in a local
    // is not: unload cannot name it.
    if (Acq.isPairUse() && !Acq.HandleIsLocal &&
        Analysis->lifecycle().find(F.Function, rules::LifecycleRole::Events))
      return;
    // A helper that fails holding what it stored for later leaves it to its
    // caller's cleanup when a caller releases such resources (attach's
    // error path calling the driver's free_resources()).
    if (Acq.isPairUse() && !Acq.HandleIsLocal &&
        Analysis->callerMayReleasePair(F.Function, *Acq.PairR))
      return;
    bool EarlyVoidReturn = !F.Return->getRetValue();
    std::string What, Taken;
    if (Acq.isPairUse()) {
      What = "the " + Acq.PairR->What + " taken by '" + Acq.Name + "'";
      Taken = "the " + Acq.PairR->What + " is taken here";
    } else {
      // Naming the module tells apart two references one return keeps.
      std::string On = Acq.Module.isThisModule() || Acq.Module.Spelling.empty()
                           ? ""
                           : " on '" + Acq.Module.Spelling + "'";
      What = "the module reference taken by '" + Acq.Name + "'" + On;
      Taken = "the reference is taken here";
    }
    Finding &Out = report(
        F.Return->getReturnLoc(),
        EarlyVoidReturn
            ? "early return keeps " + What +
                  ", which this function releases on its other paths"
            : "failure return keeps " + What);
    bool MayFail = Acq.UseKind == PrimitiveUse::TryAcquire ||
                   (Acq.PairR && Acq.PairR->FailsWhen !=
                                     rules::FailureSignal::Never);
    Ctx.note(Out, Acq.Loc,
             MayFail ? Taken + ", when '" + Acq.Name + "' succeeds" : Taken);
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

std::unique_ptr<ModlifeCheck>
createMissingReleaseOnErrorCheck(CheckContext &C) {
  return std::make_unique<MissingReleaseOnErrorCheck>(
      "modlife-missing-release-on-error", C);
}

} // namespace modlife
