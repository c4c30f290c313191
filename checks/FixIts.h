//===- FixIts.h - Edits that checks share -----------------------*- C++ -*-===//
#ifndef MODLIFE_CHECKS_FIXITS_H
#define MODLIFE_CHECKS_FIXITS_H

#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class ParentMap;
class Stmt;
} // namespace clang

namespace modlife {

struct PrimitiveUse;

/// The statement that drops the reference or resource U took, spelled by
/// the rule pack's release template ("module_put({module})",
/// "firmware_put({handle}, FIRMWARE_UNLOAD)"), with its semicolon.
std::optional<std::string> releaseStatementFor(const PrimitiveUse &U);

/// Inserts Statement (with its ';') so that it runs right before S, adding
/// braces when S is the unbraced body of an if, else, for or while. Returns
/// nothing when S or its surroundings come from a macro.
std::optional<std::vector<clang::FixItHint>>
insertStatementBefore(clang::ASTContext &Ctx, const clang::ParentMap &PM,
                      const clang::Stmt *S, llvm::StringRef Statement);

/// The range that removes statement S with its ';', and its whole line
/// when nothing else is on it.
clang::CharSourceRange removalOfStatement(const clang::Stmt *S,
                                          const clang::SourceManager &SM,
                                          const clang::LangOptions &LO);

/// The indentation of the line that holds Loc.
std::string indentationAt(const clang::SourceManager &SM,
                          clang::SourceLocation Loc);

} // namespace modlife

#endif
