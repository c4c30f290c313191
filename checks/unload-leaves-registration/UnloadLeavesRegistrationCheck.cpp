//===- UnloadLeavesRegistrationCheck.cpp - modlife-unload-leaves-registration //
//
// A registration hands the kernel a pointer into the module: a cdev whose
// cdevsw is module data, an interrupt handler, an event handler. If detach
// or unload does not undo it, the kernel keeps the pointer after kldunload
// and the next open, interrupt or event jumps into freed text.
//
// Two findings:
//  - a static-registrations macro (EVENTHANDLER_DEFINE) in a loadable
//    module: it registers from a SYSINIT and nothing ever deregisters;
//  - a registration resource pair (resource-pairs with registration: true)
//    acquired in load or attach code, whose handle no teardown of the same
//    lifetime (unload, MOD_UNLOAD, detach, and their TU-local callees)
//    passes to the matching release. Handles match by their text, so
//    "&sc->sc_ih" at the acquisition is "sc->sc_ih" at the release, or by
//    the field when both are a field reached through a pointer variable
//    ("pi->port_cdev" and "p->port_cdev" of one struct port_info).
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/EntryPoints.h"
#include "analyzer/engine/TUAnalysis.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;
using modlife::rules::HandleKind;
using modlife::rules::LifecycleRole;
using modlife::rules::PrimitiveName;
using modlife::rules::ResourcePairRule;

namespace modlife {
namespace {

/// How long a registration is meant to live: until detach, until unload,
/// for good (made by an attach whose driver has no detach method, so the
/// device never detaches), or (made from an entry point or anything else)
/// no telling.
enum class Lifetime { Device, Module, NeverDetached, Unknown };

/// A field of a struct reached through a pointer variable
/// ("pi->port_cdev"): the struct's name and the field's. Another variable
/// of the same type ("p->port_cdev") names the same field. By name, since
/// a struct that real code's headers failed to define is declared anew by
/// each prototype that mentions it, each time as another type.
struct FieldId {
  /// The struct's tag (or typedef) name; empty when the handle is no such
  /// field.
  std::string Record;
  std::string Name;
  explicit operator bool() const { return !Record.empty(); }
  bool operator==(const FieldId &O) const {
    return Record == O.Record && Name == O.Name;
  }
};

/// A handle as releases are matched against it: its text, and its field.
struct HandleRef {
  std::string Key;
  FieldId Field;
};

struct Acquisition {
  const ResourcePairRule *Rule = nullptr;
  const CallExpr *Call = nullptr;
  const FunctionDecl *InFunction = nullptr;
  SourceLocation Loc;
  /// The primitive as written (the macro, when a macro matched).
  std::string Name;
  /// The handle, normalized; empty when the code keeps none.
  std::string Handle;
  /// Its field, as HandleRef says.
  FieldId HandleField;
  /// Where the function stores the handle when it is a local
  /// ("device = make_dev(...); stp->dev1 = device;"): a release of any of
  /// these releases it.
  std::vector<HandleRef> StoredIn;
  /// The other arguments, normalized: what the registration uses.
  std::vector<std::string> Uses;
};

struct Release {
  const ResourcePairRule *Rule = nullptr;
  std::string Handle;
  FieldId Field;
};

/// A call that frees something (see 'frees'), for the note at a teardown
/// that frees what a still-registered callback uses.
struct FreeCall {
  SourceLocation Loc;
  std::string Object;
};

/// What one function (or one arm of a module event handler) does.
struct Scan {
  /// The function scanned, so that a recursive helper is not entered again.
  const FunctionDecl *Self = nullptr;
  std::vector<Acquisition> Acquisitions;
  std::vector<Release> Releases;
  std::vector<FreeCall> Frees;
  std::vector<const FunctionDecl *> Callees;
  /// Return statements in block order.
  std::vector<const ReturnStmt *> Returns;
};

class UnloadLeavesRegistrationCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    const SourceManager &SM = Analysis->context().getSourceManager();
    IsModule = Analysis->hasModuleMarker();
    if (IsModule)
      reportStaticRegistrations();
    LeftToModeventContract = optionList("LeftToModeventContract", "cdev");

    const LifecycleIndex &LI = Analysis->lifecycle();
    std::vector<Teardown> DeviceTeardowns, ModuleTeardowns;
    for (const LifecycleFunction &L : LI.functions()) {
      if (SM.isInSystemHeader(L.Function->getLocation()))
        continue;
      switch (L.Role) {
      case LifecycleRole::Detach:
        DeviceTeardowns.push_back({&L, scanFunction(L.Function, nullptr)});
        break;
      case LifecycleRole::Unload:
        ModuleTeardowns.push_back({&L, scanFunction(L.Function, nullptr)});
        break;
      case LifecycleRole::Events: {
        llvm::BitVector B =
            Analysis->blocksOnModuleEvent(L, ModuleEvent::Unload);
        if (B.any())
          ModuleTeardowns.push_back({&L, scanFunction(L.Function, &B)});
        break;
      }
      default:
        break;
      }
    }

    // Which function's acquisitions live how long: reached from attach
    // code, from load code, or from neither.
    llvm::DenseMap<const FunctionDecl *, Lifetime> LifetimeOf;
    auto Mark = [&](const std::vector<const FunctionDecl *> &Roots,
                    Lifetime T) {
      for (const FunctionDecl *F : reachableFrom(Roots))
        if (!LifetimeOf.count(F))
          LifetimeOf[F] = T;
    };
    std::vector<const FunctionDecl *> LoadRoots, AttachRoots,
        NeverDetachedRoots;
    llvm::DenseSet<const FunctionDecl *> CannotDetach =
        attachesThatCannotDetach();
    // Acquisitions written directly in a MOD_LOAD arm, per handler.
    std::vector<std::pair<const LifecycleFunction *, Scan>> LoadArms;
    for (const LifecycleFunction &L : LI.functions()) {
      if (SM.isInSystemHeader(L.Function->getLocation()))
        continue;
      if (L.Role == LifecycleRole::Load)
        LoadRoots.push_back(L.Function);
      else if (L.Role == LifecycleRole::Attach)
        (CannotDetach.contains(L.Function->getCanonicalDecl())
             ? NeverDetachedRoots
             : AttachRoots)
            .push_back(L.Function);
      else if (L.Role == LifecycleRole::Events) {
        llvm::BitVector B = Analysis->blocksOnModuleEvent(L, ModuleEvent::Load);
        if (B.none())
          continue;
        LoadArms.push_back({&L, scanFunction(L.Function, &B)});
        for (const FunctionDecl *C : LoadArms.back().second.Callees)
          LoadRoots.push_back(C);
      }
    }
    // Load wins over attach: DRIVER_MODULE's MOD_LOAD may attach, but code
    // that load reaches lives as long as the module.
    Mark(LoadRoots, Lifetime::Module);
    Mark(AttachRoots, Lifetime::Device);
    // What only an attach that cannot be undone reaches stays for good.
    Mark(NeverDetachedRoots, Lifetime::NeverDetached);

    // Every release anywhere in the TU, for acquisitions of no known
    // lifetime: released somewhere is enough for them.
    std::vector<Release> AllReleases;
    for (const FunctionFacts *FF : Analysis->allFunctions()) {
      if (!inMainFile(FF->Function))
        continue;
      const Scan &S = scanFunction(FF->Function, nullptr);
      llvm::append_range(AllReleases, S.Releases);
    }

    // modlife-modevent-contract reports a MOD_UNLOAD that returns 0 while
    // its handler releases a resource of load time only on another arm
    // (MOD_SHUTDOWN): the releases of handlers that have a MOD_UNLOAD arm.
    // A resource released nowhere is this check's.
    HandlerReleases.clear();
    for (const LifecycleFunction &L : LI.functions())
      if (L.Role == LifecycleRole::Events &&
          Analysis->blocksOnModuleEvent(L, ModuleEvent::Unload).any())
        llvm::append_range(HandlerReleases,
                           scanFunction(L.Function, nullptr).Releases);
    for (auto &[L, S] : LoadArms)
      for (const Acquisition &A : S.Acquisitions)
        check(A, Lifetime::Module, ModuleTeardowns, DeviceTeardowns,
              AllReleases);
    for (const FunctionFacts *FF : Analysis->allFunctions()) {
      if (!inMainFile(FF->Function))
        continue;
      const FunctionDecl *F = FF->Function;
      // A module event handler's arms were done above; its other parts
      // (MOD_UNLOAD, MOD_SHUTDOWN) acquire nothing meant to outlive them.
      if (LI.find(F, LifecycleRole::Events))
        continue;
      auto It = LifetimeOf.find(F);
      Lifetime T = It == LifetimeOf.end() ? Lifetime::Unknown : It->second;
      for (const Acquisition &A : scanFunction(F, nullptr).Acquisitions)
        check(A, T, ModuleTeardowns, DeviceTeardowns, AllReleases);
    }
  }

private:
  struct Teardown {
    const LifecycleFunction *Wiring = nullptr;
    Scan What;
    bool isEventArm() const {
      return Wiring->Role == LifecycleRole::Events;
    }
  };

  bool IsModule = false;
  std::vector<std::string> LeftToModeventContract;
  mutable llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Scan>>
      WholeScans;
  mutable std::vector<std::unique_ptr<Scan>> PartScans;
  llvm::DenseSet<const Stmt *> Handled;
  std::vector<Release> HandlerReleases;

  bool inMainFile(const FunctionDecl *F) const {
    const SourceManager &SM = Analysis->context().getSourceManager();
    return SM.isInMainFile(SM.getExpansionLoc(F->getLocation()));
  }

  bool leftToModeventContract(const ResourcePairRule &R) const {
    return llvm::is_contained(LeftToModeventContract, R.What);
  }

  /// The attach functions wired only by method tables that wire no detach
  /// method: "DEVMETHOD(device_attach, f)" with no device_detach entry. A
  /// kobj method missing from a table runs the method's default, and
  /// FreeBSD's device_detach has none: detach fails with ENXIO, the device
  /// stays attached and the driver's module cannot unload. A function also
  /// wired by a table that has a detach is not one of them.
  llvm::DenseSet<const FunctionDecl *> attachesThatCannotDetach() const {
    const rules::RuleSet &RS = Analysis->rules();
    std::vector<StringRef> DetachMethods;
    for (const rules::LifecycleRule *R : RS.lifecycleRules())
      if (R->Role == LifecycleRole::Detach && !R->Method.empty())
        DetachMethods.push_back(R->Method);
    llvm::DenseSet<const FunctionDecl *> InTableWithout, InTableWith, Out;
    if (DetachMethods.empty())
      return Out;
    for (const Decl *D :
         Analysis->context().getTranslationUnitDecl()->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      const Expr *Init = VD ? VD->getInit() : nullptr;
      const ArrayType *AT =
          Init ? VD->getType()->getAsArrayTypeUnsafe() : nullptr;
      const RecordDecl *Entry =
          AT ? AT->getElementType()->getAsRecordDecl() : nullptr;
      const rules::MethodTableRule *MT = Entry && Entry->getIdentifier()
                                             ? RS.methodTable(Entry->getName())
                                             : nullptr;
      if (!MT)
        continue;
      // The table names each method by its descriptor variable
      // ("&device_detach_desc") and each function by a reference.
      llvm::StringSet<> Descriptors;
      SmallVector<const FunctionDecl *, 8> Functions;
      collectFunctionRefs(Init, Functions);
      SmallVector<const Stmt *, 32> Work{Init};
      while (!Work.empty()) {
        const Stmt *S = Work.pop_back_val();
        if (!S)
          continue;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
          if (const auto *Desc = dyn_cast<VarDecl>(DRE->getDecl());
              Desc && Desc->getIdentifier())
            Descriptors.insert(Desc->getName());
        llvm::append_range(Work, S->children());
      }
      bool HasDetach = llvm::any_of(DetachMethods, [&](StringRef M) {
        return Descriptors.contains((M + MT->NameSuffix).str());
      });
      for (const FunctionDecl *F : Functions)
        (HasDetach ? InTableWith : InTableWithout)
            .insert(F->getCanonicalDecl());
    }
    for (const LifecycleFunction *L :
         Analysis->lifecycle().withRole(LifecycleRole::Attach)) {
      const FunctionDecl *C = L->Function->getCanonicalDecl();
      if (InTableWithout.contains(C) && !InTableWith.contains(C))
        Out.insert(C);
    }
    return Out;
  }

  // --- Static registrations (EVENTHANDLER_DEFINE) -------------------------

  bool inStaticRegistration(SourceLocation L) const {
    if (!L.isMacroID())
      return false;
    for (const std::string &M : Analysis->matcher().macroChainAt(L))
      if (Analysis->rules().staticRegistration(M))
        return true;
    return false;
  }

  void reportStaticRegistrations() {
    const ASTContext &AC = Analysis->context();
    const SourceManager &SM = AC.getSourceManager();
    llvm::DenseSet<unsigned> Seen;
    for (const Decl *D : AC.getTranslationUnitDecl()->decls()) {
      SourceLocation L = D->getBeginLoc();
      if (!L.isMacroID() || !SM.isInMainFile(SM.getExpansionLoc(L)))
        continue;
      for (const std::string &M : Analysis->matcher().macroChainAt(L)) {
        const rules::StaticRegistrationRule *R =
            Analysis->rules().staticRegistration(M);
        if (!R)
          continue;
        SourceLocation At = SM.getExpansionLoc(L);
        if (!Seen.insert(At.getRawEncoding()).second)
          break;
        Finding &F = report(At, "'" + M + "' registers an " + R->What +
                                    " that nothing removes when this "
                                    "loadable module unloads; the next "
                                    "event calls into unloaded code");
        if (!R->Instead.empty())
          Ctx.note(F, At, "in a module, use " + R->Instead);
        break;
      }
    }
  }

  // --- Scanning ------------------------------------------------------------

  /// Handles and arguments are read the way the engine reads them for
  /// every pair (PrimitiveMatcher), so that both agree on a handle.
  std::string key(const Expr *E) const {
    return Analysis->matcher().handleKey(E);
  }
  const Expr *argument(const CallExpr *CE, StringRef Macro, unsigned I) const {
    return Analysis->matcher().argumentOf(CE, Macro, I);
  }

  /// The field of a handle written as a field reached through a pointer
  /// variable ("pi->port_cdev", "&sc->sc_ih"), else none. Only a variable
  /// base: "sc->port[0]->cdev" and "sc->port[1]->cdev" are not one handle.
  /// Where the struct did not parse (real code with a missing header),
  /// clang keeps "pi->port_cdev" as an error node over "pi": the type is
  /// then pi's and the name the one written after "->".
  FieldId fieldOf(const Expr *E) const {
    const Expr *H = PrimitiveMatcher::handleExpr(E);
    const Expr *Base = nullptr;
    std::string Name;
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(H)) {
      if (!ME->isArrow() || !ME->getMemberDecl()->getIdentifier())
        return {};
      Base = ME->getBase();
      Name = ME->getMemberDecl()->getName().str();
    } else if (const auto *RE = dyn_cast_or_null<RecoveryExpr>(H);
               RE && RE->subExpressions().size() == 1) {
      Base = RE->subExpressions().front();
      std::string Written = key(H);
      StringRef Text = Written;
      size_t Arrow = Text.find("->");
      if (Arrow == StringRef::npos ||
          !isValidAsciiIdentifier(Text.substr(Arrow + 2)))
        return {};
      Name = Text.substr(Arrow + 2).str();
    }
    const auto *DRE =
        Base ? dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts()) : nullptr;
    if (!DRE || !isa<VarDecl>(DRE->getDecl()) ||
        Analysis->matcher().textOf(DRE->getSourceRange()) + "->" + Name !=
            key(H))
      return {};
    QualType Pointee = DRE->getType()->getPointeeType();
    const RecordDecl *RD =
        Pointee.isNull() ? nullptr : Pointee->getAsRecordDecl();
    if (!RD)
      return {};
    if (RD->getIdentifier())
      return {RD->getName().str(), std::move(Name)};
    if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
      return {TD->getName().str(), std::move(Name)};
    return {};
  }

  /// The local variable (not a parameter) E names, else null.
  static const VarDecl *localOf(const Expr *E) {
    const auto *DRE = dyn_cast_or_null<DeclRefExpr>(PrimitiveMatcher::handleExpr(E));
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) ? VD : nullptr;
  }

  /// Whether the acquisition writes its handle where the function's own
  /// caller said: the out-argument is a parameter passed on as it is
  /// ("cookiep" in a bus driver's bus_setup_intr method, which calls
  /// BUS_SETUP_INTR on its parent for a child, or in an exported wrapper
  /// such as sound's snd_setup_intr). The handle, and undoing it, are the
  /// caller's.
  bool handedToCaller(const CallExpr *CE, StringRef Macro,
                      const ResourcePairRule &R) const {
    if (R.Handle != HandleKind::OutArg)
      return false;
    const Expr *H = argument(CE, Macro, R.HandleArg);
    const auto *DRE =
        H ? dyn_cast<DeclRefExpr>(H->IgnoreParenCasts()) : nullptr;
    return DRE && isa<ParmVarDecl>(DRE->getDecl());
  }

  /// Where the function stores the handle that the acquisition CE put in
  /// the local Local: the left sides of "place = Local" on the paths from
  /// CE up to where Local is assigned again (atapi-tape reuses one local
  /// for two cdevs and stores each in its own field).
  std::vector<HandleRef> storesOfLocal(const FunctionFacts &FF,
                                       const CallExpr *CE,
                                       const VarDecl *Local) const {
    std::vector<HandleRef> Out;
    auto Pos = FF.positionOf(CE);
    if (!Pos)
      return Out;
    auto Names = [Local](const Expr *E) {
      const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
      return DRE && DRE->getDecl() == Local;
    };
    SmallVector<std::pair<const CFGBlock *, unsigned>, 8> Work{
        {Pos->first, Pos->second + 1}};
    llvm::SmallPtrSet<const CFGBlock *, 16> Entered;
    while (!Work.empty()) {
      auto [B, I] = Work.pop_back_val();
      bool Overwritten = false;
      for (unsigned N = B->size(); I < N && !Overwritten; ++I) {
        auto CS = (*B)[I].getAs<CFGStmt>();
        const auto *BO = CS ? dyn_cast<BinaryOperator>(CS->getStmt()) : nullptr;
        if (!BO || BO->getOpcode() != BO_Assign)
          continue;
        if (Names(BO->getLHS()))
          Overwritten = BO->getRHS()->IgnoreParenCasts() != CE;
        else if (Names(BO->getRHS()) && !localOf(BO->getLHS()))
          if (std::string K = key(BO->getLHS()); !K.empty())
            Out.push_back({K, fieldOf(BO->getLHS())});
      }
      if (Overwritten)
        continue;
      for (const CFGBlock *S : B->succs())
        if (S && Entered.insert(S).second)
          Work.push_back({S, 0});
    }
    return Out;
  }

  void scanCall(const FunctionFacts &FF, const CallExpr *CE, Scan &Out) const {
    const rules::RuleSet &RS = Analysis->rules();
    const SourceManager &SM = Analysis->context().getSourceManager();
    const PrimitiveMatcher &PM = Analysis->matcher();
    auto [Acq, AcqMacro] = PM.pairAcquiredAt(CE);
    if (Acq && Acq->Registration && !inStaticRegistration(CE->getBeginLoc()) &&
        !handedToCaller(CE, AcqMacro, *Acq)) {
      Acquisition A;
      A.Rule = Acq;
      A.Call = CE;
      A.InFunction = FF.Function;
      A.Name = AcqMacro.empty() ? CE->getDirectCallee()->getName().str()
                                : AcqMacro;
      A.Loc = AcqMacro.empty()
                  ? Analysis->matcher().reportLoc(CE->getBeginLoc())
                  : SM.getExpansionLoc(CE->getBeginLoc());
      std::optional<unsigned> HandleArg;
      const VarDecl *Local = nullptr;
      if (Acq->Handle == HandleKind::Result) {
        ResultHandle Stored = PM.resultHandle(CE, *FF.Parents);
        A.Handle = Stored.Key;
        A.HandleField = fieldOf(Stored.Place);
        if (Stored.Place)
          Local = localOf(Stored.Place);
        else if (Stored.Variable && Stored.Variable->hasLocalStorage())
          Local = Stored.Variable;
      } else {
        HandleArg = Acq->HandleArg;
        const Expr *H = argument(CE, AcqMacro, Acq->HandleArg);
        A.Handle = key(H);
        A.HandleField = fieldOf(H);
        Local = localOf(H);
      }
      // A handle kept in a local and then stored: the stored place is the
      // handle teardown sees; name the first one in the report.
      if (Local && !A.Handle.empty())
        if (std::vector<HandleRef> Stores = storesOfLocal(FF, CE, Local);
            !Stores.empty()) {
          A.StoredIn.push_back({A.Handle, {}});
          A.Handle = Stores.front().Key;
          A.HandleField = Stores.front().Field;
          A.StoredIn.insert(A.StoredIn.end(), Stores.begin() + 1, Stores.end());
        }
      for (unsigned I = 0, N = PM.argumentCountOf(CE, AcqMacro); I < N; ++I)
        if (I != HandleArg)
          if (std::string K = key(argument(CE, AcqMacro, I)); !K.empty())
            A.Uses.push_back(K);
      Out.Acquisitions.push_back(std::move(A));
    }
    // A release macro's body calls the release function too: both count.
    for (const PairAt &Rel : PM.pairsReleasedAt(CE)) {
      const Expr *H = argument(CE, Rel.Macro, Rel.Rule->ReleaseArg);
      Out.Releases.push_back({Rel.Rule, key(H), fieldOf(H)});
    }
    SourceLocation L = CE->getBeginLoc();
    std::vector<std::pair<PrimitiveName::Kind, std::string>> Names;
    if (L.isMacroID())
      for (const std::string &M : Analysis->matcher().macroChainAt(L))
        Names.push_back({PrimitiveName::Macro, M});
    if (const FunctionDecl *FD = CE->getDirectCallee())
      if (FD->getIdentifier())
        Names.push_back({PrimitiveName::Function, FD->getName().str()});
    for (auto &[K, N] : Names) {
      if (const rules::FreeRule *R = RS.freeRule(K, N))
        if (std::string O =
                key(argument(CE, K == PrimitiveName::Macro ? N : "", R->Arg));
            !O.empty())
          Out.Frees.push_back(
              {K == PrimitiveName::Macro
                   ? SM.getExpansionLoc(L)
                   : Analysis->matcher().reportLoc(CE->getBeginLoc()),
               O});
    }
    if (const FunctionDecl *FD = CE->getDirectCallee()) {
      const FunctionDecl *Def = nullptr;
      if (FD->hasBody(Def) && Def && Analysis->factsFor(Def)) {
        Out.Callees.push_back(Def);
        releasesThroughParameters(CE, Def, Out);
      }
    }
  }

  /// A helper that releases what its parameter points at
  /// ("retire(&foo_sc)" with "destroy_dev(sc->sc_cdev)" in retire)
  /// releases the caller's handle: its releases are added under the
  /// caller's names ("foo_sc.sc_cdev"). One level of calls.
  void releasesThroughParameters(const CallExpr *CE, const FunctionDecl *Def,
                                 Scan &Out) const {
    if (Def == Out.Self)
      return;
    const Scan &Callee = scanFunction(Def, nullptr);
    for (unsigned I = 0; I < CE->getNumArgs() && I < Def->getNumParams(); ++I) {
      const ParmVarDecl *P = Def->getParamDecl(I);
      std::string Arg = key(CE->getArg(I));
      if (!P->getIdentifier() || Arg.empty())
        continue;
      const auto *U = dyn_cast<UnaryOperator>(CE->getArg(I)->IgnoreParenCasts());
      bool AddressOf = U && U->getOpcode() == UO_AddrOf;
      std::string Param = P->getName().str();
      for (const Release &R : Callee.Releases) {
        StringRef H = R.Handle;
        if (H == Param && !AddressOf)
          Out.Releases.push_back({R.Rule, Arg, fieldOf(CE->getArg(I))});
        else if (H.consume_front(Param + "->"))
          Out.Releases.push_back(
              {R.Rule, Arg + (AddressOf ? "." : "->") + H.str(), {}});
      }
    }
  }

  /// What F does, in the blocks of Blocks only when given. Whole functions
  /// are scanned once: every root and teardown walks its callees again.
  const Scan &scanFunction(const FunctionDecl *F,
                           const llvm::BitVector *Blocks) const {
    if (!Blocks)
      if (auto It = WholeScans.find(F); It != WholeScans.end())
        return *It->second;
    auto Owned = std::make_unique<Scan>();
    Scan &Out = *Owned;
    const Scan &Result = *Owned;
    if (Blocks)
      PartScans.push_back(std::move(Owned));
    else
      WholeScans[F] = std::move(Owned);
    Out.Self = F;
    const FunctionFacts *FF = Analysis->factsFor(F);
    if (!FF || !FF->Cfg)
      return Result;
    for (const CFGBlock *B : *FF->Cfg) {
      if (Blocks && !Blocks->test(B->getBlockID()))
        continue;
      for (const CFGElement &El : *B) {
        auto CS = El.getAs<CFGStmt>();
        if (!CS)
          continue;
        if (const auto *CE = dyn_cast<CallExpr>(CS->getStmt()))
          scanCall(*FF, CE, Out);
        else if (const auto *RS = dyn_cast<ReturnStmt>(CS->getStmt()))
          Out.Returns.push_back(RS);
      }
    }
    // A handle copied into a local before its release ("dev = sc->cdev;
    // sc->cdev = NULL; destroy_dev(dev);", the usual way to clear the
    // global under a lock) is released under the name it came from too.
    llvm::StringMap<std::vector<HandleRef>> CopiedFrom;
    for (const CFGBlock *B : *FF->Cfg)
      for (const CFGElement &El : *B) {
        auto CS = El.getAs<CFGStmt>();
        if (!CS)
          continue;
        const VarDecl *Local = nullptr;
        const Expr *From = nullptr;
        if (const auto *BO = dyn_cast<BinaryOperator>(CS->getStmt());
            BO && BO->getOpcode() == BO_Assign) {
          if (const auto *DRE =
                  dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
            Local = dyn_cast<VarDecl>(DRE->getDecl());
          From = BO->getRHS();
        } else if (const auto *DS = dyn_cast<DeclStmt>(CS->getStmt());
                   DS && DS->isSingleDecl()) {
          Local = dyn_cast<VarDecl>(DS->getSingleDecl());
          From = Local ? Local->getInit() : nullptr;
        }
        if (Local && From && Local->hasLocalStorage() &&
            !isa<ParmVarDecl>(Local) && Local->getIdentifier())
          if (std::string K = key(From); !K.empty())
            CopiedFrom[Local->getName()].push_back({K, fieldOf(From)});
      }
    for (size_t I = 0, N = Out.Releases.size(); I < N; ++I) {
      auto It = CopiedFrom.find(Out.Releases[I].Handle);
      if (It != CopiedFrom.end())
        for (const HandleRef &H : It->second)
          Out.Releases.push_back({Out.Releases[I].Rule, H.Key, H.Field});
    }
    // Blocks come in reverse order in the CFG: put returns in source order.
    llvm::sort(Out.Returns, [&](const ReturnStmt *A, const ReturnStmt *B) {
      return Analysis->context().getSourceManager().isBeforeInTranslationUnit(
          A->getBeginLoc(), B->getBeginLoc());
    });
    return Result;
  }

  /// Roots and every TU-local function they call, transitively.
  std::vector<const FunctionDecl *>
  reachableFrom(const std::vector<const FunctionDecl *> &Roots) const {
    std::vector<const FunctionDecl *> Order, Work(Roots.begin(), Roots.end());
    llvm::SmallPtrSet<const FunctionDecl *, 16> Seen;
    while (!Work.empty()) {
      const FunctionDecl *F = Work.back();
      Work.pop_back();
      if (!Seen.insert(F).second)
        continue;
      Order.push_back(F);
      llvm::append_range(Work, scanFunction(F, nullptr).Callees);
    }
    return Order;
  }

  /// Releases a teardown makes, itself or through its TU-local callees.
  std::vector<Release> releasesOf(const Teardown &T) const {
    std::vector<Release> R = T.What.Releases;
    for (const FunctionDecl *F : reachableFrom(T.What.Callees))
      llvm::append_range(R, scanFunction(F, nullptr).Releases);
    return R;
  }

  bool alwaysRefuses(const Teardown &TD) const {
    const std::vector<const ReturnStmt *> &Rs = TD.What.Returns;
    return !Rs.empty() && llvm::all_of(Rs, [&](const ReturnStmt *R) {
      return R->getRetValue() && Analysis->isFailureConstant(R->getRetValue());
    });
  }

  static bool releases(const Release &R, const Acquisition &A) {
    bool SameKind = R.Rule == A.Rule ||
                    (R.Rule->Release.NameKind == A.Rule->Release.NameKind &&
                     R.Rule->Release.Name == A.Rule->Release.Name) ||
                    R.Rule->What == A.Rule->What;
    if (!SameKind)
      return false;
    // A handle the code does not keep: any release of its kind may be it.
    if (A.Handle.empty())
      return true;
    auto Matches = [&R](StringRef Key, const FieldId &Field) {
      return sameHandle(R.Handle, Key) || (Field && R.Field == Field);
    };
    return Matches(A.Handle, A.HandleField) ||
           llvm::any_of(A.StoredIn, [&](const HandleRef &H) {
             return Matches(H.Key, H.Field);
           });
  }

  /// Whether a release of Released undoes Acquired. A release indexed by a
  /// variable ("sc->irq[i].tag" in detach's loop over every vector) covers
  /// any element of the array ("sc->irq[0].tag" set up in attach).
  static bool sameHandle(StringRef Released, StringRef Acquired) {
    if (Released == Acquired)
      return true;
    bool VariableIndex = false;
    auto Wild = [&VariableIndex](StringRef H, bool NoteVariables) {
      std::string Out;
      for (size_t I = 0; I < H.size(); ++I) {
        if (H[I] != '[') {
          Out += H[I];
          continue;
        }
        size_t Close = H.find(']', I);
        if (Close == StringRef::npos)
          return std::string(H);
        StringRef Index = H.slice(I + 1, Close);
        if (NoteVariables && !llvm::all_of(Index, llvm::isDigit))
          VariableIndex = true;
        Out += "[]";
        I = Close;
      }
      return Out;
    };
    std::string R = Wild(Released, true), A = Wild(Acquired, false);
    return VariableIndex && R == A;
  }

  // --- Reporting -----------------------------------------------------------

  void check(const Acquisition &A, Lifetime T,
             const std::vector<Teardown> &ModuleTeardowns,
             const std::vector<Teardown> &DeviceTeardowns,
             const std::vector<Release> &AllReleases) {
    if (!Handled.insert(A.Call).second)
      return;
    if (T == Lifetime::Module && leftToModeventContract(*A.Rule) &&
        llvm::any_of(HandlerReleases,
                     [&](const Release &R) { return releases(R, A); }))
      return;
    const std::vector<Teardown> *Mine = nullptr;
    std::vector<Teardown> Both;
    switch (T) {
    case Lifetime::Device:
      Mine = &DeviceTeardowns;
      break;
    case Lifetime::Module:
      Mine = &ModuleTeardowns;
      break;
    case Lifetime::NeverDetached:
      // Made for a device that can never detach: nothing to undo.
      return;
    case Lifetime::Unknown:
      // Made from an entry point or a callback: released anywhere in the
      // file is enough, since it may well be released by another entry.
      if (llvm::any_of(AllReleases,
                       [&](const Release &R) { return releases(R, A); }))
        return;
      Both = DeviceTeardowns;
      llvm::append_range(Both, ModuleTeardowns);
      Mine = &Both;
      break;
    }
    // No teardown at all: whether the module can unload then depends on
    // code this file may not hold (the default event handler refuses
    // MOD_UNLOAD, a driver without detach cannot detach); stay quiet.
    if (Mine->empty())
      return;
    // A teardown that always refuses (every return is a failure, as a
    // detach that returns EBUSY, or a MOD_UNLOAD arm that does) never lets
    // the module go with the registration live: nothing to undo.
    if (llvm::all_of(*Mine, [&](const Teardown &TD) { return alwaysRefuses(TD); }))
      return;
    // A release in any teardown counts: attach's registrations are at times
    // undone on unload, for all devices at once.
    for (const auto *List : {&DeviceTeardowns, &ModuleTeardowns})
      for (const Teardown &TD : *List)
        for (const Release &R : releasesOf(TD))
          if (releases(R, A))
            return;
    std::string Where = T == Lifetime::Device   ? "detach"
                        : T == Lifetime::Module ? "unload"
                                                : "detach or unload";
    std::string What = A.Rule->What;
    Finding &F =
        A.Handle.empty()
            ? report(A.Loc, "'" + A.Name + "' makes " + article(What) +
                                " whose handle is not kept, so " + Where +
                                " cannot undo it; after the module is "
                                "unloaded it points into freed code")
            : report(A.Loc, "'" + A.Name + "' makes " + article(What) +
                                " that " + Where + " never undoes ('" +
                                A.Rule->Release.Name + "' of '" + A.Handle +
                                "'); after the module is unloaded it points "
                                "into freed code");
    for (const Teardown &TD : *Mine)
      noteTeardown(F, A, TD);
  }

  static std::string article(const std::string &What) {
    bool Vowel = !What.empty() && StringRef("aeiou").contains(What[0]);
    return (Vowel ? "an " : "a ") + What;
  }

  std::string releaseText(const Acquisition &A) const {
    const std::string &S = A.Rule->ReleaseSpelling;
    size_t P = S.find("{handle}");
    if (S.empty() || A.Handle.empty() || P == std::string::npos)
      return "'" + A.Rule->Release.Name + "'";
    return "'" + S.substr(0, P) + A.Handle + S.substr(P + 8) + "'";
  }

  void noteTeardown(Finding &F, const Acquisition &A, const Teardown &TD) {
    const FunctionDecl *Fn = TD.Wiring->Function;
    std::string Who = TD.isEventArm()
                          ? "'" + Fn->getName().str() + "' (MOD_UNLOAD)"
                          : "'" + Fn->getName().str() + "'";
    // Freeing what the registered callback uses, with it still registered,
    // is where the damage starts: point there when the teardown does it.
    for (const FreeCall &FC : TD.What.Frees)
      if (llvm::is_contained(A.Uses, FC.Object)) {
        Ctx.note(F, FC.Loc,
                 Who + " frees '" + FC.Object + "', which the " + A.Rule->What +
                     " uses, with the " + A.Rule->What +
                     " still in place; call " +
                     releaseText(A) + " first");
        return;
      }
    const ReturnStmt *Ret = nullptr;
    for (const ReturnStmt *R : TD.What.Returns)
      if (!R->getRetValue() || !Analysis->isFailureConstant(R->getRetValue())) {
        Ret = R;
        break;
      }
    SourceLocation At;
    if (Ret)
      At = Analysis->matcher().reportLoc(Ret->getBeginLoc());
    else if (TD.isEventArm() && !TD.What.Returns.empty())
      At = Analysis->matcher().reportLoc(TD.What.Returns.front()->getBeginLoc());
    else if (Fn->getBody())
      At = Analysis->matcher().reportLoc(Fn->getBody()->getEndLoc());
    else
      At = TD.Wiring->NamedAt;
    Ctx.note(F, At,
             Who + " returns with the " + A.Rule->What +
                 " still in place; call " + releaseText(A) +
                 " before it returns");
  }
};

} // namespace

std::unique_ptr<ModlifeCheck>
createUnloadLeavesRegistrationCheck(CheckContext &C) {
  return std::make_unique<UnloadLeavesRegistrationCheck>(
      "modlife-unload-leaves-registration", C);
}

} // namespace modlife
