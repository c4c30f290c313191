//===- ModuleRefAnalysis.cpp - Module references along CFG paths ----------===//
#include "analyzer/engine/ModuleRefAnalysis.h"
#include "analyzer/engine/TUAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"
#include <map>

using namespace clang;
using namespace llvm;

namespace modlife {

namespace {

/// What a path knows about an integer value. Negative is non-zero too:
/// the failure value of a call that returns a negative errno, or a
/// negative constant, which a sign test ("ret < 0") can tell from zero.
enum class Val : uint8_t { Zero, NonZero, Negative };

bool nonZero(Val V) { return V != Val::Zero; }

/// Holds of resource pairs are keyed "pair:<release>:<handle>" (see
/// PrimitiveUse::holdKey); every other key names a module.
bool isPairKey(StringRef Key) { return Key.starts_with("pair:"); }
/// Holds a check defines (ModuleRefOptions::Tracked) are keyed
/// "track:<index>".
bool isTrackedKey(StringRef Key) { return Key.starts_with("track:"); }
std::string trackedKey(unsigned Index) {
  return "track:" + std::to_string(Index);
}
/// A reference on a module other than the analyzed one.
bool isOtherModuleKey(StringRef Key) {
  return Key != "this" && !isPairKey(Key) && !isTrackedKey(Key);
}

/// References held on one module. Count saturates at 2; -1 means the paths
/// merged here disagree.
struct Hold {
  std::string Key;
  int8_t Count = 0;
  const PrimitiveUse *Site = nullptr;
  /// The path dropped a reference it never took: the function releases by
  /// contract (a poll loop that hands the open()'s count to a task), so its
  /// own counting on this module says nothing about extra drops.
  bool Borrowed = false;
  bool operator==(const Hold &O) const {
    return Key == O.Key && Count == O.Count && Site == O.Site &&
           Borrowed == O.Borrowed;
  }
};

/// The facts of one path (or of paths merged because they agree).
struct PathState {
  SmallVector<Hold, 2> Holds;                          // sorted by Key
  SmallVector<std::pair<const void *, Val>, 4> Values; // sorted by pointer
  SmallVector<const ElementEvent *, 2> PendingSleeps;  // sorted, unique

  bool sameCore(const PathState &O) const {
    return Holds == O.Holds && Values == O.Values;
  }
  bool operator==(const PathState &O) const {
    return sameCore(O) && PendingSleeps == O.PendingSleeps;
  }

  Hold *hold(StringRef Key) {
    for (Hold &H : Holds)
      if (H.Key == Key)
        return &H;
    return nullptr;
  }
  Hold &holdOrCreate(StringRef Key) {
    if (Hold *H = hold(Key))
      return *H;
    auto It = llvm::lower_bound(Holds, Key, [](const Hold &H, StringRef K) {
      return StringRef(H.Key) < K;
    });
    return *Holds.insert(It, Hold{Key.str(), 0, nullptr});
  }
  bool anyPairHeld() const {
    for (const Hold &H : Holds)
      if (isPairKey(H.Key) && H.Count != 0)
        return true;
    return false;
  }
  bool thisModuleMaybeHeld() const {
    for (const Hold &H : Holds)
      if (H.Key == "this" && H.Count != 0)
        return true;
    return false;
  }

  std::optional<Val> value(const void *K) const {
    for (const auto &KV : Values)
      if (KV.first == K)
        return KV.second;
    return std::nullopt;
  }
  void setValue(const void *K, std::optional<Val> V) {
    auto It = llvm::lower_bound(
        Values, K, [](const std::pair<const void *, Val> &P, const void *K) {
          return std::less<const void *>()(P.first, K);
        });
    bool Present = It != Values.end() && It->first == K;
    if (!V) {
      if (Present)
        Values.erase(It);
      return;
    }
    if (Present)
      It->second = *V;
    else
      Values.insert(It, {K, *V});
  }

  void addPending(const ElementEvent *E) {
    auto It =
        llvm::lower_bound(PendingSleeps, E, std::less<const ElementEvent *>());
    if (It == PendingSleeps.end() || *It != E)
      PendingSleeps.insert(It, E);
  }
  void unionPending(const PathState &O) {
    for (const ElementEvent *E : O.PendingSleeps)
      addPending(E);
  }
};

/// The states at one program point. Once it has held more distinct states
/// than the bound, it is collapsed for good: every later state is joined into
/// its single state, so the in-states only grow and the fixpoint terminates.
struct StateSet {
  SmallVector<PathState, 4> States;
  bool Collapsed = false;
  auto begin() { return States.begin(); }
  auto end() { return States.end(); }
  auto begin() const { return States.begin(); }
  auto end() const { return States.end(); }
  size_t size() const { return States.size(); }
  bool empty() const { return States.empty(); }
};

/// Joins two states: what they do not share becomes unknown.
PathState join(PathState R, const PathState &O) {
  {
    for (Hold &H : R.Holds) {
      int8_t Other = 0; // A module with no entry holds nothing.
      for (const Hold &X : O.Holds)
        if (X.Key == H.Key)
          Other = X.Count;
      if (Other != H.Count)
        H.Count = -1;
      for (const Hold &X : O.Holds)
        if (X.Key == H.Key)
          H.Borrowed |= X.Borrowed;
    }
    for (const Hold &X : O.Holds)
      if (!R.hold(X.Key)) {
        Hold &N = R.holdOrCreate(X.Key);
        N.Count = X.Count == 0 ? 0 : -1;
        N.Site = X.Site;
        N.Borrowed = X.Borrowed;
      }
    SmallVector<std::pair<const void *, Val>, 4> Kept;
    for (const auto &KV : R.Values)
      if (std::optional<Val> Other = O.value(KV.first)) {
        if (*Other == KV.second)
          Kept.push_back(KV);
        else if (nonZero(*Other) && nonZero(KV.second))
          Kept.push_back({KV.first, Val::NonZero});
      }
    R.Values = std::move(Kept);
    R.unionPending(O);
  }
  return R;
}

/// Adds a state to a set, merging with a state that has the same core.
/// Returns true if the set changed.
bool addState(StateSet &Set, PathState S, unsigned MaxStates) {
  if (Set.Collapsed) {
    PathState J = join(Set.States.front(), S);
    if (J == Set.States.front())
      return false;
    Set.States.front() = std::move(J);
    return true;
  }
  for (PathState &Existing : Set)
    if (Existing.sameCore(S)) {
      size_t Before = Existing.PendingSleeps.size();
      Existing.unionPending(S);
      return Existing.PendingSleeps.size() != Before;
    }
  Set.States.push_back(std::move(S));
  if (Set.size() > MaxStates) {
    PathState J = Set.States.front();
    for (const PathState &O : llvm::drop_begin(Set.States))
      J = join(std::move(J), O);
    Set.States.clear();
    Set.States.push_back(std::move(J));
    Set.Collapsed = true;
  }
  return true;
}

class Analyzer {
public:
  Analyzer(const TUAnalysis &A, const FunctionFacts &F,
           const ModuleRefOptions &Opts)
      : A(A), F(F), Opts(Opts), Ctx(A.context()) {}

  ModuleRefResult run();

private:
  const TUAnalysis &A;
  const FunctionFacts &F;
  const ModuleRefOptions &Opts;
  ASTContext &Ctx;
  ModuleRefResult Result;
  bool Reporting = false;
  llvm::DenseSet<const PrimitiveUse *> UnheldReported; // once per release
  mutable StringMap<char> Conditions;
  DenseMap<const VarDecl *, const PrimitiveUse *> ResultIn;
  // Per variable: the decided conditions that read a place rooted in it.
  mutable DenseMap<const VarDecl *,
                   SmallVector<std::pair<const void *,
                                         SmallVector<const ValueDecl *, 4>>,
                               2>>
      ConditionsOf;
  DenseSet<std::pair<const ElementEvent *, const PrimitiveUse *>> SleepSeen;
  // Per return: how many states reach it, and per acquisition how many of
  // them fail while holding it.
  struct ReturnTally {
    unsigned States = 0;
    std::vector<std::pair<const PrimitiveUse *, unsigned>> Holding;
    /// Per tracked hold, how many failing states hold it.
    std::map<unsigned, unsigned> HoldingTracked;
  };
  MapVector<const ReturnStmt *, ReturnTally> Returns; // in first-seen order
  /// The resources this function releases somewhere: an early return of a
  /// void function that keeps one of them skipped a release it owes.
  StringSet<> PairsReleasedHere;
  /// The CFG elements where tracked holds start and end: (index, starts).
  DenseMap<const Stmt *, SmallVector<std::pair<unsigned, bool>, 1>>
      TrackedAt;

  /// The CFG element that stands for S: S itself, the first element under
  /// it, or the nearest element above it.
  const Stmt *elementFor(const Stmt *S) const {
    if (const Stmt *E = elementUnder(S))
      return E;
    for (const Stmt *P = S; P; P = F.Parents->getParent(P))
      if (F.positionOf(P))
        return P;
    return nullptr;
  }
  const Stmt *elementUnder(const Stmt *S) const {
    if (!S)
      return nullptr;
    if (F.positionOf(S))
      return S;
    for (const Stmt *C : S->children())
      if (const Stmt *E = elementUnder(C))
        return E;
    return nullptr;
  }

  void transferTracked(const Stmt *S, PathState &St) const {
    auto It = TrackedAt.find(S);
    if (It == TrackedAt.end())
      return;
    // Starts before ends: a helper that arms and drains leaves nothing.
    for (bool Starting : {true, false})
      for (const auto &[Index, Starts] : It->second)
        if (Starts == Starting) {
          if (Starting)
            St.holdOrCreate(trackedKey(Index)).Count = 1;
          else if (Hold *H = St.hold(trackedKey(Index)))
            H->Count = 0;
        }
  }

  const Expr *peel(const Expr *E) const {
    while (true) {
      E = E->IgnoreParenImpCasts();
      // likely()/unlikely() are __builtin_expect.
      if (const auto *CE = dyn_cast<CallExpr>(E))
        if (CE->getBuiltinCallee() == Builtin::BI__builtin_expect &&
            CE->getNumArgs() == 2) {
          E = CE->getArg(0);
          continue;
        }
      if (const auto *CE = dyn_cast<CStyleCastExpr>(E)) {
        E = CE->getSubExpr();
        continue;
      }
      return E;
    }
  }

  /// Locals whose zero-ness the path tracks: integers and pointers.
  static bool trackedVar(const VarDecl *VD) {
    return VD->hasLocalStorage() && !VD->getType().isNull() &&
           (VD->getType()->isIntegralOrEnumerationType() ||
            VD->getType()->isPointerType());
  }
  static const VarDecl *trackedVar(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (trackedVar(VD))
          return VD;
    return nullptr;
  }

  /// The variable and fields an lvalue names: [p, f, g] for p->f.g. Below
  /// an index or a dereference the place is not exact, so the path stops
  /// there: p->f[i].g gives [p, f]. Empty for anything not rooted in a
  /// variable.
  using AccessPath = SmallVector<const ValueDecl *, 4>;
  static AccessPath accessPath(const Expr *E) {
    AccessPath Rev;
    while (true) {
      E = E->IgnoreParenCasts();
      if (const auto *M = dyn_cast<MemberExpr>(E)) {
        Rev.push_back(M->getMemberDecl());
        E = M->getBase();
      } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
        Rev.clear();
        E = A->getBase();
      } else if (const auto *U = dyn_cast<UnaryOperator>(E);
                 U && U->getOpcode() == UO_Deref) {
        Rev.clear();
        E = U->getSubExpr();
      } else {
        break;
      }
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD)
      return {};
    Rev.push_back(VD);
    return AccessPath(Rev.rbegin(), Rev.rend());
  }

  /// A condition without side effects over local variables only, such as
  /// "ndev_owner != bus->owner". A path that decided it once decides it the
  /// same way again until one of those variables (or what they point to,
  /// through them) is written. Keys are interned by the condition's text.
  const void *conditionKey(const Expr *Cond) const {
    const Expr *E = peel(Cond);
    if (!isa<BinaryOperator, MemberExpr>(E) || E->HasSideEffects(Ctx) ||
        E->containsErrors())
      return nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && !BO->isComparisonOp())
      return nullptr;
    SmallVector<AccessPath, 2> Reads;
    bool OnlyLocals = true;
    std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          OnlyLocals &= VD->hasLocalStorage();
      if (isa<DeclRefExpr, MemberExpr>(S)) {
        AccessPath P = accessPath(cast<Expr>(S));
        if (!P.empty())
          Reads.push_back(std::move(P));
      }
      for (const Stmt *C : S->children())
        if (C)
          Walk(C);
    };
    Walk(E);
    std::string Text = A.matcher().textOf(E->getSourceRange());
    if (!OnlyLocals || Reads.empty() || Text.empty())
      return nullptr;
    auto [It, New] = Conditions.try_emplace(Text);
    if (New)
      for (AccessPath &R : Reads) {
        const auto *Root = cast<VarDecl>(R.front());
        ConditionsOf[Root].push_back({&*It, std::move(R)});
      }
    return &*It;
  }

  /// The try-acquire whose result E is: the call itself, or a local that
  /// holds its result (new_fops = fops_get(c->fops)).
  const PrimitiveUse *acquiredResult(const Expr *E) const {
    E = peel(E);
    if (const VarDecl *VD = trackedVar(E))
      return ResultIn.lookup(VD);
    auto It = F.Events.find(E);
    if (It != F.Events.end())
      for (const ElementEvent &Ev : It->second)
        if (Ev.EventKind == ElementEvent::Primitive &&
            Ev.Use.UseKind == PrimitiveUse::TryAcquire)
          return &Ev.Use;
    return nullptr;
  }

  /// A try-acquire's result stored into a local is remembered; stored
  /// anywhere else (file->f_op = new_fops), the reference goes with it, and
  /// whoever owns that place drops it (fput() does fops_put(f->f_op)).
  void noteResultStored(const Expr *LHS, const Expr *RHS, PathState &St,
                        const VarDecl *Local = nullptr) {
    const PrimitiveUse *U = acquiredResult(RHS);
    if (!U)
      return;
    if (!Local && LHS)
      Local = trackedVar(peel(LHS));
    if (Local) {
      ResultIn[Local] = U;
      return;
    }
    if (Hold *H = St.hold(U->Module.Key); H && H->Count > 0)
      H->Count = -1;
  }

  /// Forgets the decided conditions that read what a write to Written can
  /// change: the place itself or anything reached through it. Writing
  /// driver->owner->flags leaves "driver->owner" decided; writing
  /// bus->owner or bus forgets "ndev_owner != bus->owner".
  void forgetConditionsOn(const AccessPath &Written, PathState &S) const {
    if (Written.empty())
      return;
    auto It = ConditionsOf.find(cast<VarDecl>(Written.front()));
    if (It == ConditionsOf.end())
      return;
    for (const auto &[Key, Read] : It->second)
      if (Written.size() <= Read.size() &&
          std::equal(Written.begin(), Written.end(), Read.begin()))
        S.setValue(Key, std::nullopt);
  }

  std::optional<Val> eval(const Expr *E, const PathState &S) const {
    E = peel(E);
    if (std::optional<Val> V = S.value(E))
      return V;
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_LNot) {
        std::optional<Val> V = eval(U->getSubExpr(), S);
        if (!V)
          return std::nullopt;
        return *V == Val::Zero ? Val::NonZero : Val::Zero;
      }
    if (const VarDecl *VD = trackedVar(E))
      return S.value(VD);
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->isAssignmentOp())
        return BO->getOpcode() == BO_Assign ? eval(BO->getLHS(), S)
                                            : std::nullopt;
      if (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) {
        const Expr *Other = nullptr;
        if (isZero(BO->getRHS()))
          Other = BO->getLHS();
        else if (isZero(BO->getLHS()))
          Other = BO->getRHS();
        if (!Other)
          return std::nullopt;
        std::optional<Val> V = eval(Other, S);
        if (!V)
          return std::nullopt;
        return (BO->getOpcode() == BO_EQ) == (*V == Val::Zero) ? Val::NonZero
                                                               : Val::Zero;
      }
      if (std::optional<SignTest> T = signTest(BO)) {
        std::optional<Val> V = eval(T->Operand, S);
        std::optional<bool> Holds = V ? signTestHolds(*T, *V) : std::nullopt;
        if (!Holds)
          return std::nullopt;
        return *Holds ? Val::NonZero : Val::Zero;
      }
      if (BO->getOpcode() == BO_LAnd || BO->getOpcode() == BO_LOr) {
        std::optional<Val> L = eval(BO->getLHS(), S), R = eval(BO->getRHS(), S);
        bool LTrue = L && nonZero(*L), RTrue = R && nonZero(*R);
        if (BO->getOpcode() == BO_LAnd) {
          if (L == Val::Zero || R == Val::Zero)
            return Val::Zero;
          if (LTrue && RTrue)
            return Val::NonZero;
        } else {
          if (LTrue || RTrue)
            return Val::NonZero;
          if (L == Val::Zero && R == Val::Zero)
            return Val::Zero;
        }
        return std::nullopt;
      }
    }
    if (E->containsErrors() || E->isValueDependent())
      return std::nullopt;
    if (E->getType().isNull() || !E->getType()->isIntegralOrEnumerationType())
      return std::nullopt;
    Expr::EvalResult R;
    if (!E->EvaluateAsInt(R, Ctx))
      return std::nullopt;
    const APSInt &I = R.Val.getInt();
    return I.isZero() ? Val::Zero : I.isNegative() ? Val::Negative : Val::NonZero;
  }

  /// A relational comparison of a value with zero, the value on the left:
  /// "ret < 0", "0 > ret" and "ret >= 0" test the sign of ret.
  struct SignTest {
    const Expr *Operand;
    BinaryOperatorKind Op; // BO_LT, BO_GT, BO_LE or BO_GE
    /// Only a value of signed type can be negative (an unsigned char
    /// promoted to int cannot).
    bool Signed;
  };
  std::optional<SignTest> signTest(const BinaryOperator *BO) const {
    if (!BO->isRelationalOp())
      return std::nullopt;
    SignTest T;
    if (isZero(BO->getRHS()))
      T = {BO->getLHS(), BO->getOpcode(), false};
    else if (isZero(BO->getLHS()))
      T = {BO->getRHS(), BinaryOperator::reverseComparisonOp(BO->getOpcode()),
           false};
    else
      return std::nullopt;
    QualType Ty = peel(T.Operand)->getType();
    T.Signed = !Ty.isNull() && !Ty->isDependentType() &&
               Ty->isSignedIntegerOrEnumerationType();
    return T;
  }
  /// Whether the test holds for a value the path knows.
  static std::optional<bool> signTestHolds(const SignTest &T, Val V) {
    if (V == Val::NonZero || (V == Val::Negative && !T.Signed))
      return std::nullopt;
    bool Negative = V == Val::Negative;
    switch (T.Op) {
    case BO_LT:
      return Negative;
    case BO_GE:
      return !Negative;
    case BO_LE:
      return true;
    default: // BO_GT
      return false;
    }
  }
  /// What the test coming out Outcome says about its operand: "ret < 0"
  /// taken, negative; "ret > 0" taken, non-zero; "ret >= 0" taken, nothing
  /// about zero.
  static std::optional<Val> signTestTeaches(const SignTest &T, bool Outcome) {
    bool Below = (T.Op == BO_LT || T.Op == BO_LE) == Outcome;
    bool Strict = Outcome ? (T.Op == BO_LT || T.Op == BO_GT)
                          : (T.Op == BO_LE || T.Op == BO_GE);
    if (!Strict)
      return std::nullopt;
    if (!Below)
      return Val::NonZero;
    return T.Signed ? std::optional<Val>(Val::Negative) : std::nullopt;
  }

  bool isZero(const Expr *E) const {
    E = E->IgnoreParenCasts();
    if (E->containsErrors() || E->isValueDependent())
      return false;
    Expr::EvalResult R;
    return E->EvaluateAsInt(R, Ctx) && R.Val.getInt().isZero();
  }

  /// Learns from taking a branch: the condition had to be true (or false).
  /// Returns false when the path cannot take this edge.
  bool refine(const Expr *Cond, bool Taken, PathState &S) const {
    std::optional<Val> V = eval(Cond, S);
    if (V)
      return nonZero(*V) == Taken;
    if (const void *K = conditionKey(Cond)) {
      if (std::optional<Val> Known = S.value(K))
        return nonZero(*Known) == Taken;
      S.setValue(K, Taken ? Val::NonZero : Val::Zero);
    }
    const Expr *E = peel(Cond);
    bool Polarity = Taken;
    // Set once a sign test decided what E is; only assignments are looked
    // through after it.
    std::optional<Val> Learned;
    while (true) {
      if (Learned) {
        if (const auto *BO = dyn_cast<BinaryOperator>(E);
            BO && BO->getOpcode() == BO_Assign) {
          E = peel(BO->getLHS());
          continue;
        }
        break;
      }
      if (const auto *U = dyn_cast<UnaryOperator>(E);
          U && U->getOpcode() == UO_LNot) {
        Polarity = !Polarity;
        E = peel(U->getSubExpr());
        continue;
      }
      if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
        if ((BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE) &&
            (isZero(BO->getRHS()) || isZero(BO->getLHS()))) {
          if (BO->getOpcode() == BO_EQ)
            Polarity = !Polarity;
          E = peel(isZero(BO->getRHS()) ? BO->getLHS() : BO->getRHS());
          continue;
        }
        if (std::optional<SignTest> T = signTest(BO)) {
          Learned = signTestTeaches(*T, Polarity);
          if (!Learned)
            return true; // "x >= 0" says nothing about zero.
          E = peel(T->Operand);
          continue;
        }
        if (BO->getOpcode() == BO_Assign) {
          E = peel(BO->getLHS());
          continue;
        }
      }
      break;
    }
    Val Now = Learned ? *Learned : Polarity ? Val::NonZero : Val::Zero;
    if (const VarDecl *VD = trackedVar(E))
      S.setValue(VD, Now);
    if (Now == Val::Zero && !E->getType().isNull()) {
      if (E->getType()->isPointerType()) {
        forgetPairsWithNullHandle(E, S, /*OnlyPointerHandles=*/false);
        forgetTrackedWithNullHandle(E, S);
      } else if (E->getType()->isDependentType()) {
        // A place the compiler could not type (a field of a struct whose
        // definition did not parse): zero is null if it keeps a pointer.
        // A tracked hold's handle is where an arming keeps a pointer (a
        // thread, a struct proc *): zero there is null too.
        forgetPairsWithNullHandle(E, S, /*OnlyPointerHandles=*/true);
        forgetTrackedWithNullHandle(E, S);
      }
    }
    return true;
  }

  static const Expr *decidingCondition(const CFGBlock &B) {
    const Stmt *T = B.getTerminatorStmt();
    if (!T || isa<SwitchStmt>(T) || isa<ConditionalOperator>(T) ||
        isa<BinaryConditionalOperator>(T))
      return nullptr;
    const Expr *C = dyn_cast_or_null<Expr>(B.getTerminatorCondition());
    if (!C)
      return nullptr;
    if (const auto *TB = dyn_cast<BinaryOperator>(T); TB && TB->isLogicalOp())
      return C; // The left operand, evaluated last in this block.
    // The block that ends an "a || b" chain evaluated b last.
    while (const auto *BO = dyn_cast<BinaryOperator>(C->IgnoreParens())) {
      if (!BO->isLogicalOp())
        break;
      C = BO->getRHS();
    }
    return C;
  }

  bool isFailureReturn(const ReturnStmt *R, const PathState &S) const {
    const Expr *V = R->getRetValue();
    if (!V)
      return false;
    if (A.isFailureConstant(V))
      return true;
    const Expr *E = peel(V);
    // A non-null pointer is not a failure; error pointers are constants.
    if (trackedVar(E) && E->getType()->isIntegralOrEnumerationType()) {
      std::optional<Val> Value = eval(E, S);
      return Value && nonZero(*Value) &&
             !isZero(E) /* a constant zero is success */;
    }
    return false;
  }

  /// Whether a call may keep a resource handed to it: this module's own
  /// functions and calls through pointers may store it for later; a kernel
  /// function outside the pack only uses it (linker_file_lookup_symbol(lf),
  /// device_printf(dev, ...)).
  bool mayTakeOwnership(const CallExpr *CE) const {
    if (isPairPrimitive(CE))
      return false;
    const FunctionDecl *FD = CE->getDirectCallee();
    const FunctionDecl *Def = nullptr;
    return !FD || (FD->hasBody(Def) && Def);
  }

  bool isPairPrimitive(const Stmt *S) const {
    auto It = F.Events.find(S);
    return It != F.Events.end() &&
           llvm::any_of(It->second, [](const ElementEvent &E) {
             return E.EventKind == ElementEvent::Primitive && E.Use.isPairUse();
           });
  }

  void acquire(PathState &S, const PrimitiveUse &U) {
    if (U.Module.isThisModule()) {
      if (Reporting)
        for (const ElementEvent *E : S.PendingSleeps)
          reportSleep(E, U);
      S.PendingSleeps.clear();
    }
    Hold &H = S.holdOrCreate(U.Module.Key);
    if (H.Count >= 0 && H.Count < 2)
      ++H.Count;
    if (!H.Site)
      H.Site = &U;
  }

  /// Takes a resource of a pair. One that can fail splits the path like a
  /// try-acquire: the call's value on each side is what the pair's
  /// fails-when says ("firmware_get" is non-null on success, "make_dev_s"
  /// zero, a negative-return one zero or negative), so later tests of it
  /// pick the side.
  void acquirePair(PathState &S, const PrimitiveUse &U,
                   SmallVectorImpl<PathState> &Out) const {
    // The code keeps no handle ("return make_dev(...)"): whoever receives
    // the resource releases it.
    if (U.Handle.empty() || !U.PairR) {
      Out.push_back(std::move(S));
      return;
    }
    std::optional<std::pair<Val, Val>> SuccessFailure;
    switch (U.PairR->FailsWhen) {
    case rules::FailureSignal::Never:
      break;
    case rules::FailureSignal::Null:
      SuccessFailure = {Val::NonZero, Val::Zero};
      break;
    case rules::FailureSignal::NonZero:
      SuccessFailure = {Val::Zero, Val::NonZero};
      break;
    case rules::FailureSignal::Negative: // success taken as 0, as most are
      SuccessFailure = {Val::Zero, Val::Negative};
      break;
    }
    if (SuccessFailure) {
      PathState Failed = S;
      Failed.setValue(U.Anchor, SuccessFailure->second);
      S.setValue(U.Anchor, SuccessFailure->first);
      Out.push_back(std::move(Failed));
    }
    Hold &H = S.holdOrCreate(U.holdKey());
    if (H.Count >= 0 && H.Count < 2)
      ++H.Count;
    if (!H.Site)
      H.Site = &U;
    Out.push_back(std::move(S));
  }

  /// A held resource whose handle is stored elsewhere or passed to code that
  /// may keep it is handed on (sc->fw = fw, keep_image(fw)): whoever got it
  /// may release it. Only for resources the handle is (a firmware image,
  /// a cdev); a device passed to device_busy exists on its own and is
  /// passed everywhere.
  void forgetPairsHandedOn(const Expr *Given, PathState &St) const {
    std::string K = A.matcher().handleKey(Given);
    if (K.empty())
      return;
    for (Hold &H : St.Holds)
      if (H.Count > 0 && H.Site && H.Site->isPairUse() &&
          H.Site->PairR->Handle != rules::HandleKind::Arg &&
          H.Site->Handle == K)
        H.Count = -1;
  }

  /// On an edge where Tested is known to be null, a resource whose handle
  /// it is was never taken or is gone ("if (sc->cdev) destroy_dev(...)").
  /// With OnlyPointerHandles, Tested is only known to be zero, which says
  /// so for the handles that are pointers.
  void forgetPairsWithNullHandle(const Expr *Tested, PathState &St,
                                 bool OnlyPointerHandles) const {
    if (!St.anyPairHeld())
      return;
    std::string K = A.matcher().handleKey(Tested);
    if (K.empty())
      return;
    for (Hold &H : St.Holds)
      if (H.Count != 0 && H.Site && H.Site->isPairUse() &&
          H.Site->Handle == K &&
          (!OnlyPointerHandles || H.Site->HandleIsPointer))
        H.Count = 0;
  }

  void forgetTrackedWithNullHandle(const Expr *Tested, PathState &St) const {
    if (Opts.Tracked.empty())
      return;
    std::string K = A.matcher().handleKey(Tested);
    if (K.empty())
      return;
    for (unsigned I = 0; I < Opts.Tracked.size(); ++I)
      if (Opts.Tracked[I].Handle == K)
        if (Hold *H = St.hold(trackedKey(I)))
          H->Count = 0;
  }

  void reportSleep(const ElementEvent *E, const PrimitiveUse &U) {
    if (!SleepSeen.insert({E, &U}).second)
      return;
    std::optional<SleepWitness> W = A.sleepWitness(*E);
    if (!W)
      return;
    Result.SleepsBeforeAcquire.push_back({F.Function, std::move(*W), &U});
  }

  void transferValues(const Stmt *S, PathState &St) {
    if (St.anyPairHeld()) {
      if (const auto *CE = dyn_cast<CallExpr>(S); CE && mayTakeOwnership(CE))
        for (const Expr *Arg : CE->arguments())
          forgetPairsHandedOn(Arg, St);
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->getOpcode() == BO_Assign)
        forgetPairsHandedOn(BO->getRHS(), St);
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit())
            forgetPairsHandedOn(VD->getInit(), St);
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D)) {
          forgetConditionsOn(AccessPath{VD}, St);
          if (VD->getInit())
            noteResultStored(nullptr, VD->getInit(), St, VD);
          if (trackedVar(VD))
            St.setValue(VD,
                        VD->getInit() ? eval(VD->getInit(), St) : std::nullopt);
        }
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (!BO->isAssignmentOp())
        return;
      forgetConditionsOn(accessPath(BO->getLHS()), St);
      noteResultStored(BO->getLHS(), BO->getRHS(), St);
      if (const VarDecl *VD = trackedVar(BO->getLHS()->IgnoreParenImpCasts()))
        St.setValue(VD, BO->getOpcode() == BO_Assign ? eval(BO->getRHS(), St)
                                                     : std::nullopt);
      return;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(S))
      if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) {
        forgetConditionsOn(accessPath(U->getSubExpr()), St);
        if (const VarDecl *VD =
                trackedVar(U->getSubExpr()->IgnoreParenImpCasts()))
          St.setValue(VD, std::nullopt);
      }
  }

  /// A release on a path that tried to take the reference and holds none:
  /// the attempt failed, or an earlier release already dropped it.
  void reportUnheldRelease(const PrimitiveUse &Release, const Hold &H,
                           const PathState &S) {
    bool Failed = H.Site->UseKind == PrimitiveUse::TryAcquire &&
                  S.value(H.Site->Anchor) == Val::Zero;
    if (!UnheldReported.insert(&Release).second)
      return;
    Result.UnheldReleases.push_back({F.Function, &Release, H.Site, Failed});
  }

  void tallyReturn(const ReturnStmt *R, const PathState &S) {
    ReturnTally &T = Returns[R];
    ++T.States;
    bool Failure = isFailureReturn(R, S);
    // A void function has no failure value: its early "return;" after a
    // failed step is the error path (a task that gives up).
    bool VoidReturn = !R->getRetValue() && F.Function->getReturnType()->isVoidType();
    if (Failure)
      for (const Hold &H : S.Holds) {
        unsigned Index = 0;
        if (H.Count > 0 && isTrackedKey(H.Key) &&
            !StringRef(H.Key).drop_front(6).getAsInteger(10, Index))
          ++T.HoldingTracked[Index];
      }
    if (!Failure && !VoidReturn)
      return;
    for (const Hold &H : S.Holds) {
      if (H.Count <= 0 || !H.Site)
        continue;
      if (!Failure && !PairsReleasedHere.count(H.Key))
        continue;
      auto HIt = llvm::find_if(
          T.Holding, [&](const auto &P) { return P.first == H.Site; });
      if (HIt == T.Holding.end())
        T.Holding.push_back({H.Site, 1});
      else
        ++HIt->second;
    }
  }

  /// Applies one CFG element to every state of the set.
  StateSet transferElement(const Stmt *S, StateSet In) {
    auto It = F.Events.find(S);
    StateSet Out;
    for (PathState &St : In) {
      SmallVector<PathState, 4> Cur;
      Cur.push_back(std::move(St));
      if (It != F.Events.end())
        for (const ElementEvent &E : It->second)
          Cur = transferEvent(E, std::move(Cur));
      for (PathState &C : Cur) {
        transferTracked(S, C);
        transferValues(S, C);
        if (Reporting)
          if (const auto *R = dyn_cast<ReturnStmt>(S))
            tallyReturn(R, C);
        addState(Out, std::move(C), Opts.MaxStatesPerPoint);
      }
    }
    return Out;
  }

  SmallVector<PathState, 4> transferEvent(const ElementEvent &E,
                                          SmallVector<PathState, 4> In) {
    SmallVector<PathState, 4> Out;
    for (PathState &S : In) {
      if (E.EventKind != ElementEvent::Primitive) {
        if (E.EventKind == ElementEvent::LocalCall ||
            E.EventKind == ElementEvent::ExternalCall) {
          if (A.callMaySleep(E) && !S.thisModuleMaybeHeld())
            S.addPending(&E);
        }
        // A helper that may drop the count, or a callback that will (a
        // socket destructor doing MOD_DEC_USE_COUNT, stored in sk->destruct
        // before sk_free calls it): what this path holds is no longer known.
        if (A.mayReleaseThisModule(E.Callee))
          if (Hold *H = S.hold("this"); H && H->Count > 0)
            H->Count = -1;
        // The same for references on other modules: the helper's argument
        // may name the module under another spelling (phy_detach(phydev)
        // drops what try_module_get(d->driver->owner) took).
        if (A.mayReleaseOtherModule(E.Callee))
          for (Hold &H : S.Holds)
            if (isOtherModuleKey(H.Key) && H.Count > 0)
              H.Count = -1;
        // A helper that releases resources of a pair (a detach routine
        // called on attach's error path) may release what the path holds.
        if (E.EventKind == ElementEvent::LocalCall && S.anyPairHeld())
          for (Hold &H : S.Holds)
            if (isPairKey(H.Key) && H.Count > 0 && H.Site &&
                A.mayReleasePair(E.Callee, *H.Site->PairR))
              H.Count = -1;
        Out.push_back(std::move(S));
        continue;
      }
      const PrimitiveUse &U = E.Use;
      switch (U.UseKind) {
      case PrimitiveUse::LoadModule:
        if (!U.Waits) { // A load nobody waits for does not sleep here.
          Out.push_back(std::move(S));
          break;
        }
        [[fallthrough]];
      case PrimitiveUse::Sleep:
        if (!S.thisModuleMaybeHeld())
          S.addPending(&E);
        Out.push_back(std::move(S));
        break;
      case PrimitiveUse::Acquire:
        if (&U != Opts.MoveAcquireToEntry)
          acquire(S, U);
        Out.push_back(std::move(S));
        break;
      case PrimitiveUse::TryAcquire: {
        // The path splits: on one side the call succeeded and holds a
        // reference, on the other it failed and holds none.
        PathState Failed = S;
        Failed.setValue(U.Anchor, Val::Zero);
        // The failed side remembers the attempt, holding nothing, so that a
        // release there is known to drop a reference it never got.
        Hold &Tried = Failed.holdOrCreate(U.Module.Key);
        if (!Tried.Site)
          Tried.Site = &U;
        if (&U != Opts.MoveAcquireToEntry)
          acquire(S, U);
        S.setValue(U.Anchor, Val::NonZero);
        Out.push_back(std::move(S));
        Out.push_back(std::move(Failed));
        break;
      }
      case PrimitiveUse::PairAcquire:
        acquirePair(S, U, Out);
        break;
      case PrimitiveUse::PairRelease:
        // Releasing what this function did not take is normal for pairs
        // (detach releases what attach took): only a held count drops.
        if (Hold *H = S.hold(U.holdKey()); H && H->Count > 0)
          --H->Count;
        Out.push_back(std::move(S));
        break;
      case PrimitiveUse::Release:
        if (Hold *H = S.hold(U.Module.Key)) {
          if (H->Count > 0)
            --H->Count;
          else if (H->Count == 0 && H->Site && !H->Borrowed && Reporting)
            reportUnheldRelease(U, *H, S);
        } else {
          S.holdOrCreate(U.Module.Key).Borrowed = true;
        }
        Out.push_back(std::move(S));
        break;
      }
    }
    return Out;
  }

  StateSet transferBlock(const CFGBlock &B, StateSet In) {
    for (const CFGElement &El : B)
      if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>())
        In = transferElement(CS->getStmt(), std::move(In));
    return In;
  }
};

ModuleRefResult Analyzer::run() {
  const CFG &Cfg = *F.Cfg;
  std::vector<StateSet> BlockIn(Cfg.getNumBlockIDs());
  std::vector<bool> Seen(Cfg.getNumBlockIDs(), false);
  PostOrderCFGView POV(&Cfg);
  ForwardDataflowWorklist Worklist(Cfg, &POV);

  for (const auto &[S, Evs] : F.Events)
    for (const ElementEvent &E : Evs)
      if (E.EventKind == ElementEvent::Primitive &&
          E.Use.UseKind == PrimitiveUse::PairRelease)
        PairsReleasedHere.insert(E.Use.holdKey());
  for (unsigned I = 0; I < Opts.Tracked.size(); ++I)
    for (bool Starts : {true, false})
      for (const Stmt *S :
           Starts ? ArrayRef<const Stmt *>(Opts.Tracked[I].Starts)
                  : ArrayRef<const Stmt *>(Opts.Tracked[I].Ends))
        if (const Stmt *E = elementFor(S))
          TrackedAt[E].push_back({I, Starts});

  PathState Entry;
  if (Opts.MoveAcquireToEntry)
    acquire(Entry, *Opts.MoveAcquireToEntry);
  const CFGBlock &EntryB = Cfg.getEntry();
  BlockIn[EntryB.getBlockID()].States.push_back(Entry);
  Seen[EntryB.getBlockID()] = true;
  Worklist.enqueueBlock(&EntryB);

  unsigned Visits = 0;
  while (const CFGBlock *B = Worklist.dequeue()) {
    if (++Visits > Opts.MaxBlockVisits) {
      Result.BudgetExceeded = true;
      return Result;
    }
    StateSet Out = transferBlock(*B, BlockIn[B->getBlockID()]);
    const Expr *Cond = decidingCondition(*B);
    unsigned SuccIndex = 0;
    for (const CFGBlock::AdjacentBlock &Adj : B->succs()) {
      unsigned Index = SuccIndex++;
      const CFGBlock *Succ = Adj.getReachableBlock();
      if (!Succ)
        continue;
      bool Changed = false;
      StateSet &Target = BlockIn[Succ->getBlockID()];
      for (const PathState &S : Out) {
        PathState Edge = S;
        if (Cond && B->succ_size() == 2 && !refine(Cond, Index == 0, Edge))
          continue;
        Changed |= addState(Target, std::move(Edge), Opts.MaxStatesPerPoint);
      }
      if (Changed || !Seen[Succ->getBlockID()]) {
        Seen[Succ->getBlockID()] = true;
        Worklist.enqueueBlock(Succ);
      }
    }
  }

  // The states are final; one more pass reports from them.
  Reporting = true;
  std::vector<const CFGBlock *> Blocks(POV.begin(), POV.end());
  std::reverse(Blocks.begin(), Blocks.end());
  for (const CFGBlock *B : Blocks)
    if (Seen[B->getBlockID()])
      transferBlock(*B, BlockIn[B->getBlockID()]);

  for (const auto &[R, T] : Returns) {
    for (const auto &[Site, Count] : T.Holding)
      Result.HeldAtFailure.push_back({F.Function, R, Site, Count == T.States});
    for (const auto &[Index, Count] : T.HoldingTracked)
      Result.TrackedAtFailure.push_back({R, Index, Count == T.States});
  }
  return Result;
}

} // namespace

ModuleRefResult analyzeModuleRefs(const TUAnalysis &A, const FunctionFacts &F,
                                  const ModuleRefOptions &Opts) {
  if (!F.Cfg)
    return {};
  return Analyzer(A, F, Opts).run();
}

} // namespace modlife
