//===- RulePack.h - Kernel knowledge loaded from rules/*.yaml ---*- C++ -*-===//
//
// The rules layer: typed rule packs and their loader. Nothing here knows about
// Clang's AST; the engine matches these rules against code.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_RULES_RULEPACK_H
#define MODLIFE_RULES_RULEPACK_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace modlife {
namespace rules {

/// Where a rule was written, so that diagnostics about rules can point at it.
struct RuleOrigin {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// How a primitive appears in code: a call to a named function, or an
/// expansion of a named macro (MOD_INC_USE_COUNT is never a call).
struct PrimitiveName {
  enum Kind { Function, Macro };
  Kind NameKind = Function;
  std::string Name;
};

/// A family of integer flags, such as GFP masks, in which one bit means
/// "the call may wait". The bit's value is read from the analyzed translation
/// unit's macro so that config-dependent layouts are honoured.
struct FlagSet {
  std::string Name;
  std::string MaySleepBitMacro;
  std::optional<uint64_t> FallbackValue;
  RuleOrigin Origin;
};

/// A primitive that may sleep, optionally only when its flags argument has
/// the may-sleep bit of a flag set.
struct SleepRule {
  PrimitiveName Primitive;
  std::optional<unsigned> FlagsArg;
  std::string FlagSetName;
  /// Why the primitive sleeps, for notes; optional.
  std::string Why;
  RuleOrigin Origin;
};

enum class RefEffect {
  Acquire,    ///< Always takes a module reference (MOD_INC_USE_COUNT).
  TryAcquire, ///< Takes one only when it returns non-zero (try_module_get).
  Release,    ///< Drops a reference (MOD_DEC_USE_COUNT, module_put).
};

/// A primitive that takes or drops a module reference.
struct ModuleRefRule {
  PrimitiveName Primitive;
  RefEffect Effect = RefEffect::Acquire;
  /// The argument naming the module; none means the analyzed module itself.
  std::optional<unsigned> ModuleArg;
  /// How to spell the matching drop, with "{module}" standing for the module
  /// expression as written at the acquisition. Empty for releases.
  std::string ReleaseSpelling;
  RuleOrigin Origin;
};

/// Fields of an ops struct whose functions are called from outside the
/// module, so that they are module entry points.
struct EntryPointRule {
  std::string StructName;
  std::vector<std::string> Fields;
  /// A field that, when set in the same initializer, makes the caller pin
  /// the module before calling in (file_operations.owner in 2.4).
  std::string OwnerField;
  /// A field the kernel calls after one of Fields fails (2.4's tty layer
  /// calls close() after a failed open()), so that a count kept by the
  /// failure return is dropped there.
  std::string FailureCleanupField;
  RuleOrigin Origin;
};

/// How a deferred callback runs.
enum class DeferredKind { Thread, Work, Timer, Rcu, Tasklet };

/// A primitive that hands a callback to the kernel to run later, outside the
/// caller's control: kthread_run(fn, ...), INIT_WORK(w, fn), timer_setup(t,
/// fn, flags).
struct DeferralRule {
  PrimitiveName Primitive;
  /// The argument that names the callback (for a macro: any function named
  /// in its arguments counts). None for a primitive that queues an item
  /// whose callback was set up before (schedule_work(&w)).
  std::optional<unsigned> CallbackArg;
  /// The argument that is the deferred item (the work_struct, the timer),
  /// by which a later cancel or flush names it.
  std::optional<unsigned> ItemArg;
  /// The workqueue the item is queued on (queue_work(wq, &w)); a queueing
  /// primitive without one uses the system's queue (schedule_work(&w)).
  std::optional<unsigned> QueueArg;
  DeferredKind RunsAs = DeferredKind::Work;
  /// Whether the primitive sets the item going (callout_reset, mod_timer,
  /// kthread_run), or only prepares it for a later queueing (INIT_WORK,
  /// TASK_INIT, timer_setup): a failure right after a set-up that only
  /// prepares leaves nothing that can run.
  bool Arms = true;
  /// For threads: how a thread drops its own module reference and exits
  /// without returning into module text (module_put_and_kthread_exit).
  std::string PutAndExit;
  RuleOrigin Origin;
};

/// A primitive that waits until deferred callbacks of a kind have finished
/// and will not run again: cancel_work_sync(&w), del_timer_sync(&t),
/// rcu_barrier(), kthread_stop(task).
struct DeferralStopRule {
  PrimitiveName Primitive;
  DeferredKind Stops = DeferredKind::Work;
  /// The argument naming the item it stops; none when it stops every item
  /// of its kind it could be handed (flush_workqueue(wq), rcu_barrier()).
  std::optional<unsigned> ItemArg;
  /// The workqueue whose items it stops (destroy_workqueue(wq)): items on
  /// other queues, the system's included, go on.
  std::optional<unsigned> QueueArg;
  RuleOrigin Origin;
};

/// A primitive that stops a deferred item from running again but does not
/// wait for a callback that is already running: callout_stop(&c),
/// del_timer(&t), cancel_work(&w). Freeing what the callback uses right
/// after it races with that callback.
struct DeferralCancelRule {
  PrimitiveName Primitive;
  DeferredKind Cancels = DeferredKind::Timer;
  std::optional<unsigned> ItemArg;
  /// The primitive that also waits (callout_drain, del_timer_sync), for
  /// messages and fix-its; it takes the same arguments.
  std::string WaitingSpelling;
  RuleOrigin Origin;
};

/// A primitive that frees memory or destroys a lock that its argument names
/// (kfree(p), free(p, M_FOO), mtx_destroy(&sc->mtx)): after it, a deferred
/// callback that uses the object must not run.
struct FreeRule {
  PrimitiveName Primitive;
  unsigned Arg = 0;
  RuleOrigin Origin;
};

/// Where an acquisition's handle is: its result (make_dev), one of its
/// arguments (device_busy(dev)), or an object an argument points to
/// (bus_setup_intr(..., &sc->intrhand)).
enum class HandleKind { Result, Arg, OutArg };

/// How an acquisition says it failed, so that failure paths that took
/// nothing are not asked to release anything.
enum class FailureSignal { Never, Null, NonZero, Negative };

/// A resource taken by one primitive and given back by another: a firmware
/// image, a linker reference, a cdev, an interrupt handler, an event handler
/// registration. The handle names the resource at both ends.
struct ResourcePairRule {
  PrimitiveName Acquire;
  PrimitiveName Release;
  HandleKind Handle = HandleKind::Result;
  /// For Arg and OutArg: which argument of the acquisition.
  unsigned HandleArg = 0;
  /// The argument of the release that names the handle.
  unsigned ReleaseArg = 0;
  FailureSignal FailsWhen = FailureSignal::Never;
  /// What the resource is, for messages ("firmware image").
  std::string What;
  /// How fix-its spell the release, with "{handle}" for the handle as
  /// written at the acquisition; empty when no fix-it can be written.
  std::string ReleaseSpelling;
  /// A registration that points into this module (a cdev, an interrupt
  /// handler, an event handler): unload or detach must undo it.
  bool Registration = false;
  RuleOrigin Origin;
};

/// What part a function plays in a module's life, by how it is wired.
enum class LifecycleRole {
  Load,    ///< runs while the module loads (module_init, SYSINIT)
  Unload,  ///< runs while it unloads (module_exit, SYSUNINIT)
  Attach,  ///< binds a device (probe, device_attach); may run during load
  Detach,  ///< unbinds one (remove, disconnect, device_detach)
  Events,  ///< a module event handler: its role depends on the event
};

/// One way code is wired into a module's life: written by a macro
/// (SYSINIT(..., fn, ...)), stored in a struct field (pci_driver.remove),
/// or named in a method table (DEVMETHOD(device_attach, fn)).
struct LifecycleRule {
  LifecycleRole Role = LifecycleRole::Load;
  std::string Macro;
  std::string StructName;
  std::string Field;
  std::string Method;
  /// For Events: the parameter that carries the event (MOD_LOAD, ...).
  unsigned EventArg = 0;
  /// For Attach: the kernel attaches devices while the module loads
  /// (FreeBSD's DRIVER_MODULE probes and attaches from MOD_LOAD), so the
  /// function is load-time code too.
  bool DuringLoad = false;
  RuleOrigin Origin;
};

/// A table of (method name, function) entries, as FreeBSD's kobj method
/// tables: { &device_attach_desc, (kobjop_t)foo_attach }. The name field
/// points at a variable named after the method plus NameSuffix.
struct MethodTableRule {
  std::string StructName;
  std::string NameField;
  std::string NameSuffix;
  std::string FunctionField;
  RuleOrigin Origin;
};

/// The event values a module event handler is called with, by name (enum
/// constants or macros), and what it returns for an event it does not
/// handle.
struct ModuleEventNames {
  std::vector<std::string> Load, Unload, Quiesce, Shutdown;
  std::vector<std::string> Unsupported;
};

/// A primitive that takes a reference on a reference-counted object
/// (kobject_get, get_device, kref_get), which keeps the object's memory but
/// not the code of the module that owns it.
struct ObjectRefRule {
  PrimitiveName Primitive;
  /// The matching drop, for messages ("kobject_put").
  std::string Put;
  /// Whether it can fail and says so in its result (kobject_get_unless_zero).
  bool MayFail = false;
  RuleOrigin Origin;
};

/// A primitive that asks for a module to be loaded.
struct ModuleLoadRule {
  PrimitiveName Primitive;
  /// Whether the caller waits for the load (request_module waits for
  /// modprobe; request_module_nowait does not).
  bool Waits = true;
  /// For functions: the argument that says whether it waits, when the
  /// function takes one (__request_module(bool wait, ...)).
  std::optional<unsigned> WaitArg;
  /// The call that asks for the same load without waiting, for fix-its
  /// (request_module -> request_module_nowait); empty if there is none.
  std::string NoWaitSpelling;
  /// Whether the primitive repeats the caller's lookup after the load
  /// (try_then_request_module(lookup, ...)), so that its result proves the
  /// service is present; a bare request_module() proves nothing.
  bool LooksUpAgain = false;
  /// What the caller waits for, for messages ("modprobe", "the kernel
  /// linker").
  std::string WaitsFor = "modprobe";
  /// Whether waiting for this load from code that runs while the module
  /// loads can deadlock. FreeBSD's linker runs SYSINITs and MOD_LOAD with
  /// its lock dropped, so a load from there goes through.
  bool DeadlocksAtLoad = true;
  RuleOrigin Origin;
};

/// A registration helper that sets the owner field of the ops struct it
/// registers, so that the struct need not set it: platform_driver_register(drv)
/// is __platform_driver_register(drv, THIS_MODULE).
struct OwnerSetterRule {
  PrimitiveName Primitive;
  /// The argument that names the struct (or an array of pointers to such
  /// structs, as usb_serial_register_drivers takes).
  unsigned StructArg = 0;
  RuleOrigin Origin;
};

/// A field whose holder keeps the module pinned for the ops struct stored
/// in it: an inode's i_fop belongs to a mounted file system, and the file
/// system's own owner pins the module.
struct OwnerHoldingField {
  std::string StructName;
  std::string Field;
  RuleOrigin Origin;
};

/// How an ops struct names the module whose code it points to, so that the
/// kernel pins that module before calling in (.owner = THIS_MODULE).
struct OpsOwnerRules {
  /// The owner field ("owner"); empty when the pack does not say.
  std::string Field;
  /// The struct the owner field points to ("module": struct module *).
  std::string FieldType;
  std::vector<OwnerSetterRule> SetBy;
  /// Fields that pin the module for the struct stored in them, and helpers
  /// that store the struct in such a field (simple_fill_super).
  std::vector<OwnerHoldingField> StoredIn;
  std::vector<OwnerSetterRule> StoredBy;
  /// Structs whose owner field the kernel never uses to pin anything
  /// (struct class before 6.4), so that leaving it unset is no bug.
  std::vector<std::string> IgnoreStructs;
};

/// What shows that a translation unit is a loadable module rather than code
/// built into the kernel. Both kinds must be things only a module build
/// writes: module_init() is no marker by itself, since built in it writes an
/// initcall, but the init_module alias it declares in a module is.
struct ModuleMarkers {
  /// Macros that write a file-scope declaration only when building a module
  /// (MODULE_DEVICE_TABLE).
  std::vector<std::string> Macros;
  /// Names whose declaration or definition in the file makes it a module
  /// (init_module: module_init()'s alias, or 2.2's own function).
  std::vector<std::string> Declarations;
  /// Macros that the build defines only when it builds a loadable module
  /// (FreeBSD's -DKLD_MODULE).
  std::vector<std::string> DefinedMacros;
};

/// A macro that registers something from code it writes (a SYSINIT) and
/// never undoes it: fine in the kernel, a registration that outlives the
/// module in a loadable one (EVENTHANDLER_DEFINE).
struct StaticRegistrationRule {
  PrimitiveName Primitive;
  /// What it registers, for messages ("event handler").
  std::string What;
  /// What a module should write instead, for the note.
  std::string Instead;
  RuleOrigin Origin;
};

/// What a failure return looks like.
struct FailureReturnRules {
  bool NegativeConstants = false;
  /// A regular expression for positive errno macro names (FreeBSD style).
  std::string ErrnoMacroPattern;
  std::vector<std::string> ErrorPointerFunctions;
};

/// One rule pack, as loaded from one YAML file.
struct RulePack {
  std::string Name;
  std::string Description;
  std::string SourceFile;
  std::vector<std::string> ThisModuleMacros;
  std::vector<FlagSet> FlagSets;
  std::vector<SleepRule> Sleeps;
  std::vector<ModuleRefRule> ModuleRefs;
  std::vector<EntryPointRule> EntryPoints;
  FailureReturnRules FailureReturns;
  std::vector<ModuleLoadRule> ModuleLoads;
  std::vector<DeferralRule> Deferrals;
  std::vector<DeferralStopRule> DeferralStops;
  std::vector<ObjectRefRule> ObjectRefs;
  std::vector<DeferralCancelRule> DeferralCancels;
  std::vector<FreeRule> Frees;
  std::vector<ResourcePairRule> ResourcePairs;
  std::vector<LifecycleRule> Lifecycle;
  std::vector<MethodTableRule> MethodTables;
  std::vector<StaticRegistrationRule> StaticRegistrations;
  ModuleEventNames ModuleEvents;
  /// Macros that name a module's init function (module_init) and the
  /// function the loader calls while the module is still loading.
  std::vector<std::string> InitMacros;
  /// Functions that are init functions by their name (2.2's init_module).
  std::vector<std::string> InitFunctions;
  /// Sections whose functions run only while the module loads (__init).
  std::vector<std::string> InitSections;
  /// In automatic pack selection, this pack applies to a translation unit
  /// whose headers define any of these macros.
  std::vector<std::string> AutoSelectMacros;
  OpsOwnerRules OpsOwner;
  ModuleMarkers ModuleMarks;
};

/// Parses and validates a rule pack. Errors carry "file:line:col: " and name
/// the offending key; unknown keys are errors.
llvm::Expected<RulePack> parseRulePack(llvm::StringRef Text,
                                       llvm::StringRef FileName);

/// Reads a rule pack from disk.
llvm::Expected<RulePack> loadRulePackFile(llvm::StringRef Path);

/// The packs compiled into the binary from rules/*.yaml.
struct BuiltinPack {
  llvm::StringRef Name;
  llvm::StringRef FileName;
  llvm::StringRef Text;
};
llvm::ArrayRef<BuiltinPack> builtinPacks();

/// Loads a built-in pack by name.
llvm::Expected<RulePack> loadBuiltinPack(llvm::StringRef Name);

/// The union of several packs, indexed for the engine's look-ups.
class RuleSet {
public:
  RuleSet() = default;
  explicit RuleSet(std::vector<RulePack> Packs);
  // The indexes point into Packs, whose elements stay put across a move.
  RuleSet(const RuleSet &) = delete;
  RuleSet &operator=(const RuleSet &) = delete;
  RuleSet(RuleSet &&) = default;
  RuleSet &operator=(RuleSet &&) = default;

  const std::vector<RulePack> &packs() const { return Packs; }

  const SleepRule *sleepRule(PrimitiveName::Kind K, llvm::StringRef Name) const;
  const ModuleRefRule *moduleRefRule(PrimitiveName::Kind K,
                                     llvm::StringRef Name) const;
  const FlagSet *flagSet(llvm::StringRef Name) const;
  const ModuleLoadRule *moduleLoadRule(PrimitiveName::Kind K,
                                       llvm::StringRef Name) const;
  bool isInitMacro(llvm::StringRef Name) const;
  const DeferralRule *deferralRule(PrimitiveName::Kind K,
                                   llvm::StringRef Name) const;
  const DeferralStopRule *deferralStopRule(PrimitiveName::Kind K,
                                           llvm::StringRef Name) const;
  const ObjectRefRule *objectRefRule(PrimitiveName::Kind K,
                                     llvm::StringRef Name) const;
  bool isInitSection(llvm::StringRef Section) const;
  bool isInitFunctionName(llvm::StringRef Name) const;
  /// The entry-point rule for a struct, if it has one.
  const EntryPointRule *entryPointRule(llvm::StringRef StructName) const;
  bool isThisModuleMacro(llvm::StringRef Name) const;
  bool isMacroPrimitive(llvm::StringRef Name) const;
  const FailureReturnRules &failureReturns() const { return Failure; }
  /// The owner field of ops structs and the struct it points to; empty
  /// when no pack names them (a later pack's names win).
  llvm::StringRef ownerField() const { return OwnerField; }
  llvm::StringRef ownerFieldType() const { return OwnerFieldType; }
  /// The rule of a helper that sets the owner of the struct it is handed,
  /// or stores it where it is pinned, if the function or macro has one.
  const OwnerSetterRule *ownerSetter(PrimitiveName::Kind K,
                                     llvm::StringRef Name) const;
  /// Whether an ops struct stored in StructName.Field is pinned through it.
  bool isOwnerHoldingField(llvm::StringRef StructName,
                           llvm::StringRef Field) const;
  /// Whether the pack says that a struct's owner field pins nothing.
  bool isOwnerIgnored(llvm::StringRef StructName) const;
  bool isModuleMarkerMacro(llvm::StringRef Name) const;
  bool isModuleMarkerDeclaration(llvm::StringRef Name) const;
  /// The macros whose definition makes a translation unit a module build.
  const std::vector<std::string> &moduleMarkerDefinedMacros() const {
    return ModuleMarkerDefinedMacros;
  }
  /// The static-registration rule of a macro, if it has one.
  const StaticRegistrationRule *staticRegistration(llvm::StringRef Macro) const;
  const DeferralCancelRule *deferralCancelRule(PrimitiveName::Kind K,
                                               llvm::StringRef Name) const;
  const FreeRule *freeRule(PrimitiveName::Kind K, llvm::StringRef Name) const;
  /// Every resource pair of every pack; a later pack's pair with the same
  /// acquisition replaces an earlier one.
  const std::vector<const ResourcePairRule *> &resourcePairs() const {
    return Pairs;
  }
  /// The pair a primitive acquires, or releases, if any.
  const ResourcePairRule *pairAcquiredBy(PrimitiveName::Kind K,
                                         llvm::StringRef Name) const;
  const ResourcePairRule *pairReleasedBy(PrimitiveName::Kind K,
                                         llvm::StringRef Name) const;
  /// Every lifecycle rule of every pack, in pack order.
  const std::vector<const LifecycleRule *> &lifecycleRules() const {
    return Lifecycle;
  }
  const MethodTableRule *methodTable(llvm::StringRef StructName) const;
  /// The module event names of all packs together.
  const ModuleEventNames &moduleEvents() const { return Events; }

private:
  std::vector<RulePack> Packs;
  // Keys are "f:name" for functions and "m:name" for macros; later packs win.
  llvm::StringMap<const SleepRule *> Sleeps;
  llvm::StringMap<const ModuleRefRule *> ModuleRefs;
  llvm::StringMap<const FlagSet *> FlagSets;
  llvm::StringMap<const ModuleLoadRule *> ModuleLoads;
  llvm::StringMap<bool> InitMacros;
  llvm::StringMap<const DeferralRule *> Deferrals;
  llvm::StringMap<const DeferralStopRule *> DeferralStops;
  llvm::StringMap<const ObjectRefRule *> ObjectRefs;
  llvm::StringMap<bool> InitSections;
  llvm::StringMap<bool> InitFunctions;
  llvm::StringMap<const EntryPointRule *> EntryPoints;
  llvm::StringMap<bool> ThisModule;
  llvm::StringMap<bool> MacroPrimitives;
  FailureReturnRules Failure;
  std::string OwnerField;
  std::string OwnerFieldType;
  llvm::StringMap<const OwnerSetterRule *> OwnerSetters;
  llvm::StringMap<bool> OwnerIgnored;
  llvm::StringMap<bool> OwnerHoldingFields; // "struct.field"
  llvm::StringMap<bool> ModuleMarkerMacros;
  llvm::StringMap<bool> ModuleMarkerDeclarations;
  std::vector<std::string> ModuleMarkerDefinedMacros;
  llvm::StringMap<const StaticRegistrationRule *> StaticRegistrations;
  llvm::StringMap<const DeferralCancelRule *> DeferralCancels;
  llvm::StringMap<const FreeRule *> Frees;
  std::vector<const ResourcePairRule *> Pairs;
  llvm::StringMap<const ResourcePairRule *> PairsByAcquire;
  llvm::StringMap<const ResourcePairRule *> PairsByRelease;
  std::vector<const LifecycleRule *> Lifecycle;
  llvm::StringMap<const MethodTableRule *> MethodTables;
  ModuleEventNames Events;
};

} // namespace rules
} // namespace modlife

#endif
