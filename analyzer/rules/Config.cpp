//===- Config.cpp ---------------------------------------------------------===//
#include "analyzer/rules/Config.h"
#include "analyzer/rules/YamlReader.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

using namespace llvm;

namespace modlife {
namespace rules {

CheckGlobs::CheckGlobs(StringRef InSpec) : Spec(InSpec.str()) {
  SmallVector<StringRef, 8> Parts;
  InSpec.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef P : Parts) {
    P = P.trim();
    if (P.empty())
      continue;
    bool Positive = !P.consume_front("-");
    Globs.push_back({Positive, P.trim().str()});
  }
}

static bool globMatch(StringRef Pattern, StringRef S) {
  // Only '*' is special, as in clang-tidy's check globs. On a mismatch only
  // the last star takes one more character: trying every split at every
  // star made "--checks='*********X'" take minutes.
  size_t P = 0, I = 0, Star = StringRef::npos, StarI = 0;
  while (I < S.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      StarI = I;
    } else if (P < Pattern.size() && Pattern[P] == S[I]) {
      ++P;
      ++I;
    } else if (Star != StringRef::npos) {
      P = Star + 1;
      I = ++StarI;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

bool CheckGlobs::contains(StringRef Name) const {
  return contains(Name, "");
}

bool CheckGlobs::contains(StringRef Name, StringRef FormerName) const {
  bool In = false;
  for (const Glob &G : Globs)
    if (globMatch(G.Pattern, Name) ||
        (!FormerName.empty() && globMatch(G.Pattern, FormerName)))
      In = G.Positive;
  return In;
}

Expected<Config> parseConfig(StringRef Text, StringRef FileName,
                             StringRef BaseDir) {
  YamlReader Y(FileName);
  Expected<YAML::Node> Root = Y.parse(Text);
  if (!Root)
    return Root.takeError();
  return Y.read<Config>([&] {
    Config C;
    C.Source = FileName.str();
    if (Root->IsNull())
      return C;
    {
      Y.expectMap(*Root, "the configuration",
                  {"Checks", "RulePacks", "RuleFiles", "CheckOptions"});
      if ((*Root)["Checks"])
        C.Checks = Y.getString(*Root, "Checks");
      if ((*Root)["RulePacks"])
        C.RulePacks = Y.getStringList(*Root, "RulePacks");
      if ((*Root)["RuleFiles"])
        for (std::string F : Y.getStringList(*Root, "RuleFiles")) {
          SmallString<256> P(F);
          if (!sys::path::is_absolute(P)) {
            P = BaseDir;
            sys::path::append(P, F);
          }
          C.RuleFiles.push_back(std::string(P));
        }
      if (YAML::Node O = (*Root)["CheckOptions"]) {
        if (!O.IsMap())
          Y.fail(O, "'CheckOptions' must map 'check-name.Option' to a value");
        for (auto It = O.begin(); It != O.end(); ++It) {
          if (!It->second.IsScalar())
            Y.fail(It->second, "the value of '" + It->first.Scalar() +
                                   "' must be a string");
          C.CheckOptions[It->first.Scalar()] = It->second.Scalar();
        }
      }
    }
    return C;
  });
}

Expected<Config> findConfigFor(StringRef Path) {
  SmallString<256> Dir(Path);
  sys::fs::make_absolute(Dir);
  if (!sys::fs::is_directory(Dir))
    sys::path::remove_filename(Dir);
  while (!Dir.empty()) {
    SmallString<256> Candidate(Dir);
    sys::path::append(Candidate, ".modlife.yaml");
    if (sys::fs::exists(Candidate)) {
      Expected<std::unique_ptr<MemoryBuffer>> Buf =
          readDataFile(Candidate, "configuration");
      if (!Buf)
        return Buf.takeError();
      return parseConfig((*Buf)->getBuffer(), Candidate, Dir);
    }
    StringRef Parent = sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return Config();
}

Config overlay(Config Base, const Config &Override) {
  if (Override.Checks)
    Base.Checks = Override.Checks;
  if (Override.RulePacks)
    Base.RulePacks = Override.RulePacks;
  for (const std::string &F : Override.RuleFiles)
    Base.RuleFiles.push_back(F);
  for (const auto &KV : Override.CheckOptions)
    Base.CheckOptions[KV.getKey()] = KV.getValue();
  return Base;
}

} // namespace rules
} // namespace modlife
