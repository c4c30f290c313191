//===- Transport.h - LSP base protocol over a byte stream -------*- C++ -*-===//
#ifndef MODLIFE_LSP_TRANSPORT_H
#define MODLIFE_LSP_TRANSPORT_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>

namespace modlife {
namespace lsp {

/// Reads "Content-Length: N\r\n\r\n<N bytes>" messages and writes them. Any
/// thread may send; one thread reads.
class Transport {
public:
  Transport(std::FILE *In, llvm::raw_ostream &Out) : In(In), Out(Out) {}

  /// The next message body; std::nullopt at the end of input. A message
  /// whose header is broken is skipped and reported through HeaderError.
  std::optional<std::string> read(std::string &HeaderError);

  void send(const llvm::json::Value &Message);

private:
  bool readLine(std::string &Line);

  std::FILE *In;
  llvm::raw_ostream &Out;
  std::mutex OutMu;
};

} // namespace lsp
} // namespace modlife

#endif
