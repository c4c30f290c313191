//===- Nolint.h - NOLINT comments, as clang-tidy reads them -------*- C++ -*-===//
//
// A finding is suppressed by "NOLINT" on its line, "NOLINTNEXTLINE" on the
// line before, or a "NOLINTBEGIN" ... "NOLINTEND" region around it. Each may
// name the checks it covers, "NOLINT(modlife-unbalanced-dec, modlife-x*)";
// without a list it covers every check. The same comments work in the CLI,
// the clang-tidy plugin and the editor server, since all of them filter
// findings here.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_CHECKS_NOLINT_H
#define MODLIFE_CHECKS_NOLINT_H

#include "llvm/ADT/StringRef.h"

namespace modlife {

/// Whether a NOLINT comment in Buffer covers a finding of Check whose
/// primary location is at byte Offset.
bool suppressedByNolint(llvm::StringRef Buffer, unsigned Offset,
                        llvm::StringRef Check);

} // namespace modlife

#endif
