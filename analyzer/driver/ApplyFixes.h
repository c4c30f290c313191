//===- ApplyFixes.h - --fix, applied safely ----------------------*- C++
//-*-===//
#ifndef MODLIFE_DRIVER_APPLYFIXES_H
#define MODLIFE_DRIVER_APPLYFIXES_H

#include "checks/Finding.h"
#include <string>
#include <vector>

namespace modlife {

struct FixSummary {
  unsigned FindingsFixed = 0;
  unsigned FilesWritten = 0;
  /// One line each: conflicts, files changed since analysis, write errors.
  std::vector<std::string> Problems;
};

/// Applies the fix-its of Findings through clang's tooling::Replacements,
/// one finding at a time so that a finding whose edits overlap another's is
/// skipped whole. Each file is written atomically (a temporary file in the
/// same directory, then a rename) and keeps its permissions. A file whose
/// content changed since it was analyzed is left alone.
FixSummary applyFixes(const std::vector<Finding> &Findings);

} // namespace modlife

#endif
