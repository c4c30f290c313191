//===- Primitives.cpp - Matching rule-pack primitives in code -------------===//
#include "analyzer/engine/Primitives.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

using namespace clang;
using namespace llvm;

namespace modlife {

static PrimitiveUse::Kind kindOf(rules::RefEffect E) {
  switch (E) {
  case rules::RefEffect::Acquire:
    return PrimitiveUse::Acquire;
  case rules::RefEffect::TryAcquire:
    return PrimitiveUse::TryAcquire;
  case rules::RefEffect::Release:
    return PrimitiveUse::Release;
  }
  llvm_unreachable("unknown effect");
}

PrimitiveMatcher::PrimitiveMatcher(const rules::RuleSet &Rules, ASTContext &Ctx,
                                   const Preprocessor *PP)
    : Rules(Rules), Ctx(Ctx), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()),
      PP(PP) {}

SourceLocation PrimitiveMatcher::reportLoc(SourceLocation Loc) const {
  return Loc.isValid() ? SM.getFileLoc(Loc) : Loc;
}

std::string PrimitiveMatcher::textOf(SourceRange R) const {
  CharSourceRange CR =
      Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R), SM, LO);
  if (CR.isInvalid()) {
    // A range that starts and ends in different macro expansions: take the
    // outermost expansion instead.
    CR = SM.getExpansionRange(R);
    CR = Lexer::makeFileCharRange(CR, SM, LO);
  }
  if (CR.isInvalid())
    return "";
  bool Invalid = false;
  StringRef T = Lexer::getSourceText(CR, SM, LO, &Invalid);
  return Invalid ? "" : T.str();
}

std::vector<std::string>
PrimitiveMatcher::macroChainAt(SourceLocation Loc) const {
  std::vector<std::string> Chain;
  unsigned Guard = 0;
  while (Loc.isMacroID() && ++Guard < 256) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    Chain.push_back(Lexer::getImmediateMacroName(Loc, SM, LO).str());
    Loc = SM.getImmediateExpansionRange(Loc).getBegin();
  }
  return Chain;
}

std::vector<std::string>
PrimitiveMatcher::enclosingMacros(SourceLocation Loc) const {
  std::vector<std::string> Chain;
  unsigned Guard = 0;
  while (Loc.isMacroID() && ++Guard < 256) {
    // An argument's expansion range is where the macro body uses it.
    if (!SM.isMacroArgExpansion(Loc))
      Chain.push_back(Lexer::getImmediateMacroName(Loc, SM, LO).str());
    Loc = SM.getImmediateExpansionRange(Loc).getBegin();
  }
  return Chain;
}

std::string PrimitiveMatcher::outermostMacroName(SourceLocation Loc) const {
  std::vector<std::string> Chain = macroChainAt(Loc);
  return Chain.empty() ? "" : Chain.back();
}

std::optional<std::pair<std::string, SourceRange>>
PrimitiveMatcher::ruleMacroAt(SourceLocation Loc) const {
  std::optional<std::pair<std::string, SourceRange>> Found;
  // Walk from the innermost expansion outwards. A token that came from a
  // macro argument was written by whoever wrote the argument, not produced by
  // the macro, so we follow it to where it was spelled.
  unsigned Guard = 0;
  while (Loc.isMacroID() && ++Guard < 256) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    StringRef Name = Lexer::getImmediateMacroName(Loc, SM, LO);
    CharSourceRange Exp = SM.getImmediateExpansionRange(Loc);
    if (Rules.isMacroPrimitive(Name)) {
      CharSourceRange FileRange = SM.getExpansionRange(Exp);
      Found = std::make_pair(Name.str(), FileRange.getAsRange());
    }
    Loc = Exp.getBegin();
  }
  return Found;
}

ModuleRef PrimitiveMatcher::moduleFromText(std::string Text) const {
  std::string Key;
  for (char C : Text)
    if (!isSpace(C))
      Key += C;
  StringRef K(Key);
  while (K.size() > 2 && K.front() == '(' && K.back() == ')')
    K = K.drop_front().drop_back();
  if (Rules.isThisModuleMacro(K) || K == "&__this_module")
    return {"this", Text};
  return {K.str(), Text};
}

ModuleRef PrimitiveMatcher::moduleFromExpr(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  // THIS_MODULE written directly, even though it expands to &__this_module.
  SourceLocation B = E->getBeginLoc();
  if (B.isMacroID() && !SM.isMacroArgExpansion(B)) {
    std::string M = Lexer::getImmediateMacroName(B, SM, LO).str();
    if (Rules.isThisModuleMacro(M))
      return {"this", M};
  }
  return moduleFromText(textOf(E->getSourceRange()));
}

std::optional<SourceRange>
PrimitiveMatcher::writtenInvocationOf(SourceLocation Loc,
                                      StringRef Macro) const {
  for (unsigned Guard = 0; Loc.isMacroID() && Guard < 256; ++Guard) {
    CharSourceRange Exp = SM.getImmediateExpansionRange(Loc);
    if (!SM.isMacroArgExpansion(Loc) &&
        Lexer::getImmediateMacroName(Loc, SM, LO) == Macro) {
      if (!Exp.getBegin().isFileID())
        return std::nullopt;
      return Exp.getAsRange();
    }
    Loc = Exp.getBegin();
  }
  return std::nullopt;
}

std::optional<CharSourceRange>
PrimitiveMatcher::macroArgumentRange(SourceRange Expansion,
                                     unsigned Index) const {
  CharSourceRange CR = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Expansion), SM, LO);
  if (CR.isInvalid())
    CR = Lexer::makeFileCharRange(SM.getExpansionRange(Expansion), SM, LO);
  bool Invalid = false;
  StringRef Text =
      CR.isValid() ? Lexer::getSourceText(CR, SM, LO, &Invalid) : "";
  size_t Open = Text.find('(');
  if (Invalid || Open == StringRef::npos)
    return std::nullopt;
  int Depth = 0;
  unsigned Arg = 0;
  size_t Start = Open + 1;
  for (size_t I = Open + 1; I < Text.size(); ++I) {
    char C = Text[I];
    if ((C == ',' || C == ')') && Depth == 0) {
      if (Arg == Index) {
        StringRef Written = Text.slice(Start, I);
        size_t Lead = Written.size() - Written.ltrim().size();
        Written = Written.trim();
        if (Written.empty())
          return std::nullopt;
        SourceLocation B = CR.getBegin().getLocWithOffset(Start + Lead);
        return CharSourceRange::getCharRange(
            B, B.getLocWithOffset(Written.size()));
      }
      if (C == ')')
        break;
      ++Arg;
      Start = I + 1;
      continue;
    }
    if (C == '(' || C == '[' || C == '{')
      ++Depth;
    else if (C == ')' || C == ']' || C == '}')
      --Depth;
  }
  return std::nullopt;
}

const Expr *PrimitiveMatcher::exprWrittenIn(const Stmt *Root,
                                            CharSourceRange Arg) const {
  FileID File = SM.getFileID(Arg.getBegin());
  unsigned From = SM.getFileOffset(Arg.getBegin());
  unsigned To = SM.getFileOffset(Arg.getEnd());
  auto Inside = [&](SourceLocation L) {
    L = SM.getSpellingLoc(L);
    return L.isValid() && SM.getFileID(L) == File &&
           SM.getFileOffset(L) >= From && SM.getFileOffset(L) < To;
  };
  const auto *E = dyn_cast_or_null<Expr>(Root);
  if (E && Inside(E->getBeginLoc()) && Inside(E->getEndLoc()))
    return E;
  if (Root)
    for (const Stmt *Child : Root->children())
      if (const Expr *Found = exprWrittenIn(Child, Arg))
        return Found;
  return nullptr;
}

ModuleRef PrimitiveMatcher::moduleFromMacroArg(SourceRange Expansion,
                                               unsigned Index) const {
  std::optional<CharSourceRange> Arg = macroArgumentRange(Expansion, Index);
  if (!Arg)
    return {"?", ""};
  return moduleFromText(Lexer::getSourceText(*Arg, SM, LO).str());
}

std::optional<PrimitiveUse>
PrimitiveMatcher::matchMacro(const Stmt *S, StringRef Macro,
                             SourceRange Expansion) const {
  PrimitiveUse U;
  U.Name = Macro.str();
  U.Anchor = S;
  U.Loc = reportLoc(Expansion.getBegin());
  U.Range = Expansion;
  if (const rules::ModuleRefRule *R =
          Rules.moduleRefRule(rules::PrimitiveName::Macro, Macro)) {
    U.RefR = R;
    U.UseKind = kindOf(R->Effect);
    U.Module = R->ModuleArg ? moduleFromMacroArg(Expansion, *R->ModuleArg)
                            : ModuleRef{"this", ""};
    return U;
  }
  if (const rules::ModuleLoadRule *R =
          Rules.moduleLoadRule(rules::PrimitiveName::Macro, Macro)) {
    U.LoadR = R;
    U.UseKind = PrimitiveUse::LoadModule;
    U.Waits = R->Waits;
    return U;
  }
  if (const rules::SleepRule *R =
          Rules.sleepRule(rules::PrimitiveName::Macro, Macro)) {
    U.SleepR = R;
    U.UseKind = PrimitiveUse::Sleep;
    return U;
  }
  return std::nullopt;
}

std::optional<uint64_t>
PrimitiveMatcher::flagBitValue(const rules::FlagSet &FS) const {
  auto It = BitCache.find(&FS);
  if (It != BitCache.end())
    return It->second;
  std::optional<uint64_t> V;
  if (PP)
    V = evaluateIntegerMacro(*PP, FS.MaySleepBitMacro);
  if (!V)
    V = FS.FallbackValue;
  BitCache[&FS] = V;
  return V;
}

std::optional<PrimitiveUse>
PrimitiveMatcher::matchCall(const CallExpr *CE) const {
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  StringRef Name = FD->getName();
  PrimitiveUse U;
  U.Name = Name.str();
  U.Anchor = CE;
  U.Loc = reportLoc(CE->getBeginLoc());
  U.Range = CE->getSourceRange();
  if (const rules::ModuleRefRule *R =
          Rules.moduleRefRule(rules::PrimitiveName::Function, Name)) {
    U.RefR = R;
    U.UseKind = kindOf(R->Effect);
    if (R->ModuleArg && *R->ModuleArg < CE->getNumArgs())
      U.Module = moduleFromExpr(CE->getArg(*R->ModuleArg));
    else
      U.Module = {"this", ""};
    return U;
  }
  if (const rules::ModuleLoadRule *R =
          Rules.moduleLoadRule(rules::PrimitiveName::Function, Name)) {
    U.LoadR = R;
    U.UseKind = PrimitiveUse::LoadModule;
    U.Waits = R->Waits;
    // __request_module(bool wait, ...): a load we cannot tell is assumed to
    // wait, the way request_module() does.
    if (R->WaitArg && *R->WaitArg < CE->getNumArgs()) {
      Expr::EvalResult Wait;
      const Expr *A = CE->getArg(*R->WaitArg);
      if (!A->containsErrors() && !A->isValueDependent() &&
          A->EvaluateAsInt(Wait, Ctx))
        U.Waits = !Wait.Val.getInt().isZero();
    }
    return U;
  }
  const rules::SleepRule *R =
      Rules.sleepRule(rules::PrimitiveName::Function, Name);
  if (!R)
    return std::nullopt;
  U.SleepR = R;
  U.UseKind = PrimitiveUse::Sleep;
  if (!R->FlagsArg)
    return U;
  if (*R->FlagsArg >= CE->getNumArgs())
    return std::nullopt; // This kernel's function does not fit the rule.
  const Expr *Flags = CE->getArg(*R->FlagsArg);
  U.FlagsSpelling = textOf(Flags->getSourceRange());
  const rules::FlagSet *FS = Rules.flagSet(R->FlagSetName);
  std::optional<bool> Allows = FS ? flagsAllowSleep(Flags, *FS) : std::nullopt;
  if (Allows)
    return *Allows ? std::optional<PrimitiveUse>(U) : std::nullopt;
  U.Certainty = SleepCertainty::FlagsUnknown;
  U.Flags = FS;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Flags->IgnoreParenImpCasts()))
    if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl()))
      U.FlagsParam = PVD->getFunctionScopeIndex();
  return U;
}

std::string PrimitiveUse::holdKey() const {
  if (!isPairUse())
    return Module.Key;
  return "pair:" + (PairR ? PairR->Release.Name : std::string()) + ":" +
         Handle;
}

const Expr *PrimitiveMatcher::handleExpr(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  while (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_AddrOf)
      break;
    E = U->getSubExpr()->IgnoreParenCasts();
  }
  return E;
}

std::string PrimitiveMatcher::handleKey(const Expr *E) const {
  E = handleExpr(E);
  if (!E)
    return "";
  std::string T = textOf(E->getSourceRange());
  erase_if(T, [](char C) { return isSpace(C); });
  return T;
}

const Expr *PrimitiveMatcher::argumentOf(const CallExpr *CE, StringRef Macro,
                                         unsigned Index) const {
  if (Macro.empty())
    return Index < CE->getNumArgs() ? CE->getArg(Index) : nullptr;
  std::optional<SourceRange> Inv =
      writtenInvocationOf(CE->getBeginLoc(), Macro);
  if (!Inv)
    return nullptr;
  std::optional<CharSourceRange> Arg = macroArgumentRange(*Inv, Index);
  return Arg ? exprWrittenIn(CE, *Arg) : nullptr;
}

unsigned PrimitiveMatcher::argumentCountOf(const CallExpr *CE,
                                           StringRef Macro) const {
  if (Macro.empty())
    return CE->getNumArgs();
  unsigned N = 0;
  if (std::optional<SourceRange> Inv =
          writtenInvocationOf(CE->getBeginLoc(), Macro))
    while (N < 64 && macroArgumentRange(*Inv, N))
      ++N;
  return N;
}

/// Whether E names a local variable, which nothing can name once the
/// function returns.
static bool isLocalVariable(const Expr *E) {
  const auto *DRE = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()) : nullptr;
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage();
}

static bool isPointer(QualType T) {
  return !T.isNull() && !T->isDependentType() && T->isPointerType();
}

ResultHandle PrimitiveMatcher::resultHandle(const Expr *E,
                                            const ParentMap &Parents) const {
  const Stmt *Cur = E;
  const Stmt *P = Parents.getParent(Cur);
  while (P && (isa<ParenExpr>(P) || isa<CastExpr>(P))) {
    Cur = P;
    P = Parents.getParent(P);
  }
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P))
    if (BO->getOpcode() == BO_Assign && BO->getRHS() == Cur)
      return {handleKey(BO->getLHS()),
              textOf(BO->getLHS()->IgnoreParenImpCasts()->getSourceRange()),
              isLocalVariable(BO->getLHS()), BO->getLHS(), nullptr};
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(P))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getInit() && VD->getInit()->IgnoreParenCasts() ==
                                 cast<Expr>(Cur)->IgnoreParenCasts())
          return {VD->getName().str(), VD->getName().str(),
                  VD->hasLocalStorage(), nullptr, VD};
  return {};
}

PairAt PrimitiveMatcher::pairAcquiredAt(const CallExpr *CE) const {
  SourceLocation L = CE->getBeginLoc();
  if (L.isMacroID()) {
    std::vector<std::string> Chain = macroChainAt(L);
    for (auto It = Chain.rbegin(); It != Chain.rend(); ++It)
      if (const rules::ResourcePairRule *R =
              Rules.pairAcquiredBy(rules::PrimitiveName::Macro, *It))
        return {R, *It};
  }
  if (const FunctionDecl *FD = CE->getDirectCallee())
    if (FD->getIdentifier())
      if (const rules::ResourcePairRule *R =
              Rules.pairAcquiredBy(rules::PrimitiveName::Function,
                                   FD->getName()))
        return {R, ""};
  return {};
}

std::vector<PairAt> PrimitiveMatcher::pairsReleasedAt(const CallExpr *CE) const {
  std::vector<PairAt> Found;
  SourceLocation L = CE->getBeginLoc();
  if (L.isMacroID()) {
    std::vector<std::string> Chain = macroChainAt(L);
    for (auto It = Chain.rbegin(); It != Chain.rend(); ++It)
      if (const rules::ResourcePairRule *R =
              Rules.pairReleasedBy(rules::PrimitiveName::Macro, *It))
        Found.push_back({R, *It});
  }
  if (const FunctionDecl *FD = CE->getDirectCallee())
    if (FD->getIdentifier())
      if (const rules::ResourcePairRule *R = Rules.pairReleasedBy(
              rules::PrimitiveName::Function, FD->getName()))
        Found.push_back({R, ""});
  return Found;
}

std::optional<PrimitiveUse>
PrimitiveMatcher::matchPair(const CallExpr *CE,
                            const ParentMap &Parents) const {
  PairAt At = pairAcquiredAt(CE);
  bool Acquires = At.Rule != nullptr;
  if (!Acquires) {
    std::vector<PairAt> Releases = pairsReleasedAt(CE);
    if (Releases.empty())
      return std::nullopt;
    At = Releases.front();
  }
  PrimitiveUse U;
  U.UseKind = Acquires ? PrimitiveUse::PairAcquire : PrimitiveUse::PairRelease;
  U.PairR = At.Rule;
  U.Anchor = CE;
  if (At.Macro.empty()) {
    U.Name = CE->getDirectCallee()->getName().str();
    U.Loc = reportLoc(CE->getBeginLoc());
    U.Range = CE->getSourceRange();
  } else {
    U.Name = At.Macro;
    std::optional<SourceRange> Inv =
        writtenInvocationOf(CE->getBeginLoc(), At.Macro);
    U.Range = Inv ? *Inv : SM.getExpansionRange(CE->getSourceRange()).getAsRange();
    U.Loc = U.Range.getBegin();
  }
  if (Acquires && At.Rule->Handle == rules::HandleKind::Result) {
    ResultHandle Stored = resultHandle(CE, Parents);
    U.Handle = std::move(Stored.Key);
    U.HandleSpelling = std::move(Stored.Spelling);
    U.HandleIsLocal = Stored.IsLocal;
    // The declared result type: a call with an argument in error has none
    // of its own.
    const FunctionDecl *Callee = CE->getDirectCallee();
    U.HandleIsPointer = isPointer(CE->getType()) ||
                        (Callee && isPointer(Callee->getReturnType()));
  } else {
    unsigned I = Acquires ? At.Rule->HandleArg : At.Rule->ReleaseArg;
    const Expr *H = argumentOf(CE, At.Macro, I);
    U.Handle = handleKey(H);
    if (H) {
      // The resource as the release spells it: an out-argument's "&x" is x.
      const Expr *Named = H->IgnoreParenCasts();
      if (const auto *AO = dyn_cast<UnaryOperator>(Named);
          AO && AO->getOpcode() == UO_AddrOf &&
          At.Rule->Handle == rules::HandleKind::OutArg && Acquires)
        Named = AO->getSubExpr();
      U.HandleSpelling = textOf(Named->getSourceRange());
      U.HandleIsLocal = isLocalVariable(Named);
      U.HandleIsPointer = isPointer(Named->getType());
      // An argument in error has no type: the parameter's declared one
      // tells (what it points to, for the "x" of "&x").
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (Named->getType()->isDependentType() && At.Macro.empty() && Callee &&
          I < Callee->getNumParams()) {
        QualType Param = Callee->getParamDecl(I)->getType();
        if (Named != H->IgnoreParenCasts())
          Param = Param->isPointerType() ? Param->getPointeeType() : QualType();
        U.HandleIsPointer = isPointer(Param);
      }
    }
  }
  return U;
}

std::optional<bool>
PrimitiveMatcher::flagsAllowSleep(const Expr *Flags,
                                  const rules::FlagSet &FS) const {
  std::optional<uint64_t> Bit = flagBitValue(FS);
  Expr::EvalResult Result;
  if (!Bit || Flags->containsErrors() || Flags->isValueDependent() ||
      !Flags->EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return (Result.Val.getInt().getZExtValue() & *Bit) != 0;
}

//===----------------------------------------------------------------------===//
// Integer macro evaluation
//===----------------------------------------------------------------------===//

namespace {

/// A small precedence-climbing evaluator over macro replacement tokens.
class MacroIntEvaluator {
public:
  MacroIntEvaluator(const Preprocessor &PP) : PP(PP) {}

  std::optional<uint64_t> evalMacro(StringRef Name, unsigned Depth) {
    if (Depth > 16)
      return std::nullopt;
    IdentifierInfo *II = PP.getIdentifierInfo(Name);
    const MacroInfo *MI = II ? PP.getMacroInfo(II) : nullptr;
    if (!MI || MI->isFunctionLike())
      return std::nullopt;
    std::vector<Token> Saved = std::move(Toks);
    size_t SavedPos = Pos;
    Toks.assign(MI->tokens_begin(), MI->tokens_end());
    Pos = 0;
    std::optional<uint64_t> V = parseExpr(0, Depth);
    if (Pos != Toks.size())
      V = std::nullopt;
    Toks = std::move(Saved);
    Pos = SavedPos;
    return V;
  }

private:
  const Preprocessor &PP;
  std::vector<Token> Toks;
  size_t Pos = 0;

  bool at(tok::TokenKind K) const {
    return Pos < Toks.size() && Toks[Pos].is(K);
  }

  static int precedence(tok::TokenKind K) {
    switch (K) {
    case tok::pipe:
      return 1;
    case tok::caret:
      return 2;
    case tok::amp:
      return 3;
    case tok::lessless:
    case tok::greatergreater:
      return 4;
    case tok::plus:
    case tok::minus:
      return 5;
    case tok::star:
      return 6;
    default:
      return -1;
    }
  }

  // "(type)" or "(__force type)" before an operand is a cast we look through.
  bool skipCast() {
    if (!at(tok::l_paren))
      return false;
    size_t I = Pos + 1;
    bool SawIdent = false;
    while (I < Toks.size() &&
           (Toks[I].is(tok::identifier) || Toks[I].is(tok::star) ||
            Toks[I].isOneOf(tok::kw_unsigned, tok::kw_int, tok::kw_long,
                            tok::kw_char, tok::kw_short, tok::kw_signed))) {
      if (Toks[I].is(tok::identifier)) {
        // An identifier that is itself a macro with a value is an operand.
        IdentifierInfo *II = Toks[I].getIdentifierInfo();
        if (II && PP.getMacroInfo(II) && II->getName() != "__force" &&
            II->getName() != "__bitwise")
          return false;
      }
      SawIdent = true;
      ++I;
    }
    if (!SawIdent || I >= Toks.size() || Toks[I].isNot(tok::r_paren) ||
        I + 1 >= Toks.size())
      return false;
    const Token &Next = Toks[I + 1];
    if (!Next.isOneOf(tok::l_paren, tok::numeric_constant, tok::identifier,
                      tok::tilde))
      return false;
    Pos = I + 1;
    return true;
  }

  std::optional<uint64_t> parsePrimary(unsigned Depth) {
    if (Pos >= Toks.size())
      return std::nullopt;
    while (skipCast()) {
    }
    const Token &T = Toks[Pos];
    if (T.is(tok::tilde)) {
      ++Pos;
      auto V = parsePrimary(Depth);
      return V ? std::optional<uint64_t>(~*V) : std::nullopt;
    }
    if (T.is(tok::l_paren)) {
      ++Pos;
      auto V = parseExpr(0, Depth);
      if (!at(tok::r_paren))
        return std::nullopt;
      ++Pos;
      return V;
    }
    if (T.is(tok::numeric_constant)) {
      ++Pos;
      std::string Clean = PP.getSpelling(T);
      while (!Clean.empty() && strchr("uUlL", Clean.back()))
        Clean.pop_back();
      uint64_t V;
      if (StringRef(Clean).getAsInteger(0, V))
        return std::nullopt;
      return V;
    }
    if (T.is(tok::identifier)) {
      ++Pos;
      StringRef Name = T.getIdentifierInfo()->getName();
      if (Name == "__force" || Name == "__bitwise")
        return parsePrimary(Depth);
      return evalMacro(Name, Depth + 1);
    }
    return std::nullopt;
  }

  std::optional<uint64_t> parseExpr(int MinPrec, unsigned Depth) {
    std::optional<uint64_t> L = parsePrimary(Depth);
    while (L && Pos < Toks.size()) {
      tok::TokenKind K = Toks[Pos].getKind();
      int P = precedence(K);
      if (P < 0 || P < MinPrec)
        break;
      ++Pos;
      std::optional<uint64_t> R = parseExpr(P + 1, Depth);
      if (!R)
        return std::nullopt;
      switch (K) {
      case tok::pipe:
        *L |= *R;
        break;
      case tok::caret:
        *L ^= *R;
        break;
      case tok::amp:
        *L &= *R;
        break;
      case tok::lessless:
        *L = *R < 64 ? *L << *R : 0;
        break;
      case tok::greatergreater:
        *L = *R < 64 ? *L >> *R : 0;
        break;
      case tok::plus:
        *L += *R;
        break;
      case tok::minus:
        *L -= *R;
        break;
      case tok::star:
        *L *= *R;
        break;
      default:
        return std::nullopt;
      }
    }
    return L;
  }
};

} // namespace

std::optional<uint64_t> evaluateIntegerMacro(const Preprocessor &PP,
                                             StringRef Name) {
  return MacroIntEvaluator(PP).evalMacro(Name, 0);
}

} // namespace modlife
