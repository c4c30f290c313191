//===- Reports.cpp --------------------------------------------------------===//
#include "analyzer/driver/Reports.h"
#include "analyzer/driver/CheckDocs.h"
#include "analyzer/driver/UriPath.h"
#include "checks/ModlifeCheck.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace modlife {

std::string reportPath(StringRef File, StringRef Root) {
  SmallString<256> Abs(File), Base(Root);
  sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  sys::path::remove_dots(Base, /*remove_dot_dot=*/true);
  StringRef Rel(Abs);
  if (!Base.empty() && Rel.consume_front(Base) &&
      (Rel.empty() || sys::path::is_separator(Rel.front()) ||
       sys::path::is_separator(Base.back())))
    Rel = Rel.ltrim("/\\");
  else
    Rel = Abs;
  return sys::path::convert_to_slash(Rel);
}

std::vector<std::string> fingerprints(const std::vector<Finding> &Findings,
                                      StringRef Root) {
  std::vector<std::string> Out;
  StringMap<unsigned> Seen;
  for (const Finding &F : Findings) {
    // A renamed check keeps the fingerprints of its first name, so that
    // baselines written before the rename still accept its findings.
    const CheckInfo *Info = findCheck(F.Check);
    std::string Check = Info && !Info->FormerName.empty()
                            ? Info->FormerName.str()
                            : F.Check;
    std::string Key = Check + "\n" + reportPath(F.Where.File, Root) + "\n" +
                      F.Message + "\n" +
                      StringRef(F.Where.LineText).trim().str();
    unsigned Nth = Seen[Key]++;
    Out.push_back(formatv("{0:x16}:{1}", xxh3_64bits(Key), Nth).str());
  }
  return Out;
}

static json::Object point(const SourcePoint &P, StringRef Root) {
  return json::Object{{"file", reportPath(P.File, Root)},
                      {"line", P.Line},
                      {"column", P.Column}};
}

void renderJson(raw_ostream &OS, const std::vector<Finding> &Findings,
                StringRef Root) {
  std::vector<std::string> Prints = fingerprints(Findings, Root);
  json::Array All;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const Finding &F = Findings[I];
    json::Object O = point(F.Where, Root);
    O["check"] = F.Check;
    O["message"] = F.Message;
    O["fingerprint"] = Prints[I];
    // Enough to rebuild the finding: --merge renders shards' reports in
    // any format, and text and SARIF need the line and the byte offset.
    O["offset"] = F.Where.Offset;
    O["lineText"] = F.Where.LineText;
    json::Array Notes, Fixes;
    for (const FindingNote &N : F.Notes) {
      json::Object NO = point(N.Where, Root);
      NO["message"] = N.Message;
      NO["offset"] = N.Where.Offset;
      NO["lineText"] = N.Where.LineText;
      Notes.push_back(std::move(NO));
    }
    for (const FixEdit &E : F.Fixes)
      Fixes.push_back(json::Object{{"file", reportPath(E.File, Root)},
                                   {"offset", E.Offset},
                                   {"length", E.Length},
                                   {"text", E.Text},
                                   {"line", E.Line},
                                   {"column", E.Column},
                                   {"endLine", E.EndLine},
                                   {"endColumn", E.EndColumn},
                                   // --fix refuses a file changed since.
                                   {"fileHash", utohexstr(E.FileHash, true)}});
    O["notes"] = std::move(Notes);
    O["fixes"] = std::move(Fixes);
    All.push_back(std::move(O));
  }
  OS << formatv("{0:2}", json::Value(json::Object{
                             {"version", 1}, {"findings", std::move(All)}}))
     << "\n";
}

/// A SARIF artifactLocation: relative to %SRCROOT% when below the root.
static json::Object artifact(StringRef File, StringRef Root) {
  std::string P = reportPath(File, Root);
  if (sys::path::is_absolute(P, sys::path::Style::posix))
    return json::Object{{"uri", "file://" + percentEncodePath(P)}};
  return json::Object{{"uri", percentEncodePath(P)}, {"uriBaseId", "%SRCROOT%"}};
}

static json::Object location(const SourcePoint &P, StringRef Root,
                             StringRef Message = "") {
  json::Object L{
      {"physicalLocation",
       json::Object{{"artifactLocation", artifact(P.File, Root)},
                    {"region", json::Object{{"startLine", P.Line},
                                            {"startColumn", P.Column}}}}}};
  if (!Message.empty())
    L["message"] = json::Object{{"text", Message}};
  return L;
}

/// The first paragraph of a doc page's "What it finds", for
/// fullDescription; the page itself is the help.
static std::string whatItFinds(StringRef Doc) {
  size_t At = Doc.find("**What it finds.**");
  if (At == StringRef::npos)
    return "";
  StringRef Para = Doc.substr(At + 18).split("\n\n").first.trim();
  SmallVector<StringRef, 8> Lines;
  Para.split(Lines, '\n');
  std::string Flat;
  for (StringRef Line : Lines)
    Flat += (Flat.empty() ? "" : " ") + Line.trim().str();
  return Flat;
}

void renderSarif(raw_ostream &OS, const std::vector<Finding> &Findings,
                 StringRef Root, StringRef ToolVersion) {
  json::Array Rules;
  StringMap<unsigned> RuleIndex;
  for (const CheckInfo &C : allChecks()) {
    RuleIndex[C.Name] = Rules.size();
    StringRef Doc = checkDocumentation(C.Name);
    json::Object R{{"id", C.Name},
                   {"shortDescription", json::Object{{"text", C.Summary}}},
                   {"defaultConfiguration", json::Object{{"level", "warning"}}}};
    std::string Full = whatItFinds(Doc);
    R["fullDescription"] =
        json::Object{{"text", Full.empty() ? C.Summary.str() : Full}};
    if (!Doc.empty())
      R["help"] = json::Object{{"text", Doc}, {"markdown", Doc}};
    Rules.push_back(std::move(R));
  }
  std::vector<std::string> Prints = fingerprints(Findings, Root);
  json::Array Results;
  for (size_t I = 0; I < Findings.size(); ++I) {
    const Finding &F = Findings[I];
    json::Object Res{{"ruleId", F.Check},
                     {"level", "warning"},
                     {"message", json::Object{{"text", F.Message}}},
                     {"locations", json::Array{location(F.Where, Root)}},
                     {"partialFingerprints",
                      json::Object{{"modlifeFinding/v1", Prints[I]}}}};
    auto It = RuleIndex.find(F.Check);
    if (It != RuleIndex.end())
      Res["ruleIndex"] = It->second;
    json::Array Related;
    for (size_t N = 0; N < F.Notes.size(); ++N) {
      json::Object L = location(F.Notes[N].Where, Root, F.Notes[N].Message);
      L["id"] = int64_t(N + 1);
      Related.push_back(std::move(L));
    }
    if (!Related.empty())
      Res["relatedLocations"] = std::move(Related);
    if (!F.Fixes.empty()) {
      // One fix, with its edits grouped by file.
      json::Array Changes;
      StringMap<size_t> ByFile;
      for (const FixEdit &E : F.Fixes) {
        auto [Slot, New] = ByFile.try_emplace(E.File, Changes.size());
        if (New)
          Changes.push_back(
              json::Object{{"artifactLocation", artifact(E.File, Root)},
                           {"replacements", json::Array{}}});
        json::Object Region{{"startLine", E.Line},
                            {"startColumn", E.Column},
                            {"endLine", E.EndLine},
                            {"endColumn", E.EndColumn}};
        Changes[Slot->second]
            .getAsObject()
            ->getArray("replacements")
            ->push_back(json::Object{
                {"deletedRegion", std::move(Region)},
                {"insertedContent", json::Object{{"text", E.Text}}}});
      }
      Res["fixes"] = json::Array{json::Object{
          {"description", json::Object{{"text", "modlife fix-it"}}},
          {"artifactChanges", std::move(Changes)}}};
    }
    Results.push_back(std::move(Res));
  }
  SmallString<256> RootURI("file://");
  RootURI += percentEncodePath(sys::path::convert_to_slash(Root));
  if (!RootURI.ends_with("/"))
    RootURI += "/";
  json::Object Run{
      {"tool",
       json::Object{{"driver", json::Object{{"name", "modlife"},
                                            {"version", ToolVersion},
                                            {"rules", std::move(Rules)}}}}},
      {"originalUriBaseIds",
       json::Object{{"%SRCROOT%", json::Object{{"uri", RootURI.str()}}}}},
      {"results", std::move(Results)}};
  OS << formatv(
            "{0:2}",
            json::Value(json::Object{
                {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::Array{std::move(Run)}}}))
     << "\n";
}

void writeBaseline(raw_ostream &OS, const std::vector<Finding> &Findings,
                   StringRef Root) {
  std::vector<std::string> Prints = fingerprints(Findings, Root);
  json::Array Entries;
  for (size_t I = 0; I < Findings.size(); ++I)
    Entries.push_back(
        json::Object{{"fingerprint", Prints[I]},
                     {"check", Findings[I].Check},
                     {"file", reportPath(Findings[I].Where.File, Root)},
                     {"message", Findings[I].Message}});
  OS << formatv("{0:2}",
                json::Value(json::Object{{"modlife-baseline", 1},
                                         {"findings", std::move(Entries)}}))
     << "\n";
}

Error applyBaseline(StringRef Path, std::vector<Finding> &Findings,
                    StringRef Root, unsigned &Accepted) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read baseline '%s': %s",
                             Path.str().c_str(),
                             Buf.getError().message().c_str());
  Expected<json::Value> V = json::parse((*Buf)->getBuffer());
  if (!V)
    return createStringError(inconvertibleErrorCode(),
                             "baseline '%s' is not JSON: %s",
                             Path.str().c_str(),
                             toString(V.takeError()).c_str());
  const json::Object *O = V->getAsObject();
  const json::Array *Entries = O ? O->getArray("findings") : nullptr;
  if (!O || O->getInteger("modlife-baseline") != 1 || !Entries)
    return createStringError(inconvertibleErrorCode(),
                             "'%s' is not a modlife baseline (version 1)",
                             Path.str().c_str());
  StringMap<unsigned> Known;
  for (const json::Value &E : *Entries)
    if (const json::Object *EO = E.getAsObject())
      if (std::optional<StringRef> FP = EO->getString("fingerprint"))
        ++Known[*FP];
  std::vector<std::string> Prints = fingerprints(Findings, Root);
  std::vector<Finding> Kept;
  Accepted = 0;
  for (size_t I = 0; I < Findings.size(); ++I) {
    auto It = Known.find(Prints[I]);
    if (It != Known.end() && It->second > 0) {
      --It->second;
      ++Accepted;
      continue;
    }
    Kept.push_back(std::move(Findings[I]));
  }
  Findings = std::move(Kept);
  return Error::success();
}

/// A path from a report, made absolute against the root it was written with.
static std::string fromReportPath(StringRef P, StringRef Root) {
  if (sys::path::is_absolute(P))
    return P.str();
  SmallString<256> Abs(Root);
  sys::path::append(Abs, P);
  return Abs.str().str();
}

Expected<std::vector<Finding>> readJsonReport(StringRef Path, StringRef Root) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read '" + Path +
                                                 "': " +
                                                 Buf.getError().message());
  return parseJsonReport((*Buf)->getBuffer(), Path, Root);
}

Expected<std::vector<Finding>> parseJsonReport(StringRef Text, StringRef Path,
                                               StringRef Root) {
  auto Bad = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(),
                             "'" + Path + "' is not a modlife JSON report: " +
                                 Why);
  };
  Expected<json::Value> V = json::parse(Text);
  if (!V)
    return Bad(toString(V.takeError()));
  const json::Object *O = V->getAsObject();
  const json::Array *All = O ? O->getArray("findings") : nullptr;
  if (!All || O->getInteger("version") != 1)
    return Bad("no version 1 'findings' list");
  auto ReadPoint = [&](const json::Object &J, SourcePoint &P) {
    std::optional<StringRef> File = J.getString("file");
    std::optional<int64_t> Line = J.getInteger("line"),
                           Column = J.getInteger("column");
    if (!File || !Line || !Column)
      return false;
    P.File = fromReportPath(*File, Root);
    P.Line = *Line;
    P.Column = *Column;
    P.Offset = J.getInteger("offset").value_or(0);
    P.LineText = J.getString("lineText").value_or("").str();
    return true;
  };
  std::vector<Finding> Out;
  for (const json::Value &FV : *All) {
    const json::Object *J = FV.getAsObject();
    Finding F;
    std::optional<StringRef> Check = J ? J->getString("check") : std::nullopt;
    std::optional<StringRef> Message =
        J ? J->getString("message") : std::nullopt;
    if (!Check || !Message || !ReadPoint(*J, F.Where))
      return Bad("a finding without check, message, file, line or column");
    F.Check = Check->str();
    F.Message = Message->str();
    if (const json::Array *Notes = J->getArray("notes"))
      for (const json::Value &NV : *Notes) {
        const json::Object *N = NV.getAsObject();
        FindingNote Note;
        std::optional<StringRef> Text =
            N ? N->getString("message") : std::nullopt;
        if (!Text || !ReadPoint(*N, Note.Where))
          return Bad("a note without message, file, line or column");
        Note.Message = Text->str();
        F.Notes.push_back(std::move(Note));
      }
    if (const json::Array *Fixes = J->getArray("fixes"))
      for (const json::Value &EV : *Fixes) {
        const json::Object *E = EV.getAsObject();
        std::optional<StringRef> File = E ? E->getString("file") : std::nullopt;
        std::optional<int64_t> Offset =
            E ? E->getInteger("offset") : std::nullopt;
        std::optional<int64_t> Length =
            E ? E->getInteger("length") : std::nullopt;
        std::optional<StringRef> Text = E ? E->getString("text") : std::nullopt;
        if (!File || !Offset || !Length || !Text)
          return Bad("a fix without file, offset, length or text");
        FixEdit Edit;
        Edit.File = fromReportPath(*File, Root);
        Edit.Offset = *Offset;
        Edit.Length = *Length;
        Edit.Text = Text->str();
        Edit.Line = E->getInteger("line").value_or(0);
        Edit.Column = E->getInteger("column").value_or(0);
        Edit.EndLine = E->getInteger("endLine").value_or(0);
        Edit.EndColumn = E->getInteger("endColumn").value_or(0);
        if (std::optional<StringRef> H = E->getString("fileHash"))
          H->getAsInteger(16, Edit.FileHash);
        F.Fixes.push_back(std::move(Edit));
      }
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace modlife
