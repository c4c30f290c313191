//===- RulePackTest.cpp - Loading good and bad rule packs -----------------===//
#include "analyzer/rules/RulePack.h"
#include "llvm/Support/Error.h"
#include "gtest/gtest.h"

using namespace modlife::rules;

namespace {

std::string errorOf(llvm::StringRef Text) {
  llvm::Expected<RulePack> P = parseRulePack(Text, "pack.yaml");
  if (P)
    return "";
  return llvm::toString(P.takeError());
}

const char *Minimal = R"yaml(modlife-rule-pack: 1
name: t
flag-sets:
  gfp: { may-sleep-bit: __GFP_WAIT, fallback-value: 0x10 }
sleeps:
  - { function: kmalloc, flags: { arg: 1, set: gfp } }
  - { macro: copy_from_user, why: "faults in user pages" }
module-refs:
  - { macro: MOD_INC_USE_COUNT, effect: acquire, release: MOD_DEC_USE_COUNT }
  - { function: try_module_get, effect: try-acquire, module-arg: 0, release: "module_put({module})" }
  - { function: module_put, effect: release, module-arg: 0 }
entry-points:
  - { struct: file_operations, fields: [open], owner-field: owner }
failure-returns: { negative-constants: true, errno-macros: '^E[A-Z]+$' }
)yaml";

TEST(RulePack, ParsesEveryKind) {
  llvm::Expected<RulePack> P = parseRulePack(Minimal, "pack.yaml");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(P->Name, "t");
  ASSERT_EQ(P->Sleeps.size(), 2u);
  EXPECT_EQ(P->Sleeps[0].FlagsArg, 1u);
  EXPECT_EQ(P->Sleeps[1].Primitive.NameKind, PrimitiveName::Macro);
  EXPECT_EQ(P->Sleeps[1].Why, "faults in user pages");
  ASSERT_EQ(P->ModuleRefs.size(), 3u);
  EXPECT_EQ(P->ModuleRefs[1].Effect, RefEffect::TryAcquire);
  EXPECT_EQ(P->ModuleRefs[1].ModuleArg, 0u);
  EXPECT_EQ(P->FlagSets[0].FallbackValue, 0x10u);
  EXPECT_EQ(P->EntryPoints[0].OwnerField, "owner");
  EXPECT_TRUE(P->FailureReturns.NegativeConstants);
  // The origin points at the entry, for messages about rules.
  EXPECT_EQ(P->Sleeps[0].Origin.Line, 6u);
}

TEST(RulePack, RuleSetIndexesByKind) {
  llvm::Expected<RulePack> P = parseRulePack(Minimal, "pack.yaml");
  ASSERT_TRUE(bool(P));
  std::vector<RulePack> Packs;
  Packs.push_back(std::move(*P));
  RuleSet S(std::move(Packs));
  EXPECT_NE(S.sleepRule(PrimitiveName::Function, "kmalloc"), nullptr);
  EXPECT_EQ(S.sleepRule(PrimitiveName::Macro, "kmalloc"), nullptr);
  EXPECT_TRUE(S.isMacroPrimitive("MOD_INC_USE_COUNT"));
  EXPECT_FALSE(S.isMacroPrimitive("try_module_get"));
  EXPECT_NE(S.entryPointRule("file_operations"), nullptr);
}

TEST(RulePack, UnknownKeyIsAnErrorWithPosition) {
  std::string E = errorOf(
      "modlife-rule-pack: 1\nname: t\nsleeps:\n  - { function: f, flgs: 1 }\n");
  EXPECT_NE(E.find("pack.yaml:4:"), std::string::npos) << E;
  EXPECT_NE(E.find("unknown key 'flgs'"), std::string::npos) << E;
}

TEST(RulePack, UnknownTopLevelKey) {
  std::string E = errorOf("modlife-rule-pack: 1\nname: t\nsleep: []\n");
  EXPECT_NE(E.find("pack.yaml:3:1: error: unknown key 'sleep'"),
            std::string::npos)
      << E;
}

TEST(RulePack, InvalidYamlIsPositioned) {
  std::string E = errorOf("modlife-rule-pack: 1\nname: [unclosed\n");
  EXPECT_NE(E.find("pack.yaml:"), std::string::npos) << E;
  EXPECT_NE(E.find("invalid YAML"), std::string::npos) << E;
}

TEST(RulePack, SchemaVersionIsRequiredAndChecked) {
  EXPECT_NE(errorOf("name: t\n").find("missing 'modlife-rule-pack"),
            std::string::npos);
  EXPECT_NE(errorOf("modlife-rule-pack: 7\nname: t\n")
                .find("unsupported schema version 7"),
            std::string::npos);
}

TEST(RulePack, FlagsNeedADefinedSet) {
  std::string E =
      errorOf("modlife-rule-pack: 1\nname: t\nsleeps:\n"
              "  - { function: kmalloc, flags: { arg: 1, set: nope } }\n");
  EXPECT_NE(E.find("unknown flag set 'nope'"), std::string::npos) << E;
}

TEST(RulePack, PrimitiveNeedsExactlyOneName) {
  std::string E = errorOf("modlife-rule-pack: 1\nname: t\nsleeps:\n"
                          "  - { function: a, macro: b }\n");
  EXPECT_NE(E.find("exactly one of 'function' or 'macro'"), std::string::npos)
      << E;
  E = errorOf("modlife-rule-pack: 1\nname: t\nsleeps:\n  - { function: 'not an "
              "id' }\n");
  EXPECT_NE(E.find("is not a C identifier"), std::string::npos) << E;
}

TEST(RulePack, AcquireNeedsReleaseSpelling) {
  std::string E = errorOf("modlife-rule-pack: 1\nname: t\nmodule-refs:\n"
                          "  - { macro: INC, effect: acquire }\n");
  EXPECT_NE(E.find("needs 'release'"), std::string::npos) << E;
  E = errorOf("modlife-rule-pack: 1\nname: t\nmodule-refs:\n"
              "  - { macro: INC, effect: grab, release: DEC }\n");
  EXPECT_NE(E.find("unknown 'effect' 'grab'"), std::string::npos) << E;
}

TEST(RulePack, BadRegexIsReported) {
  std::string E = errorOf("modlife-rule-pack: 1\nname: t\nfailure-returns:\n"
                          "  errno-macros: '^E[A-Z'\n");
  EXPECT_NE(E.find("invalid regular expression"), std::string::npos) << E;
}

TEST(RulePack, AliasBombsAndDeepNestingAreRefused) {
  std::string Deep =
      "modlife-rule-pack: 1\nname: t\nsleeps: " + std::string(200, '[') +
      std::string(200, ']') + "\n";
  EXPECT_NE(errorOf(Deep).find("nest"), std::string::npos);
  std::string Bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  char Prev = 'a';
  for (char C = 'b'; C <= 'k'; ++C, ++Prev)
    Bomb += std::string(1, C) + ": &" + C + " [*" + Prev + ", *" + Prev +
            ", *" + Prev + ", *" + Prev + ", *" + Prev + ", *" + Prev + "]\n";
  EXPECT_NE(errorOf(Bomb).find("nodes"), std::string::npos);
}

TEST(RulePack, ModuleLoadsInitAndAutoSelect) {
  llvm::Expected<RulePack> P = parseRulePack(R"yaml(modlife-rule-pack: 1
name: t
auto-select: { when-defined: [module_put_and_exit] }
module-loads:
  - { macro: request_module, waits: true, nowait: request_module_nowait }
  - { macro: request_module_nowait, waits: false }
  - { function: __request_module, wait-arg: 0 }
init-macros: [module_init]
init-functions: init_module
init-sections: [.init.text]
)yaml",
                                             "pack.yaml");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  ASSERT_EQ(P->ModuleLoads.size(), 3u);
  EXPECT_TRUE(P->ModuleLoads[0].Waits);
  EXPECT_EQ(P->ModuleLoads[0].NoWaitSpelling, "request_module_nowait");
  EXPECT_FALSE(P->ModuleLoads[1].Waits);
  EXPECT_EQ(P->ModuleLoads[2].WaitArg, 0u);
  EXPECT_EQ(P->AutoSelectMacros, std::vector<std::string>{"module_put_and_exit"});
  RuleSet S({std::move(*P)});
  EXPECT_NE(S.moduleLoadRule(PrimitiveName::Macro, "request_module"), nullptr);
  EXPECT_EQ(S.moduleLoadRule(PrimitiveName::Function, "request_module"),
            nullptr);
  EXPECT_TRUE(S.isMacroPrimitive("request_module_nowait"));
  EXPECT_TRUE(S.isInitMacro("module_init"));
  EXPECT_TRUE(S.isInitFunctionName("init_module"));
  EXPECT_TRUE(S.isInitSection(".init.text"));
  EXPECT_FALSE(S.isInitSection(".text"));
}

TEST(RulePack, BadModuleLoadsAreRefused) {
  const char *Head = "modlife-rule-pack: 1\nname: t\nmodule-loads:\n";
  auto Err = [&](const char *Entry) {
    return errorOf(std::string(Head) + "  - " + Entry + "\n");
  };
  EXPECT_NE(Err("{ function: f, waits: true, wait-arg: 0 }")
                .find("either 'waits' or 'wait-arg'"),
            std::string::npos);
  EXPECT_NE(Err("{ macro: m, wait-arg: 0 }").find("functions only"),
            std::string::npos);
  EXPECT_NE(Err("{ macro: m, nowait: 'a b' }").find("not a C identifier"),
            std::string::npos);
  EXPECT_NE(Err("{ macro: m, wait: true }").find("unknown key 'wait'"),
            std::string::npos);
  EXPECT_NE(errorOf("modlife-rule-pack: 1\nname: t\nauto-select: {}\n")
                .find("needs 'when-defined'"),
            std::string::npos);
}

TEST(RulePack, OpsOwnerAndModuleMarkers) {
  llvm::Expected<RulePack> P = parseRulePack(R"yaml(modlife-rule-pack: 1
name: t
ops-owner:
  field: owner
  type: module
  set-by:
    - { macro: platform_driver_register, struct-arg: 0 }
    - { function: i2c_register_driver, struct-arg: 1 }
  stored-in:
    - { struct: inode, field: i_fop }
    - { function: simple_fill_super, struct-arg: 2 }
  ignore-structs: [class]
module-markers:
  macros: [MODULE_DEVICE_TABLE]
  declarations: [init_module, cleanup_module]
)yaml",
                                             "pack.yaml");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(P->OpsOwner.Field, "owner");
  EXPECT_EQ(P->OpsOwner.FieldType, "module");
  ASSERT_EQ(P->OpsOwner.SetBy.size(), 2u);
  EXPECT_EQ(P->OpsOwner.SetBy[1].StructArg, 1u);
  EXPECT_EQ(P->OpsOwner.SetBy[1].Origin.Line, 8u);
  ASSERT_EQ(P->OpsOwner.StoredIn.size(), 1u);
  EXPECT_EQ(P->OpsOwner.StoredIn[0].Field, "i_fop");
  EXPECT_EQ(P->OpsOwner.StoredIn[0].Origin.Line, 10u);
  ASSERT_EQ(P->OpsOwner.StoredBy.size(), 1u);
  EXPECT_EQ(P->OpsOwner.StoredBy[0].StructArg, 2u);
  EXPECT_EQ(P->ModuleMarks.Declarations.size(), 2u);

  // A local pack adds helpers without restating the field.
  llvm::Expected<RulePack> Local =
      parseRulePack("modlife-rule-pack: 1\nname: local\nops-owner:\n  set-by:\n"
                    "    - { function: foo_bus_register, struct-arg: 0 }\n",
                    "local.yaml");
  ASSERT_TRUE(bool(Local)) << llvm::toString(Local.takeError());
  RuleSet S({std::move(*P), std::move(*Local)});
  EXPECT_EQ(S.ownerField(), "owner");
  EXPECT_EQ(S.ownerFieldType(), "module");
  ASSERT_NE(S.ownerSetter(PrimitiveName::Macro, "platform_driver_register"),
            nullptr);
  EXPECT_EQ(S.ownerSetter(PrimitiveName::Function, "platform_driver_register"),
            nullptr);
  EXPECT_EQ(
      S.ownerSetter(PrimitiveName::Function, "i2c_register_driver")->StructArg,
      1u);
  EXPECT_NE(S.ownerSetter(PrimitiveName::Function, "foo_bus_register"),
            nullptr);
  // Setters are no primitives of the dataflow.
  EXPECT_FALSE(S.isMacroPrimitive("platform_driver_register"));
  EXPECT_NE(S.ownerSetter(PrimitiveName::Function, "simple_fill_super"),
            nullptr);
  EXPECT_TRUE(S.isOwnerHoldingField("inode", "i_fop"));
  EXPECT_FALSE(S.isOwnerHoldingField("file", "f_op"));
  EXPECT_TRUE(S.isOwnerIgnored("class"));
  EXPECT_FALSE(S.isOwnerIgnored("file_operations"));
  EXPECT_TRUE(S.isModuleMarkerMacro("MODULE_DEVICE_TABLE"));
  EXPECT_TRUE(S.isModuleMarkerDeclaration("init_module"));
  EXPECT_FALSE(S.isModuleMarkerDeclaration("module_init"));
}

TEST(RulePack, BadOpsOwnerAndModuleMarkersAreRefused) {
  auto Err = [](const std::string &Body) {
    return errorOf("modlife-rule-pack: 1\nname: t\n" + Body);
  };
  std::string E = Err("ops-owner: { field: owner }\n");
  EXPECT_NE(E.find("pack.yaml:3:"), std::string::npos) << E;
  EXPECT_NE(E.find("both 'field' and 'type'"), std::string::npos) << E;
  E = Err("ops-owner: { field: owner, type: 'struct module' }\n");
  EXPECT_NE(E.find("not a C identifier"), std::string::npos) << E;
  E = Err("ops-owner:\n  set-by:\n    - { macro: m }\n");
  EXPECT_NE(E.find("pack.yaml:5:"), std::string::npos) << E;
  EXPECT_NE(E.find("needs 'struct-arg'"), std::string::npos) << E;
  E = Err("ops-owner:\n  set-by:\n    - { macro: m, struct-arg: 0, arg: 1 }\n");
  EXPECT_NE(E.find("unknown key 'arg'"), std::string::npos) << E;
  E = Err("ops-owner:\n  set-by:\n    - { struct-arg: 0 }\n");
  EXPECT_NE(E.find("exactly one of 'function' or 'macro'"), std::string::npos)
      << E;
  E = Err("ops-owner:\n  stored-in:\n    - { struct: inode }\n");
  EXPECT_NE(E.find("pack.yaml:5:"), std::string::npos) << E;
  EXPECT_NE(E.find("needs 'struct' and 'field'"), std::string::npos) << E;
  E = Err("ops-owner:\n  stored-in:\n    - { struct: inode, field: i_fop, "
          "struct-arg: 0 }\n");
  EXPECT_NE(E.find("unknown key 'struct-arg'"), std::string::npos) << E;
  E = Err("ops-owner:\n  stored-in:\n    - { function: f }\n");
  EXPECT_NE(E.find("a 'stored-in' entry needs 'struct-arg'"), std::string::npos)
      << E;
  E = Err("ops-owner: { setby: [] }\n");
  EXPECT_NE(E.find("unknown key 'setby'"), std::string::npos) << E;
  E = Err("module-markers: {}\n");
  EXPECT_NE(E.find("needs 'macros', 'declarations' or 'defined-macros'"),
            std::string::npos)
      << E;
  E = Err("module-markers: { functions: [init_module] }\n");
  EXPECT_NE(E.find("pack.yaml:3:"), std::string::npos) << E;
  EXPECT_NE(E.find("unknown key 'functions'"), std::string::npos) << E;
  E = Err("module-markers: { declarations: ['init module'] }\n");
  EXPECT_NE(E.find("not a C identifier"), std::string::npos) << E;
}

TEST(RulePack, Deferrals) {
  llvm::Expected<RulePack> P = parseRulePack(R"yaml(modlife-rule-pack: 1
name: t
deferrals:
  - { macro: kthread_run, callback-arg: 0, runs-as: thread, put-and-exit: module_put_and_kthread_exit }
  - { function: call_rcu, callback-arg: 1, runs-as: rcu }
  - { macro: INIT_WORK, callback-arg: 1, item-arg: 0, runs-as: work, arms: false }
)yaml",
                                             "pack.yaml");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  ASSERT_EQ(P->Deferrals.size(), 3u);
  EXPECT_TRUE(P->Deferrals[1].Arms);
  EXPECT_FALSE(P->Deferrals[2].Arms);
  EXPECT_EQ(P->Deferrals[0].RunsAs, DeferredKind::Thread);
  EXPECT_EQ(P->Deferrals[0].PutAndExit, "module_put_and_kthread_exit");
  EXPECT_EQ(P->Deferrals[1].CallbackArg, 1u);
  EXPECT_FALSE(P->Deferrals[1].ItemArg);
  RuleSet S({std::move(*P)});
  EXPECT_NE(S.deferralRule(PrimitiveName::Macro, "kthread_run"), nullptr);
  EXPECT_EQ(S.deferralRule(PrimitiveName::Function, "kthread_run"), nullptr);
  // A deferral macro is not a primitive: calls in its expansion still count.
  EXPECT_FALSE(S.isMacroPrimitive("kthread_run"));

  const char *Head = "modlife-rule-pack: 1\nname: t\ndeferrals:\n  - ";
  EXPECT_NE(errorOf(std::string(Head) + "{ macro: m, runs-as: thread }\n")
                .find("needs 'runs-as' and 'callback-arg', 'item-arg' or both"),
            std::string::npos);
  EXPECT_NE(errorOf(std::string(Head) +
                    "{ macro: m, callback-arg: 0, runs-as: later }\n")
                .find("unknown 'runs-as' 'later'"),
            std::string::npos);
  EXPECT_NE(errorOf(std::string(Head) + "{ macro: m, callback-arg: 0, "
                                        "runs-as: work, put-and-exit: x }\n")
                .find("threads only"),
            std::string::npos);
  EXPECT_NE(errorOf(std::string(Head) + "{ function: schedule_work, "
                                        "item-arg: 0, runs-as: work, "
                                        "arms: false }\n")
                .find("a queueing primitive always arms its item"),
            std::string::npos);
}

TEST(RulePack, QueuesStopsAndObjectRefs) {
  llvm::Expected<RulePack> P = parseRulePack(R"yaml(modlife-rule-pack: 1
name: t
deferrals:
  - { function: schedule_work, item-arg: 0, runs-as: work }
  - { function: queue_work, item-arg: 1, queue-arg: 0, runs-as: work }
deferral-stops:
  - { function: cancel_work_sync, item-arg: 0, stops: work }
  - { function: rcu_barrier, stops: rcu }
  - { function: destroy_workqueue, queue-arg: 0, stops: work }
object-refs:
  - { function: kobject_get, put: kobject_put }
  - { function: kobject_get_unless_zero, put: kobject_put, may-fail: true }
)yaml",
                                             "pack.yaml");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  ASSERT_EQ(P->Deferrals.size(), 2u);
  EXPECT_FALSE(P->Deferrals[0].CallbackArg);
  EXPECT_EQ(P->Deferrals[0].ItemArg, 0u);
  EXPECT_FALSE(P->Deferrals[0].QueueArg);
  EXPECT_EQ(P->Deferrals[1].QueueArg, 0u);
  RuleSet S({std::move(*P)});
  const DeferralStopRule *Cancel =
      S.deferralStopRule(PrimitiveName::Function, "cancel_work_sync");
  ASSERT_NE(Cancel, nullptr);
  EXPECT_EQ(Cancel->Stops, DeferredKind::Work);
  EXPECT_EQ(Cancel->ItemArg, 0u);
  const DeferralStopRule *Barrier =
      S.deferralStopRule(PrimitiveName::Function, "rcu_barrier");
  ASSERT_NE(Barrier, nullptr);
  EXPECT_EQ(Barrier->Stops, DeferredKind::Rcu);
  EXPECT_FALSE(Barrier->ItemArg);
  EXPECT_FALSE(Barrier->QueueArg);
  const DeferralStopRule *Destroy =
      S.deferralStopRule(PrimitiveName::Function, "destroy_workqueue");
  ASSERT_NE(Destroy, nullptr);
  EXPECT_EQ(Destroy->QueueArg, 0u);
  EXPECT_FALSE(Destroy->ItemArg);
  const ObjectRefRule *Get =
      S.objectRefRule(PrimitiveName::Function, "kobject_get");
  ASSERT_NE(Get, nullptr);
  EXPECT_EQ(Get->Put, "kobject_put");
  EXPECT_FALSE(Get->MayFail);
  EXPECT_TRUE(S.objectRefRule(PrimitiveName::Function, "kobject_get_unless_zero")
                  ->MayFail);
  EXPECT_EQ(S.objectRefRule(PrimitiveName::Macro, "kobject_get"), nullptr);

  const char *Head = "modlife-rule-pack: 1\nname: t\n";
  EXPECT_NE(errorOf(std::string(Head) +
                    "deferral-stops:\n  - { function: f, item-arg: 0 }\n")
                .find("needs 'stops'"),
            std::string::npos);
  EXPECT_NE(errorOf(std::string(Head) +
                    "deferral-stops:\n  - { function: f, stops: soon }\n")
                .find("unknown 'stops' 'soon'"),
            std::string::npos);
  EXPECT_NE(errorOf(std::string(Head) +
                    "deferral-stops:\n  - { function: f, stops: work, "
                    "item-arg: 0, queue-arg: 1 }\n")
                .find("either 'item-arg' or 'queue-arg'"),
            std::string::npos);
  EXPECT_NE(errorOf(std::string(Head) +
                    "object-refs:\n  - { function: f, put: 'a b' }\n")
                .find("not a C identifier"),
            std::string::npos);
}

TEST(RulePack, LifecyclePairsCancelsAndFrees) {
  llvm::Expected<RulePack> P = parseRulePack(R"yaml(modlife-rule-pack: 1
name: t
lifecycle:
  - { role: load, macro: SYSINIT }
  - { role: detach, method: device_detach }
  - { role: detach, struct: pci_driver, field: remove }
  - { role: events, struct: moduledata, field: evhand, event-arg: 1 }
method-tables:
  - { struct: kobj_method, name-field: desc, name-suffix: _desc, function-field: func }
module-events: { load: [MOD_LOAD], unload: [MOD_UNLOAD], unsupported: [EOPNOTSUPP] }
deferral-cancels:
  - { macro: callout_stop, item-arg: 0, cancels: timer, waiting: callout_drain }
frees:
  - { function: free }
  - { function: uma_zfree, arg: 1 }
resource-pairs:
  - { acquire: firmware_get, release: firmware_put, fails-when: null-return, what: firmware image }
  - { acquire: { macro: EVENTHANDLER_REGISTER }, release: { macro: EVENTHANDLER_DEREGISTER },
      release-arg: 1, what: registration, registration: true }
  - { acquire: make_dev_s, release: destroy_dev, handle: out-arg, handle-arg: 1,
      fails-when: nonzero-return, what: cdev, release-spelling: "destroy_dev({handle})" }
)yaml",
                                             "pack.yaml");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  RuleSet S({std::move(*P)});
  ASSERT_EQ(S.lifecycleRules().size(), 4u);
  EXPECT_EQ(S.lifecycleRules()[1]->Method, "device_detach");
  EXPECT_EQ(S.lifecycleRules()[3]->EventArg, 1u);
  // A load macro is an init macro too.
  EXPECT_TRUE(S.isInitMacro("SYSINIT"));
  ASSERT_NE(S.methodTable("kobj_method"), nullptr);
  EXPECT_EQ(S.methodTable("kobj_method")->NameSuffix, "_desc");
  EXPECT_EQ(S.moduleEvents().Unload.front(), "MOD_UNLOAD");
  const DeferralCancelRule *C =
      S.deferralCancelRule(PrimitiveName::Macro, "callout_stop");
  ASSERT_NE(C, nullptr);
  EXPECT_EQ(C->WaitingSpelling, "callout_drain");
  EXPECT_EQ(S.freeRule(PrimitiveName::Function, "uma_zfree")->Arg, 1u);
  EXPECT_EQ(S.freeRule(PrimitiveName::Function, "free")->Arg, 0u);
  ASSERT_EQ(S.resourcePairs().size(), 3u);
  const ResourcePairRule *Fw =
      S.pairAcquiredBy(PrimitiveName::Function, "firmware_get");
  ASSERT_NE(Fw, nullptr);
  EXPECT_EQ(Fw->FailsWhen, FailureSignal::Null);
  EXPECT_EQ(Fw->Handle, HandleKind::Result);
  EXPECT_EQ(S.pairReleasedBy(PrimitiveName::Macro, "EVENTHANDLER_DEREGISTER")
                ->ReleaseArg,
            1u);
  const ResourcePairRule *Dev =
      S.pairAcquiredBy(PrimitiveName::Function, "make_dev_s");
  EXPECT_EQ(Dev->Handle, HandleKind::OutArg);
  EXPECT_EQ(Dev->HandleArg, 1u);
  EXPECT_FALSE(Dev->Registration);

  const char *Head = "modlife-rule-pack: 1\nname: t\n";
  auto Err = [&](const char *Body) { return errorOf(std::string(Head) + Body); };
  EXPECT_NE(Err("lifecycle:\n  - { role: load, macro: A, method: b }\n")
                .find("exactly one of 'macro', 'method'"),
            std::string::npos);
  EXPECT_NE(Err("lifecycle:\n  - { role: events, struct: s, field: f }\n")
                .find("'event-arg' is needed by"),
            std::string::npos);
  EXPECT_NE(Err("lifecycle:\n  - { role: later, macro: A }\n")
                .find("unknown 'role' 'later' (expected load, unload, attach, "
                      "detach or events)"),
            std::string::npos);
  EXPECT_NE(Err("resource-pairs:\n  - { acquire: a, release: b, what: x, "
                "fails-when: null }\n")
                .find("unknown 'fails-when'"),
            std::string::npos);
  EXPECT_NE(Err("resource-pairs:\n  - { acquire: a, release: b, what: x, "
                "handle: arg }\n")
                .find("needs 'handle-arg'"),
            std::string::npos);
  EXPECT_NE(Err("resource-pairs:\n  - { acquire: a, release: b }\n")
                .find("needs 'acquire', 'release' and 'what'"),
            std::string::npos);
  EXPECT_NE(Err("deferral-cancels:\n  - { function: f }\n")
                .find("needs 'cancels'"),
            std::string::npos);
  EXPECT_NE(Err("lifecycle:\n  - { role: load, macro: A, during-load: true }\n")
                .find("'during-load' applies to 'role: attach'"),
            std::string::npos);
}

TEST(RulePack, FreeBSDPackSaysWhatLoadsWaitFor) {
  llvm::Expected<RulePack> P = loadBuiltinPack("freebsd");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  RuleSet S({std::move(*P)});
  const ModuleLoadRule *L =
      S.moduleLoadRule(PrimitiveName::Function, "kern_kldload");
  ASSERT_NE(L, nullptr);
  EXPECT_TRUE(L->Waits);
  EXPECT_EQ(L->WaitsFor, "the kernel linker");
  // SYSINITs run with the linker lock dropped (docs/real-code-freebsd.md).
  EXPECT_FALSE(L->DeadlocksAtLoad);
  bool AttachDuringLoad = false;
  for (const LifecycleRule *R : S.lifecycleRules())
    if (R->Role == LifecycleRole::Attach && R->Method == "device_attach")
      AttachDuringLoad = R->DuringLoad;
  EXPECT_TRUE(AttachDuringLoad);
  // Linux loads wait for modprobe, the default.
  llvm::Expected<RulePack> Linux = loadBuiltinPack("linux");
  ASSERT_TRUE(bool(Linux));
  EXPECT_EQ(Linux->ModuleLoads.front().WaitsFor, "modprobe");
  EXPECT_TRUE(Linux->ModuleLoads.front().DeadlocksAtLoad);
}

TEST(RulePack, StaticRegistrationsAndDefinedModuleMarkers) {
  llvm::Expected<RulePack> P = parseRulePack(R"yaml(modlife-rule-pack: 1
name: t
module-markers:
  defined-macros: [KLD_MODULE]
static-registrations:
  - { macro: EVENTHANDLER_DEFINE, what: event handler,
      instead: "EVENTHANDLER_REGISTER and EVENTHANDLER_DEREGISTER" }
  - { macro: FOO_DEFINE, what: foo }
)yaml",
                                             "pack.yaml");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  llvm::Expected<RulePack> Again = parseRulePack(
      "modlife-rule-pack: 1\nname: u\n"
      "module-markers: { defined-macros: [KLD_MODULE, OTHER_MODULE] }\n",
      "u.yaml");
  ASSERT_TRUE(bool(Again)) << llvm::toString(Again.takeError());
  RuleSet S({std::move(*P), std::move(*Again)});
  // Named once even when two packs name it.
  EXPECT_EQ(S.moduleMarkerDefinedMacros(),
            (std::vector<std::string>{"KLD_MODULE", "OTHER_MODULE"}));
  EXPECT_FALSE(S.isModuleMarkerMacro("KLD_MODULE"));
  const StaticRegistrationRule *R = S.staticRegistration("EVENTHANDLER_DEFINE");
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->What, "event handler");
  EXPECT_EQ(R->Instead, "EVENTHANDLER_REGISTER and EVENTHANDLER_DEREGISTER");
  EXPECT_EQ(R->Origin.Line, 6u);
  ASSERT_NE(S.staticRegistration("FOO_DEFINE"), nullptr);
  EXPECT_TRUE(S.staticRegistration("FOO_DEFINE")->Instead.empty());
  EXPECT_EQ(S.staticRegistration("EVENTHANDLER_REGISTER"), nullptr);

  auto Err = [](const std::string &Body) {
    return errorOf("modlife-rule-pack: 1\nname: t\n" + Body);
  };
  EXPECT_NE(Err("static-registrations:\n  - { macro: M }\n")
                .find("needs 'what'"),
            std::string::npos);
  // Only macros: a function cannot write the SYSINIT.
  EXPECT_NE(Err("static-registrations:\n  - { function: f, what: x }\n")
                .find("unknown key 'function'"),
            std::string::npos);
  EXPECT_NE(Err("static-registrations:\n  - { macro: M, what: x, why: y }\n")
                .find("unknown key 'why'"),
            std::string::npos);
  EXPECT_NE(Err("module-markers: { defined-macros: ['not a name'] }\n")
                .find("not a C identifier"),
            std::string::npos);
  EXPECT_NE(Err("module-markers: {}\n").find("'defined-macros'"),
            std::string::npos);
}

TEST(RulePack, FreeBSDPackMarksKldModulesAndEventHandlerDefine) {
  llvm::Expected<RulePack> P = loadBuiltinPack("freebsd");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  RuleSet S({std::move(*P)});
  EXPECT_EQ(S.moduleMarkerDefinedMacros(),
            std::vector<std::string>{"KLD_MODULE"});
  ASSERT_NE(S.staticRegistration("EVENTHANDLER_DEFINE"), nullptr);
  const FreeRule *F =
      S.freeRule(PrimitiveName::Function, "bus_release_resource");
  ASSERT_NE(F, nullptr);
  EXPECT_EQ(F->Arg, 3u);
}

TEST(RulePack, EveryBuiltinPackLoadsAndIsNamedAfterItsFile) {
  ASSERT_FALSE(builtinPacks().empty());
  for (const BuiltinPack &B : builtinPacks()) {
    llvm::Expected<RulePack> P = loadBuiltinPack(B.Name);
    ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
    EXPECT_EQ(P->Name, B.Name.str());
  }
  llvm::Expected<RulePack> P = loadBuiltinPack("no-such-pack");
  ASSERT_FALSE(bool(P));
  EXPECT_NE(llvm::toString(P.takeError()).find("linux-2.4"), std::string::npos);
}

} // namespace
