//===- DocumentText.cpp ---------------------------------------------------===//
#include "integrations/lsp/DocumentText.h"
#include "analyzer/driver/UriPath.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace modlife {
namespace lsp {

/// UTF-16 code units that a UTF-8 lead byte's sequence takes; invalid bytes
/// count as one, as clangd does.
static unsigned utf16Units(unsigned char Lead, unsigned &SequenceBytes) {
  if (Lead < 0x80 || (Lead & 0xC0) == 0x80) {
    SequenceBytes = 1;
    return 1;
  }
  if ((Lead & 0xE0) == 0xC0) {
    SequenceBytes = 2;
    return 1;
  }
  if ((Lead & 0xF0) == 0xE0) {
    SequenceBytes = 3;
    return 1;
  }
  SequenceBytes = 4; // outside the BMP: a surrogate pair
  return 2;
}

static size_t lineStart(StringRef Text, size_t Offset) {
  size_t NL = Text.substr(0, Offset).rfind('\n');
  return NL == StringRef::npos ? 0 : NL + 1;
}

Position positionOf(StringRef Text, size_t Offset) {
  Offset = std::min(Offset, Text.size());
  Position P;
  P.Line = Text.substr(0, Offset).count('\n');
  for (size_t I = lineStart(Text, Offset); I < Offset;) {
    unsigned Bytes;
    P.Character += utf16Units(Text[I], Bytes);
    I += Bytes;
  }
  return P;
}

size_t offsetOfLineColumn(StringRef Text, unsigned Line, unsigned Column) {
  size_t Start = 0;
  for (unsigned L = 1; L < Line; ++L) {
    size_t NL = Text.find('\n', Start);
    if (NL == StringRef::npos)
      return Text.size();
    Start = NL + 1;
  }
  size_t End = Text.find('\n', Start);
  if (End == StringRef::npos)
    End = Text.size();
  return std::min(Start + (Column ? Column - 1 : 0), End);
}

Expected<size_t> offsetOf(StringRef Text, Position P) {
  size_t Start = 0;
  for (unsigned L = 0; L < P.Line; ++L) {
    size_t NL = Text.find('\n', Start);
    if (NL == StringRef::npos)
      return createStringError(inconvertibleErrorCode(),
                               "line %u is past the end of the document",
                               P.Line);
    Start = NL + 1;
  }
  size_t End = Text.find('\n', Start);
  if (End == StringRef::npos)
    End = Text.size();
  size_t I = Start;
  for (unsigned Units = 0; I < End && Units < P.Character;) {
    unsigned Bytes;
    Units += utf16Units(Text[I], Bytes);
    I = std::min(I + Bytes, End);
  }
  return I;
}

size_t tokenEnd(StringRef Text, size_t Offset) {
  if (Offset >= Text.size())
    return Text.size();
  auto IsIdent = [](char C) { return isAlnum(C) || C == '_'; };
  if (!IsIdent(Text[Offset]))
    return Offset + 1;
  size_t End = Offset;
  while (End < Text.size() && IsIdent(Text[End]))
    ++End;
  return End;
}

Error applyChange(std::string &Text, const Position *Start,
                  const Position *End, StringRef NewText) {
  if (!Start || !End) {
    Text = NewText.str();
    return Error::success();
  }
  Expected<size_t> From = offsetOf(Text, *Start);
  if (!From)
    return From.takeError();
  Expected<size_t> To = offsetOf(Text, *End);
  if (!To)
    return To.takeError();
  if (*To < *From)
    return createStringError(inconvertibleErrorCode(),
                             "a change whose range ends before it starts");
  Text.replace(*From, *To - *From, NewText.str());
  return Error::success();
}

Expected<std::string> pathOfUri(StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return createStringError(inconvertibleErrorCode(),
                             "not a file:// URI: '%s'", Uri.str().c_str());
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size() && isHexDigit(Uri[I + 1]) &&
        isHexDigit(Uri[I + 2])) {
      Path += char(hexFromNibbles(Uri[I + 1], Uri[I + 2]));
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  if (Path.empty() || Path[0] != '/')
    return createStringError(inconvertibleErrorCode(),
                             "not an absolute file URI: 'file://%s'",
                             Uri.str().c_str());
  return Path;
}

std::string uriOfPath(StringRef Path) {
  return "file://" + percentEncodePath(Path);
}

} // namespace lsp
} // namespace modlife
