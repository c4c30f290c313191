//===- main.cpp - The modlife command-line tool
//----------------------------===//
//
// modlife [options] <source files...> [-- <compiler arguments>]
// modlife -p <build dir> [options] <source files...>
//
//===----------------------------------------------------------------------===//
#include "analyzer/driver/Analyze.h"
#include "analyzer/driver/ApplyFixes.h"
#include "analyzer/driver/CrossFile.h"
#include "analyzer/driver/Isolation.h"
#include "analyzer/driver/Output.h"
#include "analyzer/driver/Progress.h"
#include "analyzer/driver/Reports.h"
#include "checks/ModlifeCheck.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace clang::tooling;
using namespace modlife;

static cl::OptionCategory Category("modlife options");

static const char Overview[] =
    R"(modlife: finds module lifetime bugs in kernel driver C code

  modlife reports the bugs that let a module be unloaded while its code is
  still running, and those that keep its use count forever: an entry point
  that sleeps before MOD_INC_USE_COUNT, a failure return that keeps the count.
  It analyzes every path through each function (CFG dataflow), follows calls
  into the other files of the run (summaries linked by function name), and
  tolerates code that modern clang does not fully accept: the functions that
  parse are analyzed.

Examples:
  modlife drivers/char/foo.c -- -I include -D__KERNEL__ -DMODULE
  modlife -p build/ drivers/char/foo.c drivers/char/bar.c
  modlife -p build/ --checks='-*,modlife-sleep-before-inc' -j 2 foo.c
  modlife --fix foo.c -- -I include        (apply the fix-its in place)
  modlife -p build/ --format=sarif --output modlife.sarif $(git diff --name-only -- '*.c')
  modlife -p build/ --write-baseline .modlife-baseline.json drivers/*.c
  modlife -p build/ --baseline .modlife-baseline.json drivers/*.c
                                           (fail only on findings not recorded)
  modlife -p build/ --stdin drivers/char/foo.c < unsaved-buffer.c
                                           (an editor's buffer; see modlife-lsp)
  modlife -p build/ --summaries=modlife.db -j 2 drivers/char/*.c
                                           (keep summaries: re-runs redo only
                                            what an edit changed)
  modlife --list-checks
  A '// NOLINT(modlife-...)' comment silences a finding, as in clang-tidy.

Configuration:
  A .modlife.yaml found in the file's directory or above it selects checks,
  rule packs and check options, the way .clang-tidy does:
      Checks: 'modlife-*,-modlife-missing-release-on-error'
      RulePacks: [linux-2.4]
      RuleFiles: [tools/our-driver-rules.yaml]
      CheckOptions:
        modlife-sleep-before-inc.NonConstantFlags: no-sleep
  Command-line flags override the file.

Other front ends: clang-tidy-19 --load=build/lib/modlife-clang-tidy-llvm19.so,
and build/bin/modlife-lsp for editors (integrations/ in the source tree).

Exit status: 0 no findings, 1 findings, 2 usage or input error, or a file
  that could not be analyzed (a crash, --file-timeout, --file-memory-limit;
  the run goes on with the other files).
)";

static cl::opt<std::string>
    BuildPath("p", cl::desc("Build directory that holds compile_commands.json"),
              cl::value_desc("build dir"), cl::cat(Category));
static cl::list<std::string>
    SourcePaths(cl::Positional,
                cl::desc("<source files...> [-- <compiler arguments>]"),
                cl::cat(Category));
static cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("An argument to append to every compile command"),
              cl::cat(Category));

static cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated check globs; '-' removes, the last match wins.\n"
             "Default: modlife-*. Example: '-*,modlife-sleep-before-inc'"),
    cl::value_desc("globs"), cl::cat(Category));
static cl::list<std::string> Packs(
    "packs", cl::CommaSeparated,
    cl::desc(
        "Built-in rule packs to use. Default: chosen per file from the\n"
        "macros its headers define (MOD_INC_USE_COUNT picks linux-2.4);\n"
        "see --list-packs"),
    cl::value_desc("name,..."), cl::cat(Category));
static cl::list<std::string> RuleFiles(
    "rules",
    cl::desc(
        "A rule pack file to add on top of the built-in packs; repeatable.\n"
        "The schema is in docs/rules.md"),
    cl::value_desc("file.yaml"), cl::cat(Category));
static cl::opt<unsigned>
    Jobs("j", cl::desc("Translation units to analyze in parallel"), cl::init(1),
         cl::value_desc("N"), cl::Prefix, cl::cat(Category));
static cl::opt<bool>
    Fix("fix", cl::desc("Apply fix-its to the source files, atomically"),
        cl::cat(Category));
static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the checks and exit"),
                                cl::cat(Category));
static cl::opt<bool>
    ListPacks("list-packs", cl::desc("List the built-in rule packs and exit"),
              cl::cat(Category));
static cl::opt<bool> ParseableFixits(
    "parseable-fixits",
    cl::desc("Print fix-its in clang's machine-readable 'fix-it:' form"),
    cl::cat(Category));
static cl::opt<bool> Quiet("quiet", cl::desc("Do not print the summary line"),
                           cl::cat(Category));
static cl::opt<cl::boolOrDefault>
    Color("use-color", cl::desc("Use colors (default: when on a terminal)"),
          cl::cat(Category));
enum class Format { Text, Json, Sarif };
static cl::opt<Format> OutputFormat(
    "format", cl::desc("How to print findings (default: text)"),
    cl::values(clEnumValN(Format::Text, "text",
                          "clang-style diagnostics, as editors and CI parse"),
               clEnumValN(Format::Json, "json",
                          "one JSON object: findings with notes and fixes"),
               clEnumValN(Format::Sarif, "sarif",
                          "SARIF 2.1.0, for code scanning services")),
    cl::init(Format::Text), cl::cat(Category));
static cl::opt<std::string>
    OutputFile("output", cl::desc("Write the findings to this file, not stdout"),
               cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Directory that JSON, SARIF and baselines name files relative\n"
             "to (default: the current directory)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<std::string> Baseline(
    "baseline",
    cl::desc("Accept the findings recorded in this file (see\n"
             "--write-baseline); only new ones are printed and fail"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record the findings of this run in a baseline file"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> Stdin(
    "stdin",
    cl::desc("Read the one source file's contents from standard input (an\n"
             "editor's unsaved buffer); its path still selects the compile\n"
             "command and .modlife.yaml"),
    cl::cat(Category));
static cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyze only part K of N of the files (1 <= K <= N), the same\n"
             "part on every machine: N CI jobs each run one shard with\n"
             "--format=json, and 'modlife --merge' joins their reports"),
    cl::value_desc("K/N"), cl::cat(Category));
static cl::opt<bool> Merge(
    "merge",
    cl::desc("The files are JSON reports of earlier runs (with the same\n"
             "--source-root): print them as one report, in any --format"),
    cl::cat(Category));
static cl::opt<bool> CrossFile(
    "cross-file",
    cl::desc("Follow calls into the other files of the run: a sleeping\n"
             "helper in foo_hw.c makes foo_main.c's open() a finding\n"
             "(default: on; =false analyzes each file alone)"),
    cl::init(true), cl::cat(Category));
static cl::opt<std::string> SummariesPath(
    "summaries",
    cl::desc("Keep the cross-file summaries in this SQLite file: a later run\n"
             "re-parses only the files whose inputs changed, and re-analyzes\n"
             "only those and the files that depend on them\n"
             "(docs/summaries.md)"),
    cl::value_desc("file.db"), cl::cat(Category));
enum class PhaseChoice { All, Summarize, Analyze };
static cl::opt<PhaseChoice> Phase(
    "phase", cl::desc("Run one phase of the cross-file analysis (default: both)"),
    cl::values(
        clEnumValN(PhaseChoice::All, "all", "summarize, link, then analyze"),
        clEnumValN(PhaseChoice::Summarize, "summarize",
                   "only fill --summaries (one CI job per --shard)"),
        clEnumValN(PhaseChoice::Analyze, "analyze",
                   "only analyze, from a --summaries store that holds every "
                   "file (see --merge-summaries)")),
    cl::init(PhaseChoice::All), cl::cat(Category));
static cl::opt<bool> MergeSummaries(
    "merge-summaries",
    cl::desc("The files are summary stores of earlier --phase=summarize\n"
             "runs: merge them into the --summaries store"),
    cl::cat(Category));
static cl::opt<bool> Isolate(
    "isolate",
    cl::desc("Analyze in worker processes (one per job), so that a crash\n"
             "or a limit below costs only the file at hand and the run\n"
             "goes on (default: on; =false runs in one process, to debug)"),
    cl::init(true), cl::cat(Category));
static cl::opt<double> FileTimeout(
    "file-timeout",
    cl::desc("Stop a file's analysis after this many seconds of wall time,\n"
             "report it and go on (default: 300; 0 for no limit)"),
    cl::init(300), cl::value_desc("seconds"), cl::cat(Category));
static cl::opt<unsigned> FileMemoryLimit(
    "file-memory-limit",
    cl::desc("Stop a file's analysis when it has allocated this much\n"
             "memory, report it and go on (default: 4096; 0 for no limit)"),
    cl::init(4096), cl::value_desc("MiB"), cl::cat(Category));
static cl::opt<bool> Verify(
    "verify", cl::Hidden,
    cl::desc("Test mode: check findings against the expected-warning comments "
             "in the file, with clang's -verify"),
    cl::cat(Category));

/// The directory reports name files relative to.
static SmallString<256> sourceRoot() {
  SmallString<256> Root(SourceRoot);
  if (Root.empty())
    sys::fs::current_path(Root);
  sys::fs::make_absolute(Root);
  return Root;
}

/// The compile commands of the run: --fix checks with them that each fixed
/// file still compiles. Null for --merge, which takes no --fix.
static const CompilationDatabase *FixCommands = nullptr;

/// How the files of a run went, for the report's end.
struct RunOutcome {
  size_t FileCount = 0;
  unsigned WithErrors = 0;
  /// Files that could not be read or parsed at all: the input is bad.
  unsigned InputErrors = 0;
  /// Files whose analysis crashed or hit a limit.
  unsigned NotAnalyzed = 0;
  std::vector<FileTiming> Timings;
  double Seconds = 0;
};

/// Writes a file the user named through a temporary file and a rename, so
/// that an interrupted run never leaves half a report or baseline.
static bool writeAtomically(StringRef Path, StringRef What,
                            function_ref<void(raw_ostream &)> Write) {
  if (Error E = writeToOutput(Path, [&](raw_ostream &OS) {
        Write(OS);
        return Error::success();
      })) {
    WithColor::error(errs(), "modlife")
        << "cannot write " << What << " '" << Path
        << "': " << toString(std::move(E)) << "\n";
    return false;
  }
  return true;
}

/// Baselines, the report in the chosen format, --fix, and the exit status:
/// the same for an analysis and for --merge.
static int report(std::vector<Finding> All, RunOutcome Run) {
  sortAndUnique(All);
  SmallString<256> Root = sourceRoot();
  // A run that failed on its input writes no file: a report or baseline
  // that silently leaves files out would look complete.
  bool WriteFiles = Run.InputErrors == 0;
  // Read the old baseline before writing the new one: they may be the
  // same file (updating a baseline in place).
  std::vector<Finding> Recorded = All;
  unsigned Accepted = 0;
  if (!Baseline.empty())
    if (Error E = applyBaseline(Baseline, All, Root, Accepted)) {
      errs() << "modlife: " << toString(std::move(E)) << "\n";
      return 2;
    }
  if (!WriteBaseline.empty() && WriteFiles &&
      !writeAtomically(WriteBaseline, "baseline", [&](raw_ostream &OS) {
        writeBaseline(OS, Recorded, Root);
      }))
    return 2;

  auto Render = [&](raw_ostream &OS, bool UseColor) {
    if (OutputFormat == Format::Json)
      renderJson(OS, All, Root);
    else if (OutputFormat == Format::Sarif)
      renderSarif(OS, All, Root, MODLIFE_VERSION);
    else
      renderText(OS, All, UseColor, ParseableFixits);
  };
  if (OutputFile.empty()) {
    Render(outs(), Color == cl::BOU_UNSET
                       ? sys::Process::StandardOutIsDisplayed()
                       : Color == cl::BOU_TRUE);
    outs().flush();
  } else if (WriteFiles &&
             !writeAtomically(OutputFile, "the report", [&](raw_ostream &OS) {
               Render(OS, false);
             })) {
    return 2;
  }

  unsigned Remaining = All.size();
  if (Fix && !All.empty()) {
    StillParsesFn StillParses = [](StringRef, StringRef, std::string &Why) {
      Why = "no compile commands to check it with";
      return false;
    };
    if (FixCommands)
      StillParses = compilesAsBefore(
          *FixCommands,
          std::vector<std::string>(ExtraArgs.begin(), ExtraArgs.end()));
    FixSummary FS = applyFixes(All, StillParses);
    for (const std::string &P : FS.Problems)
      errs() << "modlife: " << P << "\n";
    if (!Quiet) {
      errs() << "modlife: applied fixes for " << FS.FindingsFixed << " of "
             << All.size() << " findings in " << FS.FilesWritten << " files";
      if (FS.FixesFailed)
        errs() << "; " << FS.FixesFailed
               << (FS.FixesFailed == 1 ? " fix" : " fixes")
               << " failed: the fixed file would not compile";
      errs() << "\n";
    }
    Remaining -= FS.FindingsFixed;
  }
  if (!Quiet && Run.Timings.size() > 1)
    renderRunSummary(errs(), All, std::move(Run.Timings), Run.Seconds);
  // When no file could be read, the errors above say everything.
  bool NothingRead = Run.InputErrors && Run.InputErrors == Run.FileCount;
  if (!Quiet && !NothingRead) {
    unsigned WithFix =
        count_if(All, [](const Finding &F) { return !F.Fixes.empty(); });
    errs() << "modlife: " << All.size()
           << (All.size() == 1 ? " warning" : " warnings") << " in "
           << Run.FileCount << (Run.FileCount == 1 ? " file" : " files");
    if (Run.WithErrors)
      errs() << " (" << Run.WithErrors << " with compiler errors)";
    if (Run.InputErrors && !OutputFile.empty())
      errs() << "; no report written, " << Run.InputErrors
             << (Run.InputErrors == 1 ? " file" : " files")
             << " could not be read";
    if (Run.NotAnalyzed)
      errs() << "; " << Run.NotAnalyzed
             << (Run.NotAnalyzed == 1 ? " file" : " files")
             << " not analyzed: a crash or a limit (see the errors above)";
    if (WithFix && !Fix)
      errs() << "; " << WithFix << " can be fixed with --fix";
    if (Accepted)
      errs() << "; " << Accepted << " more accepted by the baseline";
    errs() << "\n";
  }
  if (Run.InputErrors || Run.NotAnalyzed)
    return 2;
  return Remaining ? 1 : 0;
}

/// How the database guessed File's command ("inferred from drv.c"), or
/// empty when it lists the file.
static std::string guessedCommandOf(const CompilationDatabase &DB,
                                    StringRef File) {
  SmallString<256> Absolute(File);
  sys::fs::make_absolute(Absolute);
  sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  std::vector<CompileCommand> Commands = DB.getCompileCommands(Absolute);
  if (Commands.empty() || Commands.front().Heuristic.empty())
    return "";
  return "analyzed with a command " + Commands.front().Heuristic;
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  // A crash prints clang's stack dump; the report belongs with us.
  setBugReportMsg("PLEASE report this modlife crash to its maintainers with "
                  "the stack dump below and the file named after it (or a "
                  "reduced copy).\n");
  cl::HideUnrelatedOptions(Category);
  // Everything after "--" is the compile command, as in clang-tidy.
  std::string FixedError;
  std::unique_ptr<CompilationDatabase> Fixed =
      FixedCompilationDatabase::loadFromCommandLine(argc, argv, FixedError);
  std::string ParseErrors;
  raw_string_ostream ParseOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &ParseOS)) {
    StringRef First = StringRef(ParseOS.str()).trim().split('\n').first;
    errs() << First << "\n";
    return 2;
  }
  if (ListChecks) {
    for (const CheckInfo &I : allChecks()) {
      outs() << I.Name << "\n    " << I.Summary << "\n";
      if (!I.FormerName.empty())
        outs() << "    (formerly " << I.FormerName
               << ", a name that still selects it)\n";
    }
    return 0;
  }
  if (ListPacks) {
    for (const rules::BuiltinPack &P : rules::builtinPacks()) {
      outs() << P.Name << "\n";
      if (Expected<rules::RulePack> R = rules::loadBuiltinPack(P.Name)) {
        outs() << "    " << R->Description << "\n";
        if (!R->AutoSelectMacros.empty())
          outs() << "    selected for files whose headers define: "
                 << join(R->AutoSelectMacros, ", ") << "\n";
      } else
        consumeError(R.takeError());
    }
    return 0;
  }
  std::vector<std::string> Files(SourcePaths.begin(), SourcePaths.end());
  if (Files.empty()) {
    WithColor::error(errs(), "modlife")
        << "no input files; run 'modlife --help' for usage\n";
    return 2;
  }
  if (MergeSummaries) {
    if (SummariesPath.empty() || Merge || Fix) {
      WithColor::error(errs(), "modlife")
          << "--merge-summaries merges into the --summaries store; it takes "
             "no --merge or --fix\n";
      return 2;
    }
    if (Error E = mergeSummaryStores(Files, SummariesPath)) {
      WithColor::error(errs(), "modlife") << toString(std::move(E)) << "\n";
      return 2;
    }
    if (!Quiet)
      errs() << "modlife: merged " << Files.size() << " summary stores into '"
             << SummariesPath << "'\n";
    return 0;
  }
  // A report or baseline written over a source file would destroy it.
  for (const auto &[Flag, Path] :
       {std::pair<StringRef, StringRef>{"--output", OutputFile},
        {"--write-baseline", WriteBaseline}}) {
    if (Path.empty() || Merge)
      continue;
    for (const std::string &F : Files) {
      bool Same = false;
      if (sys::fs::equivalent(Path, F, Same) || !Same) {
        SmallString<256> A(Path), B(F);
        sys::fs::make_absolute(A);
        sys::fs::make_absolute(B);
        Same = A == B;
      }
      if (Same) {
        WithColor::error(errs(), "modlife")
            << Flag << " '" << Path
            << "' is one of the source files; it would be overwritten\n";
        return 2;
      }
    }
  }
  if (Fix && Phase == PhaseChoice::Summarize) {
    WithColor::error(errs(), "modlife")
        << "--phase=summarize finds nothing to fix; --fix goes with "
           "--phase=analyze or a whole run\n";
    return 2;
  }
  if (Phase != PhaseChoice::All && SummariesPath.empty()) {
    WithColor::error(errs(), "modlife")
        << "--phase=summarize and --phase=analyze need a --summaries store\n";
    return 2;
  }
  if ((!SummariesPath.empty() || Phase != PhaseChoice::All) &&
      (Stdin || !CrossFile)) {
    WithColor::error(errs(), "modlife")
        << "--summaries and --phase take no --stdin or --cross-file=false\n";
    return 2;
  }
  if (Merge) {
    if (Fix || Stdin || !Shard.empty()) {
      WithColor::error(errs(), "modlife")
          << "--merge reads reports; it takes no --fix, --stdin or --shard\n";
      return 2;
    }
    std::vector<Finding> All;
    for (const std::string &F : Files) {
      Expected<std::vector<Finding>> R = readJsonReport(F, sourceRoot());
      if (!R) {
        WithColor::error(errs(), "modlife") << toString(R.takeError()) << "\n";
        return 2;
      }
      for (Finding &Fi : *R)
        All.push_back(std::move(Fi));
    }
    RunOutcome Merged;
    Merged.FileCount = Files.size();
    return report(std::move(All), std::move(Merged));
  }
  if (!Shard.empty()) {
    unsigned K = 0, N = 0;
    auto [KText, NText] = StringRef(Shard).split('/');
    if (KText.getAsInteger(10, K) || NText.getAsInteger(10, N) || N == 0 ||
        K == 0 || K > N) {
      WithColor::error(errs(), "modlife")
          << "--shard wants K/N with 1 <= K <= N, not '" << Shard << "'\n";
      return 2;
    }
    // Round robin over the sorted names: every machine computes the same
    // parts, whatever order the shell gave the files in, and each part
    // gets a mix of directories.
    std::vector<std::string> Sorted = Files;
    llvm::sort(Sorted);
    Sorted.erase(std::unique(Sorted.begin(), Sorted.end()), Sorted.end());
    StringMap<size_t> Index;
    for (size_t I = 0; I < Sorted.size(); ++I)
      Index[Sorted[I]] = I;
    llvm::erase_if(Files, [&](const std::string &F) {
      return Index[F] % N != K - 1;
    });
    if (Files.empty())
      return report({}, RunOutcome());
  }
  std::string StdinContents;
  if (Stdin) {
    if (Files.size() != 1 || Fix) {
      WithColor::error(errs(), "modlife")
          << "--stdin takes exactly one source file and no --fix\n";
      return 2;
    }
    ErrorOr<std::unique_ptr<MemoryBuffer>> In = MemoryBuffer::getSTDIN();
    if (!In) {
      WithColor::error(errs(), "modlife")
          << "cannot read standard input: " << In.getError().message() << "\n";
      return 2;
    }
    StdinContents = (*In)->getBuffer().str();
  }
  std::unique_ptr<CompilationDatabase> DB;
  if (!BuildPath.empty()) {
    std::string Err;
    DB = CompilationDatabase::autoDetectFromDirectory(BuildPath, Err);
    if (!DB) {
      // The loaders explain over several lines; the first JSON complaint is
      // the one that says what is wrong with the file.
      SmallVector<StringRef, 8> Lines;
      StringRef(Err).split(Lines, '\n', -1, false);
      StringRef Why = Lines.empty() ? "not found" : Lines.back();
      for (StringRef L : Lines)
        if (L.starts_with("json-compilation-database:"))
          Why = L.drop_front(strlen("json-compilation-database:")).trim();
      WithColor::error(errs(), "modlife")
          << "cannot load compile_commands.json from '" << BuildPath
          << "': " << Why << "\n";
      return 2;
    }
    // clang resolves a relative "directory" against wherever the tool
    // runs, which finds no command or the wrong files: say so instead.
    for (const CompileCommand &C : DB->getAllCompileCommands())
      if (!sys::path::is_absolute(C.Directory)) {
        WithColor::error(errs(), "modlife")
            << "compile_commands.json in '" << BuildPath << "': the entry for '"
            << C.Filename << "' has a relative directory '" << C.Directory
            << "'; it must be absolute\n";
        return 2;
      }
  } else if (Fixed) {
    DB = std::move(Fixed);
  } else {
    std::string Err;
    DB = CompilationDatabase::autoDetectFromSource(Files.front(), Err);
    if (!DB) {
      WithColor::error(errs(), "modlife")
          << "no compile commands for '" << Files.front()
          << "': pass -p <build dir> or the compiler flags after '--'\n";
      return 2;
    }
  }

  RunOptions Opts;
  if (Checks.getNumOccurrences())
    Opts.CommandLine.Checks = Checks;
  if (!Packs.empty())
    Opts.CommandLine.RulePacks =
        std::vector<std::string>(Packs.begin(), Packs.end());
  for (const std::string &F : RuleFiles) {
    if (!sys::fs::exists(F)) {
      WithColor::error(errs(), "modlife")
          << "no such rule pack file: '" << F << "'\n";
      return 2;
    }
    SmallString<256> Abs(F);
    sys::fs::make_absolute(Abs);
    Opts.CommandLine.RuleFiles.push_back(std::string(Abs));
  }
  Opts.Jobs = std::max(1u, unsigned(Jobs));
  Opts.Verify = Verify;
  if (FileTimeout < 0) {
    WithColor::error(errs(), "modlife")
        << "--file-timeout wants seconds >= 0, not " << FileTimeout << "\n";
    return 2;
  }
  if (!Isolate && ((FileTimeout.getNumOccurrences() && FileTimeout > 0) ||
                   (FileMemoryLimit.getNumOccurrences() && FileMemoryLimit))) {
    WithColor::error(errs(), "modlife")
        << "--file-timeout and --file-memory-limit are enforced from a "
           "parent process; they need --isolate\n";
    return 2;
  }
  // -verify reports through the compiler's own diagnostics, in process.
  Opts.Isolate = Isolate && !Verify && canIsolate();
  Opts.Limits.Seconds = FileTimeout;
  Opts.Limits.MemoryMiB = FileMemoryLimit;
  Opts.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  if (Stdin)
    Opts.Contents[Files.front()] = std::move(StdinContents);

  Progress P(errs(), Files.size(), sys::Process::StandardErrIsDisplayed(),
             !Quiet && !Verify);
  Opts.OnFileDone = [&](const FileResult &R) {
    P.fileDone(R.Result.Findings.size());
  };
  Opts.OnMoreWork = [&](size_t More) { P.addWork(More); };
  std::string ConfigError;
  std::vector<FileResult> Results;
  // One file alone has nothing to link, unless a store holds the others.
  bool UseCrossFile = CrossFile && !Verify && !Stdin &&
                      (Files.size() > 1 || !SummariesPath.empty());
  CrossFileStats Stats;
  CrossFileOptions XOpts;
  if (UseCrossFile) {
    XOpts.StorePath = SummariesPath;
    XOpts.Which = Phase == PhaseChoice::Summarize
                      ? CrossFileOptions::Phase::Summarize
                  : Phase == PhaseChoice::Analyze
                      ? CrossFileOptions::Phase::Analyze
                      : CrossFileOptions::Phase::All;
    Results = analyzeAcrossFiles(*DB, Files, Opts, XOpts, ConfigError, Stats);
  } else {
    Results = analyzeFiles(*DB, Files, Opts, ConfigError);
  }
  P.finish();
  if (!ConfigError.empty()) {
    errs() << StringRef(ConfigError).trim() << "\n";
    return 2;
  }
  if (UseCrossFile && !SummariesPath.empty() && !Quiet)
    errs() << "modlife: summaries in '" << SummariesPath << "': "
           << Stats.Summarized << " files summarized, " << Stats.UpToDate
           << " up to date; " << Stats.Reanalyzed
           << " re-analyzed with other files' facts, "
           << Stats.CrossFileUpToDate << " up to date\n";
  if (XOpts.Which == CrossFileOptions::Phase::Summarize) {
    bool Failed = false;
    for (const FileResult &R : Results)
      if (!R.FatalError.empty()) {
        errs() << R.FatalError << "\n";
        Failed = true;
      }
    return Failed ? 2 : 0;
  }

  RunOutcome Run;
  Run.FileCount = Results.size();
  std::vector<Finding> All;
  bool VerifyFailed = false;
  for (FileResult &R : Results) {
    Run.Timings.push_back({R.File, R.Seconds, R.CompilerErrors});
    if (!R.FatalError.empty()) {
      errs() << R.FatalError << "\n";
      ++(R.AnalysisFailed ? Run.NotAnalyzed : Run.InputErrors);
      continue;
    }
    VerifyFailed |= !R.VerifyPassed;
    // A file the database does not list gets a neighbour's command, as in
    // clangd and clang-tidy; say whose, since its flags may not fit.
    if (!Quiet && DB)
      if (std::string Guess = guessedCommandOf(*DB, R.File); !Guess.empty())
        errs() << R.File << ": note: not in the compilation database; "
               << Guess << "\n";
    // A function the engine gave up on is said, never dropped in silence.
    if (!Quiet)
      for (const std::string &S : R.Result.Skipped)
        errs() << R.File << ": note: " << S << "\n";
    if (R.CompilerErrors) {
      ++Run.WithErrors;
      if (!Quiet)
        errs() << R.File << ": note: " << R.CompilerErrors
               << " compiler errors; the functions that parsed were analyzed\n";
    }
    for (Finding &F : R.Result.Findings)
      All.push_back(std::move(F));
  }
  if (Verify)
    return VerifyFailed || Run.InputErrors || Run.NotAnalyzed ? 1 : 0;
  Run.Seconds = P.elapsedSeconds();
  FixCommands = DB.get();
  return report(std::move(All), std::move(Run));
}
