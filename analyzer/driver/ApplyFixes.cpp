//===- ApplyFixes.cpp -----------------------------------------------------===//
#include "analyzer/driver/ApplyFixes.h"
#include "analyzer/driver/Analyze.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <map>

using namespace llvm;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace modlife {

/// Replaces Path by a file holding Content: a temporary file beside it with
/// Path's mode and owner, renamed over it, so that a reader (or a crash)
/// sees the old file or the new one, never half of one.
static std::optional<std::string>
writeAtomically(StringRef Path, StringRef Content,
                const sys::fs::file_status &Old) {
  SmallString<256> Tmp;
  int FD;
  SmallString<256> Model(Path);
  Model += ".modlife-%%%%%%";
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, Tmp))
    return "cannot create a temporary file next to '" + Path.str() +
           "': " + EC.message();
  // Only root can give a file away; anyone else keeps their own file.
  sys::fs::file_status New;
  if (!sys::fs::status(FD, New) &&
      (Old.getUser() != New.getUser() || Old.getGroup() != New.getGroup()))
    (void)sys::fs::changeFileOwnership(FD, Old.getUser(), Old.getGroup());
  (void)sys::fs::setPermissions(FD, Old.permissions());
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      sys::fs::remove(Tmp);
      return "cannot write '" + Tmp.str().str() + "'";
    }
  }
  if (std::error_code EC = sys::fs::rename(Tmp, Path)) {
    sys::fs::remove(Tmp);
    return "cannot replace '" + Path.str() + "': " + EC.message();
  }
  return std::nullopt;
}

static std::string placeOf(const Finding &F) {
  return F.Where.File + ":" + std::to_string(F.Where.Line);
}

/// Adds F's edits to Acc, or leaves Acc alone and returns false when one of
/// them overlaps an edit of another finding already there.
static bool addFinding(Replacements &Acc, const Finding &F, StringRef File) {
  Replacements Trial = Acc;
  for (const FixEdit &E : F.Fixes) {
    // Replacements merges two insertions at one offset; from two findings
    // that is a conflict (often the same text twice).
    if (E.Length == 0 && any_of(Acc, [&](const Replacement &R) {
          return R.getOffset() == E.Offset && R.getLength() == 0;
        }))
      return false;
    if (Error Err = Trial.add(Replacement(File, E.Offset, E.Length, E.Text))) {
      consumeError(std::move(Err));
      return false;
    }
  }
  Acc = std::move(Trial);
  return true;
}

static std::string overlapProblem(const Finding &F) {
  return placeOf(F) +
         ": fix overlaps another fix; not applied (run --fix again)";
}

FixSummary applyFixes(const std::vector<Finding> &Findings,
                      const StillParsesFn &StillParses) {
  FixSummary S;
  // Per file, in a stable order; findings arrive sorted.
  std::map<std::string, std::vector<const Finding *>> ByFile;
  for (const Finding &F : Findings) {
    if (F.Fixes.empty())
      continue;
    const std::string &File = F.Fixes.front().File;
    bool OneFile =
        all_of(F.Fixes, [&](const FixEdit &E) { return E.File == File; });
    if (!OneFile) {
      S.Problems.push_back(placeOf(F) +
                           ": fix spans several files; not applied");
      continue;
    }
    ByFile[File].push_back(&F);
  }
  for (auto &[File, List] : ByFile) {
    // Through a symbolic link, the file it names is the one to replace;
    // renaming over the link would turn it into a copy.
    SmallString<256> Real;
    if (sys::fs::real_path(File, Real))
      Real = File;
    sys::fs::file_status Status;
    if (std::error_code EC = sys::fs::status(Real, Status)) {
      S.Problems.push_back("cannot read '" + File + "': " + EC.message());
      continue;
    }
    if (Status.type() != sys::fs::file_type::regular_file) {
      S.Problems.push_back("'" + File +
                           "' is not a regular file; its fixes were not "
                           "applied");
      continue;
    }
    if (!(Status.permissions() & sys::fs::owner_write)) {
      S.Problems.push_back("'" + File +
                           "' is read-only; its fixes were not applied");
      continue;
    }
    auto Buf = MemoryBuffer::getFile(Real, /*IsText=*/false);
    if (!Buf) {
      S.Problems.push_back("cannot read '" + File +
                           "': " + Buf.getError().message());
      continue;
    }
    StringRef Code = (*Buf)->getBuffer();
    uint64_t Hash = xxh3_64bits(Code);
    bool Unchanged = all_of(List, [&](const Finding *F) {
      return all_of(F->Fixes,
                    [&](const FixEdit &E) { return E.FileHash == Hash; });
    });
    if (!Unchanged) {
      S.Problems.push_back("'" + File +
                           "' changed since it was analyzed; "
                           "its fixes were not applied");
      continue;
    }

    // Every fix that overlaps none before it.
    std::vector<std::string> FileProblems;
    Replacements All;
    unsigned Applied = 0;
    for (const Finding *F : List) {
      if (addFinding(All, *F, File))
        ++Applied;
      else
        FileProblems.push_back(overlapProblem(*F));
    }
    std::optional<std::string> New;
    if (Applied) {
      Expected<std::string> Text =
          clang::tooling::applyAllReplacements(Code, All);
      if (!Text) {
        S.Problems.push_back("'" + File + "': " + toString(Text.takeError()));
        continue;
      }
      New = std::move(*Text);
    }
    std::string Why;
    if (New && StillParses && !StillParses(File, *New, Why)) {
      // Some fix breaks the file. Take the findings one at a time and keep
      // each fix after which the file still compiles as well as before.
      FileProblems.clear();
      All = Replacements();
      Applied = 0;
      New.reset();
      for (const Finding *F : List) {
        Replacements Trial = All;
        if (!addFinding(Trial, *F, File)) {
          FileProblems.push_back(overlapProblem(*F));
          continue;
        }
        Expected<std::string> Text =
            clang::tooling::applyAllReplacements(Code, Trial);
        if (!Text) {
          FileProblems.push_back(placeOf(*F) + ": " +
                                 toString(Text.takeError()));
          continue;
        }
        std::string FWhy;
        if (!StillParses(File, *Text, FWhy)) {
          FileProblems.push_back(placeOf(*F) +
                                 ": fix failed: the fixed file would not "
                                 "compile (" +
                                 FWhy + "); not applied");
          ++S.FixesFailed;
          continue;
        }
        All = std::move(Trial);
        New = std::move(*Text);
        ++Applied;
      }
    }
    for (std::string &P : FileProblems)
      S.Problems.push_back(std::move(P));
    if (!New)
      continue;
    // The checks above take time: the file must still be what was analyzed
    // when it is replaced.
    auto Again = MemoryBuffer::getFile(Real, /*IsText=*/false);
    if (!Again || xxh3_64bits((*Again)->getBuffer()) != Hash) {
      S.Problems.push_back("'" + File +
                           "' changed while its fixes were applied; "
                           "they were not written");
      continue;
    }
    if (std::optional<std::string> Err = writeAtomically(Real, *New, Status)) {
      S.Problems.push_back(*Err);
      continue;
    }
    S.FindingsFixed += Applied;
    ++S.FilesWritten;
  }
  return S;
}

namespace {

/// The compiler errors of one parse, with where they are.
struct ParseErrors {
  std::vector<std::string> Messages;
  std::vector<std::string> Places;
};

class ErrorCollector : public clang::DiagnosticConsumer {
public:
  ParseErrors Errors;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level L,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    if (L < clang::DiagnosticsEngine::Error)
      return;
    SmallString<128> Msg;
    Info.FormatDiagnostic(Msg);
    std::string Place;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      const clang::SourceManager &SM = Info.getSourceManager();
      clang::PresumedLoc P = SM.getPresumedLoc(Info.getLocation());
      if (P.isValid())
        Place = (Twine(P.getFilename()) + ":" + Twine(P.getLine()) + ":" +
                 Twine(P.getColumn()))
                    .str();
    }
    Errors.Messages.push_back(std::string(Msg));
    Errors.Places.push_back(std::move(Place));
  }
};

/// A syntax-only parse that, like the analysis, counts a missing header as
/// one error and goes on, so that a fix after it is still checked.
class CheckParseAction : public clang::SyntaxOnlyAction {
  bool BeginSourceFileAction(clang::CompilerInstance &CI) override {
    CI.getDiagnostics().setSeverity(clang::diag::err_pp_file_not_found,
                                    clang::diag::Severity::Error,
                                    clang::SourceLocation());
    return SyntaxOnlyAction::BeginSourceFileAction(CI);
  }
};

std::optional<ParseErrors>
parseErrors(const clang::tooling::CompilationDatabase &DB, StringRef File,
            const std::vector<std::string> &ExtraArgs,
            std::optional<StringRef> Text) {
  using namespace clang::tooling;
  if (DB.getCompileCommands(File).empty())
    return std::nullopt;
  ClangTool Tool(DB, {File.str()},
                 std::make_shared<clang::PCHContainerOperations>(),
                 IntrusiveRefCntPtr<vfs::FileSystem>(
                     vfs::createPhysicalFileSystem().release()));
  Tool.setPrintErrorMessage(false);
  if (Text)
    Tool.mapVirtualFile(File, *Text);
  // -fno-caret-diagnostics: no "N errors generated" on stderr.
  CommandLineArguments Extra = {"-ferror-limit=0", "-w",
                                "-fno-caret-diagnostics"};
  Extra.insert(Extra.end(), ExtraArgs.begin(), ExtraArgs.end());
  Tool.appendArgumentsAdjuster(
      getInsertArgumentAdjuster(Extra, ArgumentInsertPosition::END));
  // Last, so that it also strips what -extra-arg added.
  Tool.appendArgumentsAdjuster(getNoOutputAdjuster());
  ErrorCollector Errors;
  Tool.setDiagnosticConsumer(&Errors);
  Tool.run(newFrontendActionFactory<CheckParseAction>().get());
  return std::move(Errors.Errors);
}

} // namespace

StillParsesFn compilesAsBefore(const clang::tooling::CompilationDatabase &DB,
                               std::vector<std::string> ExtraArgs) {
  auto Before = std::make_shared<std::map<std::string, ParseErrors>>();
  return [&DB, ExtraArgs = std::move(ExtraArgs),
          Before](StringRef InFile, StringRef NewText, std::string &Why) {
    SmallString<256> File(InFile);
    sys::fs::make_absolute(File);
    sys::path::remove_dots(File, /*remove_dot_dot=*/true);
    auto It = Before->find(std::string(File));
    if (It == Before->end()) {
      std::optional<ParseErrors> E =
          parseErrors(DB, File, ExtraArgs, std::nullopt);
      if (!E) {
        Why = "no compile command to check it with";
        return false;
      }
      It = Before->emplace(std::string(File), std::move(*E)).first;
    }
    std::optional<ParseErrors> After =
        parseErrors(DB, File, ExtraArgs, NewText);
    if (!After) {
      Why = "no compile command to check it with";
      return false;
    }
    if (After->Messages.size() <= It->second.Messages.size())
      return true;
    // Name the first error the file did not have before.
    StringMap<unsigned> Old;
    for (const std::string &M : It->second.Messages)
      ++Old[M];
    size_t First = 0;
    for (size_t I = 0; I < After->Messages.size(); ++I) {
      unsigned &N = Old[After->Messages[I]];
      if (N == 0) {
        First = I;
        break;
      }
      --N;
    }
    StringRef Place = After->Places[First];
    if (Place.consume_front(File) && Place.consume_front(":"))
      Why = ("line " + Place + " of the fixed text: ").str();
    else if (!Place.empty())
      Why = (Place + ": ").str();
    Why += "error: " + After->Messages[First];
    return false;
  };
}

} // namespace modlife
