//===- CrossFile.h - The summary and analysis phases over a tree -*- C++ -*-===//
//
// Phase 1 (summarize) parses each translation unit once: it analyzes it on
// its own and keeps its summary. The summaries are linked into one graph.
// Phase 2 (analyze) re-analyzes only the translation units that learn
// something from other files (SummaryGraph::consumedBy); the others' phase-1
// findings are already final. With a store on disk, a later run re-parses
// only the files whose inputs changed, and re-analyzes only those and the
// files whose cross-file facts changed.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_DRIVER_CROSSFILE_H
#define MODLIFE_DRIVER_CROSSFILE_H

#include "analyzer/driver/Analyze.h"
#include <string>
#include <vector>

namespace modlife {

struct CrossFileOptions {
  /// The summary store; empty keeps it in memory for this run only.
  std::string StorePath;
  enum class Phase {
    /// Both phases, each file summarized only when its row is out of date.
    All,
    /// Phase 1 only: fills the store (for CI jobs that each take a shard).
    Summarize,
    /// Phase 2 only, from a store that phase 1 filled: a file without an
    /// up-to-date row is an error, never a silent re-parse.
    Analyze,
  };
  Phase Which = Phase::All;
};

struct CrossFileStats {
  /// Files parsed for their summary, and files whose stored row held.
  size_t Summarized = 0, UpToDate = 0;
  /// Files analyzed again with other files' facts, and those whose stored
  /// cross-file findings held.
  size_t Reanalyzed = 0, CrossFileUpToDate = 0;
  size_t Units = 0, Functions = 0, LinkedCalls = 0, AmbiguousCalls = 0;
};

/// Runs the phases over Files. Results come back in input order, with each
/// file's final findings. Error is set, in one line, when the run could not
/// start or the store failed.
std::vector<FileResult>
analyzeAcrossFiles(const clang::tooling::CompilationDatabase &DB,
                   const std::vector<std::string> &Files,
                   const RunOptions &Opts, const CrossFileOptions &X,
                   std::string &Error, CrossFileStats &Stats);

/// Merges the stores at Inputs into the one at Output, later inputs winning
/// for a file that several hold.
llvm::Error mergeSummaryStores(const std::vector<std::string> &Inputs,
                               llvm::StringRef Output);

} // namespace modlife

#endif
