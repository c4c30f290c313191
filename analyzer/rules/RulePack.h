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
  bool isInitSection(llvm::StringRef Section) const;
  bool isInitFunctionName(llvm::StringRef Name) const;
  /// The entry-point rule for a struct, if it has one.
  const EntryPointRule *entryPointRule(llvm::StringRef StructName) const;
  bool isThisModuleMacro(llvm::StringRef Name) const;
  bool isMacroPrimitive(llvm::StringRef Name) const;
  const FailureReturnRules &failureReturns() const { return Failure; }

private:
  std::vector<RulePack> Packs;
  // Keys are "f:name" for functions and "m:name" for macros; later packs win.
  llvm::StringMap<const SleepRule *> Sleeps;
  llvm::StringMap<const ModuleRefRule *> ModuleRefs;
  llvm::StringMap<const FlagSet *> FlagSets;
  llvm::StringMap<const ModuleLoadRule *> ModuleLoads;
  llvm::StringMap<bool> InitMacros;
  llvm::StringMap<bool> InitSections;
  llvm::StringMap<bool> InitFunctions;
  llvm::StringMap<const EntryPointRule *> EntryPoints;
  llvm::StringMap<bool> ThisModule;
  llvm::StringMap<bool> MacroPrimitives;
  FailureReturnRules Failure;
};

} // namespace rules
} // namespace modlife

#endif
