//===- Lifecycle.h - Where a module's life begins and ends ------*- C++ -*-===//
//
// Which functions load, unload, attach and detach the module, by the pack's
// 'lifecycle' rules: module_init/SYSINIT-style macros, struct fields
// (pci_driver.remove, moduledata.evhand) and method tables
// (DEVMETHOD(device_attach, f)). Module event handlers get one role per
// event: the part of the handler that runs for MOD_UNLOAD is unload code.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_ENGINE_LIFECYCLE_H
#define MODLIFE_ENGINE_LIFECYCLE_H

#include "analyzer/rules/RulePack.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <cstdint>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CFG;
class Decl;
class FunctionDecl;
class Preprocessor;
} // namespace clang

namespace modlife {

class PrimitiveMatcher;

/// The events a module event handler is called with (see module-events).
enum class ModuleEvent { Load, Unload, Quiesce, Shutdown };

/// One function wired into the module's life.
struct LifecycleFunction {
  /// The definition.
  const clang::FunctionDecl *Function = nullptr;
  rules::LifecycleRole Role = rules::LifecycleRole::Load;
  /// Where it is wired: SYSINIT(...), the initializer of .remove, the
  /// DEVMETHOD entry, module_exit(...).
  clang::SourceLocation NamedAt;
  /// How, for notes: "SYSUNINIT", "device_detach", "pci_driver.remove".
  std::string Via;
  /// For a module event handler (Role Events): the event parameter.
  unsigned EventParam = 0;
  /// For Attach: it also runs while the module loads (see during-load).
  bool DuringLoad = false;
};

/// The lifecycle functions of a translation unit, in source order of their
/// wiring; a function wired twice the same way appears once.
class LifecycleIndex {
public:
  LifecycleIndex(clang::ASTContext &Ctx, const PrimitiveMatcher &Matcher,
                 const rules::RuleSet &Rules,
                 llvm::function_ref<bool(const clang::Decl *)> InScope);

  const std::vector<LifecycleFunction> &functions() const { return All; }
  /// The functions wired with Role, in source order.
  std::vector<const LifecycleFunction *> withRole(rules::LifecycleRole R) const;
  /// The wiring of FD with Role, if it has one.
  const LifecycleFunction *find(const clang::FunctionDecl *FD,
                                rules::LifecycleRole R) const;

private:
  std::vector<LifecycleFunction> All;
};

/// The values of a module event, read from the translation unit: enum
/// constants or macros of the names in the pack's module-events.
std::vector<int64_t> moduleEventValues(clang::ASTContext &Ctx,
                                       const clang::Preprocessor *PP,
                                       const rules::RuleSet &Rules,
                                       ModuleEvent E);

/// The blocks of an event handler's CFG that can run when its parameter
/// EventParam holds one of Values: a switch on the parameter goes only to
/// those cases (or to default when no case names them), and an if that
/// compares it with a constant takes only the branch that agrees. Every
/// block when the handler never tests the parameter. With Values empty
/// (the event has no value in this file), no block.
llvm::BitVector blocksForEvent(const clang::CFG &Cfg,
                               const clang::FunctionDecl *Handler,
                               unsigned EventParam,
                               llvm::ArrayRef<int64_t> Values,
                               clang::ASTContext &Ctx);

} // namespace modlife

#endif
