//===- DestroyDevFromOwnMethodCheck.cpp - modlife-destroy-dev-from-own-method //
//
// destroy_dev() waits until no thread is inside the methods of the cdev it
// destroys. Called from one of those methods (d_close, d_ioctl, ...),
// directly or through helpers of the same file, it waits for the thread
// that calls it: a deadlock. destroy_dev_sched() hands the destruction to a
// taskqueue instead. The methods are the pack's entry points of the method
// structs (cdevsw); the destroy is found with reachSummary over the
// primitive events.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace modlife {
namespace {

const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

std::string compact(llvm::StringRef S) {
  std::string Out;
  for (char C : S)
    if (!isspace(static_cast<unsigned char>(C)))
      Out += C;
  return Out;
}

bool namesOnlyGlobals(const Stmt *S) {
  if (!S)
    return true;
  if (const auto *DR = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *V = dyn_cast<VarDecl>(DR->getDecl()))
      return V->hasGlobalStorage();
    return !isa<ParmVarDecl>(DR->getDecl());
  }
  for (const Stmt *C : S->children())
    if (!namesOnlyGlobals(C))
      return false;
  return true;
}

/// The variable "&foo_cdevsw" or "foo_cdevsw" names, if any.
const VarDecl *addressedVar(const Expr *E) {
  E = strip(E);
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_AddrOf)
    E = strip(UO->getSubExpr());
  if (const auto *DR = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DR->getDecl());
  return nullptr;
}

void forEachSubStmt(const Stmt *S, llvm::function_ref<void(const Stmt *)> Fn) {
  if (!S)
    return;
  Fn(S);
  for (const Stmt *C : S->children())
    forEachSubStmt(C, Fn);
}

class DestroyDevFromOwnMethodCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    Destroy = option("Destroy", "destroy_dev");
    Deferred = option("DeferredDestroy", "destroy_dev_sched");
    Structs = optionList("MethodStructs", "cdevsw");
    const SourceManager &SM = Analysis->context().getSourceManager();
    auto IsDestroy = [&](const ElementEvent &E) {
      // destroy_dev is also the release of the make_dev pair: one event.
      return E.EventKind == ElementEvent::Primitive && !E.Use.isPairUse() &&
             E.Use.Name == Destroy;
    };
    ReachMap Destroys = Analysis->reachSummary(IsDestroy);
    for (const FunctionFacts *FF : Analysis->allFunctions()) {
      const FunctionDecl *Method = FF->Function;
      if (SM.isInSystemHeader(Method->getLocation()))
        continue;
      std::vector<const EntryPointWiring *> Wirings = methodWirings(Method);
      if (Wirings.empty())
        continue;
      Analysis->forEachEvent(Method, [&](const ElementEvent &E) {
        bool Direct = IsDestroy(E);
        bool ViaCall =
            E.EventKind == ElementEvent::LocalCall && Destroys.count(E.Callee);
        if (!Direct && !ViaCall)
          return;
        std::vector<const ElementEvent *> Chain =
            Analysis->reachChain(E, Destroys);
        if (Chain.empty() || !Reported.insert(E.At).second)
          return;
        if (destroysAnotherDevice(*Chain.back(), Method, Wirings))
          return;
        reportDestroy(Method, Wirings, E, Chain);
      });
    }
  }

private:
  std::string Destroy, Deferred;
  std::vector<std::string> Structs;
  llvm::DenseSet<const Stmt *> Reported;
  llvm::DenseSet<unsigned> FixedAt;

  ASTContext &ctx() const { return Analysis->context(); }

  std::vector<const EntryPointWiring *>
  methodWirings(const FunctionDecl *FD) const {
    std::vector<const EntryPointWiring *> Out;
    for (const EntryPointWiring &W : Analysis->entryPoints().wirings(FD))
      if (llvm::is_contained(Structs, W.StructName))
        Out.push_back(&W);
    return Out;
  }

  bool isMethodStructPointer(QualType T) const {
    const auto *PT = T->getAs<PointerType>();
    if (!PT)
      return false;
    const RecordDecl *RD = PT->getPointeeType()->getAsRecordDecl();
    return RD && RD->getIdentifier() &&
           llvm::is_contained(Structs, RD->getName().str());
  }

  /// Whether the destroyed device is provably not one of the method's
  /// struct's devices: the argument is a global whose every creation in
  /// this file (make_dev(&other_cdevsw, ...), make_dev_s with
  /// mda_devsw = &other_cdevsw) names another method struct.
  bool destroysAnotherDevice(
      const ElementEvent &DestroyEvent, const FunctionDecl *Method,
      const std::vector<const EntryPointWiring *> &Wirings) const {
    const auto *CE = dyn_cast_or_null<CallExpr>(DestroyEvent.Use.Anchor);
    if (!CE)
      CE = dyn_cast_or_null<CallExpr>(DestroyEvent.At);
    if (!CE || CE->getNumArgs() == 0)
      return false;
    const Expr *Arg = strip(CE->getArg(0));
    if (!namesOnlyGlobals(Arg))
      return false;
    std::string Handle = compact(Analysis->matcher().textOf(Arg->getSourceRange()));
    if (Handle.empty())
      return false;
    llvm::SmallPtrSet<const Decl *, 4> Own;
    for (const EntryPointWiring *W : Wirings)
      if (!W->Var)
        return false; // wired by assignment: the struct is not known
      else
        Own.insert(W->Var->getCanonicalDecl());
    std::vector<const VarDecl *> Creators = creatorsOf(Handle);
    if (Creators.empty())
      return false;
    return llvm::none_of(Creators, [&](const VarDecl *V) {
      return !V || Own.count(V->getCanonicalDecl());
    });
  }

  /// The method structs of every creation of Handle in this file; a null
  /// entry for a creation whose struct cannot be told.
  std::vector<const VarDecl *> creatorsOf(const std::string &Handle) const {
    std::vector<const VarDecl *> Out;
    const rules::RuleSet &R = Analysis->rules();
    for (const FunctionFacts *FF : Analysis->allFunctions()) {
      const Stmt *Body = FF->Function->getBody();
      forEachSubStmt(Body, [&](const Stmt *S) {
        const auto *CE = dyn_cast<CallExpr>(S);
        const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
        if (!FD || !FD->getIdentifier())
          return;
        const rules::ResourcePairRule *Pair =
            R.pairAcquiredBy(rules::PrimitiveName::Function, FD->getName());
        if (!Pair || Pair->Release.Name != Destroy)
          return;
        // The handle this creation stores.
        const Expr *H = nullptr;
        if (Pair->Handle == rules::HandleKind::Result) {
          return; // found from the assignment below
        }
        if (Pair->HandleArg < CE->getNumArgs()) {
          const Expr *A = strip(CE->getArg(Pair->HandleArg));
          if (const auto *UO = dyn_cast<UnaryOperator>(A);
              UO && UO->getOpcode() == UO_AddrOf)
            H = UO->getSubExpr();
        }
        if (H && text(H) == Handle)
          Out.push_back(structOf(CE, Body));
      });
      forEachSubStmt(Body, [&](const Stmt *S) {
        const auto *BO = dyn_cast<BinaryOperator>(S);
        if (!BO || BO->getOpcode() != BO_Assign || text(BO->getLHS()) != Handle)
          return;
        const auto *CE = dyn_cast<CallExpr>(strip(BO->getRHS()));
        const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
        if (!FD || !FD->getIdentifier())
          return;
        const rules::ResourcePairRule *Pair =
            R.pairAcquiredBy(rules::PrimitiveName::Function, FD->getName());
        if (Pair && Pair->Release.Name == Destroy &&
            Pair->Handle == rules::HandleKind::Result)
          Out.push_back(structOf(CE, Body));
      });
    }
    return Out;
  }

  std::string text(const Expr *E) const {
    return compact(Analysis->matcher().textOf(E->getSourceRange()));
  }

  /// The method struct a creation names: an argument of the method
  /// struct's pointer type, or a field of that type set in the argument
  /// struct the call is given (args.mda_devsw = &foo_cdevsw).
  const VarDecl *structOf(const CallExpr *CE, const Stmt *Body) const {
    for (const Expr *A : CE->arguments()) {
      if (isMethodStructPointer(A->IgnoreParenImpCasts()->getType()))
        return addressedVar(A);
      const auto *UO = dyn_cast<UnaryOperator>(strip(A));
      if (!UO || UO->getOpcode() != UO_AddrOf)
        continue;
      std::string Args = text(UO->getSubExpr());
      const VarDecl *Found = nullptr;
      bool Seen = false;
      forEachSubStmt(Body, [&](const Stmt *S) {
        const auto *BO = dyn_cast<BinaryOperator>(S);
        if (!BO || BO->getOpcode() != BO_Assign)
          return;
        const auto *ME = dyn_cast<MemberExpr>(strip(BO->getLHS()));
        if (!ME || !isMethodStructPointer(ME->getType()) ||
            text(ME->getBase()) != Args)
          return;
        Found = Seen && Found != addressedVar(BO->getRHS())
                    ? nullptr
                    : addressedVar(BO->getRHS());
        Seen = true;
      });
      if (Seen)
        return Found;
    }
    return nullptr;
  }

  /// Whether every call of Helper is in a method and its address is never
  /// taken, so that the destroy in it always runs inside a method.
  bool onlyMethodsCall(const FunctionDecl *Helper) const {
    bool Only = true, Called = false;
    for (const FunctionFacts *FF : Analysis->allFunctions())
      Analysis->forEachEvent(FF->Function, [&](const ElementEvent &E) {
        if (E.Callee != Helper)
          return;
        if (E.EventKind == ElementEvent::FunctionEscapes)
          Only = false;
        else if (E.EventKind == ElementEvent::LocalCall) {
          Called = true;
          if (methodWirings(FF->Function).empty())
            Only = false;
        }
      });
    return Only && Called;
  }

  void reportDestroy(const FunctionDecl *Method,
                     const std::vector<const EntryPointWiring *> &Wirings,
                     const ElementEvent &At,
                     const std::vector<const ElementEvent *> &Chain) {
    const EntryPointWiring &W = *Wirings.front();
    std::string MethodName = Method->getName().str();
    std::string Role = W.FieldName + " method";
    bool Direct = Chain.size() == 1;
    std::string Why = "'" + Destroy +
                      "' waits until no thread is in the device's methods, "
                      "and this thread is in '" +
                      MethodName + "': it waits for itself";
    // The method's own cdev parameter is the device for certain; anything
    // else may be it (see destroysAnotherDevice).
    const auto *Call = dyn_cast_or_null<CallExpr>(At.Use.Anchor);
    const auto *ArgRef =
        Direct && Call && Call->getNumArgs()
            ? dyn_cast<DeclRefExpr>(strip(Call->getArg(0)))
            : nullptr;
    const auto *ArgParam =
        ArgRef ? dyn_cast<ParmVarDecl>(ArgRef->getDecl()) : nullptr;
    bool OwnDevice = ArgParam && ArgParam->getDeclContext() == Method;
    std::string Whose = OwnDevice ? "', the " + Role + " of the device it destroys; "
                                  : "', a " + Role +
                                        " of a device it may destroy; ";
    Finding &F =
        Direct ? report(At.Loc, "'" + Destroy + "' in '" + MethodName + Whose + Why)
               : report(At.Loc, "'" + At.CalleeName + "' may call '" +
                                    Destroy + "' from '" + MethodName + Whose +
                                    Why);
    for (size_t I = 1; I < Chain.size(); ++I)
      Ctx.note(F, Chain[I]->Loc,
               I + 1 == Chain.size()
                   ? "'" + Chain[I]->InFunction->getName().str() +
                         "' calls '" + Destroy +
                         "', which waits for every thread in the device's "
                         "methods; from a method, use '" +
                         Deferred + "'"
                   : "'" + Chain[I]->InFunction->getName().str() +
                         "' calls '" + Chain[I]->CalleeName + "'");
    for (const EntryPointWiring *Wi : Wirings) {
      std::string Struct = Wi->StructName;
      if (const auto *ND = dyn_cast_or_null<NamedDecl>(Wi->Var))
        Struct = ND->getName().str();
      if (Wi->Loc.isValid())
        Ctx.note(F, Wi->Loc,
                 "'" + MethodName + "' is the " + Wi->FieldName + " of '" +
                     Struct + "'");
    }
    suggestFix(F, Chain);
  }

  /// Renames the call to the deferred destroy, which takes the same
  /// argument, when it is written in the method or in a helper that only
  /// methods call.
  void suggestFix(Finding &F, const std::vector<const ElementEvent *> &Chain) {
    if (Chain.size() > 2 ||
        (Chain.size() == 2 && !onlyMethodsCall(Chain.back()->InFunction)))
      return;
    const IdentifierInfo &II = ctx().Idents.get(Deferred);
    DeclContext::lookup_result R =
        ctx().getTranslationUnitDecl()->lookup(DeclarationName(&II));
    if (R.empty() || !isa<FunctionDecl>(R.front()))
      return;
    const PrimitiveUse &U = Chain.back()->Use;
    // Two methods that share the helper give two findings with the same
    // edit; it goes with the first only, since clang-tidy drops both
    // copies of a repeated replacement.
    if (U.Loc.isMacroID() || !FixedAt.insert(U.Loc.getRawEncoding()).second)
      return;
    Ctx.fix(F, {FixItHint::CreateReplacement(
                   CharSourceRange::getTokenRange(U.Loc, U.Loc), Deferred)});
  }
};

} // namespace

std::unique_ptr<ModlifeCheck>
createDestroyDevFromOwnMethodCheck(CheckContext &C) {
  return std::make_unique<DestroyDevFromOwnMethodCheck>(
      "modlife-destroy-dev-from-own-method", C);
}

} // namespace modlife
