//===- Analyze.cpp - Running modlife over translation units ---------------===//
#include "analyzer/driver/Analyze.h"
#include "analyzer/driver/Isolation.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <mutex>

using namespace clang;
using namespace clang::tooling;
using namespace llvm;

namespace modlife {

// With no pack named, each translation unit gets the built-in pack whose
// 'auto-select' macros its headers define; this one when none does.
static constexpr const char *FallbackPack = "linux";

const rules::RuleSet &EffectiveConfig::rulesFor(Preprocessor &PP) const {
  for (const PackChoice &C : Choices)
    if (any_of(C.WhenDefined,
               [&](const std::string &M) { return PP.isMacroDefined(M); }))
      return C.Rules;
  return Choices[Fallback].Rules;
}

Expected<std::shared_ptr<const EffectiveConfig>>
buildConfig(const rules::Config &C) {
  auto E = std::make_shared<EffectiveConfig>();
  auto Load = [&](ArrayRef<std::string> Names) -> Expected<rules::RuleSet> {
    std::vector<rules::RulePack> Packs;
    for (const std::string &N : Names) {
      Expected<rules::RulePack> P = rules::loadBuiltinPack(N);
      if (!P && !C.Source.empty())
        return createStringError(inconvertibleErrorCode(), "%s: %s",
                                 C.Source.c_str(),
                                 toString(P.takeError()).c_str());
      if (!P)
        return P.takeError();
      Packs.push_back(std::move(*P));
    }
    for (const std::string &F : C.RuleFiles) {
      Expected<rules::RulePack> P = rules::loadRulePackFile(F);
      if (!P)
        return P.takeError();
      Packs.push_back(std::move(*P));
    }
    return rules::RuleSet(std::move(Packs));
  };
  std::vector<std::pair<std::string, std::vector<std::string>>> Wanted;
  if (C.RulePacks) {
    Wanted.push_back({"", *C.RulePacks});
  } else {
    for (const rules::BuiltinPack &B : rules::builtinPacks()) {
      Expected<rules::RulePack> P = rules::loadBuiltinPack(B.Name);
      if (!P)
        return P.takeError();
      if (!P->AutoSelectMacros.empty() || B.Name == FallbackPack)
        Wanted.push_back({B.Name.str(), {B.Name.str()}});
    }
  }
  for (auto &[Name, Packs] : Wanted) {
    Expected<rules::RuleSet> R = Load(Packs);
    if (!R)
      return R.takeError();
    EffectiveConfig::PackChoice Choice;
    if (!C.RulePacks)
      Choice.WhenDefined = R->packs().front().AutoSelectMacros;
    Choice.Rules = std::move(*R);
    if (Name == FallbackPack || C.RulePacks)
      E->Fallback = E->Choices.size();
    E->Choices.push_back(std::move(Choice));
  }
  if (E->Choices.empty())
    return createStringError(inconvertibleErrorCode(),
                             "error: no rule pack to use (see --list-packs)");
  E->Checks = rules::CheckGlobs(C.Checks ? *C.Checks : "modlife-*");
  // A name without '*' that names no check is a typo, not a filter.
  SmallVector<StringRef, 8> Parts;
  StringRef(E->Checks.spec()).split(Parts, ',', -1, false);
  auto Known = [](StringRef Name) { return findCheck(Name) != nullptr; };
  for (StringRef P : Parts) {
    P = P.trim();
    P.consume_front("-");
    P = P.trim();
    if (!P.empty() && !P.contains('*') && !Known(P))
      return createStringError(
          inconvertibleErrorCode(),
          "error: unknown check '%s'%s%s (see --list-checks)", P.str().c_str(),
          C.Source.empty() ? "" : " in ", C.Source.c_str());
  }
  for (const auto &KV : C.CheckOptions) {
    StringRef Check = StringRef(KV.getKey()).rsplit('.').first;
    if (!Known(Check))
      return createStringError(inconvertibleErrorCode(),
                               "%s%serror: option '%s' names no known check",
                               C.Source.c_str(), C.Source.empty() ? "" : ": ",
                               KV.getKey().str().c_str());
  }
  E->Options = CheckOptions(C.CheckOptions);
  std::string Id;
  raw_string_ostream OS(Id);
  OS << E->Checks.spec() << '\n';
  std::map<std::string, std::string> Sorted;
  for (const auto &KV : C.CheckOptions)
    Sorted[KV.getKey().str()] = KV.getValue();
  for (const auto &[K, V] : Sorted)
    OS << K << '=' << V << '\n';
  for (const EffectiveConfig::PackChoice &Choice : E->Choices)
    for (const rules::RulePack &P : Choice.Rules.packs())
      OS << P.Name << '\n';
  for (const rules::BuiltinPack &B : rules::builtinPacks())
    OS << B.Name << ':' << xxh3_64bits(B.Text) << '\n';
  for (const std::string &F : C.RuleFiles)
    if (auto Buf = MemoryBuffer::getFile(F))
      OS << F << ':' << xxh3_64bits((*Buf)->getBuffer()) << '\n';
  E->Identity = utohexstr(xxh3_64bits(Id), /*LowerCase=*/true);
  return std::shared_ptr<const EffectiveConfig>(std::move(E));
}

ArgumentsAdjuster getNoOutputAdjuster() {
  return [](const CommandLineArguments &Args, StringRef) {
    CommandLineArguments Out;
    for (size_t I = 0; I < Args.size(); ++I) {
      // The driver reads each argument as a C string: what follows an
      // embedded NUL (possible in a compile database) does not exist for it.
      StringRef A = StringRef(Args[I]).take_until([](char C) { return !C; });
      // Flags whose value is the next argument.
      if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ" || A == "-MJ" ||
          A == "--serialize-diagnostics" || A == "-dependency-file" ||
          A == "-ftime-trace-granularity") {
        ++I;
        continue;
      }
      if ((A.starts_with("-o") && A.size() > 2) || A == "-MD" || A == "-MMD" ||
          A == "-M" || A == "-MM" || A.starts_with("-MF") ||
          A.starts_with("-MJ") || A.starts_with("-Wp,-M") ||
          A.starts_with("-Wp,-MD") || A.starts_with("-save-temps") ||
          A.starts_with("-ftime-trace") ||
          A.starts_with("--serialize-diagnostics") ||
          A.starts_with("-fprofile-generate") || A.starts_with("-fdump-"))
        continue;
      // "-Wp," with no preprocessor option after it passes nothing, and
      // clang 19's driver reads uninitialized memory on it (fixed in clang
      // 20; found by fuzz/CompileDbFuzzer).
      if (A.starts_with("-Wp,") &&
          A.drop_front(4).find_first_not_of(',') == StringRef::npos)
        continue;
      Out.push_back(A.str());
    }
    return Out;
  };
}

namespace {

/// Counts compiler errors; the analyzer prints its own findings, not the
/// compiler's complaints about legacy code.
class ErrorCounter : public DiagnosticConsumer {
public:
  unsigned Errors = 0;
  void HandleDiagnostic(DiagnosticsEngine::Level L,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    if (L >= DiagnosticsEngine::Error)
      ++Errors;
  }
};

class ModlifeConsumer : public ASTConsumer {
public:
  ModlifeConsumer(CompilerInstance &CI, const EffectiveConfig &Cfg,
                  FileResult &Out, const RunOptions &Opts)
      : CI(CI), Cfg(Cfg), Out(Out), Opts(Opts) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    const SourceManager &SM = Ctx.getSourceManager();
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->doesThisDeclarationHaveABody() &&
            SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
          ++Out.FunctionsInMainFile;
    Preprocessor &PP = CI.getPreprocessor();
    CrossFileHooks Hooks;
    if (Opts.Summaries)
      Hooks.External = &Opts.Summaries->viewFor(
          filePointAt(SM, SM.getLocForStartOfFile(SM.getMainFileID())).File);
    if (Opts.Summarize) {
      Out.Summary.emplace();
      Hooks.SummaryOut = &*Out.Summary;
      recordInputs(SM);
    }
    TUResult R = runChecks(Ctx, &PP, Cfg.rulesFor(PP), Cfg.Checks,
                           Cfg.Options, Hooks);
    if (Opts.Verify)
      emitAsDiagnostics(R.Findings);
    for (Finding &F : R.Findings)
      Out.Result.Findings.push_back(std::move(F));
    for (std::string &S : R.Skipped)
      Out.Result.Skipped.push_back(std::move(S));
  }

private:
  /// Every file the parse read, with a hash of what it held, so that a later
  /// run can tell whether this translation unit's summary still holds.
  void recordInputs(const SourceManager &SM) {
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      FileEntryRef FE = It->first;
      InputFile In;
      SmallString<256> Path(FE.getName());
      SM.getFileManager().makeAbsolutePath(Path);
      sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
      In.Path = Path.str().str();
      In.Size = FE.getSize();
      In.ModificationTime = FE.getModificationTime();
      if (std::optional<MemoryBufferRef> Buf =
              It->second->getBufferIfLoaded())
        In.ContentHash = xxh3_64bits(Buf->getBuffer());
      Out.Inputs.push_back(std::move(In));
    }
    llvm::sort(Out.Inputs, [](const InputFile &A, const InputFile &B) {
      return A.Path < B.Path;
    });
  }

  // In -verify mode the findings go through the compiler's own diagnostics,
  // so that clang's VerifyDiagnosticConsumer checks them against the
  // expected-warning comments in the test file.
  void emitAsDiagnostics(const std::vector<Finding> &Findings) {
    DiagnosticsEngine &D = CI.getDiagnostics();
    unsigned Warn = D.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
    unsigned Note = D.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    for (const Finding &F : Findings) {
      D.Report(F.Where.Loc, Warn) << (F.Message + " [" + F.Check + "]");
      for (const FindingNote &N : F.Notes)
        D.Report(N.Where.Loc, Note) << N.Message;
    }
  }

  CompilerInstance &CI;
  const EffectiveConfig &Cfg;
  FileResult &Out;
  const RunOptions &Opts;
};

class ModlifeAction : public ASTFrontendAction {
public:
  ModlifeAction(const EffectiveConfig &Cfg, FileResult &Out,
                const RunOptions &Opts)
      : Cfg(Cfg), Out(Out), Opts(Opts) {}

  bool BeginSourceFileAction(CompilerInstance &CI) override {
    // A missing generated header (linux/autoconf.h in an unconfigured tree)
    // is an error to count, not a reason to stop: the functions that parse
    // are still worth analyzing.
    CI.getDiagnostics().setSeverity(diag::err_pp_file_not_found,
                                    diag::Severity::Error, SourceLocation());
    return true;
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<ModlifeConsumer>(CI, Cfg, Out, Opts);
  }

private:
  const EffectiveConfig &Cfg;
  FileResult &Out;
  const RunOptions &Opts;
};

class ModlifeActionFactory : public FrontendActionFactory {
public:
  ModlifeActionFactory(const EffectiveConfig &Cfg, FileResult &Out,
                       const RunOptions &Opts)
      : Cfg(Cfg), Out(Out), Opts(Opts) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<ModlifeAction>(Cfg, Out, Opts);
  }

private:
  const EffectiveConfig &Cfg;
  FileResult &Out;
  const RunOptions &Opts;
};

/// A file name fit for a one-line message: control characters escaped.
std::string printable(StringRef Name) {
  std::string Out;
  raw_string_ostream OS(Out);
  OS.write_escaped(Name);
  return Out;
}

/// Why File cannot be analyzed as C source, in one line; empty when it can.
std::string unreadableSource(const std::string &File) {
  std::string Name = "'" + printable(File) + "'";
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(File, Status)) {
    if (EC == std::errc::too_many_symbolic_link_levels)
      return "error: " + Name + " is a symbolic link loop";
    if (EC == std::errc::no_such_file_or_directory)
      return "error: no such file: " + Name;
    return "error: cannot read " + Name + ": " + EC.message();
  }
  if (sys::fs::is_directory(Status))
    return "error: " + Name + " is a directory, not a source file";
  if (!sys::fs::is_regular_file(Status))
    return "error: " + Name + " is not a regular file";
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(File);
  if (!Buf)
    return "error: cannot read " + Name + ": " + Buf.getError().message();
  StringRef Text = (*Buf)->getBuffer();
  if (Text.empty())
    return "error: " + Name + " is empty: there is nothing to analyze";
  if (Text.starts_with("\xff\xfe") || Text.starts_with("\xfe\xff"))
    return "error: " + Name +
           " is UTF-16 text; modlife reads C source in ASCII or UTF-8";
  return "";
}

FileResult analyzeOne(const CompilationDatabase &DB, const std::string &File,
                      const EffectiveConfig &Cfg, const RunOptions &Opts) {
  FileResult R;
  R.File = File;
  auto Unsaved = Opts.Contents.find(File);
  bool HasContents = Unsaved != Opts.Contents.end();
  if (!HasContents) {
    R.FatalError = unreadableSource(File);
    if (!R.FatalError.empty())
      return R;
  }
  SmallString<256> Absolute(File);
  sys::fs::make_absolute(Absolute);
  sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  if (DB.getCompileCommands(Absolute).empty()) {
    R.FatalError = "error: no compile command for '" + printable(File) +
                   "' in the compilation database";
    return R;
  }
  // A file system of its own, with its own working directory: the default
  // one is tied to the process's, so with -j a TU that finished put the
  // process back in the starting directory while another was still
  // resolving "-I./include" against its compile directory (linux-6.1,
  // kernel/cgroup/cpuset-v1.c failed one run in two).
  ClangTool Tool(DB, {File}, std::make_shared<PCHContainerOperations>(),
                 IntrusiveRefCntPtr<vfs::FileSystem>(
                     vfs::createPhysicalFileSystem().release()));
  Tool.setPrintErrorMessage(false);
  if (HasContents)
    Tool.mapVirtualFile(Absolute, Unsaved->second);
  CommandLineArguments Extra = {"-ferror-limit=0"};
  if (!Opts.Verify)
    Extra.push_back("-fno-caret-diagnostics"); // no "N errors generated"
  Extra.insert(Extra.end(), Opts.ExtraArgs.begin(), Opts.ExtraArgs.end());
  bool StrictNotes = false;
  if (!Opts.Verify) {
    // The compiler's own warnings about legacy code are not ours to print;
    // errors are still counted.
    Extra.push_back("-w");
  } else {
    if (auto Buf = MemoryBuffer::getFile(File))
      StrictNotes = (*Buf)->getBuffer().contains("expected-note");
    Extra.insert(Extra.end(), {"-Xclang", "-verify"});
    if (!StrictNotes)
      Extra.insert(Extra.end(), {"-Xclang", "-verify-ignore-unexpected=note"});
  }
  Tool.appendArgumentsAdjuster(
      getInsertArgumentAdjuster(Extra, ArgumentInsertPosition::END));
  // Last, so that it also strips what -extra-arg added (-MD, -o).
  Tool.appendArgumentsAdjuster(getNoOutputAdjuster());
  ErrorCounter Counter;
  if (!Opts.Verify)
    Tool.setDiagnosticConsumer(&Counter);
  ModlifeActionFactory Factory(Cfg, R, Opts);
  int RC = Tool.run(&Factory);
  R.CompilerErrors = Counter.Errors;
  if (Opts.Verify)
    R.VerifyPassed = RC == 0;
  if (!Opts.Verify && R.CompilerErrors && R.FunctionsInMainFile == 0)
    R.FatalError = "error: " + File + ": " + std::to_string(R.CompilerErrors) +
                   " compiler errors and no function that could be analyzed; "
                   "is this C, and are the include paths right?";
  return R;
}

} // namespace

Expected<std::vector<std::shared_ptr<const EffectiveConfig>>>
configsFor(const std::vector<std::string> &Files,
           const rules::Config &CommandLine) {
  std::map<std::string, std::shared_ptr<const EffectiveConfig>> ByConfig;
  std::vector<std::shared_ptr<const EffectiveConfig>> PerFile;
  for (const std::string &F : Files) {
    Expected<rules::Config> C = rules::findConfigFor(F);
    if (!C)
      return C.takeError();
    auto It = ByConfig.find(C->Source);
    if (It == ByConfig.end()) {
      Expected<std::shared_ptr<const EffectiveConfig>> E =
          buildConfig(rules::overlay(*C, CommandLine));
      if (!E)
        return E.takeError();
      It = ByConfig.emplace(C->Source, *E).first;
    }
    PerFile.push_back(It->second);
  }
  return PerFile;
}

std::vector<FileResult> analyzeFiles(const CompilationDatabase &DB,
                                     const std::vector<std::string> &Files,
                                     const RunOptions &Opts,
                                     std::string &ConfigError) {
  // Configurations first, in order: a broken .modlife.yaml stops the run
  // before any work starts.
  Expected<std::vector<std::shared_ptr<const EffectiveConfig>>> Configs =
      configsFor(Files, Opts.CommandLine);
  if (!Configs) {
    ConfigError = toString(Configs.takeError());
    return {};
  }
  std::vector<std::shared_ptr<const EffectiveConfig>> &PerFile = *Configs;

  std::vector<FileResult> Results(Files.size());
  std::mutex DoneMu;
  auto Record = [&](size_t I, FileResult R, double Seconds) {
    R.Seconds = Seconds;
    Results[I] = std::move(R);
    if (Opts.OnFileDone) {
      std::lock_guard<std::mutex> Lock(DoneMu);
      Opts.OnFileDone(Results[I]);
    }
  };
  auto Analyze = [&](size_t I) {
    auto Start = std::chrono::steady_clock::now();
    FileResult R = analyzeOne(DB, Files[I], *PerFile[I], Opts);
    Record(I, std::move(R),
           std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         Start)
               .count());
  };
  if (Opts.Isolate) {
    // The parent times each file from the moment it hands it out; each
    // element is written and read by the one thread that drives that file.
    std::vector<std::chrono::steady_clock::time_point> Started(Files.size());
    analyzeInWorkers(
        Files.size(), Opts.Jobs, Opts.Limits,
        [&](size_t I) {
          Started[I] = std::chrono::steady_clock::now();
          return Files[I];
        },
        [&](size_t I) { return analyzeOne(DB, Files[I], *PerFile[I], Opts); },
        [&](size_t I, FileResult R) {
          double Seconds = std::chrono::duration<double>(
                               std::chrono::steady_clock::now() - Started[I])
                               .count();
          Record(I, std::move(R), Seconds);
        });
    return Results;
  }
  if (Opts.Jobs <= 1 || Files.size() <= 1) {
    for (size_t I = 0; I < Files.size(); ++I)
      Analyze(I);
    return Results;
  }
  DefaultThreadPool Pool(hardware_concurrency(Opts.Jobs));
  for (size_t I = 0; I < Files.size(); ++I)
    Pool.async([&, I] { Analyze(I); });
  Pool.wait();
  return Results;
}

} // namespace modlife
