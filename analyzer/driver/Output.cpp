//===- Output.cpp ---------------------------------------------------------===//
#include "analyzer/driver/Output.h"
#include "llvm/Support/WithColor.h"
#include <algorithm>

using namespace llvm;

namespace modlife {

void sortAndUnique(std::vector<Finding> &Findings) {
  // Findings with the same key (one return that keeps two references) differ
  // in their notes; ordering by the notes too makes the one that survives
  // de-duplication the same in every run, whatever order threads finish in.
  auto NotesKey = [](const Finding &F) {
    std::vector<std::tuple<std::string, unsigned, std::string>> K;
    for (const FindingNote &N : F.Notes)
      K.emplace_back(N.Where.File, N.Where.Offset, N.Message);
    return K;
  };
  std::sort(Findings.begin(), Findings.end(),
            [&](const Finding &A, const Finding &B) {
              if (A.key() != B.key())
                return A.key() < B.key();
              return NotesKey(A) < NotesKey(B);
            });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [](const Finding &A, const Finding &B) {
                               return A.key() == B.key();
                             }),
                 Findings.end());
}

static std::string expandTabs(StringRef S) {
  std::string Out;
  for (char C : S) {
    if (C == '\t')
      Out.append(8 - Out.size() % 8, ' ');
    else
      Out += C;
  }
  return Out;
}

static void snippet(raw_ostream &OS, const SourcePoint &P, bool Color) {
  if (P.Line == 0)
    return;
  std::string LineNo = std::to_string(P.Line);
  std::string Pad(std::max<size_t>(5, LineNo.size() + 1), ' ');
  OS << std::string(Pad.size() - LineNo.size(), ' ') << LineNo << " | "
     << expandTabs(P.LineText) << "\n";
  std::string Prefix =
      expandTabs(StringRef(P.LineText).take_front(P.Column - 1));
  OS << Pad << " | " << std::string(Prefix.size(), ' ');
  if (Color)
    OS.changeColor(raw_ostream::GREEN, true);
  OS << "^";
  if (Color)
    OS.resetColor();
  OS << "\n";
}

static void header(raw_ostream &OS, const SourcePoint &P, StringRef Kind,
                   raw_ostream::Colors KindColor, StringRef Message,
                   bool Color) {
  if (Color)
    OS.changeColor(raw_ostream::SAVEDCOLOR, true);
  OS << P.File << ":" << P.Line << ":" << P.Column << ": ";
  if (Color)
    OS.changeColor(KindColor, true);
  OS << Kind << ": ";
  if (Color)
    OS.changeColor(raw_ostream::SAVEDCOLOR, true);
  OS << Message;
  if (Color)
    OS.resetColor();
}

static void escape(raw_ostream &OS, StringRef S) {
  for (char C : S) {
    if (C == '\n')
      OS << "\\n";
    else if (C == '"' || C == '\\')
      OS << '\\' << C;
    else
      OS << C;
  }
}

void renderText(raw_ostream &OS, const std::vector<Finding> &Findings,
                bool Color, bool ParseableFixits) {
  for (const Finding &F : Findings) {
    header(OS, F.Where, "warning", raw_ostream::MAGENTA, F.Message, Color);
    OS << " [" << F.Check << "]\n";
    snippet(OS, F.Where, Color);
    if (ParseableFixits)
      for (const FixEdit &E : F.Fixes) {
        // The format of clang's -fdiagnostics-parseable-fixits.
        OS << "fix-it:\"";
        escape(OS, E.File);
        OS << "\":{" << E.Line << ":" << E.Column << "-" << E.EndLine << ":"
           << E.EndColumn << "}:\"";
        escape(OS, E.Text);
        OS << "\"\n";
      }
    for (const FindingNote &N : F.Notes) {
      header(OS, N.Where, "note", raw_ostream::BLACK, N.Message, Color);
      OS << "\n";
      snippet(OS, N.Where, Color);
    }
  }
}

} // namespace modlife
