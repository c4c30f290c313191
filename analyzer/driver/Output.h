//===- Output.h - Printing findings -----------------------------*- C++ -*-===//
#ifndef MODLIFE_DRIVER_OUTPUT_H
#define MODLIFE_DRIVER_OUTPUT_H

#include "checks/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace modlife {

/// Sorts by file, offset, check and message, and drops duplicates that come
/// from a header included by several translation units.
void sortAndUnique(std::vector<Finding> &Findings);

/// Clang's text format: "file:line:col: warning: message [check]", the source
/// line with a caret, notes in the same shape, fix-its as clang's
/// "fix-it:" lines when ParseableFixits is set.
void renderText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                bool Color, bool ParseableFixits);

} // namespace modlife

#endif
