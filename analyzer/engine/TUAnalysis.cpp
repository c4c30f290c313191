//===- TUAnalysis.cpp - One translation unit, analyzed once ---------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Regex.h"

using namespace clang;
using namespace llvm;

namespace modlife {

AnalysisHandler::~AnalysisHandler() = default;
FunctionFacts::~FunctionFacts() = default;

std::optional<std::pair<const CFGBlock *, unsigned>>
FunctionFacts::positionOf(const Stmt *S) const {
  if (!Cfg)
    return std::nullopt;
  for (const CFGBlock *B : *Cfg)
    for (unsigned I = 0; I < B->size(); ++I)
      if (std::optional<CFGStmt> CS = (*B)[I].getAs<CFGStmt>();
          CS && CS->getStmt() == S)
        return std::make_pair(B, I);
  return std::nullopt;
}

TUAnalysis::TUAnalysis(ASTContext &Ctx, const Preprocessor *PP,
                       const rules::RuleSet &Rules)
    : Ctx(Ctx), Rules(Rules), Matcher(Rules, Ctx, PP), PP(PP) {}

TUAnalysis::~TUAnalysis() = default;

const FunctionFacts *TUAnalysis::factsFor(const FunctionDecl *FD) const {
  auto It = Facts.find(FD->getCanonicalDecl());
  return It == Facts.end() ? nullptr : It->second.get();
}

bool TUAnalysis::isInScope(const Decl *D) const {
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
    return true;
  const auto *FD = dyn_cast<FunctionDecl>(D);
  return FD && factsFor(FD);
}

namespace {
/// Groups the CFG elements that one macro expansion produced, and picks the
/// outermost of them to stand for the expansion.
struct MacroGroups {
  struct Group {
    std::string Macro;
    SourceRange Range;
    SmallVector<const Stmt *, 4> Members;
  };
  std::vector<Group> Groups;
  DenseMap<unsigned, unsigned> ByBegin; // expansion begin -> group index

  void add(const Stmt *S, std::pair<std::string, SourceRange> M) {
    unsigned Key = M.second.getBegin().getRawEncoding();
    auto [It, New] = ByBegin.try_emplace(Key, Groups.size());
    if (New)
      Groups.push_back({M.first, M.second, {}});
    Groups[It->second].Members.push_back(S);
  }
};
} // namespace

static bool isRuleFunction(const rules::RuleSet &Rules, StringRef Name) {
  return Rules.sleepRule(rules::PrimitiveName::Function, Name) ||
         Rules.moduleRefRule(rules::PrimitiveName::Function, Name) ||
         Rules.moduleLoadRule(rules::PrimitiveName::Function, Name);
}

/// Adds the function definitions that S names (called or address-taken).
static void collectNamedFunctions(const Stmt *S,
                                  SmallVectorImpl<const FunctionDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      if (const FunctionDecl *Def = FD->getDefinition())
        Out.push_back(Def);
  for (const Stmt *Child : S->children())
    collectNamedFunctions(Child, Out);
}

/// The functions defined in the main file and every definition they name,
/// transitively, in declaration order. Kernel headers define thousands of
/// static inline functions that the file never uses; building CFGs and
/// events for all of them cost more than parsing the file (linux-6.1: the
/// engine took 1.3x the parse time), and none of them can matter to a
/// finding unless the file's own code reaches them.
static std::vector<const FunctionDecl *>
functionsReachableFromMainFile(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<const FunctionDecl *> All;
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->doesThisDeclarationHaveABody() && FD->getBody())
        All.push_back(FD);
  DenseSet<const FunctionDecl *> Reached;
  SmallVector<const FunctionDecl *, 64> Work;
  for (const FunctionDecl *FD : All)
    if (SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())) &&
        Reached.insert(FD).second)
      Work.push_back(FD);
  // Functions named in the file's own initializers (ops tables) too.
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (VD->hasInit() &&
          SM.isInMainFile(SM.getExpansionLoc(VD->getLocation()))) {
        SmallVector<const FunctionDecl *, 8> Named;
        collectNamedFunctions(VD->getInit(), Named);
        for (const FunctionDecl *FD : Named)
          if (Reached.insert(FD).second)
            Work.push_back(FD);
      }
  while (!Work.empty()) {
    const FunctionDecl *FD = Work.pop_back_val();
    SmallVector<const FunctionDecl *, 16> Named;
    collectNamedFunctions(FD->getBody(), Named);
    for (const FunctionDecl *Callee : Named)
      if (Reached.insert(Callee).second)
        Work.push_back(Callee);
  }
  std::vector<const FunctionDecl *> Out;
  for (const FunctionDecl *FD : All)
    if (Reached.count(FD))
      Out.push_back(FD);
  return Out;
}

void TUAnalysis::buildFacts() {
  std::vector<const FunctionDecl *> Functions =
      functionsReachableFromMainFile(Ctx);

  for (const FunctionDecl *FD : Functions) {
    auto FF = std::make_unique<FunctionFacts>();
    FF->Function = FD;
    CFG::BuildOptions BO;
    BO.setAllAlwaysAdd();
    BO.PruneTriviallyFalseEdges = true;
    BO.AddImplicitDtors = false;
    FF->Cfg = CFG::buildCFG(FD, FD->getBody(), &Ctx, BO);
    if (!FF->Cfg) {
      Facts[FD->getCanonicalDecl()] = std::move(FF);
      continue;
    }
    FF->Parents = std::make_unique<ParentMap>(FD->getBody());

    // Pass 1: group statements by the rule macro that produced them.
    MacroGroups Groups;
    std::vector<const Stmt *> Order;
    for (const CFGBlock *B : *FF->Cfg)
      for (const CFGElement &El : *B)
        if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>()) {
          const Stmt *S = CS->getStmt();
          Order.push_back(S);
          if (S->getBeginLoc().isMacroID())
            if (auto M = Matcher.ruleMacroAt(S->getBeginLoc()))
              Groups.add(S, *M);
        }
    // The representative of a group is the member no other member contains.
    DenseMap<const Stmt *, unsigned> Representative;
    for (unsigned GI = 0; GI < Groups.Groups.size(); ++GI) {
      auto &G = Groups.Groups[GI];
      DenseSet<const Stmt *> Members(G.Members.begin(), G.Members.end());
      for (const Stmt *S : G.Members) {
        bool Outermost = true;
        for (const Stmt *P = FF->Parents->getParent(S); P;
             P = FF->Parents->getParent(P))
          if (Members.count(P)) {
            Outermost = false;
            break;
          }
        if (Outermost) {
          Representative.try_emplace(S, GI);
          break; // One event per expansion, at the first outermost member.
        }
      }
    }
    DenseSet<const Stmt *> InRuleMacro;
    for (auto &G : Groups.Groups)
      InRuleMacro.insert(G.Members.begin(), G.Members.end());

    // Pass 2: events in CFG order.
    DenseSet<const Stmt *> Done;
    for (const Stmt *S : Order) {
      if (!Done.insert(S).second)
        continue;
      ElementEvent E;
      E.At = S;
      E.InFunction = FD;
      auto RI = Representative.find(S);
      if (RI != Representative.end()) {
        auto &G = Groups.Groups[RI->second];
        if (auto U = Matcher.matchMacro(S, G.Macro, G.Range)) {
          E.Use = std::move(*U);
          E.Loc = E.Use.Loc;
          E.CalleeName = E.Use.Name;
          FF->Events[S].push_back(std::move(E));
        }
        continue;
      }
      if (InRuleMacro.count(S))
        continue;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
        // A function named other than as a call's callee escapes: it may be
        // called later by whoever receives it.
        const auto *Fn = dyn_cast<FunctionDecl>(DRE->getDecl());
        const Stmt *P = FF->Parents->getParentIgnoreParenImpCasts(
            const_cast<DeclRefExpr *>(DRE));
        const auto *AsCallee = dyn_cast_or_null<CallExpr>(P);
        const FunctionDecl *Def = nullptr;
        if (Fn &&
            !(AsCallee &&
              AsCallee->getCallee()->IgnoreParenImpCasts() == DRE) &&
            Fn->hasBody(Def) && Def) {
          E.EventKind = ElementEvent::FunctionEscapes;
          E.Callee = Def->getCanonicalDecl();
          E.Loc = Matcher.reportLoc(DRE->getBeginLoc());
          E.CalleeName = Fn->getName().str();
          FF->Events[S].push_back(std::move(E));
        }
        continue;
      }
      const auto *CE = dyn_cast<CallExpr>(S);
      if (!CE)
        continue;
      // A resource-pair primitive is an event of its own, besides whatever
      // else the call is (firmware_get also loads a module). It is not a
      // call into unknown code that might release what the path holds.
      bool IsPair = false;
      if (auto P = Matcher.matchPair(CE, *FF->Parents)) {
        ElementEvent PE = E;
        PE.Use = std::move(*P);
        PE.Loc = PE.Use.Loc;
        PE.CalleeName = PE.Use.Name;
        FF->Events[S].push_back(std::move(PE));
        IsPair = true;
      }
      if (auto U = Matcher.matchCall(CE)) {
        E.Use = std::move(*U);
        E.Loc = E.Use.Loc;
        E.CalleeName = E.Use.Name;
        FF->Events[S].push_back(std::move(E));
        continue;
      }
      if (IsPair)
        continue;
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee || !Callee->getIdentifier() ||
          isRuleFunction(Rules, Callee->getName()))
        continue;
      const FunctionDecl *Def = nullptr;
      if (!Callee->hasBody(Def) || !Def) {
        if (!RecordExternal)
          continue;
        E.EventKind = ElementEvent::ExternalCall;
        E.Callee = Callee->getCanonicalDecl();
        E.Loc = Matcher.reportLoc(CE->getBeginLoc());
        E.CalleeName = Callee->getName().str();
        FF->Events[S].push_back(std::move(E));
        continue;
      }
      E.EventKind = ElementEvent::LocalCall;
      E.Callee = Def->getCanonicalDecl();
      E.Loc = Matcher.reportLoc(CE->getBeginLoc());
      E.CalleeName = Callee->getName().str();
      FF->Events[S].push_back(std::move(E));
    }
    Facts[FD->getCanonicalDecl()] = std::move(FF);
  }
}

std::optional<bool>
TUAnalysis::argumentAllowsSleep(const ElementEvent &Call, unsigned Param,
                                const rules::FlagSet *Flags) const {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.At);
  if (!CE || Param >= CE->getNumArgs() || !Flags)
    return std::nullopt;
  return Matcher.flagsAllowSleep(CE->getArg(Param), *Flags);
}

const ExternalFunction *
TUAnalysis::externalCallee(const ElementEvent &E) const {
  if (!External || E.EventKind != ElementEvent::ExternalCall)
    return nullptr;
  return External->lookup(E.CalleeName);
}

std::optional<TUAnalysis::CalleeSleep>
TUAnalysis::calleeSleep(const ElementEvent &Call) const {
  CalleeSleep C;
  if (Call.EventKind == ElementEvent::LocalCall) {
    auto It = Summaries.find(Call.Callee);
    if (It == Summaries.end())
      return std::nullopt;
    const SleepSummary &S = It->second;
    C.Definite = S.Definite;
    C.ByParam = S.ByParam && S.ParamFlags;
    C.FlagsUnknown = S.FlagsUnknown;
    C.Param = S.Param;
    C.ParamFlags = S.ParamFlags;
    return C;
  }
  const ExternalFunction *X = externalCallee(Call);
  if (!X)
    return std::nullopt;
  C.Definite = X->has(Effect::SleepsDefinite);
  C.FlagsUnknown = X->has(Effect::SleepsFlagsUnknown);
  if (X->has(Effect::SleepsByParam)) {
    // A flag set this pack does not know cannot be read here: the flags
    // are then as good as unknown.
    C.ParamFlags = Rules.flagSet(X->SleepFlagSet);
    C.Param = X->SleepParam;
    C.ByParam = C.ParamFlags;
    C.FlagsUnknown |= !C.ParamFlags;
  }
  return C;
}

static const ParmVarDecl *parameterIn(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<ParmVarDecl>(DRE->getDecl());
  return nullptr;
}

void TUAnalysis::computeSleepSummaries() {
  // Iterate to a fixpoint over the call graph. A witness, once set, never
  // changes, so following witnesses always reaches a primitive.
  bool Changed = true;
  auto Set = [&](const ElementEvent *&Slot, const ElementEvent &E) {
    if (!Slot) {
      Slot = &E;
      Changed = true;
    }
  };
  while (Changed) {
    Changed = false;
    for (auto &[FD, FF] : Facts) {
      if (!FF->Cfg)
        continue;
      SleepSummary &S = Summaries[FD];
      if (S.Definite)
        continue;
      for (const CFGBlock *B : *FF->Cfg)
        for (const CFGElement &El : *B) {
          std::optional<CFGStmt> CS = El.getAs<CFGStmt>();
          if (!CS)
            continue;
          auto It = FF->Events.find(CS->getStmt());
          if (It == FF->Events.end())
            continue;
          for (const ElementEvent &E : It->second) {
            if (E.EventKind == ElementEvent::Primitive) {
              const PrimitiveUse &U = E.Use;
              bool WaitingLoad =
                  U.UseKind == PrimitiveUse::LoadModule && U.Waits;
              if (U.UseKind != PrimitiveUse::Sleep && !WaitingLoad)
                continue;
              if (U.Certainty == SleepCertainty::Definite) {
                Set(S.Definite, E);
              } else if (U.FlagsParam && U.Flags) {
                if (!S.ByParam) {
                  S.Param = *U.FlagsParam;
                  S.ParamFlags = U.Flags;
                }
                Set(S.ByParam, E);
              } else {
                Set(S.FlagsUnknown, E);
              }
              continue;
            }
            if (E.EventKind != ElementEvent::LocalCall &&
                E.EventKind != ElementEvent::ExternalCall)
              continue; // Taking a function's address does not call it.
            std::optional<CalleeSleep> C = calleeSleep(E);
            if (!C)
              continue;
            if (C->Definite)
              Set(S.Definite, E);
            if (C->ByParam) {
              std::optional<bool> Allows =
                  argumentAllowsSleep(E, C->Param, C->ParamFlags);
              const auto *CE = cast<CallExpr>(E.At);
              const ParmVarDecl *Passed =
                  C->Param < CE->getNumArgs()
                      ? parameterIn(CE->getArg(C->Param))
                      : nullptr;
              if (Allows.value_or(false))
                Set(S.Definite, E);
              else if (!Allows && Passed &&
                       Passed->getDeclContext() == FD->getDefinition()) {
                if (!S.ByParam) {
                  S.Param = Passed->getFunctionScopeIndex();
                  S.ParamFlags = C->ParamFlags;
                }
                Set(S.ByParam, E);
              } else if (!Allows) {
                Set(S.FlagsUnknown, E);
              }
            }
            if (C->FlagsUnknown)
              Set(S.FlagsUnknown, E);
          }
        }
    }
  }
}

std::optional<SleepCertainty>
TUAnalysis::callMaySleep(const ElementEvent &Call) const {
  std::optional<CalleeSleep> C = calleeSleep(Call);
  if (!C)
    return std::nullopt;
  if (C->Definite)
    return SleepCertainty::Definite;
  if (C->ByParam) {
    std::optional<bool> Allows =
        argumentAllowsSleep(Call, C->Param, C->ParamFlags);
    if (Allows.value_or(false))
      return SleepCertainty::Definite;
    if (!Allows)
      return SleepCertainty::FlagsUnknown;
  }
  if (C->FlagsUnknown)
    return SleepCertainty::FlagsUnknown;
  return std::nullopt;
}

ReachMap TUAnalysis::reachSummary(
    function_ref<bool(const ElementEvent &)> IsTarget,
    std::optional<Effect> Across) const {
  // A fixpoint over the call graph. The first event found for a function
  // never changes, so following the map from any event ends at a target.
  ReachMap M;
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (auto &KV : Facts) {
      const FunctionDecl *FD = KV.first;
      if (!KV.second->Cfg || M.count(FD))
        continue;
      forEachEvent(FD, [&](const ElementEvent &E) {
        if (M.count(FD))
          return;
        bool Reaches = (E.EventKind == ElementEvent::Primitive && IsTarget(E)) ||
                       (E.EventKind == ElementEvent::LocalCall &&
                        M.count(E.Callee));
        if (!Reaches && Across)
          if (const ExternalFunction *X = externalCallee(E))
            Reaches = X->has(*Across);
        if (Reaches) {
          M[FD] = &E;
          Changed = true;
        }
      });
    }
  }
  return M;
}

std::vector<const ElementEvent *>
TUAnalysis::reachChain(const ElementEvent &Start, const ReachMap &M) const {
  std::vector<const ElementEvent *> Chain;
  const ElementEvent *E = &Start;
  // The map's events form chains without cycles; the bound is a safety net.
  for (unsigned Depth = 0; E && Depth < 64; ++Depth) {
    Chain.push_back(E);
    if (E->EventKind != ElementEvent::LocalCall)
      return Chain;
    E = M.lookup(E->Callee);
  }
  return {};
}

std::vector<const FunctionFacts *> TUAnalysis::allFunctions() const {
  std::vector<const FunctionFacts *> Out;
  for (auto &KV : Facts)
    Out.push_back(KV.second.get());
  return Out;
}

bool valueIsDiscarded(const FunctionFacts &FF, const Stmt *S) {
  if (!FF.Parents)
    return false;
  const Stmt *P = FF.Parents->getParentIgnoreParenImpCasts(const_cast<Stmt *>(S));
  if (const auto *Cast = dyn_cast_or_null<CStyleCastExpr>(P))
    return Cast->getType()->isVoidType();
  if (!P)
    return false;
  if (isa<CompoundStmt, LabelStmt, CaseStmt, DefaultStmt>(P))
    return true;
  // The body of an if, a loop or a for's increment, not their conditions.
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getCond() != S;
  if (const auto *W = dyn_cast<WhileStmt>(P))
    return W->getCond() != S;
  if (const auto *D = dyn_cast<DoStmt>(P))
    return D->getCond() != S;
  if (const auto *F = dyn_cast<ForStmt>(P))
    return F->getCond() != S && F->getInit() != S;
  return false;
}

void TUAnalysis::forEachEvent(
    const FunctionDecl *FD, function_ref<void(const ElementEvent &)> FnE) const {
  forEachEventIn(FD, nullptr, FnE);
}

void TUAnalysis::forEachEventIn(
    const FunctionDecl *FD, const llvm::BitVector *Blocks,
    function_ref<void(const ElementEvent &)> FnE) const {
  const FunctionFacts *FF = factsFor(FD);
  if (!FF || !FF->Cfg)
    return;
  // Blocks in reverse order of their IDs run roughly in source order, which
  // keeps "first event" choices and reports stable and readable.
  for (const CFGBlock *B : llvm::reverse(*FF->Cfg)) {
    if (Blocks && !Blocks->test(B->getBlockID()))
      continue;
    for (const CFGElement &El : *B)
      if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>()) {
        auto It = FF->Events.find(CS->getStmt());
        if (It != FF->Events.end())
          for (const ElementEvent &E : It->second)
            FnE(E);
      }
  }
}

std::vector<int64_t> TUAnalysis::moduleEventValues(ModuleEvent E) const {
  return modlife::moduleEventValues(Ctx, PP, Rules, E);
}

llvm::BitVector
TUAnalysis::blocksOnModuleEvent(const LifecycleFunction &Handler,
                                ModuleEvent E) const {
  const FunctionFacts *FF = factsFor(Handler.Function);
  if (!FF || !FF->Cfg)
    return {};
  return blocksForEvent(*FF->Cfg, Handler.Function, Handler.EventParam,
                        moduleEventValues(E), Ctx);
}

void TUAnalysis::forEachEventOnModuleEvent(
    const LifecycleFunction &Handler, ModuleEvent E,
    function_ref<void(const ElementEvent &)> FnE) const {
  llvm::BitVector Runs = blocksOnModuleEvent(Handler, E);
  forEachEventIn(Handler.Function, &Runs, FnE);
}

void TUAnalysis::findDeferredCallbacks() {
  DenseSet<std::pair<const FunctionDecl *, const rules::DeferralRule *>> Seen;
  for (auto &KV : Facts) {
    const FunctionFacts &FF = *KV.second;
    if (!FF.Parents)
      continue;
    forEachEvent(FF.Function, [&](const ElementEvent &E) {
      if (E.EventKind != ElementEvent::FunctionEscapes)
        return;
      const rules::DeferralRule *R = nullptr;
      SourceLocation At;
      // A function deferral: the callback is its callback-arg.
      const Stmt *P = FF.Parents->getParentIgnoreParenCasts(
          const_cast<Stmt *>(E.At));
      if (const auto *CE = dyn_cast_or_null<CallExpr>(P))
        if (const FunctionDecl *Callee = CE->getDirectCallee())
          if (Callee->getIdentifier())
            if (const auto *DR = Rules.deferralRule(
                    rules::PrimitiveName::Function, Callee->getName()))
              if (DR->CallbackArg && *DR->CallbackArg < CE->getNumArgs() &&
                  CE->getArg(*DR->CallbackArg)->IgnoreParenCasts() == E.At) {
                R = DR;
                At = Matcher.reportLoc(CE->getBeginLoc());
              }
      // A macro deferral: the function is named in its arguments. The
      // outermost such macro is the one the programmer wrote.
      if (!R && E.At->getBeginLoc().isMacroID()) {
        SourceLocation L = E.At->getBeginLoc();
        for (const std::string &M : Matcher.enclosingMacros(L))
          if (const auto *DR =
                  Rules.deferralRule(rules::PrimitiveName::Macro, M);
              DR && DR->CallbackArg) {
            R = DR;
            At = Ctx.getSourceManager().getExpansionLoc(L);
          }
      }
      if (R && Seen.insert({E.Callee, R}).second)
        Deferred.push_back({E.Callee, R, At});
    });
  }
}

bool TUAnalysis::hasModuleMarker() const {
  // FreeBSD's module build says so on the command line (-DKLD_MODULE).
  if (PP && llvm::any_of(Rules.moduleMarkerDefinedMacros(),
                         [&](const std::string &M) {
                           IdentifierInfo *II = PP->getIdentifierInfo(M);
                           return II && PP->getMacroInfo(II);
                         }))
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *ND = dyn_cast<NamedDecl>(D);
    if (!ND || !SM.isInMainFile(SM.getExpansionLoc(ND->getLocation())))
      continue;
    if (ND->getIdentifier() && Rules.isModuleMarkerDeclaration(ND->getName()))
      return true;
    for (SourceLocation L : {D->getBeginLoc(), ND->getLocation()})
      if (L.isMacroID() &&
          llvm::any_of(Matcher.macroChainAt(L), [&](const std::string &M) {
            return Rules.isModuleMarkerMacro(M);
          }))
        return true;
  }
  return false;
}

void TUAnalysis::addWiringsFromOtherFiles() {
  if (!External)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  for (auto &[FD, FF] : Facts) {
    // Facts are keyed by the first declaration, often in a header; the
    // definition is what must be in this file.
    const FunctionDecl *Def = FF->Function;
    if (!Def->getIdentifier() || !Def->isExternallyVisible() ||
        !SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())))
      continue;
    for (const SummaryWiring &W : External->wiringsOf(Def->getName())) {
      EntryPointWiring E;
      E.StructName = W.StructName;
      E.FieldName = W.FieldName;
      E.PinnedByOwner = W.PinnedByOwner;
      E.FailureCleanupField = W.FailureCleanupField;
      E.InOtherFile = W.At;
      EntryPoints->addWiringFromOtherFile(Def, std::move(E));
    }
  }
}

void TUAnalysis::findInitFunctions() {
  const SourceManager &SM = Ctx.getSourceManager();
  StringMap<const FunctionDecl *> ByName;
  for (auto &[FD, FF] : Facts)
    if (FD->getIdentifier())
      ByName[FD->getName()] = FD;
  DenseMap<const FunctionDecl *, size_t> Index;
  // Named by an init macro wins over named by section or name: the note
  // then points at module_init(foo_init).
  auto Add = [&](const FunctionDecl *FD, SourceLocation At, bool ByMacro) {
    const FunctionDecl *Def = nullptr;
    if (!FD || !FD->hasBody(Def) || !Def)
      return;
    auto [It, New] =
        Index.try_emplace(Def->getCanonicalDecl(), InitFunctions.size());
    if (New)
      InitFunctions.push_back({Def, At});
    else if (ByMacro)
      InitFunctions[It->second].NamedAt = At;
  };
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *ND = dyn_cast<NamedDecl>(D);
    if (!ND)
      continue;
    const auto *FD = dyn_cast<FunctionDecl>(ND);
    if (FD && FD->getIdentifier() && Rules.isInitFunctionName(FD->getName()))
      Add(FD, FD->getLocation(), false);
    if (const auto *Sec = D->getAttr<SectionAttr>())
      if (FD && Rules.isInitSection(Sec->getName()))
        Add(FD, FD->getLocation(), false);
    // A declaration that an init macro wrote: what it names is init code.
    SourceLocation Loc = ND->getLocation();
    if (!Loc.isMacroID())
      continue;
    std::vector<std::string> Chain = Matcher.macroChainAt(Loc);
    if (none_of(Chain, [&](const std::string &M) {
          return Rules.isInitMacro(M);
        }))
      continue;
    SourceLocation NamedAt = SM.getExpansionLoc(Loc);
    if (const auto *Alias = D->getAttr<AliasAttr>())
      Add(ByName.lookup(Alias->getAliasee()), NamedAt, true);
    SmallVector<const FunctionDecl *, 2> Refs;
    if (const auto *VD = dyn_cast<VarDecl>(ND))
      collectFunctionRefs(VD->getInit(), Refs);
    else if (FD && FD->doesThisDeclarationHaveABody())
      collectFunctionRefs(FD->getBody(), Refs);
    for (const FunctionDecl *R : Refs)
      Add(R, NamedAt, true);
  }
}

/// Whether FD, defined in another file, has effect E by the summaries.
static bool externalHas(const ExternalSummaries *External,
                        const FunctionDecl *FD, Effect E) {
  if (!External || !FD->getIdentifier() || FD->hasBody())
    return false;
  const ExternalFunction *X = External->lookup(FD->getName());
  return X && X->has(E);
}

bool TUAnalysis::mayReleaseThisModule(const FunctionDecl *FD) const {
  return ReleasesThisModule.count(FD->getCanonicalDecl()) ||
         externalHas(External, FD, Effect::ReleasesThisModule);
}

bool TUAnalysis::mayPinThisModule(const FunctionDecl *FD) const {
  return PinsThisModule.count(FD->getCanonicalDecl()) ||
         externalHas(External, FD, Effect::AcquiresThisModule);
}

bool TUAnalysis::mayReleaseOtherModule(const FunctionDecl *FD) const {
  return ReleasesOtherModule.count(FD->getCanonicalDecl()) ||
         externalHas(External, FD, Effect::ReleasesOtherModule);
}

bool TUAnalysis::mayReleasePair(const FunctionDecl *FD,
                                const rules::ResourcePairRule &Pair) const {
  const std::string &Release = Pair.Release.Name;
  auto It = PairReleasers.find(Release);
  if (It == PairReleasers.end())
    It = PairReleasers
             .try_emplace(Release, reachSummary([&](const ElementEvent &E) {
               return E.Use.UseKind == PrimitiveUse::PairRelease &&
                      E.Use.PairR && E.Use.PairR->Release.Name == Release;
             }))
             .first;
  return It->second.count(FD->getCanonicalDecl());
}

bool TUAnalysis::callerMayReleasePair(
    const FunctionDecl *FD, const rules::ResourcePairRule &Pair) const {
  const FunctionDecl *Callee = FD->getCanonicalDecl();
  for (const FunctionFacts *Caller : allFunctions()) {
    bool Calls = false, Releases = false;
    forEachEvent(Caller->Function, [&](const ElementEvent &E) {
      if (E.EventKind == ElementEvent::LocalCall && E.Callee == Callee) {
        Calls = true;
        return;
      }
      if (E.EventKind == ElementEvent::Primitive &&
          E.Use.UseKind == PrimitiveUse::PairRelease && E.Use.PairR &&
          E.Use.PairR->Release.Name == Pair.Release.Name)
        Releases = true;
      else if (E.EventKind == ElementEvent::LocalCall &&
               mayReleasePair(E.Callee, Pair))
        Releases = true;
    });
    if (Calls && Releases)
      return true;
  }
  return false;
}

static bool releasesThisModule(const ElementEvent &E) {
  return E.Use.UseKind == PrimitiveUse::Release && E.Use.Module.isThisModule();
}
static bool releasesOtherModule(const ElementEvent &E) {
  return E.Use.UseKind == PrimitiveUse::Release && !E.Use.Module.isThisModule();
}

SleepSummary TUAnalysis::sleepSummary(const FunctionDecl *FD) const {
  auto It = Summaries.find(FD->getCanonicalDecl());
  return It == Summaries.end() ? SleepSummary() : It->second;
}

std::optional<SleepWitness>
TUAnalysis::sleepWitness(const ElementEvent &Start) const {
  SleepWitness W;
  if (Start.EventKind == ElementEvent::LocalCall) {
    std::optional<SleepCertainty> C = callMaySleep(Start);
    if (!C)
      return std::nullopt;
    W.Certainty = *C;
  }
  const ElementEvent *E = &Start;
  for (unsigned Depth = 0; E && Depth < 64; ++Depth) {
    W.Steps.push_back({E->InFunction, E->Loc, E->CalleeName,
                       E->InFunction->getNameAsString(), std::nullopt});
    if (E->EventKind == ElementEvent::ExternalCall) {
      // The rest of the chain is in other files: follow the summaries the
      // way a local callee's summary is followed below.
      const ExternalFunction *X = externalCallee(*E);
      std::optional<CalleeSleep> C = calleeSleep(*E);
      if (!X || !C)
        return std::nullopt;
      const EffectChain *Rest = nullptr;
      if (C->Definite)
        Rest = X->chain(Effect::SleepsDefinite);
      else if (C->ByParam &&
               argumentAllowsSleep(*E, C->Param, C->ParamFlags) != false)
        Rest = X->chain(Effect::SleepsByParam);
      else
        Rest = X->chain(Effect::SleepsFlagsUnknown);
      if (!Rest)
        return std::nullopt;
      for (const ChainStep &Step : Rest->Steps)
        W.Steps.push_back(
            {nullptr, SourceLocation(), Step.Callee, Step.Caller, Step.Where});
      W.Primitive = remotePrimitive(*Rest, PrimitiveUse::Sleep);
      return W;
    }
    if (E->EventKind == ElementEvent::Primitive) {
      if (E->Use.UseKind != PrimitiveUse::Sleep &&
          !(E->Use.UseKind == PrimitiveUse::LoadModule && E->Use.Waits))
        return std::nullopt;
      W.Primitive = &E->Use;
      if (Depth == 0)
        W.Certainty = E->Use.Certainty;
      return W;
    }
    // Follow the chain that explains this call: one that sleeps whatever
    // the arguments, else the one through the flags this call passes.
    SleepSummary S = sleepSummary(E->Callee);
    if (S.Definite)
      E = S.Definite;
    else if (S.ByParam && argumentAllowsSleep(*E, S.Param, S.ParamFlags) != false)
      E = S.ByParam;
    else
      E = S.FlagsUnknown;
  }
  return std::nullopt;
}

const PrimitiveUse *TUAnalysis::remotePrimitive(const EffectChain &C,
                                                PrimitiveUse::Kind K) const {
  const PrimitiveUse *&Slot = RemotePrimitiveFor[&C];
  if (Slot)
    return Slot;
  auto U = std::make_unique<PrimitiveUse>();
  const SummaryPrimitive &P = C.Primitive;
  rules::PrimitiveName::Kind NK = P.IsMacro ? rules::PrimitiveName::Macro
                                            : rules::PrimitiveName::Function;
  U->Name = P.Name;
  U->UseKind = K;
  // The rule as this translation unit's pack has it, for its wording.
  U->SleepR = Rules.sleepRule(NK, P.Name);
  U->LoadR = Rules.moduleLoadRule(NK, P.Name);
  if (U->LoadR && !U->SleepR) {
    U->UseKind = PrimitiveUse::LoadModule;
    U->Waits = true;
  }
  U->FlagsSpelling = P.FlagsSpelling;
  U->Certainty = P.FlagsUnknown ? SleepCertainty::FlagsUnknown
                                : SleepCertainty::Definite;
  RemotePrimitives.push_back(std::move(U));
  return Slot = RemotePrimitives.back().get();
}

bool TUAnalysis::isFailureConstant(const Expr *E) const {
  const rules::FailureReturnRules &FR = Rules.failureReturns();
  const Expr *P = E->IgnoreParenImpCasts();
  if (const auto *CE = dyn_cast<CallExpr>(P))
    if (const FunctionDecl *FD = CE->getDirectCallee())
      if (FD->getIdentifier() &&
          llvm::is_contained(FR.ErrorPointerFunctions, FD->getName()))
        return true;
  if (P->containsErrors() || P->isValueDependent() || P->getType().isNull() ||
      !P->getType()->isIntegralOrEnumerationType())
    return false;
  Expr::EvalResult R;
  if (!P->EvaluateAsInt(R, Ctx))
    return false;
  const APSInt &V = R.Val.getInt();
  if (V.isZero())
    return false;
  if (FR.NegativeConstants && V.isSigned() && V.isNegative())
    return true;
  if (!FR.ErrnoMacroPattern.empty() && P->getBeginLoc().isMacroID()) {
    std::string Name = Matcher.outermostMacroName(P->getBeginLoc());
    if (!Name.empty() && Regex(FR.ErrnoMacroPattern).match(Name))
      return true;
  }
  return false;
}

ModuleRefResult TUAnalysis::analyze(const FunctionDecl *FD,
                                    const ModuleRefOptions &Opts) const {
  const FunctionFacts *FF = factsFor(FD);
  if (!FF)
    return {};
  return analyzeModuleRefs(*this, *FF, Opts);
}

void TUAnalysis::run(AnalysisHandler &H) {
  buildFacts();
  computeSleepSummaries();
  ReleasesThisModule = reachSummary(releasesThisModule);
  ReleasesOtherModule = reachSummary(releasesOtherModule);
  PinsThisModule = reachSummary(
      [](const ElementEvent &E) {
        return (E.Use.UseKind == PrimitiveUse::Acquire ||
                E.Use.UseKind == PrimitiveUse::TryAcquire) &&
               E.Use.Module.isThisModule();
      },
      Effect::AcquiresThisModule);
  findInitFunctions();
  findDeferredCallbacks();
  EntryPoints = std::make_unique<EntryPointIndex>(
      Ctx, Rules, [this](const Decl *D) { return isInScope(D); });
  addWiringsFromOtherFiles();
  Lifecycle = std::make_unique<LifecycleIndex>(
      Ctx, Matcher, Rules, [this](const Decl *D) { return isInScope(D); });
  H.beginTranslationUnit(*this);
  const SourceManager &SM = Ctx.getSourceManager();
  for (auto &[FD, FF] : Facts) {
    // Code in system headers is summarized but not reported on.
    if (SM.isInSystemHeader(FD->getLocation()))
      continue;
    if (!FF->Cfg) {
      H.handleFunctionSkipped(FD, "not analyzed: its control-flow graph "
                                  "could not be built");
      continue;
    }
    ModuleRefResult R = analyzeModuleRefs(*this, *FF);
    if (R.BudgetExceeded) {
      H.handleFunctionSkipped(
          FD, "the analysis stopped after " +
                  std::to_string(ModuleRefOptions().MaxBlockVisits) +
                  " block visits (the per-function budget); findings in it "
                  "may be missing");
      continue;
    }
    for (const SleepBeforeAcquire &S : R.SleepsBeforeAcquire)
      H.handleSleepBeforeAcquire(S);
    for (const FailureReturnHoldsReference &F : R.HeldAtFailure)
      H.handleFailureReturnHoldsReference(F);
    for (const ReleaseWithoutReference &F : R.UnheldReleases)
      H.handleReleaseWithoutReference(F);
  }
  H.endTranslationUnit();
}

} // namespace modlife
