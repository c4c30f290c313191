//===- Summaries.cpp - What one translation unit tells the others ---------===//
#include "analyzer/engine/Summaries.h"
#include "analyzer/engine/TUAnalysis.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Path.h"
#include <tuple>

using namespace clang;
using namespace llvm;

namespace modlife {

ExternalSummaries::~ExternalSummaries() = default;

FilePoint filePointAt(const SourceManager &SM, SourceLocation Loc) {
  FilePoint P;
  Loc = SM.getFileLoc(Loc);
  if (Loc.isInvalid())
    return P;
  PresumedLoc PL = SM.getPresumedLoc(Loc, /*UseLineDirectives=*/false);
  if (PL.isInvalid())
    return P;
  // Absolute, against the compile command's directory: a relative name in
  // the compile database means nothing to the caller's directory, where
  // reports are read and --fix writes.
  SmallString<256> File(PL.getFilename());
  SM.getFileManager().makeAbsolutePath(File);
  sys::path::remove_dots(File, /*remove_dot_dot=*/true);
  P.File = File.str().str();
  P.Line = PL.getLine();
  P.Column = PL.getColumn();
  P.Offset = SM.getFileOffset(Loc);
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (!Invalid) {
    size_t Begin = Buf.rfind('\n', P.Offset ? P.Offset - 1 : 0);
    Begin = (Begin == StringRef::npos || P.Offset == 0) ? 0 : Begin + 1;
    if (P.Offset > 0 && Buf[P.Offset - 1] == '\n')
      Begin = P.Offset;
    size_t End = Buf.find('\n', P.Offset);
    P.LineText =
        Buf.slice(Begin, End == StringRef::npos ? Buf.size() : End).str();
  }
  return P;
}

static constexpr const char *EffectNames[NumEffects] = {
    "sleeps",         "sleeps-by-param",       "sleeps-flags-unknown",
    "waits-for-load", "releases-this-module", "releases-other-module",
    "acquires-this-module"};

StringRef effectName(Effect E) { return EffectNames[unsigned(E)]; }

std::optional<Effect> effectNamed(StringRef Name) {
  for (unsigned I = 0; I < NumEffects; ++I)
    if (Name == EffectNames[I])
      return Effect(I);
  return std::nullopt;
}

namespace {

/// Builds the summary of one analyzed translation unit.
class Summarizer {
public:
  explicit Summarizer(const TUAnalysis &A)
      : A(A), SM(A.context().getSourceManager()) {
    for (const rules::RulePack &P : A.rules().packs())
      for (const rules::FlagSet &FS : P.FlagSets)
        if (const rules::FlagSet *Effective = A.rules().flagSet(FS.Name);
            Effective && !llvm::is_contained(FlagSets, Effective))
          FlagSets.push_back(Effective);
    All = A.allFunctions();
    for (unsigned I = 0; I < All.size(); ++I)
      Index[All[I]->Function->getCanonicalDecl()] = I;
  }

  TUSummary run() {
    TUSummary Out;
    if (FileID Main = SM.getMainFileID(); Main.isValid())
      Out.MainFile = filePointAt(SM, SM.getLocForStartOfFile(Main)).File;
    std::vector<SummaryFunction> Functions;
    for (const FunctionFacts *FF : All)
      Functions.push_back(summarizeFunction(*FF));
    Out.Consumes = consumedEffects();
    Out.Wirings = wiringsOfUndefined();
    // Keep what another file can observe: the functions it can call, and
    // those that do something or call out, directly or through a callee.
    // Header helpers that do neither (most static inlines) are left out.
    std::vector<bool> Keep(Functions.size());
    for (size_t I = 0; I < Functions.size(); ++I)
      Keep[I] = hasOwnEffect(Functions[I]);
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (size_t I = 0; I < Functions.size(); ++I)
        for (const SummaryCall &C : Functions[I].Calls)
          if (!Keep[I] && (C.External || Keep[C.LocalCallee])) {
            Keep[I] = Changed = true;
            break;
          }
    }
    std::vector<unsigned> NewIndex(Functions.size(), ~0u);
    for (size_t I = 0, N = 0; I < Functions.size(); ++I)
      if (Keep[I] || Functions[I].External)
        NewIndex[I] = N++;
    for (size_t I = 0; I < Functions.size(); ++I) {
      if (NewIndex[I] == ~0u)
        continue;
      SummaryFunction F = std::move(Functions[I]);
      std::vector<SummaryCall> Calls;
      for (SummaryCall &C : F.Calls) {
        if (!C.External) {
          if (!Keep[C.LocalCallee])
            continue; // a callee that does nothing another file can see
          C.LocalCallee = NewIndex[C.LocalCallee];
        }
        Calls.push_back(std::move(C));
      }
      F.Calls = std::move(Calls);
      Out.Functions.push_back(std::move(F));
    }
    return Out;
  }

private:
  std::array<bool, NumEffects> consumedEffects() const {
    std::array<bool, NumEffects> C{};
    bool PinsThis = false, PinsOther = false;
    for (const FunctionFacts *FF : All)
      A.forEachEvent(FF->Function, [&](const ElementEvent &E) {
        if (E.EventKind != ElementEvent::Primitive ||
            (E.Use.UseKind != PrimitiveUse::Acquire &&
             E.Use.UseKind != PrimitiveUse::TryAcquire))
          return;
        (E.Use.Module.isThisModule() ? PinsThis : PinsOther) = true;
      });
    for (Effect E : {Effect::SleepsDefinite, Effect::SleepsByParam,
                     Effect::SleepsFlagsUnknown, Effect::ReleasesThisModule})
      C[unsigned(E)] = PinsThis;
    C[unsigned(Effect::ReleasesOtherModule)] = PinsOther;
    C[unsigned(Effect::WaitingLoad)] = !A.initFunctions().empty();
    // An entry point that pins the module itself needs no owner field.
    C[unsigned(Effect::AcquiresThisModule)] = !A.entryPoints().empty();
    return C;
  }

  /// The entry points this file wires but another file defines.
  std::vector<SummaryWiring> wiringsOfUndefined() const {
    std::vector<SummaryWiring> Out;
    A.entryPoints().forEachUndefined(
        [&](const FunctionDecl *FD,
            const std::vector<EntryPointWiring> &Wirings) {
          if (!FD->getIdentifier() || !FD->isExternallyVisible())
            return;
          for (const EntryPointWiring &W : Wirings)
            Out.push_back({FD->getName().str(), W.StructName, W.FieldName,
                           W.PinnedByOwner, W.FailureCleanupField,
                           filePointAt(SM, W.Loc)});
        });
    // The index is a hash map: file order makes the summary reproducible.
    llvm::sort(Out, [](const SummaryWiring &L, const SummaryWiring &R) {
      return std::tie(L.At.File, L.At.Offset, L.Function, L.FieldName) <
             std::tie(R.At.File, R.At.Offset, R.Function, R.FieldName);
    });
    return Out;
  }

  static bool hasOwnEffect(const SummaryFunction &F) {
    return llvm::any_of(F.Direct, [](const auto &D) { return D.has_value(); });
  }

  SummaryFunction summarizeFunction(const FunctionFacts &FF) {
    const FunctionDecl *FD = FF.Function;
    SummaryFunction F;
    F.Name = FD->getNameAsString();
    F.External = FD->isExternallyVisible() && !FD->isInlined() &&
                 SM.isInMainFile(SM.getExpansionLoc(FD->getLocation()));
    F.Definition = filePointAt(SM, FD->getLocation());
    A.forEachEvent(FD, [&](const ElementEvent &E) {
      switch (E.EventKind) {
      case ElementEvent::Primitive:
        addDirect(F, E);
        break;
      case ElementEvent::LocalCall:
      case ElementEvent::ExternalCall: {
        SummaryCall C;
        C.Callee = E.CalleeName;
        C.External = E.EventKind == ElementEvent::ExternalCall;
        C.At = filePointAt(SM, E.Loc);
        C.Arguments = argumentFacts(FD, E);
        if (!C.External) {
          auto It = Index.find(E.Callee);
          if (It == Index.end())
            break; // a callee without facts: nothing to follow
          C.LocalCallee = It->second;
        }
        F.Calls.push_back(std::move(C));
        break;
      }
      case ElementEvent::FunctionEscapes:
        break; // Taking a function's address does not call it.
      }
    });
    return F;
  }

  void addDirect(SummaryFunction &F, const ElementEvent &E) {
    const PrimitiveUse &U = E.Use;
    auto Set = [&](Effect Which, unsigned Param = 0, StringRef FlagSet = "") {
      std::optional<DirectEffect> &Slot = F.Direct[unsigned(Which)];
      if (Slot)
        return;
      DirectEffect D;
      D.At = filePointAt(SM, E.Loc);
      D.Primitive.Name = U.Name;
      D.Primitive.IsMacro = isMacro(U);
      D.Primitive.FlagsSpelling = U.FlagsSpelling;
      D.Primitive.FlagsUnknown = U.Certainty == SleepCertainty::FlagsUnknown;
      D.Param = Param;
      D.FlagSet = FlagSet.str();
      Slot = std::move(D);
    };
    bool WaitingLoad = U.UseKind == PrimitiveUse::LoadModule && U.Waits;
    if (WaitingLoad)
      Set(Effect::WaitingLoad);
    if (U.UseKind == PrimitiveUse::Sleep || WaitingLoad) {
      if (U.Certainty == SleepCertainty::Definite)
        Set(Effect::SleepsDefinite);
      else if (U.FlagsParam && U.Flags)
        Set(Effect::SleepsByParam, *U.FlagsParam, U.Flags->Name);
      else
        Set(Effect::SleepsFlagsUnknown);
    }
    if ((U.UseKind == PrimitiveUse::Acquire ||
         U.UseKind == PrimitiveUse::TryAcquire) &&
        U.Module.isThisModule())
      Set(Effect::AcquiresThisModule);
    if (U.UseKind == PrimitiveUse::Release)
      Set(U.Module.isThisModule() ? Effect::ReleasesThisModule
                                  : Effect::ReleasesOtherModule);
  }

  static bool isMacro(const PrimitiveUse &U) {
    const rules::PrimitiveName *N = U.SleepR ? &U.SleepR->Primitive
                                    : U.RefR ? &U.RefR->Primitive
                                    : U.LoadR ? &U.LoadR->Primitive
                                              : nullptr;
    return N && N->NameKind == rules::PrimitiveName::Macro;
  }

  std::vector<ArgumentFact> argumentFacts(const FunctionDecl *FD,
                                          const ElementEvent &E) {
    std::vector<ArgumentFact> Out;
    const auto *CE = dyn_cast_or_null<CallExpr>(E.At);
    if (!CE)
      return Out;
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const Expr *Arg = CE->getArg(I);
      ArgumentFact Fact;
      Fact.Index = I;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
        if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
            P && P->getDeclContext() == FD)
          Fact.PassesParam = P->getFunctionScopeIndex();
      if (!Fact.PassesParam && !Arg->getType().isNull() &&
          Arg->getType()->isIntegerType())
        for (const rules::FlagSet *FS : FlagSets)
          if (std::optional<bool> Allows =
                  A.matcher().flagsAllowSleep(Arg, *FS))
            Fact.AllowsSleep.push_back({FS->Name, *Allows});
      if (Fact.PassesParam || !Fact.AllowsSleep.empty())
        Out.push_back(std::move(Fact));
    }
    return Out;
  }

  const TUAnalysis &A;
  const SourceManager &SM;
  std::vector<const rules::FlagSet *> FlagSets;
  std::vector<const FunctionFacts *> All;
  /// A function's position in All, by its canonical declaration.
  DenseMap<const FunctionDecl *, unsigned> Index;
};

} // namespace

TUSummary summarize(const TUAnalysis &A) { return Summarizer(A).run(); }

} // namespace modlife
