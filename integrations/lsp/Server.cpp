//===- Server.cpp ---------------------------------------------------------===//
#include "integrations/lsp/Server.h"
#include "integrations/lsp/DocumentText.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include <csignal>
#include <sys/types.h>

using namespace llvm;

namespace modlife {
namespace lsp {

// JSON-RPC and LSP error codes.
enum : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  ServerNotInitialized = -32002,
};
// window/logMessage types.
enum : int { LogError = 1, LogWarning = 2 };

static json::Object rangeJson(StringRef Text, size_t Begin, size_t End) {
  auto Pos = [&](size_t Offset) {
    Position P = positionOf(Text, Offset);
    return json::Object{{"line", P.Line}, {"character", P.Character}};
  };
  return json::Object{{"start", Pos(Begin)}, {"end", Pos(End)}};
}

static std::optional<Position> positionFrom(const json::Object *O) {
  if (!O)
    return std::nullopt;
  std::optional<int64_t> L = O->getInteger("line"),
                         C = O->getInteger("character");
  if (!L || !C || *L < 0 || *C < 0)
    return std::nullopt;
  return Position{unsigned(*L), unsigned(*C)};
}

/// The same file, whatever the spelling: modlife names files as the compile
/// database does, the editor as the user opened them.
static bool sameFile(StringRef A, StringRef B) {
  if (A == B)
    return true;
  sys::fs::UniqueID IA, IB;
  return !sys::fs::getUniqueID(A, IA) && !sys::fs::getUniqueID(B, IB) &&
         IA == IB;
}

Server::Server(ServerOptions O, Transport &T)
    : Options(std::move(O)), T(T), Worker([this] { workerLoop(); }) {}

Server::~Server() {
  {
    std::lock_guard<std::mutex> Lock(Mu);
    Stopping = true;
  }
  Wake.notify_all();
  Worker.join();
}

int Server::run() {
  std::string HeaderError;
  while (std::optional<std::string> Body = T.read(HeaderError)) {
    if (!HeaderError.empty())
      log(LogError, "modlife-lsp: " + HeaderError);
    Expected<json::Value> Message = json::parse(*Body);
    if (!Message) {
      replyError(nullptr, ParseError, toString(Message.takeError()));
      continue;
    }
    const json::Object *O = Message->getAsObject();
    if (O && O->getString("method") == "exit")
      return ShutdownRequested ? 0 : 1;
    handle(*Message);
  }
  // The client went away without 'exit'.
  return ShutdownRequested ? 0 : 1;
}

void Server::reply(const json::Value &Id, json::Value Result) {
  T.send(json::Object{{"jsonrpc", "2.0"}, {"id", Id}, {"result", Result}});
}

void Server::replyError(const json::Value &Id, int Code, StringRef Message) {
  T.send(json::Object{
      {"jsonrpc", "2.0"},
      {"id", Id},
      {"error", json::Object{{"code", Code}, {"message", Message}}}});
}

void Server::log(int Type, StringRef Message) {
  errs() << Message << "\n";
  T.send(json::Object{
      {"jsonrpc", "2.0"},
      {"method", "window/logMessage"},
      {"params", json::Object{{"type", Type}, {"message", Message}}}});
}

void Server::handle(const json::Value &Message) {
  const json::Object *O = Message.getAsObject();
  std::optional<StringRef> Method = O ? O->getString("method") : std::nullopt;
  const json::Value *Id = O ? O->get("id") : nullptr;
  if (!Method) {
    // A response to a request of ours (we send none), or garbage.
    if (!O || !O->get("result"))
      replyError(Id ? *Id : json::Value(nullptr), InvalidRequest,
                 "not a JSON-RPC request or notification");
    return;
  }
  const json::Object *Params = O->getObject("params");
  if (*Method == "initialize" && Id) {
    reply(*Id, initialize(Params));
    return;
  }
  if (!Initialized) {
    if (Id)
      replyError(*Id, ServerNotInitialized, "the server is not initialized");
    return;
  }
  if (ShutdownRequested && Id) {
    replyError(*Id, InvalidRequest, "the server is shutting down");
    return;
  }
  if (*Method == "shutdown" && Id) {
    ShutdownRequested = true;
    reply(*Id, nullptr);
    return;
  }
  if (Id && *Method == "textDocument/codeAction") {
    if (!Params) {
      replyError(*Id, InvalidParams, "codeAction needs params");
      return;
    }
    reply(*Id, codeAction(*Params));
    return;
  }
  if (Id) {
    replyError(*Id, MethodNotFound, ("no method " + *Method).str());
    return;
  }
  if (!Params)
    return;
  if (*Method == "textDocument/didOpen")
    didOpen(*Params);
  else if (*Method == "textDocument/didChange")
    didChange(*Params);
  else if (*Method == "textDocument/didSave")
    didSave(*Params);
  else if (*Method == "textDocument/didClose")
    didClose(*Params);
  // Other notifications ($/cancelRequest, initialized, ...) need nothing.
}

json::Value Server::initialize(const json::Object *Params) {
  Initialized = true;
  // initializationOptions may override the command line, the way clangd
  // takes compilationDatabasePath and fallbackFlags.
  if (const json::Object *Init =
          Params ? Params->getObject("initializationOptions") : nullptr) {
    if (std::optional<StringRef> Dir =
            Init->getString("compilationDatabasePath"))
      Options.CompileCommandsDir = Dir->str();
    if (const json::Array *Flags = Init->getArray("fallbackFlags")) {
      Options.FallbackFlags.clear();
      for (const json::Value &F : *Flags)
        if (std::optional<StringRef> S = F.getAsString())
          Options.FallbackFlags.push_back(S->str());
    }
    if (std::optional<int64_t> Ms = Init->getInteger("debounceMs"))
      if (*Ms >= 0)
        Options.Debounce = std::chrono::milliseconds(*Ms);
  }
  return json::Object{
      {"capabilities",
       json::Object{
           {"textDocumentSync",
            json::Object{{"openClose", true},
                         {"change", 2}, // incremental
                         {"save", json::Object{{"includeText", false}}}}},
           {"codeActionProvider",
            json::Object{{"codeActionKinds", json::Array{"quickfix"}}}},
       }},
      {"serverInfo", json::Object{{"name", "modlife-lsp"},
                                  {"version", MODLIFE_VERSION}}}};
}

/// The document a notification names, if it is open and a C file.
static std::optional<std::string> uriIn(const json::Object &Params) {
  const json::Object *Doc = Params.getObject("textDocument");
  if (!Doc)
    return std::nullopt;
  std::optional<StringRef> Uri = Doc->getString("uri");
  return Uri ? std::optional<std::string>(Uri->str()) : std::nullopt;
}

void Server::didOpen(const json::Object &Params) {
  const json::Object *Doc = Params.getObject("textDocument");
  std::optional<std::string> Uri = uriIn(Params);
  std::optional<StringRef> Text = Doc ? Doc->getString("text") : std::nullopt;
  if (!Uri || !Text)
    return log(LogError, "modlife-lsp: didOpen without a uri or text");
  Expected<std::string> Path = pathOfUri(*Uri);
  if (!Path)
    return log(LogWarning, "modlife-lsp: " + toString(Path.takeError()));
  // Headers have no compile command of their own; they are analyzed as
  // part of the .c files that include them.
  if (!StringRef(*Path).ends_with(".c"))
    return;
  std::lock_guard<std::mutex> Lock(Mu);
  Document &D = Docs[*Uri];
  D.Uri = *Uri;
  D.Path = *Path;
  D.Text = Text->str();
  D.Version = Doc->getInteger("version").value_or(0);
  schedule(D, Clock::duration::zero());
}

void Server::didChange(const json::Object &Params) {
  std::optional<std::string> Uri = uriIn(Params);
  const json::Array *Changes = Params.getArray("contentChanges");
  if (!Uri || !Changes)
    return;
  std::lock_guard<std::mutex> Lock(Mu);
  auto It = Docs.find(*Uri);
  if (It == Docs.end())
    return;
  Document &D = It->second;
  for (const json::Value &C : *Changes) {
    const json::Object *CO = C.getAsObject();
    std::optional<StringRef> NewText = CO ? CO->getString("text") : std::nullopt;
    if (!NewText)
      continue;
    const json::Object *Range = CO->getObject("range");
    std::optional<Position> Start =
        positionFrom(Range ? Range->getObject("start") : nullptr);
    std::optional<Position> End =
        positionFrom(Range ? Range->getObject("end") : nullptr);
    if (Error E = applyChange(D.Text, Start ? &*Start : nullptr,
                              End ? &*End : nullptr, *NewText)) {
      // The client and we disagree about the text; nothing published for
      // it can be trusted until it sends the whole text again.
      errs() << "modlife-lsp: " << D.Uri << ": " << toString(std::move(E))
             << "\n";
    }
  }
  if (const json::Object *Doc = Params.getObject("textDocument"))
    D.Version = Doc->getInteger("version").value_or(D.Version + 1);
  schedule(D, Options.Debounce);
}

void Server::didSave(const json::Object &Params) {
  // A save can change what other files see (a header), and the user
  // expects an answer now, not after the debounce.
  std::optional<std::string> Uri = uriIn(Params);
  std::lock_guard<std::mutex> Lock(Mu);
  auto It = Uri ? Docs.find(*Uri) : Docs.end();
  if (It != Docs.end())
    schedule(It->second, Clock::duration::zero());
}

void Server::didClose(const json::Object &Params) {
  std::optional<std::string> Uri = uriIn(Params);
  if (!Uri)
    return;
  std::lock_guard<std::mutex> Publishing(PublishMu);
  {
    std::lock_guard<std::mutex> Lock(Mu);
    if (!Docs.erase(*Uri))
      return;
  }
  publish(*Uri, -1, {});
}

void Server::schedule(Document &D, Clock::duration Delay) {
  D.Queued = true;
  D.Due = Clock::now() + Delay;
  Wake.notify_all();
}

bool Server::isStale(const Job &J) {
  std::lock_guard<std::mutex> Lock(Mu);
  auto It = Docs.find(J.Uri);
  return Stopping || It == Docs.end() || It->second.Version != J.Version;
}

void Server::workerLoop() {
  std::unique_lock<std::mutex> Lock(Mu);
  while (!Stopping) {
    Document *Next = nullptr;
    for (auto &KV : Docs)
      if (KV.second.Queued && (!Next || KV.second.Due < Next->Due))
        Next = &KV.second;
    if (!Next) {
      Wake.wait(Lock);
      continue;
    }
    if (Next->Due > Clock::now()) {
      Wake.wait_until(Lock, Next->Due);
      continue;
    }
    Next->Queued = false;
    Job J{Next->Uri, Next->Path, Next->Text, Next->Version};
    Lock.unlock();
    auto Start = Clock::now();
    Outcome O = analyze(J);
    std::vector<Published> Diagnostics;
    if (!O.Stale && O.Failure.empty())
      Diagnostics = diagnosticsFrom(J, O.Json);
    if (!O.Failure.empty())
      log(LogWarning, "modlife-lsp: " + O.Failure);
    // Held from the check that the document is still open until the send,
    // so that a didClose cannot slip in between and see its empty
    // diagnostics overwritten by these.
    std::unique_lock<std::mutex> Publishing(PublishMu);
    Lock.lock();
    auto It = Docs.find(J.Uri);
    if (O.Stale || It == Docs.end() || It->second.Version != J.Version)
      continue; // a newer version is queued; its run will publish
    It->second.AnalyzedText = J.Text;
    It->second.AnalyzedVersion = J.Version;
    It->second.Diagnostics = Diagnostics;
    Lock.unlock();
    errs() << "modlife-lsp: " << J.Path << " v" << J.Version << ": "
           << Diagnostics.size() << " findings in "
           << std::chrono::duration_cast<std::chrono::milliseconds>(
                  Clock::now() - Start)
                  .count()
           << " ms\n";
    publish(J.Uri, J.Version, Diagnostics);
    Publishing.unlock();
    Lock.lock();
  }
}

std::vector<std::string> Server::commandFor(const std::string &Path) const {
  std::vector<std::string> Args = {Options.Modlife,    "--stdin",
                                   "--format=json",    "--source-root=/",
                                   "--quiet",          "--use-color=false"};
  std::string Dir = Options.CompileCommandsDir;
  // clangd's search: compile_commands.json, or build/compile_commands.json,
  // in the file's directory or the nearest one above it.
  for (StringRef D = sys::path::parent_path(Path); Dir.empty() && !D.empty();
       D = sys::path::parent_path(D)) {
    for (const char *Sub : {"", "build"}) {
      SmallString<256> Candidate(D);
      sys::path::append(Candidate, Sub, "compile_commands.json");
      if (sys::fs::exists(Candidate)) {
        Dir = sys::path::parent_path(Candidate).str();
        break;
      }
    }
  }
  if (!Dir.empty()) {
    Args.push_back("-p");
    Args.push_back(Dir);
    Args.push_back(Path);
  } else {
    Args.push_back(Path);
    Args.push_back("--");
    Args.insert(Args.end(), Options.FallbackFlags.begin(),
                Options.FallbackFlags.end());
  }
  return Args;
}

Server::Outcome Server::analyze(const Job &J) {
  Outcome O;
  SmallString<128> InFile, OutFile, ErrFile;
  int FD;
  if (std::error_code EC =
          sys::fs::createTemporaryFile("modlife-lsp-in", "c", FD, InFile)) {
    O.Failure = "cannot create a temporary file: " + EC.message();
    return O;
  }
  {
    raw_fd_ostream In(FD, /*shouldClose=*/true);
    In << J.Text;
  }
  sys::fs::createTemporaryFile("modlife-lsp-out", "json", OutFile);
  sys::fs::createTemporaryFile("modlife-lsp-err", "txt", ErrFile);
  auto Cleanup = make_scope_exit([&] {
    sys::fs::remove(InFile);
    sys::fs::remove(OutFile);
    sys::fs::remove(ErrFile);
  });

  std::vector<std::string> Command = commandFor(J.Path);
  std::vector<StringRef> Args(Command.begin(), Command.end());
  std::optional<StringRef> Redirects[] = {StringRef(InFile), StringRef(OutFile),
                                          StringRef(ErrFile)};
  std::string ErrMsg;
  bool Failed = false;
  sys::ProcessInfo PI = sys::ExecuteNoWait(Options.Modlife, Args, std::nullopt,
                                           Redirects, 0, &ErrMsg, &Failed);
  if (Failed) {
    O.Failure = "cannot run '" + Options.Modlife + "': " + ErrMsg;
    return O;
  }
  auto Deadline = Clock::now() + Options.AnalysisTimeout;
  sys::ProcessInfo Done;
  for (;;) {
    Done = sys::Wait(PI, /*SecondsToWait=*/0, &ErrMsg, nullptr,
                     /*Polling=*/true);
    if (Done.Pid != 0)
      break;
    bool Stale = isStale(J);
    if (Stale || Clock::now() > Deadline) {
      ::kill(PI.Pid, SIGKILL);
      sys::Wait(PI, std::nullopt);
      if (Stale) {
        O.Stale = true;
        return O;
      }
      O.Failure = J.Path + ": analysis stopped after " +
                  std::to_string(Options.AnalysisTimeout.count()) + " s";
      return O;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  auto FirstLine = [&](StringRef File) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> B = MemoryBuffer::getFile(File);
    return B ? (*B)->getBuffer().trim().split('\n').first.str() : "";
  };
  if (Done.ReturnCode == 0 || Done.ReturnCode == 1) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> B = MemoryBuffer::getFile(OutFile);
    if (B)
      O.Json = (*B)->getBuffer().str();
    else
      O.Failure = "cannot read modlife's output";
    return O;
  }
  if (Done.ReturnCode == 2)
    O.Failure = FirstLine(ErrFile);
  else
    O.Failure = "modlife crashed analyzing " + J.Path + " (" +
                (ErrMsg.empty() ? "status " + std::to_string(Done.ReturnCode)
                                : ErrMsg) +
                "); the server goes on";
  return O;
}

std::vector<Server::Published> Server::diagnosticsFrom(const Job &J,
                                                       StringRef Json) {
  std::vector<Published> Out;
  Expected<json::Value> V = json::parse(Json);
  if (!V) {
    log(LogError, "modlife-lsp: modlife's JSON does not parse: " +
                      toString(V.takeError()));
    return Out;
  }
  const json::Object *Root = V->getAsObject();
  const json::Array *Findings = Root ? Root->getArray("findings") : nullptr;
  if (!Findings)
    return Out;
  // --source-root=/ makes every path relative to the root directory.
  auto Absolute = [](StringRef P) {
    return P.starts_with("/") ? P.str() : "/" + P.str();
  };
  for (const json::Value &FV : *Findings) {
    const json::Object *F = FV.getAsObject();
    if (!F)
      continue;
    std::string File = Absolute(F->getString("file").value_or(""));
    // Findings in headers belong to those files; LSP diagnostics are per
    // document.
    if (!sameFile(File, J.Path))
      continue;
    size_t Begin = offsetOfLineColumn(J.Text, F->getInteger("line").value_or(1),
                                      F->getInteger("column").value_or(1));
    json::Object D{
        {"range", rangeJson(J.Text, Begin, tokenEnd(J.Text, Begin))},
        {"severity", 2},
        {"source", "modlife"},
        // .str(): a json::Value made from a StringRef borrows it, and the
        // parsed output is gone once this function returns.
        {"code", F->getString("check").value_or("").str()},
        {"message", F->getString("message").value_or("").str()}};
    json::Array Related;
    if (const json::Array *Notes = F->getArray("notes"))
      for (const json::Value &NV : *Notes) {
        const json::Object *N = NV.getAsObject();
        if (!N)
          continue;
        std::string NoteFile = Absolute(N->getString("file").value_or(""));
        unsigned Line = N->getInteger("line").value_or(1);
        unsigned Column = N->getInteger("column").value_or(1);
        json::Object Range;
        if (sameFile(NoteFile, J.Path)) {
          size_t At = offsetOfLineColumn(J.Text, Line, Column);
          Range = rangeJson(J.Text, At, tokenEnd(J.Text, At));
        } else {
          // Another file: its bytes are not at hand; columns are bytes,
          // which is right for the ASCII that kernel headers are.
          json::Object P{{"line", Line - 1}, {"character", Column - 1}};
          Range = json::Object{{"start", json::Object(P)}, {"end", std::move(P)}};
        }
        Related.push_back(json::Object{
            {"location", json::Object{{"uri", uriOfPath(NoteFile)},
                                      {"range", std::move(Range)}}},
            {"message", N->getString("message").value_or("").str()}});
      }
    if (!Related.empty())
      D["relatedInformation"] = std::move(Related);
    Published P;
    bool FixInThisFile = true;
    if (const json::Array *Fixes = F->getArray("fixes"))
      for (const json::Value &EV : *Fixes) {
        const json::Object *E = EV.getAsObject();
        if (!E)
          continue;
        FixInThisFile &= sameFile(Absolute(E->getString("file").value_or("")),
                                  J.Path);
        P.Fix.push_back(Edit{unsigned(E->getInteger("offset").value_or(0)),
                             unsigned(E->getInteger("length").value_or(0)),
                             E->getString("text").value_or("").str()});
      }
    // A fix that also edits a header is offered by the CLI's --fix only.
    if (!FixInThisFile)
      P.Fix.clear();
    P.Diagnostic = std::move(D);
    Out.push_back(std::move(P));
  }
  return Out;
}

void Server::publish(const std::string &Uri, int64_t Version,
                     const std::vector<Published> &Diagnostics) {
  json::Array Ds;
  for (const Published &P : Diagnostics)
    Ds.push_back(json::Object(P.Diagnostic));
  json::Object Params{{"uri", Uri}, {"diagnostics", std::move(Ds)}};
  if (Version >= 0)
    Params["version"] = Version;
  T.send(json::Object{{"jsonrpc", "2.0"},
                      {"method", "textDocument/publishDiagnostics"},
                      {"params", std::move(Params)}});
}

/// A title that says what the edit does, as clangd's quick fixes do.
static std::string fixTitle(StringRef Check, ArrayRef<std::string> Texts) {
  std::string Title = "Apply modlife's fix";
  for (StringRef Text : Texts) {
    StringRef First = Text.trim().split('\n').first.trim();
    if (First.empty())
      continue;
    if (First.size() > 50)
      First = First.take_front(47);
    Title += ": '" + First.str() + (First.size() == 47 ? "...'" : "'");
    break;
  }
  return Title + " (" + Check.str() + ")";
}

json::Value Server::codeAction(const json::Object &Params) {
  json::Array Actions;
  std::optional<std::string> Uri = uriIn(Params);
  const json::Object *Range = Params.getObject("range");
  std::optional<Position> From =
      positionFrom(Range ? Range->getObject("start") : nullptr);
  std::optional<Position> To =
      positionFrom(Range ? Range->getObject("end") : nullptr);
  std::lock_guard<std::mutex> Lock(Mu);
  auto It = Uri ? Docs.find(*Uri) : Docs.end();
  // Fix offsets are into the analyzed text; once the buffer has moved on,
  // they would land in the wrong place.
  if (It == Docs.end() || !From || !To ||
      It->second.AnalyzedVersion != It->second.Version)
    return Actions;
  const Document &D = It->second;
  auto Before = [](Position A, Position B) {
    return A.Line < B.Line || (A.Line == B.Line && A.Character < B.Character);
  };
  for (const Published &P : D.Diagnostics) {
    if (P.Fix.empty())
      continue;
    const json::Object *R = P.Diagnostic.getObject("range");
    std::optional<Position> S = positionFrom(R ? R->getObject("start") : nullptr);
    std::optional<Position> E = positionFrom(R ? R->getObject("end") : nullptr);
    // Offered when the diagnostic's range meets the requested one.
    if (!S || !E || Before(*To, *S) || Before(*E, *From))
      continue;
    json::Array Edits;
    std::vector<std::string> Texts;
    for (const Edit &Ed : P.Fix) {
      Edits.push_back(json::Object{
          {"range", rangeJson(D.AnalyzedText, Ed.Offset, Ed.Offset + Ed.Length)},
          {"newText", Ed.Text}});
      Texts.push_back(Ed.Text);
    }
    StringRef Check = P.Diagnostic.getString("code").value_or("");
    Actions.push_back(json::Object{
        {"title", fixTitle(Check, Texts)},
        {"kind", "quickfix"},
        {"isPreferred", true},
        {"diagnostics", json::Array{json::Object(P.Diagnostic)}},
        {"edit",
         json::Object{{"changes", json::Object{{D.Uri, std::move(Edits)}}}}}});
  }
  return Actions;
}

} // namespace lsp
} // namespace modlife
