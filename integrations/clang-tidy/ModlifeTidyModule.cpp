//===- ModlifeTidyModule.cpp - modlife's checks inside clang-tidy ---------===//
//
// Every modlife check becomes a clang-tidy check of the same name. The engine
// analyzes a translation unit once for all of them: the first modlife check
// that clang-tidy calls runs every enabled one, and each then reports its own
// findings through clang-tidy's diagnostics, with notes and fix-its, so that
// --fix, --export-fixes, NOLINT and the output formats are clang-tidy's own.
//
// Configuration is the CLI's: the nearest .modlife.yaml, overlaid by
// .clang-tidy's CheckOptions ("modlife.RulePacks", "modlife.RuleFiles" and
// "modlife-<check>.<Option>"). Which checks run is clang-tidy's --checks.
//
//===----------------------------------------------------------------------===//
#include "analyzer/driver/Analyze.h"
#include "checks/ModlifeCheck.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/FileManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace modlife {
namespace {

/// Splits "a, b;c" into names.
std::vector<std::string> splitList(StringRef List) {
  std::vector<std::string> Out;
  SmallVector<StringRef, 4> Parts;
  SplitString(List, Parts, ",; \t");
  for (StringRef P : Parts)
    Out.push_back(P.str());
  return Out;
}

/// The directory of the nearest .clang-tidy above File: relative rule files
/// named in it are relative to it, as they are in .modlife.yaml.
std::string clangTidyConfigDir(StringRef File) {
  SmallString<256> Dir(File);
  sys::fs::make_absolute(Dir);
  for (StringRef D = sys::path::parent_path(Dir); !D.empty();
       D = sys::path::parent_path(D)) {
    SmallString<256> Candidate(D);
    sys::path::append(Candidate, ".clang-tidy");
    if (sys::fs::exists(Candidate))
      return D.str();
  }
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  return Cwd.str().str();
}

/// One translation unit's findings, computed once and shared by the
/// modlife checks clang-tidy instantiated for it.
class SharedRun {
public:
  /// Called by every check at the start of each translation unit.
  void startTranslationUnit(Preprocessor *P) {
    PP = P;
    Computed = false;
    ByCheck.clear();
  }

  const std::vector<Finding> &findingsFor(StringRef Check, ASTContext &Ctx,
                                          ClangTidyContext &Tidy) {
    if (!Computed) {
      Computed = true;
      compute(Ctx, Tidy);
    }
    return ByCheck[Check.str()];
  }

private:
  void compute(ASTContext &Ctx, ClangTidyContext &Tidy) {
    StringRef MainFile = Tidy.getCurrentFile();
    Expected<rules::Config> FromFile = rules::findConfigFor(MainFile);
    if (!FromFile) {
      Tidy.configurationDiag(toString(FromFile.takeError()),
                             DiagnosticIDs::Error);
      return;
    }
    rules::Config FromTidy;
    std::vector<std::string> Enabled = {"-*"};
    for (const CheckInfo &I : allChecks())
      if (Tidy.isCheckEnabled(I.Name) ||
          (!I.FormerName.empty() && Tidy.isCheckEnabled(I.FormerName)))
        Enabled.push_back(I.Name.str());
    FromTidy.Checks = join(Enabled, ",");
    for (const auto &KV : Tidy.getOptions().CheckOptions) {
      StringRef Key = KV.getKey();
      if (Key == "modlife.RulePacks") {
        FromTidy.RulePacks = splitList(KV.getValue().Value);
      } else if (Key == "modlife.RuleFiles") {
        for (std::string &F : splitList(KV.getValue().Value)) {
          SmallString<256> Path(F);
          if (sys::path::is_relative(Path))
            Path = clangTidyConfigDir(MainFile) + "/" + F;
          FromTidy.RuleFiles.push_back(Path.str().str());
        }
      } else if (Key.starts_with("modlife-")) {
        FromTidy.CheckOptions[Key] = KV.getValue().Value;
      }
    }
    rules::Config Merged = rules::overlay(std::move(*FromFile), FromTidy);
    const EffectiveConfig *Config = configFor(Merged, Tidy);
    if (!Config || !PP)
      return;
    TUResult R = runChecks(Ctx, PP, Config->rulesFor(*PP), Config->Checks,
                           Config->Options);
    for (Finding &F : R.Findings)
      ByCheck[F.Check].push_back(std::move(F));
  }

  /// Built configurations, by their settings: loading and validating rule
  /// packs once per distinct configuration, not once per file.
  const EffectiveConfig *configFor(const rules::Config &C,
                                   ClangTidyContext &Tidy) {
    std::string Key = C.Checks.value_or("") + "\n" +
                      (C.RulePacks ? join(*C.RulePacks, ",") : "<auto>") +
                      "\n" + join(C.RuleFiles, ",");
    std::map<std::string, std::string> Sorted;
    for (const auto &KV : C.CheckOptions)
      Sorted[KV.getKey().str()] = KV.getValue();
    for (const auto &[K, V] : Sorted)
      Key += "\n" + K + "=" + V;
    auto It = Configs.find(Key);
    if (It == Configs.end()) {
      Expected<std::shared_ptr<const EffectiveConfig>> E = buildConfig(C);
      if (!E) {
        // Told once per configuration, not once per check and file.
        Tidy.configurationDiag(toString(E.takeError()), DiagnosticIDs::Error);
        It = Configs.emplace(Key, nullptr).first;
      } else {
        It = Configs.emplace(Key, std::move(*E)).first;
      }
    }
    return It->second.get();
  }

  Preprocessor *PP = nullptr;
  bool Computed = false;
  std::map<std::string, std::vector<Finding>> ByCheck;
  std::map<std::string, std::shared_ptr<const EffectiveConfig>> Configs;
};

class ModlifeTidyCheck : public ClangTidyCheck {
public:
  /// Reports the findings of modlife's check Current under Name, which is
  /// Current or its former name.
  ModlifeTidyCheck(StringRef Name, StringRef Current,
                   ClangTidyContext *Context, std::shared_ptr<SharedRun> Run)
      : ClangTidyCheck(Name, Context), Name(Current.str()), Tidy(*Context),
        Run(std::move(Run)) {}

  void registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                           Preprocessor *) override {
    Run->startTranslationUnit(PP);
  }

  void registerMatchers(ast_matchers::MatchFinder *Finder) override {
    Finder->addMatcher(ast_matchers::translationUnitDecl(), this);
  }

  void check(const ast_matchers::MatchFinder::MatchResult &Result) override {
    SourceManager &SM = *Result.SourceManager;
    for (const Finding &F :
         Run->findingsFor(Name, *Result.Context, Tidy)) {
      {
        DiagnosticBuilder D = diag(F.Where.Loc, "%0") << F.Message;
        for (const FixEdit &E : F.Fixes)
          if (std::optional<CharSourceRange> R = rangeOf(SM, E))
            D << FixItHint::CreateReplacement(*R, E.Text);
      }
      for (const FindingNote &N : F.Notes)
        diag(N.Where.Loc, "%0", DiagnosticIDs::Note) << N.Message;
    }
  }

private:
  /// Fix edits are file offsets (they outlive the AST in the CLI); here the
  /// file is still open, so they map back to source locations.
  static std::optional<CharSourceRange> rangeOf(SourceManager &SM,
                                                const FixEdit &E) {
    OptionalFileEntryRef File = SM.getFileManager().getOptionalFileRef(E.File);
    if (!File)
      return std::nullopt;
    FileID FID = SM.translateFile(*File);
    if (FID.isInvalid())
      return std::nullopt;
    SourceLocation Begin = SM.getComposedLoc(FID, E.Offset);
    return CharSourceRange::getCharRange(Begin,
                                         Begin.getLocWithOffset(E.Length));
  }

  std::string Name;
  ClangTidyContext &Tidy;
  std::shared_ptr<SharedRun> Run;
};

class ModlifeTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    auto Run = std::make_shared<SharedRun>();
    for (const CheckInfo &I : allChecks()) {
      StringRef Current = I.Name;
      auto Factory = [Run, Current](StringRef Name, ClangTidyContext *Context) {
        return std::make_unique<ModlifeTidyCheck>(Name, Current, Context, Run);
      };
      Factories.registerCheckFactory(I.Name, Factory);
      // A renamed check keeps its former name as an alias, the way
      // clang-tidy's own aliases work: clang-tidy merges the two names'
      // identical diagnostics into one.
      if (!I.FormerName.empty())
        Factories.registerCheckFactory(I.FormerName, Factory);
    }
  }
};

} // namespace
} // namespace modlife

static clang::tidy::ClangTidyModuleRegistry::Add<modlife::ModlifeTidyModule>
    RegisterModlife("modlife-module",
                    "modlife: module lifetime bugs in kernel drivers");
