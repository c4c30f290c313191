//===- Progress.cpp -------------------------------------------------------===//
#include "analyzer/driver/Progress.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/ADT/STLExtras.h"
#include <map>

using namespace llvm;

namespace modlife {

using Clock = std::chrono::steady_clock;

Progress::Progress(raw_ostream &OS, size_t Total, bool Terminal, bool Enabled)
    : OS(OS), Total(Total), Terminal(Terminal), Enabled(Enabled && Total > 1),
      Start(Clock::now()), LastDraw(Start) {}

double Progress::elapsedSeconds() const {
  return std::chrono::duration<double>(Clock::now() - Start).count();
}

std::string formatDuration(double Seconds) {
  if (Seconds < 10)
    return formatv("{0:f2} s", Seconds).str();
  if (Seconds < 60)
    return formatv("{0:f1} s", Seconds).str();
  unsigned S = unsigned(Seconds + 0.5);
  if (S < 3600)
    return formatv("{0} min {1} s", S / 60, S % 60).str();
  return formatv("{0} h {1} min", S / 3600, S % 3600 / 60).str();
}

void Progress::fileDone(size_t NewFindings) {
  ++Done;
  Findings += NewFindings;
  if (!Enabled)
    return;
  auto Now = Clock::now();
  auto SinceDraw = Now - LastDraw;
  if (Terminal ? SinceDraw >= std::chrono::milliseconds(100)
               : (SinceDraw >= std::chrono::seconds(30)))
    draw();
}

void Progress::draw() {
  LastDraw = Clock::now();
  double Elapsed = elapsedSeconds();
  std::string Line = formatv("modlife: {0}/{1} files, {2} finding{3}", Done,
                             Total, Findings, Findings == 1 ? "" : "s")
                         .str();
  if (Done && Done < Total)
    Line += ", about " + formatDuration(Elapsed / Done * (Total - Done)) +
            " left";
  if (Terminal) {
    OS << "\r\x1b[K" << Line;
  } else {
    OS << Line << "\n";
  }
  OS.flush();
  Drawn = true;
}

void Progress::finish() {
  if (Enabled && Terminal && Drawn) {
    OS << "\r\x1b[K";
    OS.flush();
  }
}

void renderRunSummary(raw_ostream &OS, const std::vector<Finding> &Findings,
                      std::vector<FileTiming> Files, double TotalSeconds) {
  std::map<std::string, unsigned> PerCheck;
  for (const Finding &F : Findings)
    ++PerCheck[F.Check];
  if (!PerCheck.empty()) {
    OS << "modlife: findings per check\n";
    for (const auto &[Check, N] : PerCheck)
      OS << format("  %6u  %s\n", N, Check.c_str());
  }
  unsigned WithErrors = 0;
  for (const FileTiming &T : Files)
    WithErrors += T.CompilerErrors > 0;
  if (WithErrors)
    OS << "modlife: " << WithErrors << " of " << Files.size()
       << " files had compiler errors; the functions that parsed were "
          "analyzed\n";
  llvm::sort(Files, [](const FileTiming &A, const FileTiming &B) {
    return A.Seconds != B.Seconds ? A.Seconds > B.Seconds : A.File < B.File;
  });
  if (Files.size() > 1) {
    OS << "modlife: slowest files\n";
    for (size_t I = 0; I < Files.size() && I < 5; ++I)
      OS << format("  %8s  ", formatDuration(Files[I].Seconds).c_str())
         << Files[I].File << "\n";
  }
  OS << "modlife: " << Files.size() << " files in "
     << formatDuration(TotalSeconds) << "\n";
}

} // namespace modlife
