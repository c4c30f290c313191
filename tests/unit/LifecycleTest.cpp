//===- LifecycleTest.cpp - Load, unload, attach, detach, event arms -------===//
//
// Parses small drivers against the mock FreeBSD and Linux headers with the
// built-in packs, and checks which functions the engine sees as load,
// unload, attach, detach and module event handlers, and which calls of a
// handler run for which event.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "analyzer/rules/RulePack.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace modlife;
using rules::LifecycleRole;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

namespace {

class Lifecycle : public ::testing::Test {
protected:
  rules::RuleSet Rules;
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<TUAnalysis> A;
  AnalysisHandler Ignore;

  void parse(llvm::StringRef Pack, llvm::StringRef Code) {
    llvm::Expected<rules::RulePack> P = rules::loadBuiltinPack(Pack);
    ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
    std::vector<rules::RulePack> Packs;
    Packs.push_back(std::move(*P));
    Rules = rules::RuleSet(std::move(Packs));
    std::string Mocks = MODLIFE_SOURCE_DIR "/testdata/include/";
    std::vector<std::string> Args =
        Pack == "freebsd"
            ? std::vector<std::string>{"-nostdinc", "-isystem",
                                       Mocks + "freebsd", "-D_KERNEL",
                                       "-DKLD_MODULE", "-std=gnu99"}
            : std::vector<std::string>{"-nostdinc", "-isystem",
                                       Mocks + "linux-6", "-D__KERNEL__",
                                       "-DMODULE", "-DKBUILD_MODNAME=\"t\"",
                                       "-std=gnu11"};
    AST = tooling::buildASTFromCodeWithArgs(Code, Args, "drv.c");
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
    A = std::make_unique<TUAnalysis>(AST->getASTContext(),
                                     &AST->getPreprocessor(), Rules);
    A->run(Ignore);
  }

  std::vector<std::string> named(LifecycleRole R) const {
    std::vector<std::string> Names;
    for (const LifecycleFunction *L : A->lifecycle().withRole(R))
      Names.push_back(L->Function->getName().str() + " via " + L->Via);
    return Names;
  }

  /// The callees of the calls the handler makes on event E.
  std::vector<std::string> callsOn(llvm::StringRef Handler, ModuleEvent E) {
    std::vector<std::string> Calls;
    for (const LifecycleFunction *L :
         A->lifecycle().withRole(LifecycleRole::Events))
      if (L->Function->getName() == Handler)
        A->forEachEventOnModuleEvent(*L, E, [&](const ElementEvent &Ev) {
          Calls.push_back(Ev.EventKind == ElementEvent::Primitive
                              ? Ev.Use.Name
                              : Ev.CalleeName);
        });
    return Calls;
  }
};

const char *FreeBSDDriver = R"(
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/bus.h>
#include <sys/conf.h>
#include <sys/malloc.h>
#include <sys/syscallsubr.h>
#include <sys/proc.h>

static void setup(void *arg) {}
static void teardown(void *arg) {}
SYSINIT(zz_setup, SI_SUB_DRIVERS, SI_ORDER_ANY, setup, NULL);
SYSUNINIT(zz_teardown, SI_SUB_DRIVERS, SI_ORDER_ANY, teardown, NULL);

static int zz_probe(device_t dev) { return 0; }
static int zz_attach(device_t dev) { return 0; }
static int zz_detach(device_t dev) { return 0; }
static device_method_t zz_methods[] = {
	DEVMETHOD(device_probe, zz_probe),
	DEVMETHOD(device_attach, zz_attach),
	DEVMETHOD(device_detach, zz_detach),
	DEVMETHOD_END
};
static driver_t zz_driver = { "zz", zz_methods, 0 };

static void on_load(void) {}
static void on_unload(void) {}
static void on_any(void) {}
static void on_other(void) {}
static int zz_modevent(module_t mod, int type, void *arg)
{
	int error = 0;
	switch (type) {
	case MOD_LOAD:
		on_load();
		break;
	case MOD_QUIESCE:
	case MOD_UNLOAD:
		on_unload();
		break;
	default:
		on_other();
		error = EOPNOTSUPP;
	}
	on_any();
	return (error);
}
DRIVER_MODULE(zz, pci, zz_driver, zz_modevent, NULL);

static void if_load(void) {}
static void if_else(void) {}
static int yy_modevent(module_t mod, int what, void *arg)
{
	if (what == MOD_LOAD)
		if_load();
	else
		if_else();
	return (0);
}
static moduledata_t yy_mod = { "yy", yy_modevent, NULL };
DECLARE_MODULE(yy, yy_mod, SI_SUB_DRIVERS, SI_ORDER_ANY);
)";

TEST_F(Lifecycle, FreeBSDWiringsHaveTheirRoles) {
  parse("freebsd", FreeBSDDriver);
  EXPECT_THAT(named(LifecycleRole::Load), ElementsAre("setup via SYSINIT"));
  EXPECT_THAT(named(LifecycleRole::Unload),
              ElementsAre("teardown via SYSUNINIT"));
  EXPECT_THAT(named(LifecycleRole::Attach),
              ElementsAre("zz_attach via device_attach"));
  EXPECT_THAT(named(LifecycleRole::Detach),
              ElementsAre("zz_detach via device_detach"));
  EXPECT_THAT(named(LifecycleRole::Events),
              UnorderedElementsAre("zz_modevent via driver_module_data.dmd_chainevh",
                                   "yy_modevent via moduledata.evhand"));
  // SYSINIT functions are init functions too (request-module-in-init).
  std::vector<std::string> Init;
  for (const InitFunction &I : A->initFunctions())
    Init.push_back(I.Function->getName().str());
  EXPECT_THAT(Init, ElementsAre("setup"));
}

TEST_F(Lifecycle, SwitchArmsRunOnTheirEventsOnly) {
  parse("freebsd", FreeBSDDriver);
  EXPECT_THAT(callsOn("zz_modevent", ModuleEvent::Load),
              UnorderedElementsAre("on_load", "on_any"));
  EXPECT_THAT(callsOn("zz_modevent", ModuleEvent::Unload),
              UnorderedElementsAre("on_unload", "on_any"));
  EXPECT_THAT(callsOn("zz_modevent", ModuleEvent::Quiesce),
              UnorderedElementsAre("on_unload", "on_any"));
  // No case names MOD_SHUTDOWN: default runs.
  EXPECT_THAT(callsOn("zz_modevent", ModuleEvent::Shutdown),
              UnorderedElementsAre("on_other", "on_any"));
}

TEST_F(Lifecycle, EqualityTestsPickTheirBranch) {
  parse("freebsd", FreeBSDDriver);
  EXPECT_THAT(callsOn("yy_modevent", ModuleEvent::Load), ElementsAre("if_load"));
  EXPECT_THAT(callsOn("yy_modevent", ModuleEvent::Unload),
              ElementsAre("if_else"));
}

TEST_F(Lifecycle, LinuxExitAndDriverMethods) {
  parse("linux", R"(
#include <linux/module.h>
#include <linux/init.h>
#include <linux/pci.h>
static int foo_probe(struct pci_dev *pdev, const struct pci_device_id *id) { return 0; }
static void foo_remove(struct pci_dev *pdev) {}
static struct pci_driver foo_driver = {
	.name = "foo",
	.probe = foo_probe,
	.remove = foo_remove,
};
static int __init foo_init(void) { return pci_register_driver(&foo_driver); }
static void __exit foo_exit(void) { pci_unregister_driver(&foo_driver); }
module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
)");
  EXPECT_THAT(named(LifecycleRole::Load), ElementsAre("foo_init via module_init"));
  EXPECT_THAT(named(LifecycleRole::Unload),
              ElementsAre("foo_exit via module_exit"));
  EXPECT_THAT(named(LifecycleRole::Attach),
              ElementsAre("foo_probe via pci_driver.probe"));
  EXPECT_THAT(named(LifecycleRole::Detach),
              ElementsAre("foo_remove via pci_driver.remove"));
  EXPECT_THAT(named(LifecycleRole::Events), IsEmpty());
}

} // namespace
