//===- MissingOwnerCheck.cpp - modlife-missing-owner ----------------------===//
//
// An ops struct of a loadable module that wires functions but leaves its
// owner field unset. The kernel pins the module an ops struct names as its
// owner before it calls in (fops_get(), get_fs_type(), sock_create()); with
// no owner nothing is pinned, and rmmod can free the code and the struct
// while a call runs. Silent when a registration helper sets the owner, when
// the owner is assigned at run time, and when the entry points pin the
// module themselves (2.4's MOD_INC_USE_COUNT in open()).
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/EntryPoints.h"
#include "analyzer/engine/TUAnalysis.h"
#include "checks/FixIts.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using modlife::rules::PrimitiveName;

namespace modlife {
namespace {

/// Whether E is a null pointer once casts are looked through. Built in,
/// THIS_MODULE is ((struct module *)0), which C does not count as a null
/// pointer constant.
bool isNullPointer(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenCasts();
  Expr::EvalResult R;
  return !E->containsErrors() && !E->isValueDependent() &&
         E->getType()->isIntegerType() && E->EvaluateAsInt(R, Ctx) &&
         R.Val.getInt().isZero();
}

/// Every variable with static storage that E mentions.
void collectVars(const Stmt *S, llvm::DenseSet<const VarDecl *> &Out) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasGlobalStorage())
        Out.insert(VD->getCanonicalDecl());
  if (S)
    for (const Stmt *C : S->children())
      collectVars(C, Out);
}

/// The named struct a field belongs to, looking through anonymous unions
/// and structs: 6.1 declares inode.i_fop inside an anonymous union.
const RecordDecl *namedParentOf(const FieldDecl *F) {
  const RecordDecl *R = F->getParent();
  while (R && !R->getIdentifier() && R->isAnonymousStructOrUnion())
    R = dyn_cast<RecordDecl>(R->getDeclContext());
  return R;
}

const Expr *initOf(const InitListExpr *ILE, const FieldDecl *F) {
  unsigned I = F->getFieldIndex();
  return ILE && I < ILE->getNumInits() ? ILE->getInit(I) : nullptr;
}

const InitListExpr *syntacticForm(const InitListExpr *ILE) {
  return ILE->getSyntacticForm() ? ILE->getSyntacticForm() : ILE;
}

/// What the whole translation unit says about owners, in one walk: ops
/// struct definitions, owners assigned at run time, structs handed to
/// helpers that set the owner or stored where the module is pinned anyway,
/// and what THIS_MODULE expands to.
class OwnerFacts : public RecursiveASTVisitor<OwnerFacts> {
public:
  OwnerFacts(const TUAnalysis &A)
      : Ctx(A.context()), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()),
        Rules(A.rules()) {}

  std::vector<const VarDecl *> Candidates;
  /// Structs a helper sets the owner of, or that a pinned object holds.
  llvm::DenseSet<const VarDecl *> Covered;
  llvm::DenseSet<const VarDecl *> OwnerAssignedVars;
  /// Owner fields assigned through a pointer ("dev->owner = THIS_MODULE"):
  /// every object of their record is taken as owned.
  llvm::DenseSet<const RecordDecl *> OwnerAssignedRecords;
  /// Functions stored into a record's fields at run time ("dev->open = f").
  llvm::DenseMap<
      const RecordDecl *,
      SmallVector<std::pair<const FieldDecl *, const FunctionDecl *>>>
      AssignedFunctions;
  bool ThisModuleInMainFile = false, ThisModuleIsNull = false;

  bool isOwnerField(const FieldDecl *F) const {
    const RecordDecl *To =
        F->getType()->isPointerType()
            ? F->getType()->getPointeeType()->getAsRecordDecl()
            : nullptr;
    return F->getIdentifier() && F->getName() == Rules.ownerField() && To &&
           To->getIdentifier() && To->getName() == Rules.ownerFieldType();
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->isFileVarDecl() && VD->isThisDeclarationADefinition() &&
        isa_and_nonnull<InitListExpr>(VD->getInit()) &&
        SM.isInMainFile(SM.getExpansionLoc(VD->getLocation())))
      Candidates.push_back(VD);
    return true;
  }

  // The outermost expression of each THIS_MODULE expansion: is it NULL?
  bool VisitExpr(Expr *E) {
    SourceLocation At = thisModuleExpansion(E);
    if (At.isInvalid() || !SeenThisModule.insert(At).second)
      return true;
    if (isNullPointer(E, Ctx))
      ThisModuleIsNull = true;
    else if (SM.isInMainFile(SM.getExpansionLoc(At)))
      ThisModuleInMainFile = true;
    return true;
  }

  // A helper named by the pack, or one that is handed this module along with
  // the struct (__platform_driver_register(drv, THIS_MODULE)), stores the
  // owner itself.
  bool VisitCallExpr(CallExpr *CE) {
    bool TakesThisModule = llvm::any_of(CE->arguments(), [&](const Expr *A) {
      A = A->IgnoreParenImpCasts();
      return thisModuleExpansion(A).isValid() && !isNullPointer(A, Ctx);
    });
    const FunctionDecl *FD = CE->getDirectCallee();
    const rules::OwnerSetterRule *R =
        FD && FD->getIdentifier()
            ? Rules.ownerSetter(PrimitiveName::Function, FD->getName())
            : nullptr;
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (TakesThisModule || (R && R->StructArg == I))
        collectVars(CE->getArg(I), Covered);
    if (FD && FD->hasBody()) // it may store a parameter in a holding field
      Calls.push_back(CE);
    return true;
  }

  // A struct written as an argument of a helper macro: follow the token
  // through each macro it is an argument of (module_platform_driver(drv)
  // hands it to module_driver, which hands it to platform_driver_register).
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->hasGlobalStorage())
      return true;
    SourceLocation Loc = DRE->getLocation();
    for (unsigned Guard = 0;
         Loc.isMacroID() && SM.isMacroArgExpansion(Loc) && Guard < 64;
         ++Guard) {
      SourceLocation InBody = SM.getImmediateExpansionRange(Loc).getBegin();
      SourceLocation WrittenAt = SM.getImmediateSpellingLoc(Loc);
      StringRef Macro = Lexer::getImmediateMacroName(InBody, SM, LO);
      if (const auto *R = Rules.ownerSetter(PrimitiveName::Macro, Macro))
        if (argumentIndex(SM.getImmediateExpansionRange(InBody), WrittenAt) ==
            R->StructArg) {
          Covered.insert(VD->getCanonicalDecl());
          break;
        }
      Loc = WrittenAt;
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (BO->getOpcode() != BO_Assign || !F)
      return true;
    // "inode->i_fop = &foo_fops": the inode's file system pins the module;
    // "inode->i_fop = fops" does so for what callers pass as fops.
    const RecordDecl *Holder = namedParentOf(F);
    if (F->getIdentifier() && Holder && Holder->getIdentifier() &&
        Rules.isOwnerHoldingField(Holder->getName(), F->getName())) {
      collectVars(BO->getRHS(), Covered);
      const auto *DRE =
          dyn_cast<DeclRefExpr>(BO->getRHS()->IgnoreParenImpCasts());
      if (const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr)
        if (const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext()))
          StoredParams.insert(
              {FD->getCanonicalDecl(), P->getFunctionScopeIndex()});
      return true;
    }
    if (!isOwnerField(F)) {
      if (const FunctionDecl *FD = functionNamedBy(BO->getRHS()))
        AssignedFunctions[F->getParent()].push_back({F, FD});
      return true;
    }
    if (isNullPointer(BO->getRHS(), Ctx))
      return true;
    // "foo_fops.owner = ..." or "foo_driver.driver.owner = ..." names its
    // struct; through a pointer (SET_MODULE_OWNER(dev)) any could be meant.
    const Expr *Base = ME;
    while (const auto *M = dyn_cast<MemberExpr>(Base->IgnoreParenImpCasts())) {
      if (M->isArrow()) {
        OwnerAssignedRecords.insert(F->getParent());
        return true;
      }
      Base = M->getBase();
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (VD && VD->hasGlobalStorage())
      OwnerAssignedVars.insert(VD->getCanonicalDecl());
    else
      OwnerAssignedRecords.insert(F->getParent());
    return true;
  }

  void finish() {
    for (const CallExpr *CE : Calls)
      for (unsigned I = 0; I < CE->getNumArgs(); ++I)
        if (StoredParams.count({CE->getDirectCallee()->getCanonicalDecl(), I}))
          collectVars(CE->getArg(I), Covered);
    // An array handed over names the structs it points to
    // (usb_serial_register_drivers(serial_drivers, ...)).
    std::vector<const VarDecl *> Direct(Covered.begin(), Covered.end());
    for (const VarDecl *V : Direct)
      if (V->getType()->isArrayType())
        if (const Expr *Init = V->getAnyInitializer())
          collectVars(Init, Covered);
  }

private:
  /// Where E's THIS_MODULE is expanded, when all of E comes from one
  /// expansion of a this-module macro.
  SourceLocation thisModuleExpansion(const Expr *E) const {
    SourceLocation B = thisModuleAt(E->getBeginLoc());
    return B.isValid() && B == thisModuleAt(E->getEndLoc()) ? B
                                                            : SourceLocation();
  }

  SourceLocation thisModuleAt(SourceLocation Loc) const {
    for (unsigned Guard = 0; Loc.isMacroID() && Guard < 256; ++Guard) {
      if (SM.isMacroArgExpansion(Loc)) {
        Loc = SM.getImmediateSpellingLoc(Loc);
        continue;
      }
      CharSourceRange Exp = SM.getImmediateExpansionRange(Loc);
      if (Rules.isThisModuleMacro(Lexer::getImmediateMacroName(Loc, SM, LO)))
        return Exp.getBegin();
      Loc = Exp.getBegin();
    }
    return SourceLocation();
  }

  /// Which argument of the macro call "NAME(a, b)" written at Call holds
  /// Arg; none unless both are written in one file.
  std::optional<unsigned> argumentIndex(CharSourceRange Call,
                                        SourceLocation Arg) const {
    if (!Call.getBegin().isFileID() || !Arg.isFileID() ||
        SM.getFileID(Call.getBegin()) != SM.getFileID(Arg))
      return std::nullopt;
    StringRef Text = Lexer::getSourceText(Call, SM, LO);
    unsigned Want = SM.getFileOffset(Arg) - SM.getFileOffset(Call.getBegin());
    size_t Open = Text.find('(');
    int Depth = 0;
    unsigned Index = 0;
    for (size_t I = Open == StringRef::npos ? Text.size() : Open + 1;
         I < Text.size() && I <= Want; ++I) {
      char C = Text[I];
      if (C == '(' || C == '[' || C == '{')
        ++Depth;
      else if (C == ')' || C == ']' || C == '}')
        --Depth;
      else if (C == ',' && Depth == 0)
        ++Index;
      if (I == Want)
        return Index;
    }
    return std::nullopt;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  const LangOptions &LO;
  const rules::RuleSet &Rules;
  llvm::DenseSet<SourceLocation> SeenThisModule;
  std::vector<const CallExpr *> Calls;
  /// Parameters that a function of this file stores in a holding field.
  llvm::DenseSet<std::pair<const FunctionDecl *, unsigned>> StoredParams;
};

/// Where a record keeps its owner: in a field of its own, or in a struct
/// member (platform_driver.driver.owner).
struct OwnerPath {
  const FieldDecl *Member = nullptr;
  const FieldDecl *Owner = nullptr;
};

class MissingOwnerCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    const rules::RuleSet &Rules = Analysis->rules();
    if (Rules.ownerField().empty())
      return;
    OwnerFacts Facts(*Analysis);
    // The file's own declarations and the functions it reaches: the
    // thousands of unused inline functions of kernel headers cannot set an
    // owner for this file, and walking them cost more than the rest of the
    // analysis (linux-6.1, fs/ext4/move_extent.c).
    for (Decl *D : Analysis->context().getTranslationUnitDecl()->decls())
      if (Analysis->isInScope(D))
        Facts.TraverseDecl(D);
    Facts.finish();
    // Built in, THIS_MODULE is NULL and an owner means nothing.
    if (Facts.ThisModuleIsNull ||
        !(Facts.ThisModuleInMainFile || Analysis->hasModuleMarker()))
      return;
    for (const VarDecl *VD : Facts.Candidates)
      checkStruct(VD, Facts);
  }

private:
  std::optional<OwnerPath> ownerPathOf(const RecordDecl *RD,
                                       const OwnerFacts &Facts) const {
    for (const FieldDecl *F : RD->fields())
      if (Facts.isOwnerField(F))
        return OwnerPath{nullptr, F};
    for (const FieldDecl *M : RD->fields())
      if (const RecordDecl *Inner = M->getType()->getAsRecordDecl())
        for (const FieldDecl *F : Inner->fields())
          if (Facts.isOwnerField(F))
            return OwnerPath{M, F};
    return std::nullopt;
  }

  void checkStruct(const VarDecl *VD, const OwnerFacts &Facts) {
    const rules::RuleSet &Rules = Analysis->rules();
    ASTContext &AC = Analysis->context();
    const RecordDecl *RD = VD->getType()->getAsRecordDecl();
    if (!RD || RD->isUnion() || !RD->getIdentifier() ||
        Rules.isOwnerIgnored(RD->getName()))
      return;
    std::optional<OwnerPath> Path = ownerPathOf(RD, Facts);
    const auto *ILE = dyn_cast<InitListExpr>(VD->getInit());
    if (!Path || !ILE ||
        Rules.isOwnerIgnored(Path->Owner->getParent()->getName()))
      return;
    if (ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    // A list clang could not make sense of holds what was written, not the
    // struct's fields in order (its type is void): nothing in it can be read
    // by field.
    if (ILE->containsErrors())
      return;
    const auto *Holder =
        Path->Member ? dyn_cast_or_null<InitListExpr>(initOf(ILE, Path->Member))
                     : ILE;
    const Expr *Owner = initOf(Holder, Path->Owner);
    if (Owner && isa<ImplicitValueInitExpr>(Owner))
      Owner = nullptr;
    // An owner written out counts, even "owner: NULL"; a NULL in the owner's
    // slot of a positional list does not (it predates the field).
    bool Positional = Owner && isPositional(Holder, Owner);
    if (Owner && (!isNullPointer(Owner, AC) || !Positional))
      return;
    const VarDecl *Canon = VD->getCanonicalDecl();
    if (Facts.Covered.count(Canon) || Facts.OwnerAssignedVars.count(Canon) ||
        Facts.OwnerAssignedRecords.count(Path->Owner->getParent()))
      return;

    // A function wired to an entry-point field (every function field when
    // the pack names none for the type) that takes a reference on this
    // module pins it itself: 2.4's MOD_INC_USE_COUNT in open().
    const rules::EntryPointRule *EP = Rules.entryPointRule(RD->getName());
    auto IsEntry = [&](const FieldDecl *F) {
      return !EP || llvm::is_contained(EP->Fields, F->getName());
    };
    // The function the note names: an entry point's, else the first of
    // this file's functions as written.
    const Expr *Shown = nullptr;
    unsigned ShownRank = ~0u;
    const SourceManager &SM = AC.getSourceManager();
    auto Visit = [&](const InitListExpr *L) {
      for (const FieldDecl *F : L->getType()->getAsRecordDecl()->fields()) {
        const Expr *Init = initOf(L, F);
        const FunctionDecl *FD = Init ? functionNamedBy(Init) : nullptr;
        if (!FD || !F->getType()->isFunctionPointerType())
          continue;
        if (IsEntry(F) && Analysis->mayPinThisModule(FD))
          return false;
        unsigned Rank = (EP && IsEntry(F) ? 0 : 2) + (FD->hasBody() ? 0 : 1);
        if (!Shown || Rank < ShownRank ||
            (Rank == ShownRank &&
             SM.isBeforeInTranslationUnit(Init->getBeginLoc(),
                                          Shown->getBeginLoc()))) {
          Shown = Init;
          ShownRank = Rank;
        }
      }
      return true;
    };
    if (!Visit(ILE) || (Path->Member && Holder && !Visit(Holder)))
      return;
    for (const RecordDecl *R : {RD, Path->Owner->getParent()})
      for (auto &[F, FD] : Facts.AssignedFunctions.lookup(R))
        if (IsEntry(F) && Analysis->mayPinThisModule(FD))
          return;
    if (!Shown)
      return;

    std::string Field = Path->Owner->getName().str();
    if (Path->Member)
      Field = Path->Member->getName().str() + "." + Field;
    Finding &Out =
        report(VD->getLocation(), "'" + VD->getName().str() +
                                      "' does not set '" + Field +
                                      "': nothing pins this module while the "
                                      "kernel calls its functions");
    Ctx.note(Out, Shown->getBeginLoc(),
             "'" + functionNamedBy(Shown)->getName().str() +
                 "' can be called while this module is being removed");
    std::string ThisModule = thisModuleSpelling();
    if (ThisModule.empty())
      return;
    if (Positional)
      Ctx.fix(Out,
              {FixItHint::CreateReplacement(
                  Lexer::makeFileCharRange(
                      CharSourceRange::getTokenRange(Owner->getSourceRange()),
                      AC.getSourceManager(), AC.getLangOpts()),
                  ThisModule)});
    else if (auto Hint = insertOwner(ILE, *Path, Holder, ThisModule))
      Ctx.fix(Out, {*Hint});
  }

  /// Whether Init is written in List without a designator.
  static bool isPositional(const InitListExpr *List, const Expr *Init) {
    const InitListExpr *Syn = syntacticForm(List);
    return llvm::any_of(Syn->inits(), [&](const Expr *E) {
      return !isa<DesignatedInitExpr>(E) &&
             E->IgnoreImpCasts() == Init->IgnoreImpCasts();
    });
  }

  std::string thisModuleSpelling() const {
    std::string S;
    for (const rules::RulePack &P : Analysis->rules().packs())
      if (!P.ThisModuleMacros.empty())
        S = P.ThisModuleMacros.front();
    return S;
  }

  /// ".owner = THIS_MODULE," as the first initializer of the list that
  /// holds the owner, in the style of the list's first initializer.
  std::optional<FixItHint> insertOwner(const InitListExpr *Top,
                                       const OwnerPath &Path,
                                       const InitListExpr *Holder,
                                       StringRef ThisModule) const {
    const SourceManager &SM = Analysis->context().getSourceManager();
    const LangOptions &LO = Analysis->context().getLangOpts();
    std::string Designator = Path.Owner->getName().str();
    const InitListExpr *List = syntacticForm(Top);
    if (Path.Member) {
      // ".driver = { ... }" gets the owner inside its braces; a member that
      // only ".driver.name = ..." sets gets ".driver.owner = ...".
      SourceLocation Brace =
          Holder ? syntacticForm(Holder)->getLBraceLoc() : SourceLocation();
      if (Brace.isFileID() && *SM.getCharacterData(Brace) == '{')
        List = syntacticForm(Holder);
      else
        Designator = Path.Member->getName().str() + "." + Designator;
    }
    const auto *First = List->getNumInits()
                            ? dyn_cast<DesignatedInitExpr>(List->getInit(0))
                            : nullptr;
    if (!First || !First->getDesignator(0)->isFieldDesignator())
      return std::nullopt;
    bool OldGnu = First->getDesignator(0)->getDotLoc().isInvalid();
    if (OldGnu && Designator.find('.') != std::string::npos)
      return std::nullopt;
    SourceLocation Begin = First->getBeginLoc();
    SourceLocation Sep = First->getEqualOrColonLoc();
    SourceLocation Value = SM.getExpansionLoc(First->getInit()->getBeginLoc());
    if (Begin.isMacroID() || Sep.isMacroID())
      return std::nullopt;
    auto Between = [&](SourceLocation A, SourceLocation B) {
      if (SM.getFileID(A) != SM.getFileID(B) ||
          SM.getFileOffset(A) > SM.getFileOffset(B))
        return std::string(" ");
      return Lexer::getSourceText(CharSourceRange::getCharRange(A, B), SM, LO)
          .str();
    };
    // Aligned columns stay aligned: "owner:\t\tTHIS_MODULE," under
    // "open:\t\tfoo_open,".
    std::string Text = OldGnu ? Designator + ":" : "." + Designator;
    unsigned From = visualColumn(SM, Begin) + Text.size();
    if (OldGnu) {
      Text += pad(Between(Sep.getLocWithOffset(1), Value), From,
                  visualColumn(SM, Value));
    } else {
      SourceLocation DesigEnd = Lexer::getLocForEndOfToken(
          First->getDesignatorsSourceRange().getEnd(), 0, SM, LO);
      Text += pad(Between(DesigEnd, Sep), From, visualColumn(SM, Sep)) + "=" +
              Between(Sep.getLocWithOffset(1), Value);
    }
    Text += ThisModule.str() + ",";
    if (SM.getSpellingLineNumber(List->getLBraceLoc()) ==
        SM.getSpellingLineNumber(Begin))
      return FixItHint::CreateInsertion(Begin, Text + " ");
    return FixItHint::CreateInsertion(Begin,
                                      Text + "\n" + indentationAt(SM, Begin));
  }

  static unsigned visualColumn(const SourceManager &SM, SourceLocation Loc) {
    bool Invalid = false;
    StringRef Buf = SM.getBufferData(SM.getFileID(Loc), &Invalid);
    unsigned Off = SM.getFileOffset(Loc);
    unsigned LineStart = Off - (SM.getSpellingColumnNumber(Loc) - 1);
    unsigned Col = 0;
    for (unsigned I = LineStart; !Invalid && I < Off && I < Buf.size(); ++I)
      Col = Buf[I] == '\t' ? (Col / 8 + 1) * 8 : Col + 1;
    return Col;
  }

  /// Whitespace from column From to column To, in the kind Written uses:
  /// tabs, aligning spaces, or Written itself when it aligns nothing.
  static std::string pad(StringRef Written, unsigned From, unsigned To) {
    std::string S;
    if (Written.contains('\t')) {
      do {
        S += '\t';
        From = (From / 8 + 1) * 8;
      } while (From < To);
      return S;
    }
    if (Written.size() <= 1)
      return Written.str();
    return std::string(To > From ? To - From : 1, ' ');
  }
};

} // namespace

std::unique_ptr<ModlifeCheck> createMissingOwnerCheck(CheckContext &C) {
  return std::make_unique<MissingOwnerCheck>("modlife-missing-owner", C);
}

} // namespace modlife
