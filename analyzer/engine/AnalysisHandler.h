//===- AnalysisHandler.h - How the engine reports what it found -*- C++ -*-===//
//
// Like Clang's ThreadSafetyHandler: the engine calls these hooks with facts,
// and the checks decide whether and how to word them. Nothing here names a
// check or spells a message.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_ENGINE_ANALYSISHANDLER_H
#define MODLIFE_ENGINE_ANALYSISHANDLER_H

#include "analyzer/engine/Primitives.h"
#include "analyzer/engine/Summaries.h"
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
class ReturnStmt;
} // namespace clang

namespace modlife {

class TUAnalysis;

/// One step of a may-sleep chain: in Caller, the call at Loc to Callee.
/// Steps in other files (through the cross-file summaries) have no Caller
/// or Loc, only their names and a FilePoint.
struct SleepStep {
  const clang::FunctionDecl *Caller = nullptr;
  clang::SourceLocation Loc;
  /// The callee as written; for the last step, the sleeping primitive.
  std::string Callee;
  std::string CallerName;
  std::optional<FilePoint> InOtherFile;
};

/// Why a call may sleep: the chain from the call in the analyzed function
/// down to the primitive that sleeps. Steps.front() is the call itself.
struct SleepWitness {
  std::vector<SleepStep> Steps;
  SleepCertainty Certainty = SleepCertainty::Definite;
  /// The primitive at the end of the chain.
  const PrimitiveUse *Primitive = nullptr;
};

/// A call that may sleep is reached while the analyzed module is not pinned,
/// and the function pins it later on the same path.
struct SleepBeforeAcquire {
  const clang::FunctionDecl *Function = nullptr;
  SleepWitness Sleep;
  const PrimitiveUse *Acquire = nullptr;
};

/// A failure return is reached while a module reference taken in the same
/// function is still held.
struct FailureReturnHoldsReference {
  const clang::FunctionDecl *Function = nullptr;
  const clang::ReturnStmt *Return = nullptr;
  const PrimitiveUse *Acquire = nullptr;
  /// Every path that reaches this return holds the reference and fails, so a
  /// release inserted right before the return is correct on all of them.
  bool OnEveryPath = false;
};

/// A release drops a reference that its path does not hold, on a path that
/// tried to take one in the same function: the try-acquire failed, or an
/// earlier release already dropped what the acquisition took. Releases on
/// paths that never tried are not reported: they drop a reference the
/// caller took, by contract (a release() method).
struct ReleaseWithoutReference {
  const clang::FunctionDecl *Function = nullptr;
  const PrimitiveUse *Release = nullptr;
  const PrimitiveUse *Acquire = nullptr;
  /// The acquisition was a try that failed on this path; otherwise it was
  /// dropped already.
  bool AcquireFailed = false;
};

class AnalysisHandler {
public:
  virtual ~AnalysisHandler();
  /// Called once before any other hook, with the analysis the facts come
  /// from, so that handlers can ask it further questions.
  virtual void beginTranslationUnit(TUAnalysis &A) {}
  virtual void handleSleepBeforeAcquire(const SleepBeforeAcquire &F) {}
  virtual void
  handleFailureReturnHoldsReference(const FailureReturnHoldsReference &F) {}
  virtual void
  handleReleaseWithoutReference(const ReleaseWithoutReference &F) {}
  /// A function the engine could not analyze, or stopped analyzing, with why.
  virtual void handleFunctionSkipped(const clang::FunctionDecl *FD,
                                     llvm::StringRef Why) {}
  virtual void endTranslationUnit() {}
};

} // namespace modlife

#endif
