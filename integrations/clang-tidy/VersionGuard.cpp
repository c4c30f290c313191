//===- VersionGuard.cpp - The module clang-tidy --load's first -----------===//
//
// A clang-tidy plugin is tied to the LLVM major it was built against: the
// ClangTidyCheck layout, the registry and libclang-cpp's symbols all change
// between majors. Loaded into another clang-tidy, a plugin that links them
// either fails to load, which clang-tidy reports as a warning and then runs
// with no modlife checks at all (exit 0, a silent false negative), or binds
// to the wrong symbols and crashes.
//
// So the module users load is this small one. It links nothing from LLVM or
// Clang and therefore always loads. Its constructor finds the host's LLVM
// major and, only when it matches, loads the real checks from the module
// beside it. On a mismatch it prints one line and exits with status 2.
//
//===----------------------------------------------------------------------===//
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <link.h>
#include <regex>
#include <string>
#include <unistd.h>

#ifndef MODLIFE_LLVM_MAJOR
#error "MODLIFE_LLVM_MAJOR must be defined by the build"
#endif
#ifndef MODLIFE_TIDY_CHECKS_MODULE
#error "MODLIFE_TIDY_CHECKS_MODULE must be defined by the build"
#endif

namespace {

struct HostVersion {
  int Major = 0;
  /// What the major was read from, for the message.
  std::string Evidence;
};

int firstMajorIn(const std::string &Text, const std::regex &Pattern) {
  std::smatch M;
  if (std::regex_search(Text, M, Pattern))
    return std::atoi(M[1].str().c_str());
  return 0;
}

/// Asks the host's own clang::getClangFullVersion(). This module defines no
/// such symbol, so the lookup finds the host's. It is absent from hosts
/// that export no symbols or use another C++ library.
HostVersion fromClangVersionString() {
  using VersionFn = std::string (*)();
  void *Sym = dlsym(RTLD_DEFAULT, "_ZN5clang19getClangFullVersionB5cxx11Ev");
  if (!Sym)
    return {};
  std::string Full = reinterpret_cast<VersionFn>(Sym)();
  static const std::regex Version("version ([0-9]+)\\.");
  return {firstMajorIn(Full, Version), Full};
}

/// Reads the major from the names of the LLVM libraries the host loaded
/// (libLLVM-14.so.1, libLLVM.so.19.1, libclang-cpp.so.14).
HostVersion fromLoadedLibraries() {
  HostVersion Found;
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Data) {
        auto &Out = *static_cast<HostVersion *>(Data);
        std::string Name = Info->dlpi_name ? Info->dlpi_name : "";
        static const std::regex Library(
            "lib(?:LLVM-|LLVM\\.so\\.|clang-cpp\\.so\\.)([0-9]+)");
        if (int Major = firstMajorIn(Name, Library)) {
          Out = {Major, Name};
          return 1;
        }
        return 0;
      },
      &Found);
  return Found;
}

HostVersion hostVersion() {
  HostVersion V = fromClangVersionString();
  if (!V.Major)
    V = fromLoadedLibraries();
  return V;
}

/// The directory this module was loaded from.
std::string ownDirectory() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&ownDirectory), &Info) ||
      !Info.dli_fname)
    return ".";
  std::string Path = Info.dli_fname;
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

[[noreturn]] void refuse(const std::string &Line) {
  std::fprintf(stderr, "error: %s\n", Line.c_str());
  std::fflush(stderr);
  // _exit, not exit: the host's static destructors must not run over a
  // half-initialized plugin load.
  _exit(2);
}

__attribute__((constructor)) void loadModlifeChecks() {
  HostVersion Host = hostVersion();
  // A host whose major cannot be read is given the benefit of the doubt:
  // refusing it would break hosts that are right.
  if (Host.Major && Host.Major != MODLIFE_LLVM_MAJOR)
    refuse("modlife's clang-tidy plugin was built for LLVM " +
           std::to_string(MODLIFE_LLVM_MAJOR) + " but this clang-tidy is LLVM " +
           std::to_string(Host.Major) + " (" + Host.Evidence +
           "); run clang-tidy-" + std::to_string(MODLIFE_LLVM_MAJOR) +
           ", or rebuild modlife with -DMODLIFE_LLVM_MAJOR=" +
           std::to_string(Host.Major));
  std::string Checks = ownDirectory() + "/" MODLIFE_TIDY_CHECKS_MODULE;
  if (!dlopen(Checks.c_str(), RTLD_NOW | RTLD_GLOBAL))
    refuse("modlife: cannot load its checks: " + std::string(dlerror()));
}

} // namespace
