//===- UnbalancedDecCheck.cpp - modlife-unbalanced-dec --------------------===//
//
// A release of a module reference on a path that holds none: module_put() in
// the branch where try_module_get() failed, or a second module_put() (or
// MOD_DEC_USE_COUNT) for one acquisition. The count drops below what the
// module's users hold, so it can reach zero, and the module can be unloaded,
// while it is still in use.
//
// Releases in functions that never try to take the reference are not
// reported: release() methods drop what open() took, by contract.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "checks/ModlifeCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace modlife {
namespace {

class UnbalancedDecCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void
  handleReleaseWithoutReference(const ReleaseWithoutReference &F) override {
    const PrimitiveUse &Rel = *F.Release, &Acq = *F.Acquire;
    if (!Reported.insert(Rel.Loc.getRawEncoding()).second)
      return;
    // A try whose result is thrown away fails on a path nobody tests for:
    // modlife-unchecked-try-module-get reports that cause, once.
    const FunctionFacts *FF = Analysis->factsFor(F.Function);
    if (F.AcquireFailed && FF && Acq.Anchor && valueIsDiscarded(*FF, Acq.Anchor))
      return;
    std::string On =
        Rel.Module.Spelling.empty() ? "" : " on '" + Rel.Module.Spelling + "'";
    Finding &Out =
        F.AcquireFailed
            ? report(Rel.Loc, "'" + Rel.Name + "' drops a reference" + On +
                                  " on a path where '" + Acq.Name +
                                  "' failed and took none")
            : report(Rel.Loc, "'" + Rel.Name + "' drops a reference" + On +
                                  " that this path has already dropped");
    Ctx.note(Out, Acq.Loc,
             F.AcquireFailed
                 ? "'" + Acq.Name + "' fails here on that path"
                 : "the reference it drops was taken here, and dropped "
                   "already on this path");
    Ctx.note(Out, Rel.Loc,
             "an extra drop lets the count reach zero, and the module be "
             "unloaded, while it is still in use");
  }

private:
  llvm::DenseSet<unsigned> Reported;
};

} // namespace

std::unique_ptr<ModlifeCheck> createUnbalancedDecCheck(CheckContext &C) {
  return std::make_unique<UnbalancedDecCheck>("modlife-unbalanced-dec", C);
}

} // namespace modlife
