//===- TUAnalysis.h - One translation unit, analyzed once -------*- C++ -*-===//
//
// Builds each function's CFG and primitive uses once, computes may-sleep
// summaries over the translation unit's call graph, finds entry points, runs
// the module-reference dataflow, and reports to an AnalysisHandler.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_ENGINE_TUANALYSIS_H
#define MODLIFE_ENGINE_TUANALYSIS_H

#include "analyzer/engine/AnalysisHandler.h"
#include "analyzer/engine/EntryPoints.h"
#include "analyzer/engine/Lifecycle.h"
#include "analyzer/engine/ModuleRefAnalysis.h"
#include "analyzer/engine/Primitives.h"
#include "analyzer/engine/Summaries.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>

namespace clang {
class ASTContext;
class CFG;
class CFGBlock;
class ParentMap;
class Preprocessor;
} // namespace clang

namespace modlife {

/// What one CFG element does, as far as the engine cares.
struct ElementEvent {
  /// A rule primitive; a call to a function of this TU; a function of this
  /// TU whose address is taken (stored as a callback, passed along); or a
  /// call to a function defined elsewhere (recorded only for cross-file
  /// analysis: see recordExternalCalls).
  enum Kind { Primitive, LocalCall, FunctionEscapes, ExternalCall };
  Kind EventKind = Primitive;
  PrimitiveUse Use; // for Primitive
  /// For LocalCall and FunctionEscapes, the definition; for ExternalCall,
  /// the declaration.
  const clang::FunctionDecl *Callee = nullptr;
  const clang::Stmt *At = nullptr;
  /// The function whose body holds the event.
  const clang::FunctionDecl *InFunction = nullptr;
  clang::SourceLocation Loc;
  std::string CalleeName;
};

/// A function's CFG and its primitive uses, built once per translation unit.
class FunctionFacts {
public:
  const clang::FunctionDecl *Function = nullptr;
  std::unique_ptr<clang::CFG> Cfg;
  std::unique_ptr<clang::ParentMap> Parents;
  /// Events in element order, keyed by the element's statement.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<ElementEvent, 1>>
      Events;
  /// The block and element index where S stands in the CFG, if it does.
  std::optional<std::pair<const clang::CFGBlock *, unsigned>>
  positionOf(const clang::Stmt *S) const;
  ~FunctionFacts();
};

/// A may-sleep summary: the first step of a chain, per certainty.
struct SleepSummary {
  /// Sleeps whatever its arguments.
  const ElementEvent *Definite = nullptr;
  /// Sleeps when its parameter Param carries ParamFlags' may-sleep bit
  /// (a wrapper that passes its gfp_t on to kmalloc).
  const ElementEvent *ByParam = nullptr;
  unsigned Param = 0;
  const rules::FlagSet *ParamFlags = nullptr;
  /// Sleeps, or not, depending on flags nobody can tell.
  const ElementEvent *FlagsUnknown = nullptr;
};

/// A function the module loader runs while the module is still loading.
struct InitFunction {
  const clang::FunctionDecl *Function = nullptr;
  /// Where it is named as init code (module_init(foo_init)), or its own
  /// location when its name or section makes it one.
  clang::SourceLocation NamedAt;
};

/// Whether the value of S, a statement in FF's function, is thrown away:
/// S is a statement of its own, or is cast to void.
bool valueIsDiscarded(const FunctionFacts &FF, const clang::Stmt *S);

/// A TU-local function handed to the kernel to run later (a thread body, a
/// work function), and where it was handed over.
struct DeferredCallback {
  const clang::FunctionDecl *Function = nullptr;
  const rules::DeferralRule *Rule = nullptr;
  clang::SourceLocation DeferredAt;
};

/// For each TU-local function that reaches a kind of primitive, itself or
/// through TU-local callees: the first event on the way (see reachSummary).
using ReachMap =
    llvm::DenseMap<const clang::FunctionDecl *, const ElementEvent *>;

class TUAnalysis {
public:
  TUAnalysis(clang::ASTContext &Ctx, const clang::Preprocessor *PP,
             const rules::RuleSet &Rules);
  ~TUAnalysis();

  /// Records calls to functions without a body here as ExternalCall
  /// events, for summarize(). Set before run().
  void recordExternalCalls() { RecordExternal = true; }
  /// Answers questions about functions of other files from External (the
  /// linked summaries), which must outlive this analysis. Set before run();
  /// implies recordExternalCalls().
  void setExternalSummaries(const ExternalSummaries *E) {
    External = E;
    RecordExternal = true;
  }
  /// What the linked summaries say about an ExternalCall's callee; null
  /// when nothing, or when there are no summaries.
  const ExternalFunction *externalCallee(const ElementEvent &E) const;

  /// Runs everything and reports to H. Functions in headers are analyzed
  /// only for summaries; their findings are reported too, and de-duplicated
  /// by the front ends across translation units.
  void run(AnalysisHandler &H);

  clang::ASTContext &context() const { return Ctx; }
  const PrimitiveMatcher &matcher() const { return Matcher; }
  const EntryPointIndex &entryPoints() const { return *EntryPoints; }
  const rules::RuleSet &rules() const { return Rules; }

  const FunctionFacts *factsFor(const clang::FunctionDecl *FD) const;

  /// A top-level declaration the analysis looks at: one written in the main
  /// file, or a function the main file's code reaches. The rest (unused
  /// inline functions of the headers) cannot change a finding.
  bool isInScope(const clang::Decl *D) const;

  /// The may-sleep chain of a call event, following TU-local callees down to
  /// a primitive; none if it does not sleep.
  std::optional<SleepWitness> sleepWitness(const ElementEvent &E) const;
  /// The may-sleep summary of a TU-local function.
  SleepSummary sleepSummary(const clang::FunctionDecl *FD) const;
  /// Whether a call to a TU-local function may sleep, given the flags it
  /// passes; none if it does not.
  std::optional<SleepCertainty> callMaySleep(const ElementEvent &Call) const;
  /// Whether a TU-local function may drop a reference on the analyzed
  /// module, itself or through its callees (a release() method, a socket
  /// destructor that does MOD_DEC_USE_COUNT).
  bool mayReleaseThisModule(const clang::FunctionDecl *FD) const;
  /// Whether a TU-local function may drop a reference on some other module
  /// (put_nfs_version() doing module_put(nfs->owner), phy_detach()).
  bool mayReleaseOtherModule(const clang::FunctionDecl *FD) const;
  /// Whether a TU-local function may release a resource of Pair's kind (the
  /// detach routine that attach calls on its error path), itself or through
  /// its callees. Any handle counts: the helper's names for it are its own.
  bool mayReleasePair(const clang::FunctionDecl *FD,
                      const rules::ResourcePairRule &Pair) const;
  /// Whether some TU-local caller of FD may release a resource of Pair's
  /// kind other than through FD: a helper that fails holding what it stored
  /// in the softc leaves it to its caller's cleanup (attach's error path
  /// calling the driver's free_resources()).
  bool callerMayReleasePair(const clang::FunctionDecl *FD,
                            const rules::ResourcePairRule &Pair) const;
  /// Whether FD, here or in another file, may take a reference on this
  /// module (2.4's MOD_INC_USE_COUNT in open()), directly or through calls.
  bool mayPinThisModule(const clang::FunctionDecl *FD) const;

  /// Which TU-local functions reach a primitive event that IsTarget
  /// accepts, through calls (not through functions that only escape).
  /// With Across set, a call to another file's function reaches when its
  /// summary has that effect.
  ReachMap
  reachSummary(llvm::function_ref<bool(const ElementEvent &)> IsTarget,
               std::optional<Effect> Across = std::nullopt) const;
  /// The chain from Start (a target, or a call into M) down to the target.
  /// It ends at an ExternalCall when the rest is in another file (see
  /// externalCallee).
  std::vector<const ElementEvent *> reachChain(const ElementEvent &Start,
                                               const ReachMap &M) const;
  /// The module's init functions, in source order (see init-macros,
  /// init-functions and init-sections in the rule pack).
  const std::vector<InitFunction> &initFunctions() const {
    return InitFunctions;
  }
  /// Every function of the translation unit that has a body, in source
  /// order (headers included).
  std::vector<const FunctionFacts *> allFunctions() const;
  /// Whether the main file declares something only a module build writes
  /// (the pack's module-markers: init_module, MODULE_DEVICE_TABLE), or the
  /// build defines a macro only module builds define (KLD_MODULE).
  bool hasModuleMarker() const;

  /// The TU-local functions that deferral primitives of the pack run later,
  /// in source order of the deferral (see 'deferrals' in the rule pack).
  const std::vector<DeferredCallback> &deferredCallbacks() const {
    return Deferred;
  }
  /// The functions wired into the module's life: load, unload, attach,
  /// detach, and module event handlers (see 'lifecycle' in the rule pack).
  const LifecycleIndex &lifecycle() const { return *Lifecycle; }
  /// The values of a module event (MOD_UNLOAD) in this translation unit.
  std::vector<int64_t> moduleEventValues(ModuleEvent E) const;
  /// The CFG blocks of a module event handler that can run on event E
  /// (see blocksForEvent); empty if FD has no CFG.
  llvm::BitVector blocksOnModuleEvent(const LifecycleFunction &Handler,
                                      ModuleEvent E) const;
  /// Calls FnE for each event of Handler's function, in CFG block order,
  /// that can run when the handler is called with E.
  void forEachEventOnModuleEvent(
      const LifecycleFunction &Handler, ModuleEvent E,
      llvm::function_ref<void(const ElementEvent &)> FnE) const;
  /// Calls FnE for each event of FD in CFG block order.
  void forEachEvent(const clang::FunctionDecl *FD,
                    llvm::function_ref<void(const ElementEvent &)> FnE) const;

  /// Re-runs the dataflow on FD with Opts: used to check what a fix gives.
  ModuleRefResult analyze(const clang::FunctionDecl *FD,
                          const ModuleRefOptions &Opts) const;

  /// Whether E is a failure value by itself: a negative constant, an errno
  /// macro or an error-pointer call (see failure-returns in the rule pack).
  bool isFailureConstant(const clang::Expr *E) const;

private:
  void buildFacts();
  void computeSleepSummaries();
  /// For a call whose callee sleeps by its parameter: do this call's
  /// arguments allow sleeping? None when they are not constants.
  std::optional<bool> argumentAllowsSleep(const ElementEvent &Call,
                                          unsigned Param,
                                          const rules::FlagSet *Flags) const;
  /// The may-sleep facts of a call's callee, here or in another file.
  struct CalleeSleep {
    bool Definite = false, ByParam = false, FlagsUnknown = false;
    unsigned Param = 0;
    const rules::FlagSet *ParamFlags = nullptr;
  };
  std::optional<CalleeSleep> calleeSleep(const ElementEvent &Call) const;
  /// A PrimitiveUse standing for the primitive at the end of another
  /// file's chain, owned by this analysis.
  const PrimitiveUse *remotePrimitive(const EffectChain &C,
                                      PrimitiveUse::Kind K) const;
  void findInitFunctions();
  /// Entry points wired in other files (foo_main.c's .open = foo_open, for
  /// foo_open defined here), from the linked summaries.
  void addWiringsFromOtherFiles();
  void findDeferredCallbacks();
  /// forEachEvent over the blocks in Blocks only (all when null).
  void forEachEventIn(const clang::FunctionDecl *FD,
                      const llvm::BitVector *Blocks,
                      llvm::function_ref<void(const ElementEvent &)> FnE) const;

  clang::ASTContext &Ctx;
  const rules::RuleSet &Rules;
  PrimitiveMatcher Matcher;
  std::unique_ptr<EntryPointIndex> EntryPoints;
  std::unique_ptr<LifecycleIndex> Lifecycle;
  const clang::Preprocessor *PP = nullptr;
  llvm::MapVector<const clang::FunctionDecl *, std::unique_ptr<FunctionFacts>>
      Facts;
  llvm::DenseMap<const clang::FunctionDecl *, SleepSummary> Summaries;
  ReachMap ReleasesThisModule;
  ReachMap ReleasesOtherModule;
  /// Per release primitive, the functions that reach it; filled on demand.
  mutable llvm::StringMap<ReachMap> PairReleasers;
  ReachMap PinsThisModule;
  std::vector<InitFunction> InitFunctions;
  std::vector<DeferredCallback> Deferred;
  bool RecordExternal = false;
  const ExternalSummaries *External = nullptr;
  mutable std::vector<std::unique_ptr<PrimitiveUse>> RemotePrimitives;
  mutable llvm::DenseMap<const EffectChain *, const PrimitiveUse *>
      RemotePrimitiveFor;
};

} // namespace modlife

#endif
