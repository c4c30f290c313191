//===- Isolation.cpp - Translation units in worker processes --------------===//
#include "analyzer/driver/Isolation.h"
#include "analyzer/driver/ResultJson.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>

#ifdef LLVM_ON_UNIX
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <pthread.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace llvm;

namespace modlife {

#ifdef LLVM_ON_UNIX

bool canIsolate() { return true; }

namespace {

/// The pages only this process maps (allocated since the fork, or copied on
/// write), in bytes: what the worker added. Pages still shared with the
/// parent cost nothing more. None when /proc cannot tell.
std::optional<uint64_t> privateBytes(pid_t Pid) {
  auto Buf = MemoryBuffer::getFileAsStream("/proc/" + std::to_string(Pid) +
                                           "/smaps_rollup");
  if (!Buf)
    return std::nullopt;
  uint64_t Total = 0;
  bool Seen = false;
  SmallVector<StringRef, 32> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  for (StringRef L : Lines) {
    if (!L.consume_front("Private_Clean:") && !L.consume_front("Private_Dirty:"))
      continue;
    uint64_t KiB = 0;
    if (L.trim().split(' ').first.getAsInteger(10, KiB))
      continue;
    Total += KiB * 1024;
    Seen = true;
  }
  return Seen ? std::optional<uint64_t>(Total) : std::nullopt;
}

bool writeAll(int Fd, const void *Data, size_t Size) {
  const char *P = static_cast<const char *>(Data);
  while (Size) {
    ssize_t N = ::write(Fd, P, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    P += N;
    Size -= N;
  }
  return true;
}

bool readAll(int Fd, void *Data, size_t Size) {
  char *P = static_cast<char *>(Data);
  while (Size) {
    ssize_t N = ::read(Fd, P, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    P += N;
    Size -= N;
  }
  return true;
}

/// Closes every descriptor but the standard streams and Keep: a worker
/// must not hold the ends of another worker's pipes, or that worker's death
/// would never reach the parent as end-of-file.
void closeAllBut(int KeepA, int KeepB) {
  unsigned Lo = std::min(KeepA, KeepB), Hi = std::max(KeepA, KeepB);
  if (Lo > 3)
    ::close_range(3, Lo - 1, 0);
  if (Hi > Lo + 1)
    ::close_range(Lo + 1, Hi - 1, 0);
  ::close_range(Hi + 1, ~0U, 0);
}

/// One worker process, driven by one parent thread.
class Worker {
public:
  Worker(const FileLimits &Limits,
         function_ref<FileResult(size_t)> Analyze)
      : Limits(Limits), Analyze(Analyze) {}
  ~Worker() { stop(); }

  /// Analyzes file Index in the worker, starting one if there is none.
  /// Fails, with a reason, when the worker died or was killed.
  FileResult run(size_t Index, const std::string &Name) {
    if (Pid < 0 && !start())
      return failed(Name, Twine("cannot start a worker process: ") +
                              strerror(errno));
    uint64_t Message = Index;
    if (!writeAll(ToWorker, &Message, sizeof Message))
      return died(Name);
    std::string Killed;
    std::string Answer;
    if (!receive(Answer, Killed)) {
      if (!Killed.empty()) {
        ::kill(Pid, SIGKILL);
        reap();
        return failed(Name, Killed);
      }
      return died(Name);
    }
    Expected<FileResult> R = fileResultFromJson(Answer);
    if (!R)
      return failed(Name, "the worker sent back " + toString(R.takeError()));
    return std::move(*R);
  }

  /// Ends the worker: it exits when its command pipe closes.
  void stop() {
    if (Pid >= 0)
      reap();
  }

private:
  bool start() {
    int Commands[2], Results[2];
    if (::pipe(Commands) != 0)
      return false;
    if (::pipe(Results) != 0) {
      ::close(Commands[0]);
      ::close(Commands[1]);
      return false;
    }
    pid_t P = ::fork();
    if (P < 0) {
      for (int Fd : {Commands[0], Commands[1], Results[0], Results[1]})
        ::close(Fd);
      return false;
    }
    if (P == 0)
      serve(Commands[0], Results[1]); // Never returns.
    ::close(Commands[0]);
    ::close(Results[1]);
    Pid = P;
    ToWorker = Commands[1];
    FromWorker = Results[0];
    return true;
  }

  /// The worker's loop: a file index in, its result out, until the parent
  /// closes the pipe. It leaves with _exit, so that no atexit handler,
  /// static destructor or buffered stream inherited from the parent runs
  /// twice. Only the forking thread exists here.
  [[noreturn]] void serve(int In, int Out) {
    closeAllBut(In, Out);
    uint64_t Index;
    while (readAll(In, &Index, sizeof Index)) {
      std::string Text = fileResultToJson(Analyze(Index));
      uint64_t Size = Text.size();
      if (!writeAll(Out, &Size, sizeof Size) ||
          !writeAll(Out, Text.data(), Text.size()))
        break;
    }
    ::_exit(0);
  }

  /// Reads one answer (its size, then its text) while watching the limits.
  /// False when the worker died or passed a limit (then Killed says which).
  bool receive(std::string &Answer, std::string &Killed) {
    using Clock = std::chrono::steady_clock;
    const auto Start = Clock::now();
    // The memory guard reads /proc, which costs a page-table walk: four
    // times a second stops a runaway allocation long before the machine
    // swaps, and costs nothing measurable.
    constexpr int PollMilliseconds = 250;
    std::optional<uint64_t> Size;
    std::string Buffer;
    char Chunk[1 << 16];
    for (;;) {
      if (!Size && Buffer.size() >= sizeof(uint64_t)) {
        uint64_t S;
        memcpy(&S, Buffer.data(), sizeof S);
        Size = S;
        Buffer.erase(0, sizeof S);
      }
      if (Size && Buffer.size() >= *Size) {
        Answer = std::move(Buffer);
        return Answer.size() == *Size;
      }
      pollfd P{FromWorker, POLLIN, 0};
      int N = ::poll(&P, 1, PollMilliseconds);
      if (N > 0) {
        ssize_t Got = ::read(FromWorker, Chunk, sizeof Chunk);
        if (Got > 0) {
          Buffer.append(Chunk, Got);
          continue;
        }
        if (Got == 0 || (errno != EINTR && errno != EAGAIN))
          return false; // The worker is gone.
      } else if (N < 0 && errno != EINTR) {
        return false;
      }
      double Elapsed =
          std::chrono::duration<double>(Clock::now() - Start).count();
      if (Limits.Seconds > 0 && Elapsed > Limits.Seconds) {
        raw_string_ostream(Killed)
            << "analysis stopped at the time limit of "
            << format("%g", Limits.Seconds) << " s (--file-timeout)";
        return false;
      }
      if (Limits.MemoryMiB > 0)
        if (std::optional<uint64_t> Bytes = privateBytes(Pid))
          if (*Bytes > Limits.MemoryMiB * 1024 * 1024) {
            raw_string_ostream(Killed)
                << "analysis stopped at the memory limit of "
                << Limits.MemoryMiB << " MiB (--file-memory-limit)";
            return false;
          }
    }
  }

  /// Waits for a dead or killed worker; returns its wait status.
  int reap() {
    ::close(ToWorker);
    ::close(FromWorker);
    int Status = 0;
    while (::waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
    }
    Pid = -1;
    return Status;
  }

  FileResult died(const std::string &Name) {
    int Status = reap();
    if (WIFSIGNALED(Status)) {
      int Sig = WTERMSIG(Status);
      return failed(Name, formatv("the analysis crashed ({0}, signal {1}), a "
                                  "modlife bug: please report it with this "
                                  "file",
                                  strsignal(Sig), Sig));
    }
    return failed(Name, formatv("the analysis exited with status {0}",
                                WIFEXITED(Status) ? WEXITSTATUS(Status) : -1));
  }

  static FileResult failed(const std::string &File, const Twine &What) {
    FileResult R;
    R.File = File;
    R.AnalysisFailed = true;
    R.FatalError =
        ("error: " + File + ": " + What + "; the file was skipped").str();
    return R;
  }

  const FileLimits &Limits;
  function_ref<FileResult(size_t)> Analyze;
  pid_t Pid = -1;
  int ToWorker = -1, FromWorker = -1;
};

} // namespace

void analyzeInWorkers(size_t Count, unsigned Jobs, const FileLimits &Limits,
                      function_ref<std::string(size_t)> NameOf,
                      function_ref<FileResult(size_t)> Analyze,
                      function_ref<void(size_t, FileResult)> Done) {
  std::atomic<size_t> Next{0};
  std::mutex DoneMu;
  auto Drive = [&] {
    // A worker that dies while we send it a file must give this thread
    // EPIPE, not the process SIGPIPE. Write-triggered SIGPIPE goes to the
    // writing thread, so blocking it here is enough, and the workers forked
    // from here inherit the mask and end on EPIPE the same way.
    sigset_t Pipe;
    sigemptyset(&Pipe);
    sigaddset(&Pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &Pipe, nullptr);
    Worker W(Limits, Analyze);
    for (size_t I; (I = Next++) < Count;) {
      FileResult R = W.run(I, NameOf(I));
      std::lock_guard<std::mutex> Lock(DoneMu);
      Done(I, std::move(R));
    }
  };
  unsigned Threads = std::max<size_t>(1, std::min<size_t>(Jobs, Count));
  std::vector<std::thread> Drivers;
  for (unsigned T = 0; T < Threads; ++T)
    Drivers.emplace_back(Drive);
  for (std::thread &T : Drivers)
    T.join();
}

#else

bool canIsolate() { return false; }

void analyzeInWorkers(size_t Count, unsigned, const FileLimits &,
                      function_ref<std::string(size_t)>,
                      function_ref<FileResult(size_t)> Analyze,
                      function_ref<void(size_t, FileResult)> Done) {
  for (size_t I = 0; I < Count; ++I)
    Done(I, Analyze(I));
}

#endif

} // namespace modlife
