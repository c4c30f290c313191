//===- Server.h - modlife's language server ---------------------*- C++ -*-===//
//
// A small LSP server that runs beside clangd (which cannot load plugins).
// Each analysis is a run of the modlife CLI on the buffer's unsaved text
// (--stdin --format=json): the same checks, packs, .modlife.yaml and options
// as every other front end, and a crash or hang in one analysis kills only
// that child process, never the server.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_LSP_SERVER_H
#define MODLIFE_LSP_SERVER_H

#include "integrations/lsp/Transport.h"
#include "llvm/Support/JSON.h"
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace modlife {
namespace lsp {

struct ServerOptions {
  /// The modlife CLI that analyzes each buffer.
  std::string Modlife;
  /// Where compile_commands.json is; empty: searched upward from each
  /// file, as clangd does.
  std::string CompileCommandsDir;
  /// Compiler flags for files that no compile database covers.
  std::vector<std::string> FallbackFlags;
  /// Quiet time after an edit before the buffer is analyzed.
  std::chrono::milliseconds Debounce{300};
  /// An analysis still running after this is killed.
  std::chrono::seconds AnalysisTimeout{120};
};

class Server {
public:
  Server(ServerOptions Options, Transport &T);
  ~Server();
  /// Serves until 'exit' or the end of input; returns the exit status.
  int run();

private:
  using Clock = std::chrono::steady_clock;

  /// A fix-it or a finding, kept in the form code actions need.
  struct Edit {
    unsigned Offset, Length;
    std::string Text;
  };
  struct Published {
    llvm::json::Object Diagnostic;
    std::vector<Edit> Fix;
  };
  struct Document {
    std::string Uri, Path, Text;
    int64_t Version = 0;
    bool Queued = false;
    Clock::time_point Due;
    /// The text and version the published diagnostics were computed on.
    std::string AnalyzedText;
    int64_t AnalyzedVersion = -1;
    std::vector<Published> Diagnostics;
  };
  struct Job {
    std::string Uri, Path, Text;
    int64_t Version;
  };
  struct Outcome {
    bool Stale = false;
    /// Why there are no findings to show, for the client's log.
    std::string Failure;
    std::string Json;
  };

  void handle(const llvm::json::Value &Message);
  void reply(const llvm::json::Value &Id, llvm::json::Value Result);
  void replyError(const llvm::json::Value &Id, int Code,
                  llvm::StringRef Message);
  void log(int Type, llvm::StringRef Message);

  llvm::json::Value initialize(const llvm::json::Object *Params);
  void didOpen(const llvm::json::Object &Params);
  void didChange(const llvm::json::Object &Params);
  void didSave(const llvm::json::Object &Params);
  void didClose(const llvm::json::Object &Params);
  llvm::json::Value codeAction(const llvm::json::Object &Params);

  void schedule(Document &D, Clock::duration Delay);
  void workerLoop();
  Outcome analyze(const Job &J);
  bool isStale(const Job &J);
  std::vector<std::string> commandFor(const std::string &Path) const;
  std::vector<Published> diagnosticsFrom(const Job &J, llvm::StringRef Json);
  void publish(const std::string &Uri, int64_t Version,
               const std::vector<Published> &Diagnostics);

  ServerOptions Options;
  Transport &T;
  bool Initialized = false, ShutdownRequested = false;

  std::mutex Mu;
  /// Orders publishing after the open-check against didClose; taken before
  /// Mu, and never held while waiting for an analysis.
  std::mutex PublishMu;
  std::condition_variable Wake;
  std::map<std::string, Document> Docs;
  bool Stopping = false;
  std::thread Worker;
};

} // namespace lsp
} // namespace modlife

#endif
