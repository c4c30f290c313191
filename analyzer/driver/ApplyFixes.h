//===- ApplyFixes.h - --fix, applied safely ----------------------*- C++
//-*-===//
#ifndef MODLIFE_DRIVER_APPLYFIXES_H
#define MODLIFE_DRIVER_APPLYFIXES_H

#include "checks/Finding.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <string>
#include <vector>

namespace clang {
namespace tooling {
class CompilationDatabase;
}
} // namespace clang

namespace modlife {

struct FixSummary {
  unsigned FindingsFixed = 0;
  unsigned FilesWritten = 0;
  /// Findings whose fix was left out because the fixed file would not
  /// compile.
  unsigned FixesFailed = 0;
  /// One line each, naming the file (and line): conflicts, files changed
  /// since analysis, fixes that would not compile, write errors.
  std::vector<std::string> Problems;
};

/// Asked before a file is written: whether NewText, in place of File, still
/// compiles as well as File does now. On false, Why holds a one-line reason.
/// A legacy file may have compiler errors already; a fix fails only if it
/// adds some.
using StillParsesFn = std::function<bool(
    llvm::StringRef File, llvm::StringRef NewText, std::string &Why)>;

/// Applies the fix-its of Findings through clang's tooling::Replacements,
/// one finding at a time so that a finding whose edits overlap another's is
/// skipped whole and reported. Each file is written atomically (a temporary
/// file in the same directory, then a rename; through a symbolic link, the
/// file it names) and keeps its mode and owner. A file whose content changed
/// since it was analyzed, or that is read-only, is left alone. With
/// StillParses, a file is written only with the fixes that keep it
/// compiling; the others are reported as failed.
FixSummary applyFixes(const std::vector<Finding> &Findings,
                      const StillParsesFn &StillParses = nullptr);

/// The CLI's StillParses: parses the fixed text with the file's compile
/// command from DB (without the flags that write files, with ExtraArgs
/// appended, as the analysis did) and compares its compiler errors with a
/// parse of the file on disk. A file with no compile command fails.
StillParsesFn compilesAsBefore(const clang::tooling::CompilationDatabase &DB,
                               std::vector<std::string> ExtraArgs);

} // namespace modlife

#endif
