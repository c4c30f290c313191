//===- SummaryStore.h - Cross-file summaries on disk ------------*- C++ -*-===//
//
// An SQLite database with one row per translation unit: its summary (for
// linking), the files its parse read with their hashes (to tell whether the
// row still holds), and its findings, alone and with what other files told
// it. docs/summaries.md documents the format; it is versioned, and stores
// written by separate CI jobs merge by translation unit.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_DRIVER_SUMMARYSTORE_H
#define MODLIFE_DRIVER_SUMMARYSTORE_H

#include "analyzer/driver/Analyze.h"
#include "analyzer/engine/Summaries.h"
#include "checks/Finding.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace modlife {

/// The format version this modlife reads and writes.
constexpr int SummaryStoreVersion = 1;

/// One translation unit as the store keeps it.
struct StoredUnit {
  /// The source file as analyzed, absolute: the key.
  std::string File;
  /// The compile command, the configuration and the format, hashed: a row
  /// with another fingerprint was made under other settings.
  std::string Fingerprint;
  std::vector<InputFile> Inputs;
  TUSummary Summary;
  /// The findings of the translation unit analyzed alone.
  std::vector<Finding> Findings;
  /// With what other files told it (SummaryGraph::consumedBy), when that is
  /// not empty: the digest and the findings made with it.
  std::string Consumed;
  std::optional<std::vector<Finding>> CrossFileFindings;
  unsigned CompilerErrors = 0;
  unsigned FunctionsInMainFile = 0;
  std::vector<std::string> Skipped;
  double Seconds = 0;
};

class SummaryStore {
public:
  /// Opens or creates the store at Path; an empty Path keeps it in memory.
  /// Fails, in one line, on a file that is no store or has another version.
  static llvm::Expected<std::unique_ptr<SummaryStore>> open(llvm::StringRef Path);
  ~SummaryStore();

  llvm::Expected<std::optional<StoredUnit>> get(llvm::StringRef File);
  /// Adds or replaces rows, in one transaction.
  llvm::Error put(const std::vector<const StoredUnit *> &Units);
  /// Every row's summary, in the order of their files.
  llvm::Error forEachSummary(llvm::function_ref<void(TUSummary)> Fn);
  /// The files that have rows.
  llvm::Expected<std::vector<std::string>> files();
  /// Copies every row of the store at Other into this one, replacing rows
  /// of the same file.
  llvm::Error mergeFrom(llvm::StringRef Other);

private:
  SummaryStore(sqlite3 *Db, std::string Path);
  llvm::Error exec(llvm::StringRef Sql);
  llvm::Error failure(llvm::StringRef What) const;

  sqlite3 *Db;
  std::string Path;
};

/// Whether the row was made from the same inputs as a parse would read now.
/// Stat first; a file whose size or time changed is hashed, so that a fresh
/// checkout (new times, same contents) still counts as unchanged.
class InputChecker {
public:
  bool unchanged(const std::vector<InputFile> &Inputs);

private:
  struct Seen {
    bool Exists = false;
    uint64_t Size = 0;
    int64_t ModificationTime = 0;
    std::optional<uint64_t> Hash;
  };
  std::map<std::string, Seen> Cache;
};

} // namespace modlife

#endif
