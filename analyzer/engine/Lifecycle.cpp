//===- Lifecycle.cpp ------------------------------------------------------===//
#include "analyzer/engine/Lifecycle.h"
#include "analyzer/engine/EntryPoints.h"
#include "analyzer/engine/Primitives.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace modlife {

using rules::LifecycleRole;
using rules::LifecycleRule;

/// The function an initializer names, also through KOBJMETHOD's type check
/// "(kobjop_t)(1 ? f : (device_attach_t *)NULL)".
static const FunctionDecl *functionIn(const Expr *E) {
  if (!E)
    return nullptr;
  if (const FunctionDecl *FD = functionNamedBy(E))
    return FD;
  if (const auto *CO = dyn_cast<ConditionalOperator>(E->IgnoreParenCasts())) {
    if (const FunctionDecl *FD = functionIn(CO->getTrueExpr()))
      return FD;
    return functionIn(CO->getFalseExpr());
  }
  return nullptr;
}

/// The variable an initializer points at, "&device_attach_desc".
static const VarDecl *variableIn(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf)
      E = U->getSubExpr()->IgnoreParenCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

namespace {
class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(ASTContext &Ctx, const PrimitiveMatcher &Matcher,
            const rules::RuleSet &Rules, std::vector<LifecycleFunction> &Out)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Matcher(Matcher), Rules(Rules),
        Out(Out) {
    for (const LifecycleRule *R : Rules.lifecycleRules()) {
      if (!R->Macro.empty())
        ByMacro[R->Macro].push_back(R);
      else if (!R->Method.empty())
        ByMethod[R->Method].push_back(R);
      else
        ByField[R->StructName + "." + R->Field].push_back(R);
    }
  }

  bool VisitInitListExpr(InitListExpr *ILE) {
    // Each list once, through its semantic form (see EntryPoints.cpp).
    if (ILE->isSemanticForm() && ILE->getSyntacticForm())
      return true;
    if (ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (!RD || !RD->getIdentifier() || RD->isUnion())
      return true;
    const rules::MethodTableRule *Table = Rules.methodTable(RD->getName());
    const VarDecl *MethodName = nullptr;
    const FunctionDecl *MethodFn = nullptr;
    SourceLocation MethodAt;
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (I >= ILE->getNumInits())
        break;
      const Expr *Init = ILE->getInit(I++);
      if (!Init || !F->getIdentifier())
        continue;
      if (Table && F->getName() == Table->NameField)
        MethodName = variableIn(Init);
      if (Table && F->getName() == Table->FunctionField) {
        MethodFn = functionIn(Init);
        MethodAt = SM.getFileLoc(Init->getBeginLoc());
      }
      auto It = ByField.find((RD->getName() + "." + F->getName()).str());
      if (It == ByField.end())
        continue;
      if (const FunctionDecl *FD = functionIn(Init))
        for (const LifecycleRule *R : It->second)
          add(FD, *R, SM.getFileLoc(Init->getBeginLoc()),
              (RD->getName() + "." + F->getName()).str());
    }
    if (MethodName && MethodFn && MethodName->getIdentifier()) {
      StringRef Name = MethodName->getName();
      if (Name.consume_back(Table->NameSuffix)) {
        auto It = ByMethod.find(Name);
        if (It != ByMethod.end())
          for (const LifecycleRule *R : It->second)
            add(MethodFn, *R, MethodAt, Name.str());
      }
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!F || !F->getIdentifier() || !F->getParent()->getIdentifier())
      return true;
    std::string Key = (F->getParent()->getName() + "." + F->getName()).str();
    auto It = ByField.find(Key);
    if (It == ByField.end())
      return true;
    if (const FunctionDecl *FD = functionIn(BO->getRHS()))
      for (const LifecycleRule *R : It->second)
        add(FD, *R, SM.getFileLoc(BO->getBeginLoc()), Key);
    return true;
  }

  /// A top-level declaration that a lifecycle macro wrote: what it names
  /// plays that macro's part (module_exit's cleanup_module alias, the
  /// struct sysinit that SYSUNINIT emits).
  void visitMacroDeclaration(const Decl *D) {
    const auto *ND = dyn_cast<NamedDecl>(D);
    if (!ND || !ND->getLocation().isMacroID() || ByMacro.empty())
      return;
    // Outermost first: SYSINIT, not the C_SYSINIT it expands to.
    std::vector<std::string> Chain = Matcher.macroChainAt(ND->getLocation());
    for (const std::string &M : llvm::reverse(Chain)) {
      auto It = ByMacro.find(M);
      if (It == ByMacro.end())
        continue;
      SourceLocation At = SM.getExpansionLoc(ND->getLocation());
      SmallVector<const FunctionDecl *, 2> Refs;
      if (const auto *Alias = D->getAttr<AliasAttr>())
        if (const FunctionDecl *FD = byName(Alias->getAliasee()))
          Refs.push_back(FD);
      if (const auto *VD = dyn_cast<VarDecl>(ND))
        collectFunctionRefs(VD->getInit(), Refs);
      else if (const auto *FD = dyn_cast<FunctionDecl>(ND);
               FD && FD->doesThisDeclarationHaveABody())
        collectFunctionRefs(FD->getBody(), Refs);
      for (const FunctionDecl *FD : Refs)
        for (const LifecycleRule *R : It->second)
          add(FD, *R, At, M);
      return; // the outermost lifecycle macro of the chain decides
    }
  }

private:
  const FunctionDecl *byName(StringRef Name) {
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->getIdentifier() && FD->getName() == Name)
          return FD;
    return nullptr;
  }

  void add(const FunctionDecl *FD, const LifecycleRule &R, SourceLocation At,
           std::string Via) {
    const FunctionDecl *Def = nullptr;
    if (!FD || !FD->hasBody(Def) || !Def)
      return;
    if (!Seen.insert({Def->getCanonicalDecl(), unsigned(R.Role)}).second)
      return;
    Out.push_back({Def, R.Role, At, std::move(Via), R.EventArg, R.DuringLoad});
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const PrimitiveMatcher &Matcher;
  const rules::RuleSet &Rules;
  std::vector<LifecycleFunction> &Out;
  llvm::StringMap<std::vector<const LifecycleRule *>> ByMacro, ByMethod,
      ByField;
  llvm::DenseSet<std::pair<const FunctionDecl *, unsigned>> Seen;
};
} // namespace

LifecycleIndex::LifecycleIndex(ASTContext &Ctx, const PrimitiveMatcher &Matcher,
                               const rules::RuleSet &Rules,
                               llvm::function_ref<bool(const Decl *)> InScope) {
  if (Rules.lifecycleRules().empty())
    return;
  Collector C(Ctx, Matcher, Rules, All);
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (!InScope(D))
      continue;
    C.visitMacroDeclaration(D);
    C.TraverseDecl(D);
  }
}

std::vector<const LifecycleFunction *>
LifecycleIndex::withRole(LifecycleRole R) const {
  std::vector<const LifecycleFunction *> V;
  for (const LifecycleFunction &L : All)
    if (L.Role == R)
      V.push_back(&L);
  return V;
}

const LifecycleFunction *LifecycleIndex::find(const FunctionDecl *FD,
                                              LifecycleRole R) const {
  for (const LifecycleFunction &L : All)
    if (L.Role == R &&
        L.Function->getCanonicalDecl() == FD->getCanonicalDecl())
      return &L;
  return nullptr;
}

std::vector<int64_t> moduleEventValues(ASTContext &Ctx, const Preprocessor *PP,
                                       const rules::RuleSet &Rules,
                                       ModuleEvent E) {
  const rules::ModuleEventNames &N = Rules.moduleEvents();
  const std::vector<std::string> &Names =
      E == ModuleEvent::Load     ? N.Load
      : E == ModuleEvent::Unload ? N.Unload
      : E == ModuleEvent::Quiesce ? N.Quiesce
                                  : N.Shutdown;
  std::vector<int64_t> Values;
  for (const std::string &Name : Names) {
    DeclContext::lookup_result R =
        Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name));
    bool Found = false;
    for (const NamedDecl *ND : R)
      if (const auto *EC = dyn_cast<EnumConstantDecl>(ND)) {
        Values.push_back(EC->getInitVal().getExtValue());
        Found = true;
      }
    if (!Found && PP)
      if (std::optional<uint64_t> V = evaluateIntegerMacro(*PP, Name))
        Values.push_back(int64_t(*V));
  }
  return Values;
}

static bool isParam(const Expr *E, const ParmVarDecl *P) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return P && DRE && DRE->getDecl() == P;
}

static std::optional<int64_t> constantOf(const Expr *E, ASTContext &Ctx) {
  if (E->isValueDependent())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt().getExtValue();
}

llvm::BitVector blocksForEvent(const CFG &Cfg, const FunctionDecl *Handler,
                               unsigned EventParam,
                               llvm::ArrayRef<int64_t> Values,
                               ASTContext &Ctx) {
  llvm::BitVector Reached(Cfg.getNumBlockIDs());
  if (Values.empty())
    return Reached;
  const ParmVarDecl *P = EventParam < Handler->getNumParams()
                             ? Handler->getParamDecl(EventParam)
                             : nullptr;
  auto Holds = [&](int64_t V) { return llvm::is_contained(Values, V); };
  SmallVector<const CFGBlock *, 16> Work{&Cfg.getEntry()};
  Reached.set(Cfg.getEntry().getBlockID());
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    // Which successors the event allows; unknown tests allow both ways.
    SmallVector<bool, 8> Allowed(B->succ_size(), true);
    const Stmt *T = B->getTerminatorStmt();
    if (const auto *SW = dyn_cast_or_null<SwitchStmt>(T);
        SW && isParam(SW->getCond(), P)) {
      // A case that names the event takes it; otherwise default does (or
      // the edge past the switch, when there is no default).
      bool Named = false;
      SmallVector<std::optional<int64_t>, 8> CaseValue(B->succ_size());
      unsigned I = 0;
      for (const CFGBlock::AdjacentBlock &S : B->succs()) {
        const CFGBlock *SB = S.getReachableBlock();
        if (SB)
          if (const auto *CS = dyn_cast_or_null<CaseStmt>(SB->getLabel()))
            if ((CaseValue[I] = constantOf(CS->getLHS(), Ctx)) &&
                Holds(*CaseValue[I]))
              Named = true;
        ++I;
      }
      I = 0;
      for (const CFGBlock::AdjacentBlock &S : B->succs()) {
        const CFGBlock *SB = S.getReachableBlock();
        bool IsCase = SB && isa_and_nonnull<CaseStmt>(SB->getLabel());
        if (IsCase)
          Allowed[I] = !CaseValue[I] || Holds(*CaseValue[I]);
        else
          Allowed[I] = !Named;
        ++I;
      }
    } else if (const auto *C = dyn_cast_or_null<BinaryOperator>(
                   B->getTerminatorCondition(/*StripParens=*/true));
               C && B->succ_size() == 2 && C->isEqualityOp()) {
      const Expr *Other = isParam(C->getLHS(), P)   ? C->getRHS()
                          : isParam(C->getRHS(), P) ? C->getLHS()
                                                    : nullptr;
      if (std::optional<int64_t> V = Other ? constantOf(Other, Ctx)
                                           : std::nullopt) {
        bool True = Holds(*V) == (C->getOpcode() == BO_EQ);
        // With several values, == one of them does not rule out the
        // others: only a definite answer prunes.
        if (Values.size() == 1 || !Holds(*V)) {
          Allowed[0] = True;
          Allowed[1] = !True;
        }
      }
    }
    unsigned I = 0;
    for (const CFGBlock::AdjacentBlock &S : B->succs()) {
      const CFGBlock *SB = S.getReachableBlock();
      if (SB && Allowed[I] && !Reached.test(SB->getBlockID())) {
        Reached.set(SB->getBlockID());
        Work.push_back(SB);
      }
      ++I;
    }
  }
  return Reached;
}

} // namespace modlife
