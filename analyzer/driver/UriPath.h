//===- UriPath.h - File paths as URI references ------------------*- C++ -*-===//
//
// Header-only, so that every front end (SARIF in the CLI, file:// URIs in the
// LSP server, which links no modlife library) spells paths the same way.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_DRIVER_URIPATH_H
#define MODLIFE_DRIVER_URIPATH_H

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace modlife {

/// Path with what RFC 3986 does not allow in a path (a space, '#', '%',
/// non-ASCII bytes) percent-encoded.
inline std::string percentEncodePath(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~!$&'()*+,;=:@").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

} // namespace modlife

#endif
