//===- ModuleRefAnalysis.h - Module references along CFG paths --*- C++ -*-===//
//
// A forward dataflow over clang::CFG whose states are small sets of path
// facts: which module references are held, what integer locals are known to
// be (zero, non-zero), the outcome of try_module_get on this path, and the
// calls that may have slept since the module was last pinned. States that
// agree on everything but the sleeps are merged, and a function with more
// distinct states than a fixed bound is joined into one: path explosion is
// bounded by merging, never by giving up.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_ENGINE_MODULEREFANALYSIS_H
#define MODLIFE_ENGINE_MODULEREFANALYSIS_H

#include "analyzer/engine/AnalysisHandler.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class FunctionDecl;
class ReturnStmt;
class Stmt;
} // namespace clang

namespace modlife {

class FunctionFacts;
class TUAnalysis;

/// A hold that a check defines by statements and the dataflow follows
/// along paths like a module reference: taken at any of Starts, given back
/// at any of Ends (a deferred item armed in attach and drained on its error
/// path). Each statement is a CFG element of the analyzed function or
/// holds one; the first element under it stands for it.
struct TrackedHold {
  llvm::SmallVector<const clang::Stmt *, 2> Starts;
  llvm::SmallVector<const clang::Stmt *, 4> Ends;
  /// Where the held thing is kept, a pointer, as a
  /// PrimitiveMatcher::handleKey ("ssif_info->thread"): on an edge where it
  /// is known to be null, the path holds nothing ("if (ssif_info->thread)
  /// kthread_stop(...)").
  std::string Handle;
};

/// A failure return reached on some path that holds a TrackedHold.
struct FailureReturnKeepsTracked {
  const clang::ReturnStmt *Return = nullptr;
  /// Index into ModuleRefOptions::Tracked.
  unsigned Hold = 0;
  /// Every path that reaches the return holds it: a release inserted right
  /// before the return is right on all of them.
  bool OnEveryPath = false;
};

/// What the dataflow found in one function.
struct ModuleRefResult {
  std::vector<SleepBeforeAcquire> SleepsBeforeAcquire;
  std::vector<FailureReturnHoldsReference> HeldAtFailure;
  std::vector<ReleaseWithoutReference> UnheldReleases;
  /// Only with ModuleRefOptions::Tracked.
  std::vector<FailureReturnKeepsTracked> TrackedAtFailure;
  /// Set when the state budget ran out; the results are then partial.
  bool BudgetExceeded = false;
};

struct ModuleRefOptions {
  /// Analyze as if this acquisition were made at function entry instead of
  /// where it is written: what a fix that moves it to the top would give.
  const PrimitiveUse *MoveAcquireToEntry = nullptr;
  /// Most distinct states kept per program point before they are joined.
  unsigned MaxStatesPerPoint = 32;
  /// Block visits allowed per function, a guard against pathological CFGs.
  unsigned MaxBlockVisits = 200000;
  /// Holds the caller defines, followed besides the module references.
  llvm::ArrayRef<TrackedHold> Tracked;
};

ModuleRefResult analyzeModuleRefs(const TUAnalysis &A, const FunctionFacts &F,
                                  const ModuleRefOptions &Opts = {});

} // namespace modlife

#endif
