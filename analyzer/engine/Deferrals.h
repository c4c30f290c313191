//===- Deferrals.h - Naming deferred items across functions -----*- C++ -*-===//
//
// A deferred item (a work_struct, a callout, a task) is armed in one function
// and cancelled or drained in another, so the two sites can only be matched
// by how they name it: the fields and global variables along the item
// expression. Shared by the checks that match stops to deferrals.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_ENGINE_DEFERRALS_H
#define MODLIFE_ENGINE_DEFERRALS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang {
class Expr;
} // namespace clang

namespace modlife {

/// Names along an item expression, which is how a later cancel names the
/// same item: "&d->dwork.work" gives {work, dwork}, "&foo_timer"
/// {foo_timer}. Locals and parameters add nothing: another function names
/// them otherwise. Null gives an empty path.
llvm::SmallVector<std::string, 4> deferredItemPath(const clang::Expr *E);

/// Whether a stop naming item path Stop may be of the item at Queued.
/// Either path naming a subset of the other counts ("&d->dwork" stops
/// "&d->dwork.work"); an item nobody can name (empty path) matches anything.
bool sameDeferredItem(llvm::ArrayRef<std::string> Queued,
                      llvm::ArrayRef<std::string> Stop);

} // namespace modlife

#endif
