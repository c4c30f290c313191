//===- CheckContext.h - What a check reports through -------------*- C++
//-*-===//
#ifndef MODLIFE_CHECKS_CHECKCONTEXT_H
#define MODLIFE_CHECKS_CHECKCONTEXT_H

#include "checks/Finding.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class FixItHint;
class LangOptions;
class SourceManager;
} // namespace clang

namespace modlife {

/// Per-check options, "modlife-check-name.Option: value" as in clang-tidy.
class CheckOptions {
public:
  CheckOptions() = default;
  explicit CheckOptions(llvm::StringMap<std::string> Values)
      : Values(std::move(Values)) {}
  std::string get(llvm::StringRef Check, llvm::StringRef Option,
                  llvm::StringRef Default) const;
  const llvm::StringMap<std::string> &all() const { return Values; }

private:
  llvm::StringMap<std::string> Values;
};

/// Collects findings for one translation unit.
class CheckContext {
public:
  CheckContext(const clang::SourceManager &SM, const clang::LangOptions &LO,
               const CheckOptions &Options)
      : SM(SM), LO(LO), Options(Options) {}

  /// Starts a finding; it stays valid until the next report().
  Finding &report(llvm::StringRef Check, clang::SourceLocation Loc,
                  llvm::StringRef Message);
  void note(Finding &F, clang::SourceLocation Loc, llvm::StringRef Message);
  /// A note in another translation unit's file, from the summaries.
  void note(Finding &F, const FilePoint &InOtherFile, llvm::StringRef Message);
  /// Adds fix-its; returns false (adding none) if any is in a macro or
  /// otherwise cannot be written back to a file.
  bool fix(Finding &F, llvm::ArrayRef<clang::FixItHint> Hints);

  const clang::SourceManager &sourceManager() const { return SM; }
  const clang::LangOptions &langOpts() const { return LO; }
  const CheckOptions &options() const { return Options; }
  std::vector<Finding> takeFindings() { return std::move(Findings); }

private:
  SourcePoint point(clang::SourceLocation Loc) const;

  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  const CheckOptions &Options;
  std::vector<Finding> Findings;
};

} // namespace modlife

#endif
