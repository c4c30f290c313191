//===- CrossFile.cpp - The summary and analysis phases over a tree --------===//
#include "analyzer/driver/CrossFile.h"
#include "analyzer/driver/SummaryStore.h"
#include "analyzer/engine/SummaryGraph.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using namespace clang::tooling;
using namespace llvm;

namespace modlife {

static std::string absolutePath(StringRef File) {
  SmallString<256> Abs(File);
  sys::fs::make_absolute(Abs);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return Abs.str().str();
}

/// What a row must have been made under to hold: the store's format, the
/// compile command, the extra arguments and the rules and checks.
static std::string fingerprint(const CompilationDatabase &DB,
                               StringRef AbsoluteFile,
                               const EffectiveConfig &Config,
                               const RunOptions &Opts) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << "store-v" << SummaryStoreVersion << " summary-r"
     << SummaryContentRevision << '\n'
     << Config.Identity << '\n';
  for (const CompileCommand &C : DB.getCompileCommands(AbsoluteFile)) {
    OS << C.Directory << '\n';
    for (const std::string &A : C.CommandLine)
      OS << A << '\0';
    OS << '\n';
  }
  for (const std::string &A : Opts.ExtraArgs)
    OS << A << '\0';
  return utohexstr(xxh3_64bits(Text), /*LowerCase=*/true);
}

static StoredUnit rowFrom(FileResult &R, std::string Key,
                          std::string Fingerprint) {
  StoredUnit U;
  U.File = std::move(Key);
  U.Fingerprint = std::move(Fingerprint);
  U.Inputs = std::move(R.Inputs);
  if (R.Summary)
    U.Summary = std::move(*R.Summary);
  U.Findings = R.Result.Findings;
  U.CompilerErrors = R.CompilerErrors;
  U.FunctionsInMainFile = R.FunctionsInMainFile;
  U.Skipped = R.Result.Skipped;
  U.Seconds = R.Seconds;
  return U;
}

/// A result rebuilt from a stored row, for a file this run did not parse.
static FileResult resultFrom(const StoredUnit &U, const std::string &File) {
  FileResult R;
  R.File = File;
  R.Result.Findings = U.Findings;
  R.Result.Skipped = U.Skipped;
  R.CompilerErrors = U.CompilerErrors;
  R.FunctionsInMainFile = U.FunctionsInMainFile;
  return R;
}

std::vector<FileResult> analyzeAcrossFiles(const CompilationDatabase &DB,
                                           const std::vector<std::string> &Files,
                                           const RunOptions &Opts,
                                           const CrossFileOptions &X,
                                           std::string &Error,
                                           CrossFileStats &Stats) {
  auto Fail = [&](llvm::Error E) {
    Error = "error: " + toString(std::move(E));
    return std::vector<FileResult>();
  };
  Expected<std::vector<std::shared_ptr<const EffectiveConfig>>> Configs =
      configsFor(Files, Opts.CommandLine);
  if (!Configs) {
    Error = toString(Configs.takeError());
    return {};
  }
  Expected<std::unique_ptr<SummaryStore>> Opened =
      SummaryStore::open(X.StorePath);
  if (!Opened)
    return Fail(Opened.takeError());
  SummaryStore &Store = **Opened;

  // Phase 1: which rows still hold, and a parse for the others.
  std::vector<FileResult> Results(Files.size());
  std::vector<std::optional<StoredUnit>> Rows(Files.size());
  std::vector<std::string> Keys(Files.size()), Prints(Files.size());
  std::vector<size_t> Stale;
  InputChecker Inputs;
  for (size_t I = 0; I < Files.size(); ++I) {
    Keys[I] = absolutePath(Files[I]);
    Prints[I] = fingerprint(DB, Keys[I], *(*Configs)[I], Opts);
    Expected<std::optional<StoredUnit>> Row = Store.get(Keys[I]);
    if (!Row)
      return Fail(Row.takeError());
    if (*Row && (*Row)->Fingerprint == Prints[I] &&
        Inputs.unchanged((*Row)->Inputs)) {
      Rows[I] = std::move(**Row);
      ++Stats.UpToDate;
      continue;
    }
    if (X.Which == CrossFileOptions::Phase::Analyze) {
      Error = "error: no up-to-date summary of '" + Files[I] +
              "' in the summary store '" + X.StorePath +
              "'; run --phase=summarize on it first";
      return {};
    }
    Stale.push_back(I);
  }
  std::vector<std::string> StaleFiles;
  for (size_t I : Stale)
    StaleFiles.push_back(Files[I]);
  RunOptions Summarize = Opts;
  Summarize.Summarize = true;
  std::vector<FileResult> Parsed =
      analyzeFiles(DB, StaleFiles, Summarize, Error);
  if (!Error.empty())
    return {};
  std::vector<const StoredUnit *> ToWrite;
  for (size_t J = 0; J < Stale.size(); ++J) {
    size_t I = Stale[J];
    if (!Parsed[J].FatalError.empty() || !Parsed[J].Summary) {
      Results[I] = std::move(Parsed[J]); // reported as it is; not stored
      continue;
    }
    Rows[I] = rowFrom(Parsed[J], Keys[I], Prints[I]);
    Results[I] = std::move(Parsed[J]);
    ToWrite.push_back(&*Rows[I]);
    ++Stats.Summarized;
  }
  if (llvm::Error E = Store.put(ToWrite))
    return Fail(std::move(E));
  for (size_t I = 0; I < Files.size(); ++I)
    if (Rows[I] && Results[I].File.empty()) {
      Results[I] = resultFrom(*Rows[I], Files[I]);
      if (Opts.OnFileDone)
        Opts.OnFileDone(Results[I]);
    }
  if (X.Which == CrossFileOptions::Phase::Summarize)
    return Results;

  // Link every summary the store holds: other shards' files too.
  SummaryGraph Graph;
  if (llvm::Error E = Store.forEachSummary(
          [&](TUSummary S) { Graph.add(std::move(S)); }))
    return Fail(std::move(E));
  Graph.solve();
  Stats.Units = Graph.translationUnits();
  Stats.Functions = Graph.functions();
  Stats.LinkedCalls = Graph.linkedCalls();
  Stats.AmbiguousCalls = Graph.ambiguousCalls();

  // Phase 2: only the files that learn something from other files.
  std::vector<size_t> Again;
  std::vector<std::string> Digests(Files.size());
  for (size_t I = 0; I < Files.size(); ++I) {
    if (!Rows[I])
      continue;
    Digests[I] = Graph.consumedBy(Rows[I]->Summary.MainFile);
    if (Digests[I].empty())
      continue;
    if (Rows[I]->Consumed == Digests[I] && Rows[I]->CrossFileFindings) {
      Results[I].Result.Findings = *Rows[I]->CrossFileFindings;
      ++Stats.CrossFileUpToDate;
      continue;
    }
    Again.push_back(I);
  }
  if (Again.empty())
    return Results;
  if (Opts.OnMoreWork)
    Opts.OnMoreWork(Again.size());
  std::vector<std::string> AgainFiles;
  for (size_t I : Again)
    AgainFiles.push_back(Files[I]);
  RunOptions WithSummaries = Opts;
  WithSummaries.Summaries = &Graph;
  std::vector<FileResult> Second =
      analyzeFiles(DB, AgainFiles, WithSummaries, Error);
  if (!Error.empty())
    return {};
  ToWrite.clear();
  for (size_t J = 0; J < Again.size(); ++J) {
    size_t I = Again[J];
    FileResult &R = Second[J];
    if (!R.FatalError.empty()) {
      Results[I] = std::move(R);
      continue;
    }
    Rows[I]->Consumed = Digests[I];
    Rows[I]->CrossFileFindings = R.Result.Findings;
    ToWrite.push_back(&*Rows[I]);
    Results[I].Result = std::move(R.Result);
    Results[I].Seconds += R.Seconds;
    ++Stats.Reanalyzed;
  }
  if (llvm::Error E = Store.put(ToWrite))
    return Fail(std::move(E));
  return Results;
}

llvm::Error mergeSummaryStores(const std::vector<std::string> &Inputs,
                               StringRef Output) {
  Expected<std::unique_ptr<SummaryStore>> Out = SummaryStore::open(Output);
  if (!Out)
    return Out.takeError();
  for (const std::string &In : Inputs) {
    if (!sys::fs::exists(In))
      return createStringError(inconvertibleErrorCode(),
                               "no such summary store: '%s'", In.c_str());
    if (llvm::Error E = (*Out)->mergeFrom(In))
      return E;
  }
  return llvm::Error::success();
}

} // namespace modlife
