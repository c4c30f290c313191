//===- ResultJson.cpp - A translation unit's results as JSON --------------===//
#include "analyzer/driver/ResultJson.h"
#include "analyzer/driver/Reports.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace modlife {

//===----------------------------------------------------------------------===//
// Summaries, inputs and findings (the store's columns; docs/summaries.md)
//===----------------------------------------------------------------------===//

static json::Value pointJson(const FilePoint &P) {
  return json::Array{P.File, P.Line, P.Column, P.Offset, P.LineText};
}

static bool pointFrom(const json::Value *V, FilePoint &P) {
  const json::Array *A = V ? V->getAsArray() : nullptr;
  if (!A || A->size() != 5)
    return false;
  std::optional<StringRef> File = (*A)[0].getAsString(),
                           Text = (*A)[4].getAsString();
  std::optional<int64_t> Line = (*A)[1].getAsInteger(),
                         Column = (*A)[2].getAsInteger(),
                         Offset = (*A)[3].getAsInteger();
  if (!File || !Text || !Line || !Column || !Offset)
    return false;
  P = {File->str(), unsigned(*Line), unsigned(*Column), unsigned(*Offset),
       Text->str()};
  return true;
}

json::Value summaryToJson(const TUSummary &S) {
  json::Array Functions;
  for (const SummaryFunction &F : S.Functions) {
    json::Object Direct;
    for (unsigned E = 0; E < NumEffects; ++E)
      if (const std::optional<DirectEffect> &D = F.Direct[E])
        Direct[effectName(Effect(E))] = json::Object{
            {"at", pointJson(D->At)},
            {"primitive", D->Primitive.Name},
            {"macro", D->Primitive.IsMacro},
            {"flags", D->Primitive.FlagsSpelling},
            {"flagsUnknown", D->Primitive.FlagsUnknown},
            {"param", D->Param},
            {"flagSet", D->FlagSet}};
    json::Array Calls;
    for (const SummaryCall &C : F.Calls) {
      json::Array Args;
      for (const ArgumentFact &A : C.Arguments) {
        json::Object Allows;
        for (const auto &[Set, Yes] : A.AllowsSleep)
          Allows[Set] = Yes;
        json::Object AO{{"index", A.Index}, {"allowsSleep", std::move(Allows)}};
        if (A.PassesParam)
          AO["param"] = *A.PassesParam;
        Args.push_back(std::move(AO));
      }
      json::Object CO{{"callee", C.Callee},
                      {"external", C.External},
                      {"at", pointJson(C.At)},
                      {"args", std::move(Args)}};
      if (!C.External)
        CO["local"] = C.LocalCallee;
      Calls.push_back(std::move(CO));
    }
    Functions.push_back(json::Object{{"name", F.Name},
                                     {"external", F.External},
                                     {"definition", pointJson(F.Definition)},
                                     {"direct", std::move(Direct)},
                                     {"calls", std::move(Calls)}});
  }
  json::Array Consumes;
  for (unsigned E = 0; E < NumEffects; ++E)
    if (S.Consumes[E])
      Consumes.push_back(effectName(Effect(E)));
  json::Array Wirings;
  for (const SummaryWiring &W : S.Wirings)
    Wirings.push_back(json::Object{{"function", W.Function},
                                   {"struct", W.StructName},
                                   {"field", W.FieldName},
                                   {"pinnedByOwner", W.PinnedByOwner},
                                   {"failureCleanup", W.FailureCleanupField},
                                   {"at", pointJson(W.At)}});
  return json::Object{{"mainFile", S.MainFile},
                      {"consumes", std::move(Consumes)},
                      {"functions", std::move(Functions)},
                      {"wirings", std::move(Wirings)}};
}

bool summaryFromJson(const json::Value &V, TUSummary &S) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return false;
  std::optional<StringRef> Main = O->getString("mainFile");
  const json::Array *Consumes = O->getArray("consumes");
  const json::Array *Functions = O->getArray("functions");
  if (!Main || !Consumes || !Functions)
    return false;
  S.MainFile = Main->str();
  for (const json::Value &C : *Consumes) {
    std::optional<Effect> E =
        effectNamed(C.getAsString().value_or(StringRef()));
    if (!E)
      return false;
    S.Consumes[unsigned(*E)] = true;
  }
  for (const json::Value &FV : *Functions) {
    const json::Object *FO = FV.getAsObject();
    if (!FO)
      return false;
    SummaryFunction F;
    F.Name = FO->getString("name").value_or("").str();
    F.External = FO->getBoolean("external").value_or(false);
    if (F.Name.empty() || !pointFrom(FO->get("definition"), F.Definition))
      return false;
    if (const json::Object *Direct = FO->getObject("direct"))
      for (const auto &KV : *Direct) {
        std::optional<Effect> E = effectNamed(KV.first);
        const json::Object *DO = KV.second.getAsObject();
        DirectEffect D;
        if (!E || !DO || !pointFrom(DO->get("at"), D.At))
          return false;
        D.Primitive.Name = DO->getString("primitive").value_or("").str();
        D.Primitive.IsMacro = DO->getBoolean("macro").value_or(false);
        D.Primitive.FlagsSpelling = DO->getString("flags").value_or("").str();
        D.Primitive.FlagsUnknown =
            DO->getBoolean("flagsUnknown").value_or(false);
        D.Param = DO->getInteger("param").value_or(0);
        D.FlagSet = DO->getString("flagSet").value_or("").str();
        F.Direct[unsigned(*E)] = std::move(D);
      }
    if (const json::Array *Calls = FO->getArray("calls"))
      for (const json::Value &CV : *Calls) {
        const json::Object *CO = CV.getAsObject();
        SummaryCall C;
        if (!CO || !pointFrom(CO->get("at"), C.At))
          return false;
        C.Callee = CO->getString("callee").value_or("").str();
        C.External = CO->getBoolean("external").value_or(false);
        C.LocalCallee = CO->getInteger("local").value_or(0);
        if (const json::Array *Args = CO->getArray("args"))
          for (const json::Value &AV : *Args) {
            const json::Object *AO = AV.getAsObject();
            if (!AO)
              return false;
            ArgumentFact A;
            A.Index = AO->getInteger("index").value_or(0);
            if (std::optional<int64_t> P = AO->getInteger("param"))
              A.PassesParam = unsigned(*P);
            if (const json::Object *Allows = AO->getObject("allowsSleep"))
              for (const auto &KV : *Allows)
                A.AllowsSleep.push_back(
                    {KV.first.str(), KV.second.getAsBoolean().value_or(false)});
            C.Arguments.push_back(std::move(A));
          }
        F.Calls.push_back(std::move(C));
      }
    S.Functions.push_back(std::move(F));
  }
  if (const json::Array *Wirings = O->getArray("wirings"))
    for (const json::Value &WV : *Wirings) {
      const json::Object *WO = WV.getAsObject();
      SummaryWiring W;
      if (!WO || !pointFrom(WO->get("at"), W.At))
        return false;
      W.Function = WO->getString("function").value_or("").str();
      W.StructName = WO->getString("struct").value_or("").str();
      W.FieldName = WO->getString("field").value_or("").str();
      W.PinnedByOwner = WO->getBoolean("pinnedByOwner").value_or(false);
      W.FailureCleanupField =
          WO->getString("failureCleanup").value_or("").str();
      if (W.Function.empty())
        return false;
      S.Wirings.push_back(std::move(W));
    }
  return true;
}

std::string inputsToJson(const std::vector<InputFile> &Inputs) {
  json::Array A;
  for (const InputFile &In : Inputs)
    A.push_back(json::Array{In.Path, int64_t(In.Size), In.ModificationTime,
                            utohexstr(In.ContentHash, true)});
  return formatv("{0}", json::Value(std::move(A))).str();
}

bool inputsFromJson(StringRef Text, std::vector<InputFile> &Out) {
  Expected<json::Value> V = json::parse(Text);
  if (!V) {
    consumeError(V.takeError());
    return false;
  }
  const json::Array *A = V->getAsArray();
  if (!A)
    return false;
  for (const json::Value &E : *A) {
    const json::Array *R = E.getAsArray();
    if (!R || R->size() != 4)
      return false;
    InputFile In;
    In.Path = (*R)[0].getAsString().value_or("").str();
    In.Size = (*R)[1].getAsInteger().value_or(0);
    In.ModificationTime = (*R)[2].getAsInteger().value_or(0);
    if ((*R)[3].getAsString().value_or("").getAsInteger(16, In.ContentHash))
      return false;
    Out.push_back(std::move(In));
  }
  return true;
}

std::string findingsToJson(const std::vector<Finding> &Findings) {
  std::string Text;
  raw_string_ostream OS(Text);
  renderJson(OS, Findings, /*Root=*/"");
  return Text;
}

//===----------------------------------------------------------------------===//
// A whole FileResult (what a child process sends back; Isolation.h)
//===----------------------------------------------------------------------===//

std::string fileResultToJson(const FileResult &R) {
  json::Object O{{"file", R.File},
                 {"findings", findingsToJson(R.Result.Findings)},
                 {"skipped", json::Array(R.Result.Skipped)},
                 {"compilerErrors", R.CompilerErrors},
                 {"functions", R.FunctionsInMainFile},
                 {"fatalError", R.FatalError},
                 {"verifyPassed", R.VerifyPassed},
                 {"inputs", inputsToJson(R.Inputs)}};
  if (R.Summary)
    O["summary"] = summaryToJson(*R.Summary);
  return formatv("{0}", json::Value(std::move(O))).str();
}

Expected<FileResult> fileResultFromJson(StringRef Text) {
  auto Bad = [](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(), Why);
  };
  Expected<json::Value> V = json::parse(Text);
  if (!V)
    return Bad("unreadable result: " + toString(V.takeError()));
  const json::Object *O = V->getAsObject();
  if (!O)
    return Bad("the result is not an object");
  FileResult R;
  std::optional<StringRef> File = O->getString("file"),
                           Findings = O->getString("findings"),
                           Inputs = O->getString("inputs");
  const json::Array *Skipped = O->getArray("skipped");
  if (!File || !Findings || !Inputs || !Skipped)
    return Bad("the result lacks a field");
  R.File = File->str();
  Expected<std::vector<Finding>> F = parseJsonReport(*Findings, R.File, "");
  if (!F)
    return F.takeError();
  R.Result.Findings = std::move(*F);
  for (const json::Value &S : *Skipped)
    R.Result.Skipped.push_back(S.getAsString().value_or("").str());
  R.CompilerErrors = O->getInteger("compilerErrors").value_or(0);
  R.FunctionsInMainFile = O->getInteger("functions").value_or(0);
  R.FatalError = O->getString("fatalError").value_or("").str();
  R.VerifyPassed = O->getBoolean("verifyPassed").value_or(false);
  if (!inputsFromJson(*Inputs, R.Inputs))
    return Bad("the result's inputs are unreadable");
  if (const json::Value *S = O->get("summary")) {
    R.Summary.emplace();
    if (!summaryFromJson(*S, *R.Summary))
      return Bad("the result's summary is unreadable");
  }
  return R;
}

} // namespace modlife
