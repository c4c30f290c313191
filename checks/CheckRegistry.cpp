//===- CheckRegistry.cpp - The one list of modlife checks -----------------===//
//
// Every front end (the CLI, the clang-tidy plugin, the LSP server) reads this
// list. Adding a check is one line here plus its unit: source, doc, testdata.
//
//===----------------------------------------------------------------------===//
#include "checks/ModlifeCheck.h"

namespace modlife {

std::unique_ptr<ModlifeCheck> createDeferredWorkOutlivesModuleCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createDestroyDevFromOwnMethodCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createKobjectGetWithoutModuleGetCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createMissingOwnerCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createMissingReleaseOnErrorCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createModeventContractCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createPutSelfThenReturnCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createRequestModuleInInitCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createSleepBeforeIncCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createUnbalancedDecCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createUncheckedTryModuleGetCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createUnloadLeavesRegistrationCheck(CheckContext &);
std::unique_ptr<ModlifeCheck> createUnverifiedRequestModuleCheck(CheckContext &);

llvm::ArrayRef<CheckInfo> allChecks() {
  static const CheckInfo Checks[] = {
      {"modlife-deferred-work-outlives-module",
       "deferred work of the module can still run after its teardown",
       createDeferredWorkOutlivesModuleCheck},
      {"modlife-destroy-dev-from-own-method",
       "destroy_dev is reached from a method of the cdev's own cdevsw, and "
       "waits for itself",
       createDestroyDevFromOwnMethodCheck},
      {"modlife-kobject-get-without-module-get",
       "an object reference is held for deferred code whose module is not "
       "pinned",
       createKobjectGetWithoutModuleGetCheck},
      {"modlife-missing-owner",
       "a module's ops struct wires functions but sets no owner",
       createMissingOwnerCheck},
      {"modlife-missing-release-on-error",
       "a failure return keeps a module reference or a paired resource "
       "taken in the same function",
       createMissingReleaseOnErrorCheck, "modlife-missing-dec-on-error"},
      {"modlife-modevent-contract",
       "a module event handler breaks the MOD_LOAD/MOD_UNLOAD contract",
       createModeventContractCheck},
      {"modlife-put-self-then-return",
       "a kernel thread drops its own module reference and returns into "
       "module code",
       createPutSelfThenReturnCheck},
      {"modlife-request-module-in-init",
       "module init waits for a module load, which can deadlock the loader",
       createRequestModuleInInitCheck},
      {"modlife-sleep-before-inc",
       "an entry point may sleep before MOD_INC_USE_COUNT pins the module",
       createSleepBeforeIncCheck},
      {"modlife-unbalanced-dec",
       "a module reference is dropped on a path that does not hold it",
       createUnbalancedDecCheck},
      {"modlife-unchecked-try-module-get",
       "the result of try_module_get is ignored",
       createUncheckedTryModuleGetCheck},
      {"modlife-unload-leaves-registration",
       "a registration that points into the module outlives its detach or "
       "unload",
       createUnloadLeavesRegistrationCheck},
      {"modlife-unverified-request-module",
       "a request_module result is taken as proof that the module is loaded",
       createUnverifiedRequestModuleCheck},
  };
  return Checks;
}

const CheckInfo *findCheck(llvm::StringRef Name) {
  for (const CheckInfo &I : allChecks())
    if (I.Name == Name || (!I.FormerName.empty() && I.FormerName == Name))
      return &I;
  return nullptr;
}

} // namespace modlife
