//===- SleepBeforeIncCheck.cpp - modlife-sleep-before-inc -----------------===//
//
// In a 2.4 entry point entered under the big kernel lock, anything that may
// sleep drops the lock; until MOD_INC_USE_COUNT runs, nothing pins the module,
// so delete_module can unload it under the sleeping caller. The rule from the
// modules maintainer (January 2000): increment first, then sleep.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "checks/FixIts.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace modlife {
namespace {

class SleepBeforeIncCheck : public ModlifeCheck {
public:
  SleepBeforeIncCheck(llvm::StringRef Name, CheckContext &C)
      : ModlifeCheck(Name, C) {
    // Flags that are not constants (a gfp_t parameter, a ?: of two masks)
    // are assumed to allow sleeping unless the user says otherwise.
    AssumeNonConstantFlagsSleep =
        option("NonConstantFlags", "may-sleep") != "no-sleep";
  }

  void handleSleepBeforeAcquire(const SleepBeforeAcquire &F) override {
    const EntryPointIndex &EP = Analysis->entryPoints();
    if (!EP.isEntryPoint(F.Function) || EP.isPinnedByCaller(F.Function))
      return;
    if (F.Sleep.Certainty == SleepCertainty::FlagsUnknown &&
        !AssumeNonConstantFlagsSleep)
      return;
    const SleepStep &First = F.Sleep.Steps.front();
    if (!Reported.insert(First.Loc.getRawEncoding()).second)
      return;
    Finding &Out =
        report(First.Loc, "'" + First.Callee + "' may sleep before '" +
                              F.Acquire->Name + "' pins the module");
    explainChain(Out, F.Sleep);
    Ctx.note(Out, F.Acquire->Loc,
             "the module is pinned only here, after the call may have slept");
    const EntryPointWiring &W = EP.wirings(F.Function).front();
    std::string Wired = "'" + F.Function->getName().str() +
                        "' is called from outside the module as '" +
                        W.StructName + "." + W.FieldName + "'";
    if (W.InOtherFile)
      Ctx.note(Out, *W.InOtherFile, Wired);
    else
      Ctx.note(Out, W.Loc, Wired);
    // One fix per function: it moves the increment, which fixes every sleep
    // reported in the function at once.
    if (Fixed.insert(F.Function).second)
      addMoveToTopFix(Out, F);
  }

private:
  bool AssumeNonConstantFlagsSleep = true;
  llvm::DenseSet<unsigned> Reported;
  llvm::DenseSet<const FunctionDecl *> Fixed;

  static std::string whyItSleeps(const SleepWitness &W) {
    const PrimitiveUse *P = W.Primitive;
    if (!P)
      return "";
    if (W.Certainty == SleepCertainty::FlagsUnknown)
      return " (its flags '" + P->FlagsSpelling +
             "' are not a constant, so they are assumed to allow sleeping)";
    if (P->Certainty == SleepCertainty::FlagsUnknown)
      return " (with the flags '" + P->FlagsSpelling +
             "' passed down from a caller, which allow sleeping)";
    if (!P->FlagsSpelling.empty())
      return " (its flags '" + P->FlagsSpelling + "' allow sleeping)";
    if (P->SleepR && !P->SleepR->Why.empty())
      return ": it " + P->SleepR->Why;
    if (P->UseKind == PrimitiveUse::LoadModule)
      return ": it waits for modprobe";
    return "";
  }

  void explainChain(Finding &Out, const SleepWitness &W) {
    const auto &Steps = W.Steps;
    // A step in another file (through the cross-file summaries) has a file
    // point instead of a location in this translation unit.
    auto NoteAt = [&](const SleepStep &S, const std::string &Message) {
      if (S.InOtherFile)
        Ctx.note(Out, *S.InOtherFile, Message);
      else
        Ctx.note(Out, S.Loc, Message);
    };
    for (size_t I = 1; I < Steps.size(); ++I)
      NoteAt(Steps[I], "'" + Steps[I].CallerName + "' calls '" +
                           Steps[I].Callee + "', which may sleep" +
                           (I + 1 == Steps.size() ? whyItSleeps(W) : ""));
    if (Steps.size() == 1) {
      std::string Why = whyItSleeps(W);
      if (!Why.empty())
        NoteAt(Steps[0], "'" + Steps[0].Callee + "' may sleep" + Why);
    }
  }

  /// The fix: take the count first, as the 2000 mail prescribes, then drop it
  /// again on every failure return that would keep it.
  void addMoveToTopFix(Finding &Out, const SleepBeforeAcquire &F) {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(F.Function->getBody());
    const FunctionFacts *FF = Analysis->factsFor(F.Function);
    const SourceManager &SM = Analysis->context().getSourceManager();
    const LangOptions &LO = Analysis->context().getLangOpts();
    if (!Body || !FF || !FF->Parents || Body->body_empty())
      return;
    // The increment must be a statement of its own at the top level of the
    // body, and the only acquisition of this module in the function.
    unsigned Acquisitions = 0;
    for (const auto &KV : FF->Events)
      for (const ElementEvent &E : KV.second)
        if (E.EventKind == ElementEvent::Primitive &&
            (E.Use.UseKind == PrimitiveUse::Acquire ||
             E.Use.UseKind == PrimitiveUse::TryAcquire) &&
            E.Use.Module.isThisModule())
          ++Acquisitions;
    if (Acquisitions != 1 || F.Acquire->UseKind != PrimitiveUse::Acquire)
      return;
    const Stmt *IncStmt = nullptr, *FirstStmt = nullptr;
    for (const Stmt *S : Body->body()) {
      if (!FirstStmt && !isa<DeclStmt>(S))
        FirstStmt = S;
      if (SM.getFileLoc(S->getBeginLoc()) == F.Acquire->Loc)
        IncStmt = S;
    }
    if (!IncStmt || !FirstStmt || IncStmt == FirstStmt)
      return;
    SourceLocation InsertAt = FirstStmt->getBeginLoc();
    if (InsertAt.isMacroID() && SM.getFileLoc(InsertAt) != F.Acquire->Loc)
      InsertAt = SM.getFileLoc(InsertAt);
    // A sleep in a declaration's initializer would stay before the increment.
    if (SM.isBeforeInTranslationUnit(F.Sleep.Steps.front().Loc, InsertAt))
      return;

    ModuleRefOptions Opts;
    Opts.MoveAcquireToEntry = F.Acquire;
    ModuleRefResult WhatIf = Analysis->analyze(F.Function, Opts);
    if (WhatIf.BudgetExceeded || !WhatIf.SleepsBeforeAcquire.empty())
      return;
    std::vector<FixItHint> Hints;
    std::string IncText = F.Acquire->Name;
    CharSourceRange IncRange = SM.getExpansionRange(IncStmt->getSourceRange());
    std::string Written = Lexer::getSourceText(IncRange, SM, LO).str();
    if (!Written.empty())
      IncText = Written;
    std::string Indent = indentationAt(SM, InsertAt);
    Hints.push_back(
        FixItHint::CreateInsertion(InsertAt, IncText + ";\n" + Indent));
    Hints.push_back(
        FixItHint::CreateRemoval(removalOfStatement(IncStmt, SM, LO)));
    std::optional<std::string> Release = releaseStatementFor(*F.Acquire);
    if (!Release)
      return;
    // Returns that already keep the count are modlife-missing-release-on-error's
    // findings, with their own fixes; this fix adds the drops that moving the
    // increment makes necessary.
    ModuleRefResult Before = Analysis->analyze(F.Function, ModuleRefOptions());
    auto AlreadyReported = [&](const FailureReturnHoldsReference &H) {
      return llvm::any_of(
          Before.HeldAtFailure, [&](const FailureReturnHoldsReference &B) {
            return B.Return == H.Return && B.Acquire == H.Acquire;
          });
    };
    for (const FailureReturnHoldsReference &H : WhatIf.HeldAtFailure) {
      if (AlreadyReported(H) || H.Acquire->isPairUse())
        continue;
      if (!H.OnEveryPath)
        return;
      auto More = insertStatementBefore(Analysis->context(), *FF->Parents,
                                        H.Return, *Release);
      if (!More)
        return;
      Hints.insert(Hints.end(), More->begin(), More->end());
    }
    Ctx.fix(Out, Hints);
  }
};

} // namespace

std::unique_ptr<ModlifeCheck> createSleepBeforeIncCheck(CheckContext &C) {
  return std::make_unique<SleepBeforeIncCheck>("modlife-sleep-before-inc", C);
}

} // namespace modlife
