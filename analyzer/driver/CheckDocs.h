//===- CheckDocs.h - The checks' doc pages, built in -------------*- C++ -*-===//
#ifndef MODLIFE_DRIVER_CHECKDOCS_H
#define MODLIFE_DRIVER_CHECKDOCS_H

#include "llvm/ADT/StringRef.h"

namespace modlife {

/// The Markdown doc page of a check (checks/<dir>/<check>.md), or "".
llvm::StringRef checkDocumentation(llvm::StringRef Check);

} // namespace modlife

#endif
