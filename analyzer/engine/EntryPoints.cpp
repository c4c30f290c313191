//===- EntryPoints.cpp ----------------------------------------------------===//
#include "analyzer/engine/EntryPoints.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace modlife {

const FunctionDecl *functionNamedBy(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf)
      E = U->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return FD->getCanonicalDecl();
  return nullptr;
}

void collectFunctionRefs(const Stmt *S,
                         llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      Out.push_back(FD);
  for (const Stmt *C : S->children())
    collectFunctionRefs(C, Out);
}

static bool isNullValue(const Expr *E, ASTContext &Ctx) {
  return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

namespace {
class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(
      ASTContext &Ctx, const rules::RuleSet &Rules,
      llvm::DenseMap<const FunctionDecl *, std::vector<EntryPointWiring>> &Map)
      : Ctx(Ctx), Rules(Rules), Map(Map) {}

  // The variable whose initializer is being visited, so that a later
  // "foo_fops.owner = THIS_MODULE" can pin the functions it wires.
  bool TraverseVarDecl(VarDecl *VD) {
    const Decl *Saved = CurrentVar;
    CurrentVar = VD->getCanonicalDecl();
    bool R = RecursiveASTVisitor::TraverseVarDecl(VD);
    CurrentVar = Saved;
    return R;
  }

  bool VisitInitListExpr(InitListExpr *ILE) {
    // The semantic form maps every field to its value, whatever syntax
    // (designated, GNU "open:", positional) wrote it.
    // Each list is seen through its syntactic form only once.
    if (ILE->isSemanticForm() && ILE->getSyntacticForm())
      return true;
    if (ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (!RD || !RD->getIdentifier())
      return true;
    const rules::EntryPointRule *R = Rules.entryPointRule(RD->getName());
    if (!R)
      return true;
    bool Pinned = false;
    std::vector<std::pair<const FunctionDecl *, EntryPointWiring>> Found;
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (RD->isUnion())
        F = ILE->getInitializedFieldInUnion();
      if (!F || I >= ILE->getNumInits())
        break;
      const Expr *Init = ILE->getInit(I++);
      if (!Init || !F->getIdentifier())
        continue;
      if (!R->OwnerField.empty() && F->getName() == R->OwnerField &&
          !isa<ImplicitValueInitExpr>(Init) && !isNullValue(Init, Ctx))
        Pinned = true;
      if (!llvm::is_contained(R->Fields, F->getName()))
        continue;
      if (const FunctionDecl *FD = functionNamedBy(Init))
        Found.push_back(
            {FD,
             {R->StructName, F->getName().str(),
              Ctx.getSourceManager().getFileLoc(Init->getBeginLoc()), false,
              R->FailureCleanupField, CurrentVar, std::nullopt}});
      if (RD->isUnion())
        break;
    }
    for (auto &[FD, W] : Found) {
      W.PinnedByOwner = Pinned;
      Map[FD].push_back(W);
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    if (!ME)
      return true;
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F || !F->getIdentifier())
      return true;
    const RecordDecl *RD = F->getParent();
    if (!RD || !RD->getIdentifier())
      return true;
    const rules::EntryPointRule *R = Rules.entryPointRule(RD->getName());
    if (!R)
      return true;
    // "dev->owner = THIS_MODULE" (2.4's SET_MODULE_OWNER) at run time: the
    // objects of this type that the TU wires up are pinned by their callers.
    if (!R->OwnerField.empty() && F->getName() == R->OwnerField &&
        !isNullValue(BO->getRHS(), Ctx)) {
      OwnerAssigned.insert(RD->getName());
      if (const auto *Base =
              dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts()))
        OwnerAssignedVars.insert(Base->getDecl()->getCanonicalDecl());
      return true;
    }
    if (!llvm::is_contained(R->Fields, F->getName()))
      return true;
    if (const FunctionDecl *FD = functionNamedBy(BO->getRHS())) {
      Map[FD].push_back({R->StructName, F->getName().str(),
                         Ctx.getSourceManager().getFileLoc(BO->getBeginLoc()),
                         false, R->FailureCleanupField, nullptr,
                         std::nullopt});
      AssignedWirings.push_back({FD, Map[FD].size() - 1});
    }
    return true;
  }

  /// Applies run-time owner assignments once the whole TU has been seen.
  void finish() {
    for (auto &[FD, Index] : AssignedWirings) {
      EntryPointWiring &W = Map[FD][Index];
      if (OwnerAssigned.count(W.StructName))
        W.PinnedByOwner = true;
    }
    for (auto &[FD, Wirings] : Map)
      for (EntryPointWiring &W : Wirings)
        if (W.Var && OwnerAssignedVars.count(W.Var))
          W.PinnedByOwner = true;
  }

private:
  const Decl *CurrentVar = nullptr;
  llvm::StringSet<> OwnerAssigned;
  llvm::DenseSet<const Decl *> OwnerAssignedVars;
  std::vector<std::pair<const FunctionDecl *, size_t>> AssignedWirings;
  ASTContext &Ctx;
  const rules::RuleSet &Rules;
  llvm::DenseMap<const FunctionDecl *, std::vector<EntryPointWiring>> &Map;
};
} // namespace

EntryPointIndex::EntryPointIndex(ASTContext &Ctx, const rules::RuleSet &Rules,
                                 llvm::function_ref<bool(const Decl *)> InScope) {
  Collector C(Ctx, Rules, Map);
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (InScope(D))
      C.TraverseDecl(D);
  C.finish();
}

bool EntryPointIndex::hasFailureCleanup(const FunctionDecl *FD) const {
  const auto &W = wirings(FD);
  return !W.empty() && llvm::all_of(W, [](const EntryPointWiring &E) {
    return !E.FailureCleanupField.empty();
  });
}

const std::vector<EntryPointWiring> &
EntryPointIndex::wirings(const FunctionDecl *FD) const {
  static const std::vector<EntryPointWiring> None;
  auto It = Map.find(FD->getCanonicalDecl());
  return It == Map.end() ? None : It->second;
}

void EntryPointIndex::forEachUndefined(
    llvm::function_ref<void(const FunctionDecl *,
                            const std::vector<EntryPointWiring> &)>
        F) const {
  for (const auto &[FD, Wirings] : Map)
    if (!FD->hasBody())
      F(FD, Wirings);
}

void EntryPointIndex::addWiringFromOtherFile(const FunctionDecl *FD,
                                             EntryPointWiring W) {
  Map[FD->getCanonicalDecl()].push_back(std::move(W));
}

bool EntryPointIndex::isPinnedByCaller(const FunctionDecl *FD) const {
  const auto &W = wirings(FD);
  return !W.empty() && llvm::all_of(W, [](const EntryPointWiring &E) {
    return E.PinnedByOwner;
  });
}

} // namespace modlife
