//===- EntryPoints.h - Functions the kernel calls from outside --*- C++ -*-===//
#ifndef MODLIFE_ENGINE_ENTRYPOINTS_H
#define MODLIFE_ENGINE_ENTRYPOINTS_H

#include "analyzer/engine/Summaries.h"
#include "analyzer/rules/RulePack.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace modlife {

/// The function an expression names, "f" or "&f" through parens and casts
/// (its canonical declaration), or null.
const clang::FunctionDecl *functionNamedBy(const clang::Expr *E);

/// Collects the functions that S or its children refer to by name.
void collectFunctionRefs(const clang::Stmt *S,
                         llvm::SmallVectorImpl<const clang::FunctionDecl *> &Out);

/// One place where a function is stored into an ops struct field.
struct EntryPointWiring {
  std::string StructName;
  std::string FieldName;
  /// The initializer or assignment that stores the function.
  clang::SourceLocation Loc;
  /// The same initializer sets the owner field, so the caller pins the
  /// module (fops_get in 2.4) before it calls in.
  bool PinnedByOwner = false;
  /// The kernel calls this field after the entry point fails, so a failure
  /// return may keep the count for it to drop (see failure-cleanup).
  std::string FailureCleanupField;
  /// The variable whose initializer wires the function, if any.
  const clang::Decl *Var = nullptr;
  /// Set, with Loc invalid, for a wiring in another translation unit's file
  /// (from the cross-file summaries).
  std::optional<FilePoint> InOtherFile;
};

/// The functions of a translation unit that are entry points by the pack's
/// entry-point rules: designated initializers, GNU "field: value"
/// initializers, positional initializers and "dev->open = f" assignments.
class EntryPointIndex {
public:
  /// Reads the top-level declarations for which InScope holds.
  EntryPointIndex(clang::ASTContext &Ctx, const rules::RuleSet &Rules,
                  llvm::function_ref<bool(const clang::Decl *)> InScope);

  /// The wirings of FD, first-seen first; empty if it is no entry point.
  const std::vector<EntryPointWiring> &
  wirings(const clang::FunctionDecl *FD) const;
  bool empty() const { return Map.empty(); }
  bool isEntryPoint(const clang::FunctionDecl *FD) const {
    return !wirings(FD).empty();
  }
  /// True when every wiring of FD has its caller pin the module.
  bool isPinnedByCaller(const clang::FunctionDecl *FD) const;
  /// True when every wiring of FD has the kernel clean up after a failure.
  bool hasFailureCleanup(const clang::FunctionDecl *FD) const;
  /// Calls F for every function wired here that has no definition in this
  /// translation unit, with its wirings.
  void forEachUndefined(
      llvm::function_ref<void(const clang::FunctionDecl *,
                              const std::vector<EntryPointWiring> &)>
          F) const;
  /// Adds a wiring made in another file to FD, defined here.
  void addWiringFromOtherFile(const clang::FunctionDecl *FD,
                              EntryPointWiring W);

private:
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<EntryPointWiring>>
      Map;
};

} // namespace modlife

#endif
