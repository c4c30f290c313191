//===- Isolation.h - Translation units in worker processes ------*- C++ -*-===//
//
// A whole-tree run must survive its worst file. With isolation, each job is
// a worker process forked from modlife, so it starts with the configuration,
// compile database and linked summaries at no cost. A worker analyzes one
// file at a time and sends each FileResult back as JSON through a pipe. The
// parent watches the wall time of each file and the memory the worker holds,
// and kills the worker past a limit. A crash, an assertion, a hang or a
// runaway allocation then costs that one file: its result says what
// happened, a new worker takes the next file, and the run goes on.
//
// Workers live for the whole run rather than one file each: a fresh process
// per file pays a page fault for every page of its heap again, which made
// runs over linux-6.1 twice as slow (docs/performance.md).
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_DRIVER_ISOLATION_H
#define MODLIFE_DRIVER_ISOLATION_H

#include "analyzer/driver/Analyze.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>

namespace modlife {

/// Whether this system can analyze files in worker processes (POSIX fork).
bool canIsolate();

/// Analyzes files 0..Count-1 in Jobs worker processes under Limits:
/// Analyze(I) runs in a worker, Done(I, Result) in the parent, one call at a
/// time, in completion order. When a worker crashes, exits, or passes a
/// limit while on file I, Done gets a result that names NameOf(I), says what
/// happened in FatalError, and has AnalysisFailed set.
void analyzeInWorkers(size_t Count, unsigned Jobs, const FileLimits &Limits,
                      llvm::function_ref<std::string(size_t)> NameOf,
                      llvm::function_ref<FileResult(size_t)> Analyze,
                      llvm::function_ref<void(size_t, FileResult)> Done);

} // namespace modlife

#endif
