//===- FixIts.cpp ---------------------------------------------------------===//
#include "checks/FixIts.h"
#include "analyzer/engine/Primitives.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace llvm;

namespace modlife {

std::optional<std::string> releaseStatementFor(const PrimitiveUse &U) {
  // The rule's spelling of the release, and what fills its placeholder.
  std::string S, Placeholder, Value;
  if (U.PairR) {
    S = U.PairR->ReleaseSpelling;
    Placeholder = "{handle}";
    Value = U.HandleSpelling;
  } else if (U.RefR) {
    S = U.RefR->ReleaseSpelling;
    Placeholder = "{module}";
    Value = U.Module.Spelling;
  }
  if (S.empty())
    return std::nullopt;
  size_t P = S.find(Placeholder);
  if (P != std::string::npos) {
    if (Value.empty())
      return std::nullopt;
    S.replace(P, Placeholder.size(), Value);
  }
  return S + ";";
}

std::string indentationAt(const SourceManager &SM, SourceLocation Loc) {
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return "";
  unsigned Off = SM.getFileOffset(Loc);
  size_t Begin = Buf.rfind('\n', Off ? Off - 1 : 0);
  Begin = (Begin == StringRef::npos) ? 0 : Begin + 1;
  if (Off == 0)
    Begin = 0;
  size_t End = Begin;
  while (End < Buf.size() && (Buf[End] == ' ' || Buf[End] == '\t'))
    ++End;
  return Buf.slice(Begin, End).str();
}

/// Where a closing brace goes after a statement that ends at Loc: past a
/// trailing comment on the same line, so that "return -E; // why" keeps its
/// comment on the return.
static SourceLocation endOfLineAfter(const SourceManager &SM,
                                     SourceLocation Loc) {
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return Loc;
  size_t Off = SM.getFileOffset(Loc), I = Off;
  while (I < Buf.size() && (Buf[I] == ' ' || Buf[I] == '\t'))
    ++I;
  if (Buf.substr(I).starts_with("//")) {
    I = Buf.find('\n', I);
    if (I == StringRef::npos)
      I = Buf.size();
  }
  if (I < Buf.size() && Buf[I] != '\n')
    return Loc; // More code follows on this line.
  return Loc.getLocWithOffset(I - Off);
}

static bool startsLine(const SourceManager &SM, SourceLocation Loc) {
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return false;
  unsigned Off = SM.getFileOffset(Loc);
  while (Off > 0 && (Buf[Off - 1] == ' ' || Buf[Off - 1] == '\t'))
    --Off;
  return Off == 0 || Buf[Off - 1] == '\n';
}

std::optional<std::vector<FixItHint>>
insertStatementBefore(ASTContext &Ctx, const ParentMap &PM, const Stmt *S,
                      StringRef Statement) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  SourceLocation Begin = S->getBeginLoc();
  // The statement itself must be written in the file; its operands may be
  // macros ("return -EAGAIN;").
  if (Begin.isInvalid() || Begin.isMacroID())
    return std::nullopt;
  SourceLocation End = SM.getExpansionLoc(S->getEndLoc());
  std::vector<FixItHint> Hints;
  const Stmt *Parent = PM.getParent(S);
  bool NeedsBraces = Parent && (isa<IfStmt>(Parent) || isa<ForStmt>(Parent) ||
                                isa<WhileStmt>(Parent) || isa<DoStmt>(Parent));
  bool OwnLine = startsLine(SM, Begin);
  std::string Indent = indentationAt(SM, Begin);
  if (!NeedsBraces) {
    Hints.push_back(FixItHint::CreateInsertion(
        Begin,
        OwnLine ? (Statement + "\n" + Indent).str() : (Statement + " ").str()));
    return Hints;
  }
  // Where the opening brace goes: after the if's ")" or after "else".
  SourceLocation BraceAfter;
  if (const auto *If = dyn_cast<IfStmt>(Parent)) {
    if (If->getElse() == S)
      BraceAfter = If->getElseLoc().getLocWithOffset(strlen("else"));
    else
      BraceAfter = Lexer::getLocForEndOfToken(If->getRParenLoc(), 0, SM, LO);
  } else if (const auto *For = dyn_cast<ForStmt>(Parent)) {
    BraceAfter = Lexer::getLocForEndOfToken(For->getRParenLoc(), 0, SM, LO);
  } else if (const auto *While = dyn_cast<WhileStmt>(Parent)) {
    BraceAfter = Lexer::getLocForEndOfToken(While->getRParenLoc(), 0, SM, LO);
  } else if (const auto *Do = dyn_cast<DoStmt>(Parent)) {
    BraceAfter = Do->getDoLoc().getLocWithOffset(strlen("do"));
  }
  SourceLocation AfterSemi = Lexer::findLocationAfterToken(
      End, tok::semi, SM, LO, /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (isa<CompoundStmt>(S) || BraceAfter.isInvalid() ||
      BraceAfter.isMacroID() || AfterSemi.isInvalid())
    return std::nullopt;
  Hints.push_back(FixItHint::CreateInsertion(BraceAfter, " {"));
  if (OwnLine) {
    std::string ParentIndent = indentationAt(SM, Parent->getBeginLoc());
    if (const auto *If = dyn_cast<IfStmt>(Parent); If && If->getElse() == S)
      ParentIndent = indentationAt(SM, If->getElseLoc());
    Hints.push_back(
        FixItHint::CreateInsertion(Begin, (Statement + "\n" + Indent).str()));
    Hints.push_back(FixItHint::CreateInsertion(endOfLineAfter(SM, AfterSemi),
                                               "\n" + ParentIndent + "}"));
  } else {
    Hints.push_back(FixItHint::CreateInsertion(Begin, (Statement + " ").str()));
    Hints.push_back(FixItHint::CreateInsertion(AfterSemi, " }"));
  }
  return Hints;
}

CharSourceRange removalOfStatement(const Stmt *S, const SourceManager &SM,
                                   const LangOptions &LO) {
  CharSourceRange R = SM.getExpansionRange(S->getSourceRange());
  SourceLocation Begin = R.getBegin();
  // R ends at the last token as written: for a statement that ends in a
  // macro call ("request_module(...);"), its ')' rather than its name.
  SourceLocation End =
      Lexer::findLocationAfterToken(R.getEnd(), tok::semi, SM, LO, false);
  if (End.isInvalid())
    End = Lexer::getLocForEndOfToken(R.getEnd(), 0, SM, LO);
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(SM.getFileID(Begin), &Invalid);
  if (Invalid)
    return CharSourceRange::getCharRange(Begin, End);
  unsigned B = SM.getFileOffset(Begin), E = SM.getFileOffset(End);
  unsigned LB = B, LE = E;
  while (LB > 0 && (Buf[LB - 1] == ' ' || Buf[LB - 1] == '\t'))
    --LB;
  while (LE < Buf.size() && (Buf[LE] == ' ' || Buf[LE] == '\t'))
    ++LE;
  if ((LB == 0 || Buf[LB - 1] == '\n') && LE < Buf.size() && Buf[LE] == '\n')
    return CharSourceRange::getCharRange(
        Begin.getLocWithOffset(int(LB) - int(B)),
        End.getLocWithOffset(int(LE) - int(E) + 1));
  return CharSourceRange::getCharRange(Begin, End);
}

} // namespace modlife
