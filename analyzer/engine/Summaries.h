//===- Summaries.h - What one translation unit tells the others -*- C++ -*-===//
//
// Cross-file analysis in two phases. The summary phase reduces each
// translation unit to plain data (a TUSummary): its functions, what each does
// by itself (sleeps, waits for a module load, drops a module reference) and
// the calls it makes, with how their arguments relate to the rule pack's flag
// sets. A SummaryGraph (SummaryGraph.h) links the summaries of a whole tree by
// function name and solves them; the analysis phase then asks it, through
// ExternalSummaries, about calls to functions defined in other files.
//
// Nothing here holds a Clang pointer: summaries outlive their ASTs, are
// stored on disk (see docs/summaries.md) and merged across machines.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_ENGINE_SUMMARIES_H
#define MODLIFE_ENGINE_SUMMARIES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class SourceLocation;
class SourceManager;
} // namespace clang

namespace modlife {

class TUAnalysis;

/// What summaries hold, revised whenever they carry new facts: a stored
/// summary of another revision is stale (see docs/summaries.md).
constexpr int SummaryContentRevision = 3;

/// A place in a source file, as plain data.
struct FilePoint {
  /// Absolute, against the compile command's directory.
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;
  /// The source line, for clang-style rendering.
  std::string LineText;
};

/// The file point of Loc (its file location when Loc is in a macro).
FilePoint filePointAt(const clang::SourceManager &SM, clang::SourceLocation Loc);

/// The effects a summary carries across files. Each is a "reaches" fact: the
/// function does it itself or through a callee, on some path.
enum class Effect : unsigned {
  /// Sleeps whatever its arguments.
  SleepsDefinite,
  /// Sleeps when the caller's flags for one parameter allow it (a wrapper
  /// that passes its gfp_t on to kmalloc).
  SleepsByParam,
  /// Sleeps or not, depending on flags nobody can tell.
  SleepsFlagsUnknown,
  /// Asks for a module load and waits for modprobe (request_module).
  WaitingLoad,
  /// Drops a reference on the analyzed module (MOD_DEC_USE_COUNT).
  ReleasesThisModule,
  /// Drops a reference on another module (module_put(ops->owner)).
  ReleasesOtherModule,
  /// Takes a reference on the analyzed module (MOD_INC_USE_COUNT): an entry
  /// point that does pins the module itself, with no owner field.
  AcquiresThisModule,
};
constexpr unsigned NumEffects = 7;
llvm::StringRef effectName(Effect E);
std::optional<Effect> effectNamed(llvm::StringRef Name);

/// The rule-pack primitive at the end of a chain.
struct SummaryPrimitive {
  std::string Name;
  /// The primitive is a macro (MOD_DEC_USE_COUNT), not a function.
  bool IsMacro = false;
  /// For flag-dependent sleeps, the flags as written ("GFP_KERNEL").
  std::string FlagsSpelling;
  /// The flags are not a constant (a variable, or the parameter passed on).
  bool FlagsUnknown = false;
};

/// Something a function does by itself, first in its body.
struct DirectEffect {
  FilePoint At;
  SummaryPrimitive Primitive;
  /// For SleepsByParam: the parameter that carries the flags, and their set.
  unsigned Param = 0;
  std::string FlagSet;
};

/// How one argument of a call relates to the caller: the caller's own
/// parameter passed on, or a constant whose flag bits are known.
struct ArgumentFact {
  unsigned Index = 0;
  /// The caller's parameter passed as this argument, if it is one.
  std::optional<unsigned> PassesParam;
  /// For each flag set whose may-sleep bit this constant argument has or
  /// lacks: the set's name and whether it allows sleeping.
  std::vector<std::pair<std::string, bool>> AllowsSleep;
};

struct SummaryCall {
  std::string Callee;
  /// Defined in another translation unit, found by name when linking;
  /// otherwise LocalCallee indexes the same summary's functions.
  bool External = false;
  unsigned LocalCallee = 0;
  FilePoint At;
  std::vector<ArgumentFact> Arguments;
};

struct SummaryFunction {
  std::string Name;
  /// Visible to other translation units (not static), so calls from other
  /// files may name it.
  bool External = false;
  FilePoint Definition;
  std::array<std::optional<DirectEffect>, NumEffects> Direct;
  /// Calls in CFG order, to this file's functions and to other files'.
  std::vector<SummaryCall> Calls;
};

/// A function this translation unit stores into an ops struct field (an
/// entry point the kernel calls from outside) without defining it. The file
/// that defines it learns the wiring through the linked summaries, so that
/// foo_ops.c's foo_open is an entry point when foo_main.c wires it.
/// (module_init cannot name another file's function in a module: it emits
/// an alias, which must point to a definition in the same file.)
struct SummaryWiring {
  std::string Function;
  std::string StructName;
  std::string FieldName;
  /// The same initializer sets the owner field: the caller pins the module.
  bool PinnedByOwner = false;
  /// The field the kernel calls after this entry point fails, if any.
  std::string FailureCleanupField;
  FilePoint At;
};

/// One translation unit, summarized.
struct TUSummary {
  std::string MainFile;
  /// Functions that matter to another file: every function other files can
  /// call, and every function that does something or calls out; in
  /// definition order.
  std::vector<SummaryFunction> Functions;
  /// The effects of other files' functions that can change a finding here:
  /// sleeps and releases of this module only where the file pins it, other
  /// modules' releases where it pins them, loads where it has module init.
  /// The rest cannot, so its analysis alone is already final.
  std::array<bool, NumEffects> Consumes{};
  /// Other files' functions this one wires as entry points, in file order.
  std::vector<SummaryWiring> Wirings;
};

/// Summarizes an analyzed translation unit (TUAnalysis::run has built its
/// facts with external calls recorded).
TUSummary summarize(const TUAnalysis &A);

/// One step of a chain in some file: in Caller, at Where, a call to Callee
/// (for the last step, the primitive).
struct ChainStep {
  std::string Caller;
  FilePoint Where;
  std::string Callee;
};

/// Why a function of another file has an effect: the steps from its body
/// down to the primitive. Steps.front() is in the function itself.
struct EffectChain {
  std::vector<ChainStep> Steps;
  SummaryPrimitive Primitive;
};

/// What the linked summaries say about a function defined in another file.
struct ExternalFunction {
  std::string Name;
  FilePoint Definition;
  std::array<std::optional<EffectChain>, NumEffects> Effects;
  /// For SleepsByParam: the parameter that carries the flags, and their set.
  unsigned SleepParam = 0;
  std::string SleepFlagSet;
  bool has(Effect E) const { return Effects[unsigned(E)].has_value(); }
  const EffectChain *chain(Effect E) const {
    return Effects[unsigned(E)] ? &*Effects[unsigned(E)] : nullptr;
  }
};

/// What the analysis of one translation unit may ask about functions defined
/// in other files. Implementations must be safe to query from several
/// threads at once.
class ExternalSummaries {
public:
  virtual ~ExternalSummaries();
  /// The definition a call to Name from this translation unit links to, when
  /// it has any effect; null when it has none or is unknown.
  virtual const ExternalFunction *lookup(llvm::StringRef Name) const = 0;
  /// Where other files wire this translation unit's visible function Name
  /// as an entry point; empty when nowhere.
  virtual llvm::ArrayRef<SummaryWiring>
  wiringsOf(llvm::StringRef Name) const = 0;
};

} // namespace modlife

#endif
