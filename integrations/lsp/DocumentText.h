//===- DocumentText.h - LSP positions over a document's bytes ---*- C++ -*-===//
//
// LSP counts characters in UTF-16 code units; modlife and clang count bytes.
// These conversions are where the two meet, so they are kept pure and
// unit-tested.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_LSP_DOCUMENTTEXT_H
#define MODLIFE_LSP_DOCUMENTTEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstddef>
#include <string>

namespace modlife {
namespace lsp {

struct Position {
  unsigned Line = 0;      // 0-based
  unsigned Character = 0; // UTF-16 code units from the line start
};

/// The position of a byte offset (clamped to the text).
Position positionOf(llvm::StringRef Text, size_t Offset);

/// The byte offset of a 1-based line and 1-based byte column, as modlife's
/// reports give them (clamped to the line).
size_t offsetOfLineColumn(llvm::StringRef Text, unsigned Line,
                          unsigned Column);

/// The byte offset of an LSP position. A position past the end of its line
/// is the end of the line, as the protocol asks; a line past the end of the
/// text is an error.
llvm::Expected<size_t> offsetOf(llvm::StringRef Text, Position P);

/// The end of the token that starts at Offset (an identifier or a single
/// character), so that a diagnostic underlines a word, not a point.
size_t tokenEnd(llvm::StringRef Text, size_t Offset);

/// Applies one didChange content change: a replacement of [Start, End) or,
/// without a range, the whole text.
llvm::Error applyChange(std::string &Text, const Position *Start,
                        const Position *End, llvm::StringRef NewText);

/// The path of a file:// URI, percent-decoded; an error for other schemes.
llvm::Expected<std::string> pathOfUri(llvm::StringRef Uri);

/// The file:// URI of an absolute path, percent-encoding what RFC 3986
/// does not allow in a path.
std::string uriOfPath(llvm::StringRef Path);

} // namespace lsp
} // namespace modlife

#endif
