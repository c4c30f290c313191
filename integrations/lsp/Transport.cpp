//===- Transport.cpp ------------------------------------------------------===//
#include "integrations/lsp/Transport.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace modlife {
namespace lsp {

bool Transport::readLine(std::string &Line) {
  Line.clear();
  for (int C; (C = std::fgetc(In)) != EOF;) {
    if (C == '\n') {
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      return true;
    }
    Line += char(C);
    // A header line this long is garbage, not a header; do not buffer it.
    if (Line.size() > 4096)
      Line.erase(0, 2048);
  }
  return false;
}

std::optional<std::string> Transport::read(std::string &HeaderError) {
  HeaderError.clear();
  std::optional<size_t> Length;
  std::string Line;
  for (;;) {
    if (!readLine(Line))
      return std::nullopt;
    if (Line.empty()) {
      if (Length)
        break;
      continue; // blank lines between messages
    }
    StringRef Name, Value;
    std::tie(Name, Value) = StringRef(Line).split(':');
    if (Name.trim().equals_insensitive("Content-Length")) {
      size_t N;
      if (Value.trim().getAsInteger(10, N) || N > (size_t(1) << 30)) {
        HeaderError = "bad Content-Length: '" + Value.trim().str() + "'";
        Length.reset();
        continue;
      }
      Length = N;
    }
  }
  std::string Body(*Length, '\0');
  size_t Got = std::fread(Body.data(), 1, *Length, In);
  if (Got != *Length)
    return std::nullopt;
  return Body;
}

void Transport::send(const json::Value &Message) {
  std::string Body;
  raw_string_ostream(Body) << Message;
  std::lock_guard<std::mutex> Lock(OutMu);
  Out << "Content-Length: " << Body.size() << "\r\n\r\n" << Body;
  Out.flush();
}

} // namespace lsp
} // namespace modlife
