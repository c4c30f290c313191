//===- CompileDbFuzzer.cpp - Reading compile_commands.json ----------------===//
//
// The input is a compile_commands.json (or, when it is not JSON, a
// compile_flags.txt). It is loaded and wrapped the way "modlife -p" gets it
// from CompilationDatabase::autoDetectFromDirectory, and every command goes
// where modlife's ClangTool sends it: the tool's argument adjusters, the
// CLI's own (no output files, no diagnostics), and clang's driver, which
// turns it into a compiler invocation.
//
// Response files (@args.rsp) resolve in an in-memory file system that holds
// one, so that no input reads the machine's files.
//
//===----------------------------------------------------------------------===//
#include "analyzer/driver/Analyze.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/Utils.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;
using namespace clang::tooling;
using namespace llvm;

namespace {

IntrusiveRefCntPtr<vfs::InMemoryFileSystem> buildTree() {
  auto FS = makeIntrusiveRefCnt<vfs::InMemoryFileSystem>();
  FS->addFile("/src/args.rsp", 0,
              MemoryBuffer::getMemBuffer("-DFROM_RSP -I include -o out.o"));
  FS->addFile("/src/main.c", 0, MemoryBuffer::getMemBuffer("int x;\n"));
  FS->setCurrentWorkingDirectory("/src");
  return FS;
}

/// What ClangTool and the CLI do to a command before the driver sees it
/// (ClangTool's constructor, then analyzeOne in analyzer/driver).
std::vector<std::string> adjust(const CompileCommand &C) {
  ArgumentsAdjuster All =
      combineAdjusters(combineAdjusters(getClangStripOutputAdjuster(),
                                        getClangSyntaxOnlyAdjuster()),
                       combineAdjusters(getClangStripDependencyFileAdjuster(),
                                        modlife::getNoOutputAdjuster()));
  All = combineAdjusters(
      All, getInsertArgumentAdjuster(
               {"-ferror-limit=0", "-fno-caret-diagnostics", "-w"},
               ArgumentInsertPosition::END));
  return All(C.CommandLine, C.Filename);
}

void drive(const CompileCommand &C, IntrusiveRefCntPtr<vfs::FileSystem> FS) {
  std::vector<std::string> Args = adjust(C);
  if (Args.empty())
    return;
  std::vector<const char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
  IgnoringDiagConsumer Quiet;
  CreateInvocationOptions Opts;
  Opts.Diags =
      CompilerInstance::createDiagnostics(new DiagnosticOptions, &Quiet, false);
  Opts.VFS = FS;
  Opts.RecoverOnError = true;
  (void)createInvocation(Argv, Opts);
}

void exercise(std::unique_ptr<CompilationDatabase> DB,
              IntrusiveRefCntPtr<vfs::InMemoryFileSystem> FS) {
  // What autoDetectFromDirectory wraps a loaded database in.
  DB = inferTargetAndDriverMode(
      inferMissingCompileCommands(expandResponseFiles(std::move(DB), FS)));
  std::vector<std::string> Files = DB->getAllFiles();
  // A file the database does not name gets a command inferred from its
  // neighbours; a header, from the sources that would include it.
  Files.push_back("/src/drivers/char/unlisted.c");
  Files.push_back("/src/include/linux/unlisted.h");
  for (const std::string &F : Files)
    for (const CompileCommand &C : DB->getCompileCommands(F))
      drive(C, FS);
  (void)DB->getAllCompileCommands();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  IntrusiveRefCntPtr<vfs::InMemoryFileSystem> FS = buildTree();
  std::string Error;
  if (std::unique_ptr<JSONCompilationDatabase> DB =
          JSONCompilationDatabase::loadFromBuffer(
              Text, Error, JSONCommandLineSyntax::AutoDetect))
    exercise(std::move(DB), FS);
  if (std::unique_ptr<FixedCompilationDatabase> DB =
          FixedCompilationDatabase::loadFromBuffer("/src", Text, Error))
    exercise(std::move(DB), FS);
  return 0;
}
