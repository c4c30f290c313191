//===- main.cpp - modlife-lsp: modlife's findings in an editor ------------===//
#include "integrations/lsp/Server.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <algorithm>
#include <csignal>

using namespace llvm;

static cl::OptionCategory Category("modlife-lsp options");

static const char Overview[] =
    R"(modlife-lsp: modlife's findings as editor diagnostics, beside clangd

  A language server on standard input and output. It analyzes each open .c
  buffer's unsaved text with the modlife CLI (the same checks, rule packs and
  .modlife.yaml), publishes the findings with their notes as related
  information, and offers the fix-its as quick fixes. Run it in your editor
  next to clangd; integrations/lsp/README.md has VS Code, Neovim and Emacs
  configurations.

  Compile commands are found as clangd finds them: compile_commands.json in
  the file's directory or above (or in a build/ directory there), or in
  --compile-commands-dir. initializationOptions may set
  compilationDatabasePath, fallbackFlags and debounceMs.
)";

static cl::opt<std::string> CompileCommandsDir(
    "compile-commands-dir",
    cl::desc("Directory of compile_commands.json (default: searched upward)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<std::string>
    Modlife("modlife",
            cl::desc("The modlife CLI to run (default: the one beside "
                     "modlife-lsp, else modlife on PATH)"),
            cl::value_desc("path"), cl::cat(Category));
static cl::list<std::string> FallbackFlags(
    "fallback-flag",
    cl::desc("A compiler flag for files no compile database covers"),
    cl::value_desc("flag"), cl::cat(Category));
static cl::opt<unsigned>
    DebounceMs("debounce-ms",
               cl::desc("Quiet time after an edit before analyzing (300)"),
               cl::init(300), cl::cat(Category));

static cl::opt<unsigned> AnalysisTimeout(
    "analysis-timeout",
    cl::desc("Seconds an analysis may take before it is stopped and logged "
             "(120)"),
    cl::init(120), cl::cat(Category));

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Category);
  cl::ParseCommandLineOptions(argc, argv, Overview);
  // A client that closes the pipe mid-write must not kill us with SIGPIPE
  // before we can exit cleanly.
  std::signal(SIGPIPE, SIG_IGN);

  modlife::lsp::ServerOptions Options;
  Options.Modlife = Modlife;
  if (Options.Modlife.empty()) {
    std::string Self =
        sys::fs::getMainExecutable(argv[0], reinterpret_cast<void *>(&main));
    SmallString<256> Beside(sys::path::parent_path(Self));
    sys::path::append(Beside, "modlife");
    if (sys::fs::can_execute(Beside))
      Options.Modlife = Beside.str().str();
    else if (ErrorOr<std::string> OnPath = sys::findProgramByName("modlife"))
      Options.Modlife = *OnPath;
    else {
      errs() << "modlife-lsp: cannot find the modlife CLI; pass --modlife\n";
      return 2;
    }
  }
  if (!CompileCommandsDir.empty()) {
    SmallString<256> Dir(CompileCommandsDir);
    sys::fs::make_absolute(Dir);
    Options.CompileCommandsDir = Dir.str().str();
  }
  Options.FallbackFlags.assign(FallbackFlags.begin(), FallbackFlags.end());
  Options.Debounce = std::chrono::milliseconds(DebounceMs);
  Options.AnalysisTimeout = std::chrono::seconds(std::max(1u, unsigned(AnalysisTimeout)));

  modlife::lsp::Transport T(stdin, outs());
  modlife::lsp::Server S(Options, T);
  return S.run();
}
