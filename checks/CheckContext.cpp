//===- CheckContext.cpp ---------------------------------------------------===//
#include "checks/CheckContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using namespace clang;
using namespace llvm;

namespace modlife {

std::string CheckOptions::get(StringRef Check, StringRef Option,
                              StringRef Default) const {
  auto It = Values.find((Check + "." + Option).str());
  return It == Values.end() ? Default.str() : It->second;
}

SourcePoint CheckContext::point(SourceLocation Loc) const {
  SourcePoint P(filePointAt(SM, Loc));
  P.Loc = SM.getFileLoc(Loc);
  return P;
}

Finding &CheckContext::report(StringRef Check, SourceLocation Loc,
                              StringRef Message) {
  Finding F;
  F.Check = Check.str();
  F.Message = Message.str();
  F.Where = point(Loc);
  Findings.push_back(std::move(F));
  return Findings.back();
}

void CheckContext::note(Finding &F, SourceLocation Loc, StringRef Message) {
  F.Notes.push_back({point(Loc), Message.str()});
}

void CheckContext::note(Finding &F, const FilePoint &InOtherFile,
                        StringRef Message) {
  F.Notes.push_back({SourcePoint(InOtherFile), Message.str()});
}

bool CheckContext::fix(Finding &F, ArrayRef<FixItHint> Hints) {
  std::vector<FixEdit> Edits;
  for (const FixItHint &H : Hints) {
    CharSourceRange R = H.RemoveRange;
    if (R.getBegin().isMacroID() || R.getEnd().isMacroID())
      return false;
    R = Lexer::makeFileCharRange(R, SM, LO);
    if (R.isInvalid())
      return false;
    FixEdit E;
    SourcePoint P = point(R.getBegin());
    E.File = P.File;
    E.Offset = P.Offset;
    E.Line = P.Line;
    E.Column = P.Column;
    unsigned EndOffset = SM.getFileOffset(R.getEnd());
    if (EndOffset < E.Offset)
      return false;
    E.Length = EndOffset - E.Offset;
    SourcePoint EndP = point(R.getEnd());
    E.EndLine = EndP.Line;
    E.EndColumn = EndP.Column;
    E.Text = H.CodeToInsert;
    bool Invalid = false;
    StringRef Buf = SM.getBufferData(SM.getFileID(R.getBegin()), &Invalid);
    if (Invalid)
      return false;
    E.FileHash = xxh3_64bits(Buf);
    Edits.push_back(std::move(E));
  }
  for (FixEdit &E : Edits)
    F.Fixes.push_back(std::move(E));
  return true;
}

} // namespace modlife
