//===- CheckRunner.cpp ----------------------------------------------------===//
#include "checks/CheckRunner.h"
#include "checks/Nolint.h"
#include "analyzer/engine/TUAnalysis.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

using namespace clang;

namespace modlife {
namespace {

/// Fans the engine's facts out to every enabled check.
class Multiplexer : public AnalysisHandler {
public:
  std::vector<std::unique_ptr<ModlifeCheck>> Checks;
  std::vector<std::string> Skipped;

  void beginTranslationUnit(TUAnalysis &A) override {
    for (auto &C : Checks)
      C->beginTranslationUnit(A);
  }
  void handleSleepBeforeAcquire(const SleepBeforeAcquire &F) override {
    for (auto &C : Checks)
      C->handleSleepBeforeAcquire(F);
  }
  void handleFailureReturnHoldsReference(
      const FailureReturnHoldsReference &F) override {
    for (auto &C : Checks)
      C->handleFailureReturnHoldsReference(F);
  }
  void handleReleaseWithoutReference(
      const ReleaseWithoutReference &F) override {
    for (auto &C : Checks)
      C->handleReleaseWithoutReference(F);
  }
  void handleFunctionSkipped(const FunctionDecl *FD,
                             llvm::StringRef Why) override {
    Skipped.push_back(FD->getNameAsString() + "(): " + Why.str());
    for (auto &C : Checks)
      C->handleFunctionSkipped(FD, Why);
  }
  void endTranslationUnit() override {
    for (auto &C : Checks)
      C->endTranslationUnit();
  }
};

} // namespace

TUResult runChecks(ASTContext &Ctx, const Preprocessor *PP,
                   const rules::RuleSet &Rules,
                   const rules::CheckGlobs &Enabled,
                   const CheckOptions &Options,
                   const CrossFileHooks &CrossFile) {
  CheckContext CC(Ctx.getSourceManager(), Ctx.getLangOpts(), Options);
  Multiplexer M;
  for (const CheckInfo &I : allChecks())
    if (I.enabledBy(Enabled))
      M.Checks.push_back(I.Create(CC));
  TUResult R;
  if (M.Checks.empty())
    return R;
  TUAnalysis A(Ctx, PP, Rules);
  if (CrossFile.SummaryOut)
    A.recordExternalCalls();
  if (CrossFile.External)
    A.setExternalSummaries(CrossFile.External);
  A.run(M);
  if (CrossFile.SummaryOut)
    *CrossFile.SummaryOut = summarize(A);
  R.Findings = CC.takeFindings();
  // NOLINT comments, read while the buffers are still there.
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::erase_if(R.Findings, [&](const Finding &F) {
    if (F.Where.Loc.isInvalid())
      return false;
    bool Invalid = false;
    StringRef Buf = SM.getBufferData(SM.getFileID(F.Where.Loc), &Invalid);
    return !Invalid && suppressedByNolint(Buf, F.Where.Offset, F.Check);
  });
  R.Skipped = std::move(M.Skipped);
  return R;
}

} // namespace modlife
