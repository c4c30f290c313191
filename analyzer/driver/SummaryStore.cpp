//===- SummaryStore.cpp - Cross-file summaries on disk --------------------===//
#include "analyzer/driver/SummaryStore.h"
#include "analyzer/driver/Reports.h"
#include "analyzer/driver/ResultJson.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include <sqlite3.h>

using namespace llvm;

namespace modlife {

//===----------------------------------------------------------------------===//
// The database
//===----------------------------------------------------------------------===//

namespace {
/// A prepared statement, finalized when it goes out of scope.
class Statement {
public:
  Statement(sqlite3 *Db, StringRef Sql) {
    sqlite3_prepare_v2(Db, Sql.data(), Sql.size(), &S, nullptr);
  }
  ~Statement() { sqlite3_finalize(S); }
  explicit operator bool() const { return S; }
  void bind(int I, StringRef Text) {
    sqlite3_bind_text(S, I, Text.data(), Text.size(), SQLITE_TRANSIENT);
  }
  void bind(int I, int64_t V) { sqlite3_bind_int64(S, I, V); }
  void bind(int I, double V) { sqlite3_bind_double(S, I, V); }
  void bindNull(int I) { sqlite3_bind_null(S, I); }
  int step() { return sqlite3_step(S); }
  void reset() {
    sqlite3_reset(S);
    sqlite3_clear_bindings(S);
  }
  StringRef text(int Col) {
    const auto *P = sqlite3_column_text(S, Col);
    return P ? StringRef(reinterpret_cast<const char *>(P),
                         sqlite3_column_bytes(S, Col))
             : StringRef();
  }
  bool isNull(int Col) { return sqlite3_column_type(S, Col) == SQLITE_NULL; }
  int64_t integer(int Col) { return sqlite3_column_int64(S, Col); }
  double real(int Col) { return sqlite3_column_double(S, Col); }

private:
  sqlite3_stmt *S = nullptr;
};
} // namespace

static constexpr const char *Schema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS unit (
  file TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  inputs TEXT NOT NULL,
  summary TEXT NOT NULL,
  findings TEXT NOT NULL,
  consumed TEXT NOT NULL DEFAULT '',
  cross_file_findings TEXT,
  compiler_errors INTEGER NOT NULL DEFAULT 0,
  functions INTEGER NOT NULL DEFAULT 0,
  skipped TEXT NOT NULL DEFAULT '[]',
  seconds REAL NOT NULL DEFAULT 0
);
)sql";

SummaryStore::SummaryStore(sqlite3 *Db, std::string Path)
    : Db(Db), Path(std::move(Path)) {}

SummaryStore::~SummaryStore() { sqlite3_close(Db); }

Error SummaryStore::failure(StringRef What) const {
  return createStringError(inconvertibleErrorCode(),
                           "summary store '%s': %s: %s", Path.c_str(),
                           What.str().c_str(), sqlite3_errmsg(Db));
}

Error SummaryStore::exec(StringRef Sql) {
  char *Message = nullptr;
  if (sqlite3_exec(Db, Sql.str().c_str(), nullptr, nullptr, &Message) ==
      SQLITE_OK)
    return Error::success();
  std::string Why = Message ? Message : "unknown error";
  sqlite3_free(Message);
  return createStringError(inconvertibleErrorCode(),
                           "summary store '%s': %s", Path.c_str(),
                           Why.c_str());
}

Expected<std::unique_ptr<SummaryStore>> SummaryStore::open(StringRef Path) {
  std::string Name = Path.empty() ? ":memory:" : Path.str();
  if (!Path.empty() && sys::fs::is_directory(Path))
    return createStringError(inconvertibleErrorCode(),
                             "summary store '%s' is a directory",
                             Name.c_str());
  sqlite3 *Db = nullptr;
  int RC = sqlite3_open_v2(Name.c_str(), &Db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<SummaryStore> S(new SummaryStore(Db, Name));
  if (RC != SQLITE_OK)
    return S->failure("cannot open");
  // Another process may hold the file briefly (a CI merge step).
  sqlite3_busy_timeout(Db, 10000);
  // A store is a cache that a run can rebuild: no fsync per transaction.
  if (Error E = S->exec("PRAGMA synchronous=OFF;"))
    return std::move(E);
  Statement Version(Db, "SELECT value FROM meta WHERE key='version'");
  if (Version) {
    if (Version.step() == SQLITE_ROW) {
      StringRef V = Version.text(0);
      if (V != std::to_string(SummaryStoreVersion))
        return createStringError(
            inconvertibleErrorCode(),
            "summary store '%s' has format version %s; this modlife reads "
            "version %d: delete it and run again",
            Name.c_str(), V.str().c_str(), SummaryStoreVersion);
      return std::move(S);
    }
  } else {
    // No meta table: a new, empty database, or something else entirely.
    Statement Tables(Db, "SELECT count(*) FROM sqlite_master");
    if (!Tables)
      return createStringError(inconvertibleErrorCode(),
                               "'%s' is not a modlife summary store: %s",
                               Name.c_str(), sqlite3_errmsg(Db));
    if (Tables.step() == SQLITE_ROW && Tables.integer(0) != 0)
      return createStringError(inconvertibleErrorCode(),
                               "'%s' is not a modlife summary store",
                               Name.c_str());
  }
  if (Error E = S->exec(Schema))
    return std::move(E);
  if (Error E = S->exec(
          "INSERT OR REPLACE INTO meta VALUES ('format','modlife-summaries');"
          "INSERT OR REPLACE INTO meta VALUES ('version','" +
          std::to_string(SummaryStoreVersion) + "');"))
    return std::move(E);
  return std::move(S);
}

Expected<std::optional<StoredUnit>> SummaryStore::get(StringRef File) {
  Statement Q(Db, "SELECT fingerprint, inputs, summary, findings, consumed, "
                  "cross_file_findings, compiler_errors, functions, skipped, "
                  "seconds FROM unit WHERE file = ?");
  if (!Q)
    return failure("cannot read");
  Q.bind(1, File);
  int RC = Q.step();
  if (RC == SQLITE_DONE)
    return std::nullopt;
  if (RC != SQLITE_ROW)
    return failure("cannot read");
  StoredUnit U;
  U.File = File.str();
  U.Fingerprint = Q.text(0).str();
  auto Corrupt = [&](StringRef Column) {
    return createStringError(inconvertibleErrorCode(),
                             "summary store '%s': the %s of '%s' is corrupt",
                             Path.c_str(), Column.str().c_str(),
                             File.str().c_str());
  };
  if (!inputsFromJson(Q.text(1), U.Inputs))
    return Corrupt("inputs");
  Expected<json::Value> SV = json::parse(Q.text(2));
  if (!SV) {
    consumeError(SV.takeError());
    return Corrupt("summary");
  }
  if (!summaryFromJson(*SV, U.Summary))
    return Corrupt("summary");
  Expected<std::vector<Finding>> F = parseJsonReport(Q.text(3), Path, "");
  if (!F)
    return F.takeError();
  U.Findings = std::move(*F);
  U.Consumed = Q.text(4).str();
  if (!Q.isNull(5)) {
    Expected<std::vector<Finding>> X = parseJsonReport(Q.text(5), Path, "");
    if (!X)
      return X.takeError();
    U.CrossFileFindings = std::move(*X);
  }
  U.CompilerErrors = Q.integer(6);
  U.FunctionsInMainFile = Q.integer(7);
  if (Expected<json::Value> SK = json::parse(Q.text(8))) {
    if (const json::Array *A = SK->getAsArray())
      for (const json::Value &V : *A)
        U.Skipped.push_back(V.getAsString().value_or("").str());
  } else {
    consumeError(SK.takeError());
  }
  U.Seconds = Q.real(9);
  return U;
}

Error SummaryStore::put(const std::vector<const StoredUnit *> &Units) {
  if (Error E = exec("BEGIN"))
    return E;
  Statement Ins(Db, "INSERT OR REPLACE INTO unit (file, fingerprint, inputs, "
                    "summary, findings, consumed, cross_file_findings, "
                    "compiler_errors, functions, skipped, seconds) VALUES "
                    "(?,?,?,?,?,?,?,?,?,?,?)");
  if (!Ins)
    return failure("cannot write");
  for (const StoredUnit *U : Units) {
    Ins.bind(1, U->File);
    Ins.bind(2, U->Fingerprint);
    Ins.bind(3, inputsToJson(U->Inputs));
    Ins.bind(4, formatv("{0}", summaryToJson(U->Summary)).str());
    Ins.bind(5, findingsToJson(U->Findings));
    Ins.bind(6, U->Consumed);
    if (U->CrossFileFindings)
      Ins.bind(7, findingsToJson(*U->CrossFileFindings));
    else
      Ins.bindNull(7);
    Ins.bind(8, int64_t(U->CompilerErrors));
    Ins.bind(9, int64_t(U->FunctionsInMainFile));
    json::Array Skipped;
    for (const std::string &S : U->Skipped)
      Skipped.push_back(S);
    Ins.bind(10, formatv("{0}", json::Value(std::move(Skipped))).str());
    Ins.bind(11, U->Seconds);
    if (Ins.step() != SQLITE_DONE) {
      Error E = failure("cannot write");
      consumeError(exec("ROLLBACK"));
      return E;
    }
    Ins.reset();
  }
  return exec("COMMIT");
}

Error SummaryStore::forEachSummary(function_ref<void(TUSummary)> Fn) {
  Statement Q(Db, "SELECT file, summary FROM unit ORDER BY file");
  if (!Q)
    return failure("cannot read");
  int RC;
  while ((RC = Q.step()) == SQLITE_ROW) {
    TUSummary S;
    Expected<json::Value> V = json::parse(Q.text(1));
    if (!V || !summaryFromJson(*V, S)) {
      if (!V)
        consumeError(V.takeError());
      return createStringError(inconvertibleErrorCode(),
                               "summary store '%s': the summary of '%s' is "
                               "corrupt",
                               Path.c_str(), Q.text(0).str().c_str());
    }
    Fn(std::move(S));
  }
  return RC == SQLITE_DONE ? Error::success() : failure("cannot read");
}

Expected<std::vector<std::string>> SummaryStore::files() {
  Statement Q(Db, "SELECT file FROM unit ORDER BY file");
  if (!Q)
    return failure("cannot read");
  std::vector<std::string> Out;
  while (Q.step() == SQLITE_ROW)
    Out.push_back(Q.text(0).str());
  return Out;
}

Error SummaryStore::mergeFrom(StringRef Other) {
  // Opening it checks that it is a store of this version.
  Expected<std::unique_ptr<SummaryStore>> O = open(Other);
  if (!O)
    return O.takeError();
  O->reset(); // closed: ATTACH opens it again
  Statement Attach(Db, "ATTACH DATABASE ? AS other");
  if (!Attach)
    return failure("cannot merge");
  Attach.bind(1, Other);
  if (Attach.step() != SQLITE_DONE)
    return failure(("cannot read '" + Other + "'").str());
  Error E = exec("INSERT OR REPLACE INTO unit SELECT * FROM other.unit");
  consumeError(exec("DETACH DATABASE other"));
  return E;
}

//===----------------------------------------------------------------------===//
// Freshness
//===----------------------------------------------------------------------===//

bool InputChecker::unchanged(const std::vector<InputFile> &Inputs) {
  for (const InputFile &In : Inputs) {
    auto [It, New] = Cache.try_emplace(In.Path);
    Seen &S = It->second;
    if (New) {
      sys::fs::file_status St;
      if (!sys::fs::status(In.Path, St) && sys::fs::is_regular_file(St)) {
        S.Exists = true;
        S.Size = St.getSize();
        S.ModificationTime =
            sys::toTimeT(St.getLastModificationTime());
      }
    }
    if (!S.Exists || S.Size != In.Size)
      return false;
    if (S.ModificationTime == In.ModificationTime)
      continue;
    // Same size, another time: a checkout or a touch. Compare contents.
    if (!S.Hash) {
      ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
          MemoryBuffer::getFile(In.Path, /*IsText=*/false,
                                /*RequiresNullTerminator=*/false);
      S.Hash = Buf ? xxh3_64bits((*Buf)->getBuffer()) : 0;
    }
    if (*S.Hash != In.ContentHash)
      return false;
  }
  return true;
}

} // namespace modlife
