//===- Progress.h - What a long run says while it runs and at its end ----===//
//
// Runs over a kernel tree take minutes. On a terminal a progress line is
// redrawn in place (done/total, findings so far, ETA); elsewhere (CI logs)
// a plain line is printed every 30 s once a run has taken that long, so
// short runs and tests print nothing extra. At the end, multi-file runs get
// a summary: findings per check, files with compiler errors, the slowest
// files, and the total time.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_DRIVER_PROGRESS_H
#define MODLIFE_DRIVER_PROGRESS_H

#include "checks/Finding.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <string>
#include <vector>

namespace modlife {

class Progress {
public:
  Progress(llvm::raw_ostream &OS, size_t Total, bool Terminal, bool Enabled);
  /// One file finished, with this many findings.
  void fileDone(size_t Findings);
  /// More files to go than the run started with (a second phase).
  void addWork(size_t Files) { Total += Files; }
  /// Clears the progress line.
  void finish();
  double elapsedSeconds() const;

private:
  void draw();

  llvm::raw_ostream &OS;
  size_t Total, Done = 0, Findings = 0;
  bool Terminal, Enabled, Drawn = false;
  std::chrono::steady_clock::time_point Start, LastDraw;
};

/// "2 min 31 s", "4.2 s".
std::string formatDuration(double Seconds);

struct FileTiming {
  std::string File;
  double Seconds;
  unsigned CompilerErrors;
};

/// The end-of-run table for multi-file runs.
void renderRunSummary(llvm::raw_ostream &OS,
                      const std::vector<Finding> &Findings,
                      std::vector<FileTiming> Files, double TotalSeconds);

} // namespace modlife

#endif
