//===- Nolint.cpp - NOLINT comments, as clang-tidy reads them -------------===//
#include "checks/Nolint.h"
#include "analyzer/rules/Config.h"
#include "checks/ModlifeCheck.h"
#include <string>
#include <vector>

using namespace llvm;

namespace modlife {
namespace {

enum class Kind { SameLine, NextLine, Begin, End };

struct Directive {
  Kind K;
  /// The written list, "" when there is none (every check).
  std::string Checks;
  bool HasList = false;
};

/// The NOLINT directives written in Line, in order.
std::vector<Directive> directivesIn(StringRef Line) {
  std::vector<Directive> Out;
  for (size_t At = Line.find("NOLINT"); At != StringRef::npos;
       At = Line.find("NOLINT", At + 1)) {
    StringRef Rest = Line.substr(At + 6);
    Directive D{Kind::SameLine, "", false};
    if (Rest.consume_front("NEXTLINE"))
      D.K = Kind::NextLine;
    else if (Rest.consume_front("BEGIN"))
      D.K = Kind::Begin;
    else if (Rest.consume_front("END"))
      D.K = Kind::End;
    if (Rest.starts_with("(")) {
      size_t Close = Rest.find(')');
      if (Close == StringRef::npos)
        continue; // "NOLINT(" without ')': clang-tidy ignores it too
      D.Checks = Rest.slice(1, Close).str();
      D.HasList = true;
    }
    Out.push_back(std::move(D));
  }
  return Out;
}

bool covers(const Directive &D, StringRef Check) {
  if (!D.HasList)
    return true;
  // The list is written like --checks, without '-' entries: globs that add.
  // A check's former name still suppresses it.
  const CheckInfo *Info = findCheck(Check);
  return rules::CheckGlobs("-*," + D.Checks)
      .contains(Check, Info ? Info->FormerName : "");
}

} // namespace

bool suppressedByNolint(StringRef Buffer, unsigned Offset, StringRef Check) {
  if (Offset > Buffer.size())
    return false;
  auto StartOfLine = [&](size_t At) -> size_t {
    // rfind looks at the characters before At.
    size_t NL = Buffer.rfind('\n', At);
    return NL == StringRef::npos ? 0 : NL + 1;
  };
  size_t LineStart = StartOfLine(Offset);
  StringRef Line = Buffer.slice(LineStart, Buffer.find('\n', Offset));
  for (const Directive &D : directivesIn(Line))
    if (D.K == Kind::SameLine && covers(D, Check))
      return true;
  if (LineStart > 0) {
    // The previous line ends at the '\n' just before this one.
    StringRef Prev = Buffer.slice(StartOfLine(LineStart - 1), LineStart - 1);
    for (const Directive &D : directivesIn(Prev))
      if (D.K == Kind::NextLine && covers(D, Check))
        return true;
  }
  // Regions open before the finding's line: an END closes the last BEGIN
  // written with the same list.
  std::vector<Directive> Open;
  StringRef Before = Buffer.substr(0, LineStart);
  if (Before.contains("NOLINTBEGIN")) {
    while (!Before.empty()) {
      auto [L, Rest] = Before.split('\n');
      for (Directive &D : directivesIn(L)) {
        if (D.K == Kind::Begin) {
          Open.push_back(std::move(D));
        } else if (D.K == Kind::End) {
          for (auto It = Open.rbegin(); It != Open.rend(); ++It)
            if (It->Checks == D.Checks) {
              Open.erase(std::next(It).base());
              break;
            }
        }
      }
      Before = Rest;
    }
  }
  for (const Directive &D : Open)
    if (covers(D, Check))
      return true;
  return false;
}

} // namespace modlife
