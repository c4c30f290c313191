//===- Analyze.h - Running modlife over translation units -------*- C++ -*-===//
#ifndef MODLIFE_DRIVER_ANALYZE_H
#define MODLIFE_DRIVER_ANALYZE_H

#include "analyzer/engine/SummaryGraph.h"
#include "analyzer/rules/Config.h"
#include "analyzer/rules/RulePack.h"
#include "checks/CheckRunner.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace clang {
class Preprocessor;
namespace tooling {
class CompilationDatabase;
}
} // namespace clang

namespace modlife {

/// Limits on one translation unit's analysis; 0 means none. They are
/// enforced from outside the analysis, so only with RunOptions::Isolate.
struct FileLimits {
  /// Wall-clock seconds.
  double Seconds = 0;
  /// Memory the analysis may add to the process it was forked from (its
  /// private pages), in MiB.
  uint64_t MemoryMiB = 0;
};

/// Settings that come from the command line rather than .modlife.yaml.
struct RunOptions {
  rules::Config CommandLine;
  unsigned Jobs = 1;
  /// Emit findings as compiler diagnostics checked by clang's -verify.
  bool Verify = false;
  std::vector<std::string> ExtraArgs;
  /// Files analyzed with these contents instead of what is on disk (an
  /// editor's unsaved buffers), by the path given on the command line.
  std::map<std::string, std::string> Contents;
  /// Called after each file, one call at a time, in completion order.
  std::function<void(const struct FileResult &)> OnFileDone;
  /// Called when a run finds it has more files to analyze than it was given
  /// (the cross-file phase re-analyzes some).
  std::function<void(size_t)> OnMoreWork;
  /// Cross-file analysis: keep each file's summary and the files its parse
  /// read (FileResult::Summary, Inputs).
  bool Summarize = false;
  /// Cross-file analysis: the linked summaries that answer calls to other
  /// files' functions; null for none.
  const SummaryGraph *Summaries = nullptr;
  /// Analyze each file in a child process (Isolation.h), under Limits.
  bool Isolate = false;
  FileLimits Limits;
};

/// A file that a translation unit's parse read, and what it held.
struct InputFile {
  std::string Path;
  uint64_t Size = 0;
  int64_t ModificationTime = 0;
  uint64_t ContentHash = 0;
};

/// Everything one translation unit gave.
struct FileResult {
  std::string File;
  TUResult Result;
  unsigned CompilerErrors = 0;
  unsigned FunctionsInMainFile = 0;
  /// Set when the file could not be analyzed at all; a one-line reason.
  std::string FatalError;
  /// The analysis itself failed (a crash, the time or memory limit), as
  /// opposed to the input: FatalError says which.
  bool AnalysisFailed = false;
  /// In verify mode: whether the expectations matched.
  bool VerifyPassed = true;
  /// Wall time of this file's analysis.
  double Seconds = 0;
  /// With RunOptions::Summarize.
  std::optional<TUSummary> Summary;
  std::vector<InputFile> Inputs;
};

/// The rule set and options that apply to one file, from .modlife.yaml
/// found above it overlaid with the command line. Cached per config file.
struct EffectiveConfig {
  /// The rule sets a translation unit may get. With packs named in the
  /// configuration there is one; otherwise one per built-in pack that can
  /// be selected automatically, and Fallback is used when none applies.
  struct PackChoice {
    std::vector<std::string> WhenDefined;
    rules::RuleSet Rules;
  };
  std::vector<PackChoice> Choices;
  size_t Fallback = 0;
  /// The rule set for a parsed translation unit.
  const rules::RuleSet &rulesFor(clang::Preprocessor &PP) const;
  rules::CheckGlobs Checks;
  CheckOptions Options;
  /// A digest of everything above (the packs' text included): two files
  /// with the same identity are analyzed under the same rules.
  std::string Identity;
};
llvm::Expected<std::shared_ptr<const EffectiveConfig>>
buildConfig(const rules::Config &C);

/// Strips flags that would make the compiler write files (dependency files,
/// objects, traces), so that analysis never writes into the user's tree.
clang::tooling::ArgumentsAdjuster getNoOutputAdjuster();

/// The configuration of each file, in order; an error names the broken
/// .modlife.yaml or rule pack.
llvm::Expected<std::vector<std::shared_ptr<const EffectiveConfig>>>
configsFor(const std::vector<std::string> &Files,
           const rules::Config &CommandLine);

/// Analyzes the files, Jobs at a time. Results come back in input order.
std::vector<FileResult>
analyzeFiles(const clang::tooling::CompilationDatabase &DB,
             const std::vector<std::string> &Files, const RunOptions &Opts,
             std::string &ConfigError);

} // namespace modlife

#endif
