//===- YamlReader.h - Strict YAML reading with positioned errors -*- C++
//-*-===//
//
// Rule packs and .modlife.yaml are user input: every error names the file,
// line and column, and the key at fault. Unknown keys are errors, so that a
// typo never silently disables a rule.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_RULES_YAMLREADER_H
#define MODLIFE_RULES_YAMLREADER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace modlife {
namespace rules {

/// Thrown inside the readers and turned into an llvm::Error at their edge.
struct YamlInputError {
  std::string Message;
};

/// Reads a rule pack or configuration file: a regular file of at most a few
/// MiB. /dev/zero, a FIFO or a device would otherwise read forever or
/// exhaust memory. What names the kind of file in the one-line error.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readDataFile(llvm::StringRef Path, llvm::StringRef What);

class YamlReader {
public:
  explicit YamlReader(llvm::StringRef FileName) : FileName(FileName) {}

  /// Parses Text; errors come back positioned. Documents nested deeper than
  /// a small limit are refused, so that hostile input cannot exhaust the stack.
  llvm::Expected<YAML::Node> parse(llvm::StringRef Text) const;

  [[noreturn]] void fail(const YAML::Node &At, const llvm::Twine &Msg) const;

  /// Requires a map whose keys are all in Allowed.
  void expectMap(const YAML::Node &N, llvm::StringRef What,
                 llvm::ArrayRef<llvm::StringRef> Allowed) const;
  std::string getString(const YAML::Node &N, llvm::StringRef Key) const;
  unsigned getUnsigned(const YAML::Node &N, llvm::StringRef Key) const;
  uint64_t getInteger(const YAML::Node &N, llvm::StringRef Key) const;
  bool getBool(const YAML::Node &N, llvm::StringRef Key) const;
  /// A sequence of strings, or a single string taken as a one-element list.
  std::vector<std::string> getStringList(const YAML::Node &N,
                                         llvm::StringRef Key) const;
  /// Runs a reader over a parsed document, turning the errors it throws
  /// (ours and yaml-cpp's) into a positioned llvm::Error.
  template <typename T, typename Fn> llvm::Expected<T> read(Fn &&F) const {
    try {
      return F();
    } catch (const YamlInputError &E) {
      return llvm::createStringError(llvm::inconvertibleErrorCode(), E.Message);
    } catch (const YAML::Exception &E) {
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(), "%s:%d:%d: error: %s",
          FileName.c_str(), E.mark.line + 1, E.mark.column + 1, E.msg.c_str());
    }
  }

  unsigned line(const YAML::Node &N) const { return N.Mark().line + 1; }
  unsigned column(const YAML::Node &N) const { return N.Mark().column + 1; }
  llvm::StringRef fileName() const { return FileName; }

private:
  std::string FileName;
};

} // namespace rules
} // namespace modlife

#endif
