//===- Config.h - .modlife.yaml: which checks, packs and options -*- C++
//-*-===//
#ifndef MODLIFE_RULES_CONFIG_H
#define MODLIFE_RULES_CONFIG_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace modlife {
namespace rules {

/// A clang-tidy style check filter: comma-separated globs, "-" negates, the
/// last matching glob wins.
class CheckGlobs {
public:
  explicit CheckGlobs(llvm::StringRef Spec = "modlife-*");
  bool contains(llvm::StringRef CheckName) const;
  /// For a check that was renamed: a glob matching either name counts, and
  /// the last one that matches either wins.
  bool contains(llvm::StringRef CheckName, llvm::StringRef FormerName) const;
  const std::string &spec() const { return Spec; }

private:
  struct Glob {
    bool Positive;
    std::string Pattern;
  };
  std::string Spec;
  std::vector<Glob> Globs;
};

/// Settings from .modlife.yaml, overlaid by command-line flags.
struct Config {
  std::optional<std::string> Checks;
  /// Built-in pack names.
  std::optional<std::vector<std::string>> RulePacks;
  /// Extra pack files, absolute (resolved against the config's directory).
  std::vector<std::string> RuleFiles;
  llvm::StringMap<std::string> CheckOptions;
  /// The file this came from, for messages.
  std::string Source;
};

/// Parses .modlife.yaml text. Relative rule files resolve against BaseDir.
llvm::Expected<Config> parseConfig(llvm::StringRef Text,
                                   llvm::StringRef FileName,
                                   llvm::StringRef BaseDir);

/// Finds the nearest .modlife.yaml in the directories above Path (the
/// way clang-tidy finds .clang-tidy) and parses it. No file gives an empty
/// Config; a broken one gives an error.
llvm::Expected<Config> findConfigFor(llvm::StringRef Path);

/// Command-line settings win over the file's.
Config overlay(Config Base, const Config &Override);

} // namespace rules
} // namespace modlife

#endif
