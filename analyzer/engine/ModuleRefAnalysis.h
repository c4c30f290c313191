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

namespace clang {
class FunctionDecl;
class Stmt;
} // namespace clang

namespace modlife {

class FunctionFacts;
class TUAnalysis;

/// What the dataflow found in one function.
struct ModuleRefResult {
  std::vector<SleepBeforeAcquire> SleepsBeforeAcquire;
  std::vector<FailureReturnHoldsReference> HeldAtFailure;
  std::vector<ReleaseWithoutReference> UnheldReleases;
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
};

ModuleRefResult analyzeModuleRefs(const TUAnalysis &A, const FunctionFacts &F,
                                  const ModuleRefOptions &Opts = {});

} // namespace modlife

#endif
