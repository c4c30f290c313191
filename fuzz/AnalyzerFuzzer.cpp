//===- AnalyzerFuzzer.cpp - The engine and checks on arbitrary C ----------===//
//
// The input is the body of a driver: every mock kernel header is included
// before it, so that mutations keep calling the primitives the rule packs
// know, and the engine sees the ASTs that broken or unusual code gives
// (recovery expressions, invalid declarations, computed gotos, statement
// expressions, cleanup attributes). A body that says "modlife-mock: linux-6"
// gets the modern mocks, as in testdata; any other gets the 2.4 ones.
//
// Nothing is read from disk per input: the headers live in an in-memory file
// system built once, so that an "#include </dev/zero>" in a mutated body
// finds nothing and every run depends on the input alone.
//
//===----------------------------------------------------------------------===//
#include "analyzer/driver/Output.h"
#include "analyzer/engine/SummaryGraph.h"
#include "analyzer/rules/RulePack.h"
#include "checks/CheckRunner.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <cstdlib>

using namespace clang;
using namespace llvm;
using namespace modlife;

namespace {

constexpr const char *MockRoot = "/mock/include";
constexpr const char *PreludePath = "/mock/modlife-fuzz-prelude.h";
constexpr const char *InputPath = "/fuzz/input.c";

/// One set of mock headers, in memory, with a prelude that includes them all.
struct MockSet {
  IntrusiveRefCntPtr<vfs::InMemoryFileSystem> Headers;
  std::vector<std::string> Args;
  rules::RuleSet Rules;
  std::vector<std::string> WhenDefined;
};

struct Fixture {
  MockSet Linux24, Linux6;
};

[[noreturn]] void die(const Twine &Msg) {
  errs() << "modlife-fuzz-analyzer: " << Msg << "\n";
  std::abort();
}

MockSet loadMockSet(StringRef Flavor, StringRef PackName,
                    std::vector<std::string> Args) {
  MockSet M;
  M.Headers = new vfs::InMemoryFileSystem();
  SmallString<256> Dir(MODLIFE_SOURCE_DIR);
  sys::path::append(Dir, "testdata", "include", Flavor);
  std::vector<std::string> Relative;
  std::error_code EC;
  for (sys::fs::recursive_directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    if (!StringRef(It->path()).ends_with(".h"))
      continue;
    auto Buf = MemoryBuffer::getFile(It->path());
    if (!Buf)
      die("cannot read " + It->path());
    StringRef Rel = StringRef(It->path()).drop_front(Dir.size() + 1);
    M.Headers->addFile(Twine(MockRoot) + "/" + Rel, 0, std::move(*Buf));
    Relative.push_back(Rel.str());
  }
  if (EC || Relative.empty())
    die("no mock headers under " + Dir);
  // Sorted, so that the prelude is the same whatever order the directory
  // lists in.
  llvm::sort(Relative);
  std::string Prelude;
  for (const std::string &R : Relative)
    Prelude += "#include <" + R + ">\n";
  M.Headers->addFile(PreludePath, 0, MemoryBuffer::getMemBufferCopy(Prelude));
  M.Headers->setCurrentWorkingDirectory("/fuzz");

  // The last three as the CLI runs the compiler: every error recovered
  // from, no compiler output.
  M.Args = {"modlife-fuzz",
            "-fsyntax-only",
            "-nostdinc",
            "-isystem",
            MockRoot,
            "-D__KERNEL__",
            "-include",
            PreludePath,
            "-ferror-limit=0",
            "-w",
            "-fno-caret-diagnostics"};
  M.Args.insert(M.Args.end(), Args.begin(), Args.end());

  Expected<rules::RulePack> Pack = rules::loadBuiltinPack(PackName);
  if (!Pack)
    die(toString(Pack.takeError()));
  M.WhenDefined = Pack->AutoSelectMacros;
  std::vector<rules::RulePack> Packs;
  Packs.push_back(std::move(*Pack));
  M.Rules = rules::RuleSet(std::move(Packs));
  return M;
}

const Fixture &fixture() {
  static const Fixture *F = [] {
    auto *F = new Fixture;
    // The flags CTest gives testdata (tests/CMakeLists.txt).
    F->Linux24 = loadMockSet("linux-2.4", "linux-2.4",
                             {"-std=gnu89", "-Wno-gnu-designator"});
    F->Linux6 = loadMockSet("linux-6", "linux",
                            {"-std=gnu11", "-DKBUILD_MODNAME=\"mock\""});
    return F;
  }();
  return *F;
}

/// Runs every check with summaries on, links the summary, and prints the
/// findings, as a multi-file CLI run does with one file.
class Consumer : public ASTConsumer {
public:
  Consumer(Preprocessor &PP, const Fixture &F) : PP(PP), F(F) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // The driver's automatic pack choice (EffectiveConfig::rulesFor).
    const rules::RuleSet *Rules = &F.Linux6.Rules;
    for (const std::string &M : F.Linux24.WhenDefined)
      if (PP.isMacroDefined(M))
        Rules = &F.Linux24.Rules;
    TUSummary Summary;
    CrossFileHooks Hooks;
    Hooks.SummaryOut = &Summary;
    TUResult R = runChecks(Ctx, &PP, *Rules, rules::CheckGlobs("modlife-*"),
                           CheckOptions(), Hooks);
    SummaryGraph Graph;
    Graph.add(std::move(Summary));
    Graph.solve();
    (void)Graph.consumedBy(InputPath);
    (void)Graph.viewFor(InputPath);
    sortAndUnique(R.Findings);
    std::string Text;
    raw_string_ostream OS(Text);
    renderText(OS, R.Findings, /*Color=*/false, /*ParseableFixits=*/true);
  }

private:
  Preprocessor &PP;
  const Fixture &F;
};

class Action : public ASTFrontendAction {
public:
  explicit Action(const Fixture &F) : F(F) {}
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    // As the CLI does: a missing include is an error to recover from.
    CI.getDiagnostics().setSeverity(diag::err_pp_file_not_found,
                                    diag::Severity::Error, SourceLocation());
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<Consumer>(CI.getPreprocessor(), F);
  }

private:
  const Fixture &F;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  const Fixture &F = fixture();
  StringRef Body(reinterpret_cast<const char *>(Data), Size);
  bool Modern = Body.contains("modlife-mock: linux-6");
  const MockSet &M = Modern ? F.Linux6 : F.Linux24;
  std::vector<std::string> Args = M.Args;
  if (!Body.contains("modlife-mock: linux-6-builtin"))
    Args.push_back("-DMODULE");
  Args.push_back(InputPath);

  // The headers are shared; each input gets a layer of its own on top.
  auto Input = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
  Input->addFile(InputPath, 0, MemoryBuffer::getMemBufferCopy(Body));
  auto FS = makeIntrusiveRefCnt<vfs::OverlayFileSystem>(M.Headers);
  FS->pushOverlay(Input);
  FS->setCurrentWorkingDirectory("/fuzz");
  auto Files = makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), FS);
  IgnoringDiagConsumer Quiet;
  tooling::ToolInvocation Invocation(Args, std::make_unique<Action>(F),
                                     Files.get());
  Invocation.setDiagnosticConsumer(&Quiet);
  (void)Invocation.run();
  return 0;
}
