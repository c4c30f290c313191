//===- ConfigFuzzer.cpp - The .modlife.yaml loader ------------------------===//
//
// The input is a .modlife.yaml. One that loads goes on the way the CLI takes
// it: overlaid with command-line settings, turned into an effective
// configuration (check globs, options, packs), and asked about every check.
//
//===----------------------------------------------------------------------===//
#include "analyzer/driver/Analyze.h"
#include "analyzer/rules/Config.h"
#include "checks/ModlifeCheck.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

using namespace llvm;
using namespace modlife;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  StringRef Text(reinterpret_cast<const char *>(Data), Size);
  Expected<rules::Config> Parsed =
      rules::parseConfig(Text, "/fuzz/.modlife.yaml", "/fuzz");
  if (!Parsed) {
    // Every error must say where it is.
    std::string Message = toString(Parsed.takeError());
    if (!StringRef(Message).starts_with("/fuzz/.modlife.yaml:")) {
      errs() << "an error without a position: " << Message << "\n";
      std::abort();
    }
    return 0;
  }
  rules::Config CommandLine;
  CommandLine.CheckOptions["modlife-sleep-before-inc.NonConstantFlags"] =
      "no-sleep";
  rules::Config C = rules::overlay(std::move(*Parsed), CommandLine);
  // Rule files name paths to read; a fuzzer that opened /dev/zero or the
  // build tree would hang or depend on the machine. The packs they hold
  // are the rule-pack fuzzer's input.
  C.RuleFiles.clear();
  Expected<std::shared_ptr<const EffectiveConfig>> E = buildConfig(C);
  if (!E) {
    consumeError(E.takeError());
    return 0;
  }
  for (const CheckInfo &I : allChecks()) {
    (void)I.enabledBy((*E)->Checks);
    (void)(*E)->Options.get(I.Name, "NonConstantFlags", "sleep");
  }
  return 0;
}
