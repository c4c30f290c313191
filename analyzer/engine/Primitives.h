//===- Primitives.h - Matching rule-pack primitives in code -----*- C++ -*-===//
//
// Turns statements into primitive uses: a call that may sleep, a macro that
// takes the module use count, a try_module_get. Macros are recognized by their
// expansion site, never by what they happen to expand to, so that
// MOD_INC_USE_COUNT is found whether it expands to atomic_inc or to nothing.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_ENGINE_PRIMITIVES_H
#define MODLIFE_ENGINE_PRIMITIVES_H

#include "analyzer/rules/RulePack.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class Preprocessor;
class Stmt;
class VarDecl;
class SourceManager;
class LangOptions;
class ParentMap;
} // namespace clang

namespace modlife {

/// Whether a sleep is certain given the code, or only assumed because a
/// flags argument is not a constant.
enum class SleepCertainty { Definite, FlagsUnknown };

/// The module that a reference is on: the analyzed module itself, or the
/// module named by an expression such as "ops->owner".
struct ModuleRef {
  /// "this" for the analyzed module; otherwise the expression's text with
  /// whitespace removed, which identifies it within one function.
  std::string Key;
  /// The expression as written, for fix-its ("ops->owner").
  std::string Spelling;
  bool isThisModule() const { return Key == "this"; }
};

/// One use of a rule-pack primitive in code.
struct PrimitiveUse {
  /// LoadModule asks for a module to be loaded; one that waits also sleeps.
  /// PairAcquire and PairRelease take and give back a resource of a
  /// rule-pack pair (firmware_get/firmware_put): not a module reference, so
  /// they never pin the module or end a sleep's window.
  enum Kind {
    Sleep,
    Acquire,
    TryAcquire,
    Release,
    LoadModule,
    PairAcquire,
    PairRelease
  };
  Kind UseKind = Sleep;
  /// The name as the programmer wrote it (the macro, not its expansion).
  std::string Name;
  /// The statement the use is anchored to in the CFG.
  const clang::Stmt *Anchor = nullptr;
  /// Where it is written, in the main file or a header: never a macro location.
  clang::SourceLocation Loc;
  /// The written extent, from the name to the closing parenthesis.
  clang::SourceRange Range;
  const rules::SleepRule *SleepR = nullptr;
  const rules::ModuleRefRule *RefR = nullptr;
  const rules::ModuleLoadRule *LoadR = nullptr;
  /// For LoadModule: whether the caller waits for the load.
  bool Waits = false;
  ModuleRef Module;
  SleepCertainty Certainty = SleepCertainty::Definite;
  /// For flag-dependent sleeps, the flags as written ("GFP_KERNEL").
  std::string FlagsSpelling;
  /// When the flags are the enclosing function's parameter, its index: the
  /// function then sleeps when its caller passes flags that allow it.
  std::optional<unsigned> FlagsParam;
  const rules::FlagSet *Flags = nullptr;
  /// For PairAcquire and PairRelease: the pair, and the handle that names
  /// the resource at both ends, as a key ("sc->sc_cdev") and as written
  /// ("&sc->sc_cdev"). An acquisition whose handle the code does not keep
  /// has an empty Handle.
  const rules::ResourcePairRule *PairR = nullptr;
  std::string Handle;
  std::string HandleSpelling;
  /// The handle is a local variable ("fw"), not a place that outlives the
  /// function ("sc->sc_cdev"): once the function returns, nothing can name
  /// the resource to release it.
  bool HandleIsLocal = false;
  /// The handle is a pointer, as the acquisition's declaration says (the
  /// function's result type, the argument's type): a test that finds it
  /// zero finds it null even where the place it is kept in has no type
  /// because the code around it did not compile ("pi->cdev" of a struct
  /// whose definition is missing).
  bool HandleIsPointer = false;

  bool isPairUse() const {
    return UseKind == PairAcquire || UseKind == PairRelease;
  }
  /// What the dataflow counts this use against: the module for module
  /// references, "pair:<release>:<handle>" for a resource, so that both
  /// ends of a pair meet and a resource never meets a module.
  std::string holdKey() const;
};

/// Where a call's result is stored, as PrimitiveMatcher::resultHandle finds
/// it. All empty when the result is not stored.
struct ResultHandle {
  /// As a handle key ("sc->sc_fw").
  std::string Key;
  /// As written.
  std::string Spelling;
  /// Stored in a local variable: see PrimitiveUse::HandleIsLocal.
  bool IsLocal = false;
  /// The left side of "x = call(...)", or the variable of "T x =
  /// call(...)"; at most one is set.
  const clang::Expr *Place = nullptr;
  const clang::VarDecl *Variable = nullptr;
};

/// A rule-pack pair primitive found at a call, and the macro written for it
/// (empty when the call is written directly).
struct PairAt {
  const rules::ResourcePairRule *Rule = nullptr;
  std::string Macro;
};

/// Matches statements against a RuleSet.
class PrimitiveMatcher {
public:
  PrimitiveMatcher(const rules::RuleSet &Rules, clang::ASTContext &Ctx,
                   const clang::Preprocessor *PP);

  /// The rule macro whose expansion produced Loc, outermost first: for
  /// MOD_INC_USE_COUNT expanding to __MOD_INC_USE_COUNT(THIS_MODULE), that
  /// is MOD_INC_USE_COUNT. Returns the macro name and its expansion range.
  std::optional<std::pair<std::string, clang::SourceRange>>
  ruleMacroAt(clang::SourceLocation Loc) const;

  /// Classifies a macro use: the caller has decided that S is the outermost
  /// statement of the expansion.
  std::optional<PrimitiveUse> matchMacro(const clang::Stmt *S,
                                         llvm::StringRef Macro,
                                         clang::SourceRange Expansion) const;

  /// Classifies a direct call to a rule function.
  std::optional<PrimitiveUse> matchCall(const clang::CallExpr *CE) const;

  /// The resource-pair use a call is, if any: an acquisition (its handle
  /// read from the call's arguments, or from where Parents says its result
  /// is stored) or a release. A pair macro whose body holds the call wins
  /// over the function it calls (EVENTHANDLER_REGISTER over
  /// eventhandler_register); of nested ones the outermost.
  std::optional<PrimitiveUse> matchPair(const clang::CallExpr *CE,
                                        const clang::ParentMap &Parents) const;

  /// The pair a call acquires, as matchPair finds it.
  PairAt pairAcquiredAt(const clang::CallExpr *CE) const;
  /// Every pair a call releases: each pair macro whose body holds it and
  /// the function it calls, outermost first; all of them count.
  std::vector<PairAt> pairsReleasedAt(const clang::CallExpr *CE) const;

  /// An expression as a handle key: casts, parentheses, '&' and whitespace
  /// removed, so that "&sc->sc_cdev" and "sc->sc_cdev" are the same handle.
  std::string handleKey(const clang::Expr *E) const;
  /// The expression handleKey reads: E without casts, parentheses and '&'.
  static const clang::Expr *handleExpr(const clang::Expr *E);

  /// Argument Index of a call, or, when Macro is not empty, of the call of
  /// Macro written in the file whose expansion holds the call.
  const clang::Expr *argumentOf(const clang::CallExpr *CE,
                                llvm::StringRef Macro, unsigned Index) const;
  unsigned argumentCountOf(const clang::CallExpr *CE,
                           llvm::StringRef Macro) const;

  /// Where the value of E (a call, or a macro's statement expression such
  /// as kthread_run's) is stored: the left side of "x = call(...)" or the
  /// variable of "T x = call(...)", also when the declaration declares
  /// others ("T *a, *x = call(...)").
  ResultHandle resultHandle(const clang::Expr *E,
                            const clang::ParentMap &Parents) const;

  /// Whether Flags, as a constant, has the set's may-sleep bit; none when
  /// it is not a constant or the bit is unknown.
  std::optional<bool> flagsAllowSleep(const clang::Expr *Flags,
                                      const rules::FlagSet &FS) const;

  /// The file location to report a statement at.
  clang::SourceLocation reportLoc(clang::SourceLocation Loc) const;

  /// The source text of a range, with macro locations mapped to the file.
  std::string textOf(clang::SourceRange R) const;

  /// The extent of the call of Macro whose expansion produced Loc, when
  /// that call is written in a file: a call inside another macro's body has
  /// arguments nobody wrote, and none can be read from the text.
  std::optional<clang::SourceRange>
  writtenInvocationOf(clang::SourceLocation Loc, llvm::StringRef Macro) const;

  /// Where argument Index of the macro call whose file extent is Expansion
  /// is written: "&d->work" for argument 0 of "INIT_WORK(&d->work, fn)".
  /// The preprocessor keeps no macro arguments, so the written text is split
  /// at top-level commas.
  std::optional<clang::CharSourceRange>
  macroArgumentRange(clang::SourceRange Expansion, unsigned Index) const;

  /// The outermost expression under Root that is written entirely inside
  /// Arg, a macro argument's extent: the argument as the expansion uses it.
  const clang::Expr *exprWrittenIn(const clang::Stmt *Root,
                                   clang::CharSourceRange Arg) const;

  /// Every macro whose expansion holds Loc, innermost first. A token from a
  /// macro argument counts as inside the macro it was passed to
  /// (kthread_run(fn, ...) holds fn).
  std::vector<std::string> enclosingMacros(clang::SourceLocation Loc) const;

  /// Every macro whose body produced Loc, innermost first.
  std::vector<std::string> macroChainAt(clang::SourceLocation Loc) const;

  /// The name of the outermost macro whose body produced Loc ("EBUSY" for
  /// a return of EBUSY), or empty; used to recognize errno macros.
  std::string outermostMacroName(clang::SourceLocation Loc) const;

  const rules::RuleSet &rules() const { return Rules; }
  clang::ASTContext &context() const { return Ctx; }

private:
  std::optional<uint64_t> flagBitValue(const rules::FlagSet &FS) const;
  ModuleRef moduleFromExpr(const clang::Expr *E) const;
  ModuleRef moduleFromMacroArg(clang::SourceRange Expansion,
                               unsigned Index) const;
  ModuleRef moduleFromText(std::string Text) const;

  const rules::RuleSet &Rules;
  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  const clang::Preprocessor *PP;
  mutable llvm::DenseMap<const rules::FlagSet *, std::optional<uint64_t>>
      BitCache;
};

/// Evaluates an object-like macro to an integer, looking through nested
/// macros, casts such as (__force gfp_t), and | & ^ + - << >> ~ operators.
/// Kernel flag bits are spelled this way; a header we cannot read gives none.
std::optional<uint64_t> evaluateIntegerMacro(const clang::Preprocessor &PP,
                                             llvm::StringRef Name);

} // namespace modlife

#endif
