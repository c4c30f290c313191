//===- YamlReader.cpp -----------------------------------------------------===//
#include "analyzer/rules/YamlReader.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace modlife {
namespace rules {

static constexpr unsigned MaxNestingDepth = 32;

static constexpr unsigned MaxNodes = 200000;

// Walks the document once, bounded in depth and in nodes visited: aliases make
// a small text expand into a huge tree ("billion laughs").
static unsigned depthOf(const YAML::Node &N, unsigned Depth, unsigned &Budget) {
  if (Depth > MaxNestingDepth || Budget == 0)
    return MaxNestingDepth + 1;
  --Budget;
  unsigned Max = Depth;
  if (N.IsMap() || N.IsSequence()) {
    for (auto It = N.begin(); It != N.end(); ++It) {
      const YAML::Node Child = N.IsMap() ? It->second : *It;
      Max = std::max(Max, depthOf(Child, Depth + 1, Budget));
      if (Max > MaxNestingDepth)
        break;
    }
  }
  return Max;
}

Expected<std::unique_ptr<MemoryBuffer>> readDataFile(StringRef Path,
                                                     StringRef What) {
  // Packs and configs are a few KiB; this leaves room for generated ones.
  constexpr uint64_t MaxBytes = 16 << 20;
  auto Fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             "%s: error: cannot read %s: %s",
                             Path.str().c_str(), What.str().c_str(),
                             Why.str().c_str());
  };
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status))
    return Fail(EC.message());
  if (!sys::fs::is_regular_file(Status))
    return Fail("not a regular file");
  if (Status.getSize() > MaxBytes)
    return Fail("larger than 16 MiB");
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf)
    return Fail(Buf.getError().message());
  return std::move(*Buf);
}

Expected<YAML::Node> YamlReader::parse(StringRef Text) const {
  // yaml-cpp's recursive descent has no depth limit of its own; a cheap
  // bracket count refuses absurd nesting before it can blow the stack.
  unsigned Open = 0, MaxOpen = 0;
  for (char C : Text) {
    if (C == '[' || C == '{')
      MaxOpen = std::max(MaxOpen, ++Open);
    else if ((C == ']' || C == '}') && Open)
      --Open;
  }
  if (MaxOpen > MaxNestingDepth)
    return createStringError(inconvertibleErrorCode(),
                             "%s:1:1: error: YAML nesting is deeper than %u",
                             FileName.c_str(), MaxNestingDepth);
  // Block nesting shows as a line's indentation and its run of "- "
  // sequence markers; a prefix that long nests deeper than any pack.
  unsigned LineNo = 0;
  for (StringRef Rest = Text; !Rest.empty();) {
    auto [Line, Next] = Rest.split('\n');
    Rest = Next;
    ++LineNo;
    size_t Prefix = Line.find_first_not_of(" -");
    if ((Prefix == StringRef::npos ? Line.size() : Prefix) >
        4 * MaxNestingDepth)
      return createStringError(inconvertibleErrorCode(),
                               "%s:%u:1: error: YAML nesting is deeper than %u",
                               FileName.c_str(), LineNo, MaxNestingDepth);
  }
  try {
    YAML::Node Root = YAML::Load(Text.str());
    unsigned Budget = MaxNodes;
    if (depthOf(Root, 0, Budget) > MaxNestingDepth)
      return createStringError(
          inconvertibleErrorCode(),
          "%s:1:1: error: YAML document is nested deeper than %u or has more "
          "than %u nodes",
          FileName.c_str(), MaxNestingDepth, MaxNodes);
    return Root;
  } catch (const YAML::Exception &E) {
    return createStringError(
        inconvertibleErrorCode(), "%s:%d:%d: error: invalid YAML: %s",
        FileName.c_str(), E.mark.line + 1, E.mark.column + 1, E.msg.c_str());
  }
}

void YamlReader::fail(const YAML::Node &At, const Twine &Msg) const {
  unsigned L = 1, C = 1;
  if (At.IsDefined() && At.Mark().line >= 0) {
    L = line(At);
    C = column(At);
  }
  throw YamlInputError{
      (FileName + ":" + Twine(L) + ":" + Twine(C) + ": error: " + Msg).str()};
}

void YamlReader::expectMap(const YAML::Node &N, StringRef What,
                           ArrayRef<StringRef> Allowed) const {
  if (!N.IsMap())
    fail(N, What + " must be a mapping");
  for (auto It = N.begin(); It != N.end(); ++It) {
    if (!It->first.IsScalar())
      fail(It->first, "keys in " + What + " must be plain names");
    std::string Key = It->first.Scalar();
    if (!is_contained(Allowed, StringRef(Key)))
      fail(It->first, "unknown key '" + Key + "' in " + What +
                          " (expected one of: " + join(Allowed, ", ") + ")");
  }
}

std::string YamlReader::getString(const YAML::Node &N, StringRef Key) const {
  YAML::Node V = N[Key.str()];
  if (!V.IsScalar())
    fail(V.IsDefined() ? V : N, "'" + Key + "' must be a string");
  return V.Scalar();
}

uint64_t YamlReader::getInteger(const YAML::Node &N, StringRef Key) const {
  std::string S = getString(N, Key);
  uint64_t Value;
  if (StringRef(S).getAsInteger(0, Value))
    fail(N[Key.str()],
         "'" + Key + "' must be a non-negative integer, not '" + S + "'");
  return Value;
}

unsigned YamlReader::getUnsigned(const YAML::Node &N, StringRef Key) const {
  uint64_t V = getInteger(N, Key);
  if (V > 64)
    fail(N[Key.str()], "'" + Key + "' is out of range");
  return unsigned(V);
}

bool YamlReader::getBool(const YAML::Node &N, StringRef Key) const {
  std::string S = getString(N, Key);
  if (S == "true")
    return true;
  if (S == "false")
    return false;
  fail(N[Key.str()], "'" + Key + "' must be true or false, not '" + S + "'");
}

std::vector<std::string> YamlReader::getStringList(const YAML::Node &N,
                                                   StringRef Key) const {
  YAML::Node V = N[Key.str()];
  std::vector<std::string> Out;
  if (V.IsScalar()) {
    Out.push_back(V.Scalar());
    return Out;
  }
  if (!V.IsSequence())
    fail(V.IsDefined() ? V : N, "'" + Key + "' must be a list of strings");
  for (const YAML::Node &E : V) {
    if (!E.IsScalar())
      fail(E, "'" + Key + "' must be a list of strings");
    Out.push_back(E.Scalar());
  }
  return Out;
}

} // namespace rules
} // namespace modlife
