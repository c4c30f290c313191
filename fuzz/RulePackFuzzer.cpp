//===- RulePackFuzzer.cpp - The rule-pack loader, and the engine under it -===//
//
// The input is a rule pack. One that loads is laid over the built-in pack
// and drives the engine and checks over two fixed drivers (probes/), parsed
// once: the loader's validation is what stands between a user's pack and
// the engine, so a pack it accepts must not crash the analysis (an argument
// index past a call's arguments, a flag set with no value, a field that no
// struct has).
//
//===----------------------------------------------------------------------===//
#include "analyzer/rules/RulePack.h"
#include "checks/CheckRunner.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

using namespace clang;
using namespace llvm;
using namespace modlife;

namespace {

struct Probe {
  std::unique_ptr<ASTUnit> AST;
  rules::RulePack Builtin;
};

[[noreturn]] void die(const Twine &Msg) {
  errs() << "modlife-fuzz-rule-pack: " << Msg << "\n";
  std::abort();
}

Probe parseProbe(StringRef Flavor, StringRef PackName,
                 std::vector<std::string> Args) {
  std::string Path =
      (Twine(MODLIFE_SOURCE_DIR) + "/fuzz/probes/" + Flavor + ".c").str();
  auto Code = MemoryBuffer::getFile(Path);
  if (!Code)
    die("cannot read " + Path);
  std::string Mocks =
      (Twine(MODLIFE_SOURCE_DIR) + "/testdata/include/" + Flavor).str();
  std::vector<std::string> All = {"-nostdinc",    "-isystem", Mocks,
                                  "-D__KERNEL__", "-DMODULE", "-w"};
  All.insert(All.end(), Args.begin(), Args.end());
  static IgnoringDiagConsumer Quiet;
  Probe P;
  P.AST = tooling::buildASTFromCodeWithArgs(
      (*Code)->getBuffer(), All, Path, "modlife-fuzz",
      std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(), {}, &Quiet);
  if (!P.AST || P.AST->getDiagnostics().hasErrorOccurred())
    die("the probe " + Path + " does not compile");
  Expected<rules::RulePack> Pack = rules::loadBuiltinPack(PackName);
  if (!Pack)
    die(toString(Pack.takeError()));
  P.Builtin = std::move(*Pack);
  return P;
}

const std::vector<Probe> &probes() {
  static const std::vector<Probe> *Probes = [] {
    auto *V = new std::vector<Probe>;
    V->push_back(parseProbe("linux-2.4", "linux-2.4",
                            {"-std=gnu89", "-Wno-gnu-designator"}));
    V->push_back(parseProbe("linux-6", "linux",
                            {"-std=gnu11", "-DKBUILD_MODNAME=\"mock\""}));
    return V;
  }();
  return *Probes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  const std::vector<Probe> &Probes = probes();
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  Expected<rules::RulePack> Pack = rules::parseRulePack(Text, "fuzz.yaml");
  if (!Pack) {
    // Every error must say where it is.
    std::string Message = toString(Pack.takeError());
    if (!StringRef(Message).starts_with("fuzz.yaml:"))
      die("an error without a position: " + Message);
    return 0;
  }
  for (const Probe &P : Probes) {
    std::vector<rules::RulePack> Packs = {P.Builtin, *Pack};
    rules::RuleSet Rules(std::move(Packs));
    TUSummary Summary;
    CrossFileHooks Hooks;
    Hooks.SummaryOut = &Summary;
    // The AST is only read: the same one serves every input.
    (void)runChecks(P.AST->getASTContext(), &P.AST->getPreprocessor(), Rules,
                    rules::CheckGlobs("modlife-*"), CheckOptions(), Hooks);
  }
  return 0;
}
