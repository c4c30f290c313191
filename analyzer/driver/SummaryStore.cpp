//===- SummaryStore.cpp - Cross-file summaries on disk --------------------===//
#include "analyzer/driver/SummaryStore.h"
#include "analyzer/driver/Reports.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include <sqlite3.h>

using namespace llvm;

namespace modlife {

//===----------------------------------------------------------------------===//
// Summaries as JSON (the "summary" column; see docs/summaries.md)
//===----------------------------------------------------------------------===//

static json::Value pointJson(const FilePoint &P) {
  return json::Array{P.File, P.Line, P.Column, P.Offset, P.LineText};
}

static bool pointFrom(const json::Value *V, FilePoint &P) {
  const json::Array *A = V ? V->getAsArray() : nullptr;
  if (!A || A->size() != 5)
    return false;
  std::optional<StringRef> File = (*A)[0].getAsString(),
                           Text = (*A)[4].getAsString();
  std::optional<int64_t> Line = (*A)[1].getAsInteger(),
                         Column = (*A)[2].getAsInteger(),
                         Offset = (*A)[3].getAsInteger();
  if (!File || !Text || !Line || !Column || !Offset)
    return false;
  P = {File->str(), unsigned(*Line), unsigned(*Column), unsigned(*Offset),
       Text->str()};
  return true;
}

static json::Value summaryJson(const TUSummary &S) {
  json::Array Functions;
  for (const SummaryFunction &F : S.Functions) {
    json::Object Direct;
    for (unsigned E = 0; E < NumEffects; ++E)
      if (const std::optional<DirectEffect> &D = F.Direct[E])
        Direct[effectName(Effect(E))] = json::Object{
            {"at", pointJson(D->At)},
            {"primitive", D->Primitive.Name},
            {"macro", D->Primitive.IsMacro},
            {"flags", D->Primitive.FlagsSpelling},
            {"flagsUnknown", D->Primitive.FlagsUnknown},
            {"param", D->Param},
            {"flagSet", D->FlagSet}};
    json::Array Calls;
    for (const SummaryCall &C : F.Calls) {
      json::Array Args;
      for (const ArgumentFact &A : C.Arguments) {
        json::Object Allows;
        for (const auto &[Set, Yes] : A.AllowsSleep)
          Allows[Set] = Yes;
        json::Object AO{{"index", A.Index}, {"allowsSleep", std::move(Allows)}};
        if (A.PassesParam)
          AO["param"] = *A.PassesParam;
        Args.push_back(std::move(AO));
      }
      json::Object CO{{"callee", C.Callee},
                      {"external", C.External},
                      {"at", pointJson(C.At)},
                      {"args", std::move(Args)}};
      if (!C.External)
        CO["local"] = C.LocalCallee;
      Calls.push_back(std::move(CO));
    }
    Functions.push_back(json::Object{{"name", F.Name},
                                     {"external", F.External},
                                     {"definition", pointJson(F.Definition)},
                                     {"direct", std::move(Direct)},
                                     {"calls", std::move(Calls)}});
  }
  json::Array Consumes;
  for (unsigned E = 0; E < NumEffects; ++E)
    if (S.Consumes[E])
      Consumes.push_back(effectName(Effect(E)));
  return json::Object{{"mainFile", S.MainFile},
                      {"consumes", std::move(Consumes)},
                      {"functions", std::move(Functions)}};
}

static bool summaryFrom(const json::Value &V, TUSummary &S) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return false;
  std::optional<StringRef> Main = O->getString("mainFile");
  const json::Array *Consumes = O->getArray("consumes");
  const json::Array *Functions = O->getArray("functions");
  if (!Main || !Consumes || !Functions)
    return false;
  S.MainFile = Main->str();
  for (const json::Value &C : *Consumes) {
    std::optional<Effect> E =
        effectNamed(C.getAsString().value_or(StringRef()));
    if (!E)
      return false;
    S.Consumes[unsigned(*E)] = true;
  }
  for (const json::Value &FV : *Functions) {
    const json::Object *FO = FV.getAsObject();
    if (!FO)
      return false;
    SummaryFunction F;
    F.Name = FO->getString("name").value_or("").str();
    F.External = FO->getBoolean("external").value_or(false);
    if (F.Name.empty() || !pointFrom(FO->get("definition"), F.Definition))
      return false;
    if (const json::Object *Direct = FO->getObject("direct"))
      for (const auto &KV : *Direct) {
        std::optional<Effect> E = effectNamed(KV.first);
        const json::Object *DO = KV.second.getAsObject();
        DirectEffect D;
        if (!E || !DO || !pointFrom(DO->get("at"), D.At))
          return false;
        D.Primitive.Name = DO->getString("primitive").value_or("").str();
        D.Primitive.IsMacro = DO->getBoolean("macro").value_or(false);
        D.Primitive.FlagsSpelling = DO->getString("flags").value_or("").str();
        D.Primitive.FlagsUnknown =
            DO->getBoolean("flagsUnknown").value_or(false);
        D.Param = DO->getInteger("param").value_or(0);
        D.FlagSet = DO->getString("flagSet").value_or("").str();
        F.Direct[unsigned(*E)] = std::move(D);
      }
    if (const json::Array *Calls = FO->getArray("calls"))
      for (const json::Value &CV : *Calls) {
        const json::Object *CO = CV.getAsObject();
        SummaryCall C;
        if (!CO || !pointFrom(CO->get("at"), C.At))
          return false;
        C.Callee = CO->getString("callee").value_or("").str();
        C.External = CO->getBoolean("external").value_or(false);
        C.LocalCallee = CO->getInteger("local").value_or(0);
        if (const json::Array *Args = CO->getArray("args"))
          for (const json::Value &AV : *Args) {
            const json::Object *AO = AV.getAsObject();
            if (!AO)
              return false;
            ArgumentFact A;
            A.Index = AO->getInteger("index").value_or(0);
            if (std::optional<int64_t> P = AO->getInteger("param"))
              A.PassesParam = unsigned(*P);
            if (const json::Object *Allows = AO->getObject("allowsSleep"))
              for (const auto &KV : *Allows)
                A.AllowsSleep.push_back(
                    {KV.first.str(), KV.second.getAsBoolean().value_or(false)});
            C.Arguments.push_back(std::move(A));
          }
        F.Calls.push_back(std::move(C));
      }
    S.Functions.push_back(std::move(F));
  }
  return true;
}

static std::string inputsJson(const std::vector<InputFile> &Inputs) {
  json::Array A;
  for (const InputFile &In : Inputs)
    A.push_back(json::Array{In.Path, int64_t(In.Size), In.ModificationTime,
                            utohexstr(In.ContentHash, true)});
  return formatv("{0}", json::Value(std::move(A))).str();
}

static bool inputsFrom(StringRef Text, std::vector<InputFile> &Out) {
  Expected<json::Value> V = json::parse(Text);
  if (!V) {
    consumeError(V.takeError());
    return false;
  }
  const json::Array *A = V->getAsArray();
  if (!A)
    return false;
  for (const json::Value &E : *A) {
    const json::Array *R = E.getAsArray();
    if (!R || R->size() != 4)
      return false;
    InputFile In;
    In.Path = (*R)[0].getAsString().value_or("").str();
    In.Size = (*R)[1].getAsInteger().value_or(0);
    In.ModificationTime = (*R)[2].getAsInteger().value_or(0);
    if ((*R)[3].getAsString().value_or("").getAsInteger(16, In.ContentHash))
      return false;
    Out.push_back(std::move(In));
  }
  return true;
}

static std::string findingsJson(const std::vector<Finding> &Findings) {
  std::string Text;
  raw_string_ostream OS(Text);
  renderJson(OS, Findings, /*Root=*/"");
  return Text;
}

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
  if (!inputsFrom(Q.text(1), U.Inputs))
    return Corrupt("inputs");
  Expected<json::Value> SV = json::parse(Q.text(2));
  if (!SV) {
    consumeError(SV.takeError());
    return Corrupt("summary");
  }
  if (!summaryFrom(*SV, U.Summary))
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
    Ins.bind(3, inputsJson(U->Inputs));
    Ins.bind(4, formatv("{0}", summaryJson(U->Summary)).str());
    Ins.bind(5, findingsJson(U->Findings));
    Ins.bind(6, U->Consumed);
    if (U->CrossFileFindings)
      Ins.bind(7, findingsJson(*U->CrossFileFindings));
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
    if (!V || !summaryFrom(*V, S)) {
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
