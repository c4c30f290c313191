//===- RulePack.cpp - Loading and validating rule packs -------------------===//
#include "analyzer/rules/RulePack.h"
#include "analyzer/rules/YamlReader.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"

using namespace llvm;

namespace modlife {
namespace rules {

static constexpr unsigned CurrentSchema = 1;

namespace {

class PackParser {
public:
  explicit PackParser(StringRef FileName) : Y(FileName) {}

  RulePack parse(const YAML::Node &Root) {
    Y.expectMap(Root, "the rule pack",
                {"modlife-rule-pack", "name", "description", "this-module",
                 "flag-sets", "sleeps", "module-refs", "entry-points",
                 "failure-returns", "module-loads", "deferrals", "deferral-stops",
                 "object-refs", "init-macros",
                 "init-sections", "init-functions", "auto-select", "ops-owner",
                 "module-markers", "deferral-cancels", "frees",
                 "resource-pairs", "lifecycle", "method-tables",
                 "module-events", "static-registrations"});
    if (!Root["modlife-rule-pack"])
      Y.fail(Root, "missing 'modlife-rule-pack: " + Twine(CurrentSchema) +
                       "' (the schema version)");
    unsigned Schema = Y.getUnsigned(Root, "modlife-rule-pack");
    if (Schema != CurrentSchema)
      Y.fail(Root["modlife-rule-pack"], "unsupported schema version " +
                                            Twine(Schema) +
                                            "; this modlife "
                                            "reads version " +
                                            Twine(CurrentSchema));
    RulePack P;
    P.SourceFile = Y.fileName().str();
    if (!Root["name"])
      Y.fail(Root, "missing 'name'");
    P.Name = Y.getString(Root, "name");
    if (Root["description"])
      P.Description = Y.getString(Root, "description");
    if (Root["this-module"])
      P.ThisModuleMacros = Y.getStringList(Root, "this-module");
    if (YAML::Node FS = Root["flag-sets"])
      parseFlagSets(FS, P);
    if (YAML::Node S = Root["sleeps"])
      for (const YAML::Node &E : sequence(S, "sleeps"))
        P.Sleeps.push_back(parseSleep(E, P));
    if (YAML::Node S = Root["module-refs"])
      for (const YAML::Node &E : sequence(S, "module-refs"))
        P.ModuleRefs.push_back(parseModuleRef(E));
    if (YAML::Node S = Root["entry-points"])
      for (const YAML::Node &E : sequence(S, "entry-points"))
        P.EntryPoints.push_back(parseEntryPoint(E));
    if (YAML::Node S = Root["module-loads"])
      for (const YAML::Node &E : sequence(S, "module-loads"))
        P.ModuleLoads.push_back(parseModuleLoad(E));
    if (YAML::Node S = Root["deferrals"])
      for (const YAML::Node &E : sequence(S, "deferrals"))
        P.Deferrals.push_back(parseDeferral(E));
    if (YAML::Node S = Root["deferral-stops"])
      for (const YAML::Node &E : sequence(S, "deferral-stops"))
        P.DeferralStops.push_back(parseDeferralStop(E));
    if (YAML::Node S = Root["object-refs"])
      for (const YAML::Node &E : sequence(S, "object-refs"))
        P.ObjectRefs.push_back(parseObjectRef(E));
    if (YAML::Node S = Root["deferral-cancels"])
      for (const YAML::Node &E : sequence(S, "deferral-cancels"))
        P.DeferralCancels.push_back(parseDeferralCancel(E));
    if (YAML::Node S = Root["static-registrations"])
      for (const YAML::Node &E : sequence(S, "static-registrations"))
        P.StaticRegistrations.push_back(parseStaticRegistration(E));
    if (YAML::Node S = Root["frees"])
      for (const YAML::Node &E : sequence(S, "frees"))
        P.Frees.push_back(parseFree(E));
    if (YAML::Node S = Root["resource-pairs"])
      for (const YAML::Node &E : sequence(S, "resource-pairs"))
        P.ResourcePairs.push_back(parseResourcePair(E));
    if (YAML::Node S = Root["lifecycle"])
      for (const YAML::Node &E : sequence(S, "lifecycle"))
        P.Lifecycle.push_back(parseLifecycle(E));
    if (YAML::Node S = Root["method-tables"])
      for (const YAML::Node &E : sequence(S, "method-tables"))
        P.MethodTables.push_back(parseMethodTable(E));
    if (YAML::Node M = Root["module-events"])
      P.ModuleEvents = parseModuleEvents(M);
    if (Root["init-macros"])
      P.InitMacros = Y.getStringList(Root, "init-macros");
    if (Root["init-functions"])
      P.InitFunctions = Y.getStringList(Root, "init-functions");
    if (Root["init-sections"])
      P.InitSections = Y.getStringList(Root, "init-sections");
    if (YAML::Node A = Root["auto-select"]) {
      Y.expectMap(A, "'auto-select'", {"when-defined"});
      if (!A["when-defined"])
        Y.fail(A, "'auto-select' needs 'when-defined': macros that tell "
                  "this pack's headers apart");
      P.AutoSelectMacros = Y.getStringList(A, "when-defined");
    }
    if (YAML::Node F = Root["failure-returns"])
      P.FailureReturns = parseFailureReturns(F);
    if (YAML::Node O = Root["ops-owner"])
      P.OpsOwner = parseOpsOwner(O);
    if (YAML::Node M = Root["module-markers"])
      P.ModuleMarks = parseModuleMarkers(M);
    return P;
  }

private:
  YamlReader Y;

  const YAML::Node &sequence(const YAML::Node &N, StringRef Key) {
    if (!N.IsSequence())
      Y.fail(N, "'" + Key + "' must be a list");
    return N;
  }

  RuleOrigin origin(const YAML::Node &N) {
    return {Y.fileName().str(), Y.line(N), Y.column(N)};
  }

  static bool isIdentifier(StringRef S) {
    if (S.empty() || !(isAlpha(S[0]) || S[0] == '_'))
      return false;
    return all_of(S, [](char C) { return isAlnum(C) || C == '_'; });
  }

  // Every primitive names exactly one of 'function' or 'macro'.
  PrimitiveName parsePrimitive(const YAML::Node &E, StringRef What) {
    bool HasF = bool(E["function"]), HasM = bool(E["macro"]);
    if (HasF == HasM)
      Y.fail(E, What + " entry needs exactly one of 'function' or 'macro'");
    PrimitiveName P;
    P.NameKind = HasF ? PrimitiveName::Function : PrimitiveName::Macro;
    StringRef Key = HasF ? "function" : "macro";
    P.Name = Y.getString(E, Key);
    if (!isIdentifier(P.Name))
      Y.fail(E[Key.str()], "'" + P.Name + "' is not a C identifier");
    return P;
  }

  /// Starts a rule of a primitive list: checks the keys, reads the name.
  template <typename RuleT>
  RuleT beginPrimitiveRule(const YAML::Node &E, StringRef Section,
                           ArrayRef<StringRef> Keys) {
    std::string What = ("a '" + Section + "'").str();
    Y.expectMap(E, What + " entry", Keys);
    RuleT R;
    R.Origin = origin(E);
    R.Primitive = parsePrimitive(E, What);
    return R;
  }

  void parseFlagSets(const YAML::Node &FS, RulePack &P) {
    if (!FS.IsMap())
      Y.fail(FS, "'flag-sets' must map names to flag sets");
    for (auto It = FS.begin(); It != FS.end(); ++It) {
      // A copy: the iterator yields a temporary pair.
      const YAML::Node V = It->second;
      Y.expectMap(V, "flag set '" + It->first.Scalar() + "'",
                  {"may-sleep-bit", "fallback-value"});
      FlagSet F;
      F.Name = It->first.Scalar();
      F.Origin = origin(It->first);
      if (!V["may-sleep-bit"])
        Y.fail(V, "flag set '" + F.Name + "' needs 'may-sleep-bit'");
      F.MaySleepBitMacro = Y.getString(V, "may-sleep-bit");
      if (V["fallback-value"])
        F.FallbackValue = Y.getInteger(V, "fallback-value");
      P.FlagSets.push_back(std::move(F));
    }
  }

  SleepRule parseSleep(const YAML::Node &E, const RulePack &P) {
    auto R = beginPrimitiveRule<SleepRule>(
        E, "sleeps", {"function", "macro", "flags", "why"});
    if (E["why"])
      R.Why = Y.getString(E, "why");
    if (YAML::Node F = E["flags"]) {
      Y.expectMap(F, "'flags'", {"arg", "set"});
      if (!F["arg"] || !F["set"])
        Y.fail(F, "'flags' needs both 'arg' and 'set'");
      if (R.Primitive.NameKind == PrimitiveName::Macro)
        Y.fail(F, "'flags' applies to functions only: a macro has no "
                  "arguments in the AST");
      R.FlagsArg = Y.getUnsigned(F, "arg");
      R.FlagSetName = Y.getString(F, "set");
      if (none_of(P.FlagSets,
                  [&](const FlagSet &S) { return S.Name == R.FlagSetName; }))
        Y.fail(F["set"], "unknown flag set '" + R.FlagSetName +
                             "' (define it under 'flag-sets' first)");
    }
    return R;
  }

  ModuleRefRule parseModuleRef(const YAML::Node &E) {
    auto R = beginPrimitiveRule<ModuleRefRule>(
        E, "module-refs",
        {"function", "macro", "effect", "module-arg", "release"});
    if (!E["effect"])
      Y.fail(E, "a 'module-refs' entry needs 'effect'");
    static const std::pair<const char *, RefEffect> Effects[] = {
        {"acquire", RefEffect::Acquire},
        {"try-acquire", RefEffect::TryAcquire},
        {"release", RefEffect::Release}};
    R.Effect = keyword(E, "effect", Effects);
    if (E["module-arg"])
      R.ModuleArg = Y.getUnsigned(E, "module-arg");
    if (E["release"]) {
      if (R.Effect == RefEffect::Release)
        Y.fail(E["release"], "a release has no 'release' spelling");
      R.ReleaseSpelling = Y.getString(E, "release");
    } else if (R.Effect != RefEffect::Release) {
      Y.fail(E, "an acquire needs 'release': how to spell the matching drop");
    }
    return R;
  }

  /// The value of a keyword key (effect: acquire), from its table; the
  /// error lists what would have been accepted.
  template <typename T, size_t N>
  T keyword(const YAML::Node &E, StringRef Key,
            const std::pair<const char *, T> (&Table)[N]) {
    std::string Expected;
    for (size_t I = 0; I < N; ++I)
      Expected += (I == 0 ? "" : I + 1 == N ? " or " : ", ") +
                  std::string(Table[I].first);
    // YAML reads a bare "null" or "~" as no value at all.
    if (E[Key.str()].IsNull())
      Y.fail(E[Key.str()], "unknown '" + Key + "': YAML reads this value as "
                           "null (expected " + Expected + ")");
    std::string Word = Y.getString(E, Key);
    for (const auto &[Name, Value] : Table)
      if (Word == Name)
        return Value;
    Y.fail(E[Key.str()],
           "unknown '" + Key + "' '" + Word + "' (expected " + Expected + ")");
  }

  DeferredKind deferredKind(const YAML::Node &E, StringRef Key) {
    static const std::pair<const char *, DeferredKind> Kinds[] = {
        {"thread", DeferredKind::Thread}, {"work", DeferredKind::Work},
        {"timer", DeferredKind::Timer},   {"rcu", DeferredKind::Rcu},
        {"tasklet", DeferredKind::Tasklet}};
    return keyword(E, Key, Kinds);
  }

  DeferralRule parseDeferral(const YAML::Node &E) {
    auto R = beginPrimitiveRule<DeferralRule>(
        E, "deferrals",
        {"function", "macro", "callback-arg", "item-arg", "queue-arg",
         "runs-as", "put-and-exit", "arms"});
    if (!(E["callback-arg"] || E["item-arg"]) || !E["runs-as"])
      Y.fail(E, "a 'deferrals' entry needs 'runs-as' and 'callback-arg', "
                "'item-arg' or both");
    if (E["callback-arg"])
      R.CallbackArg = Y.getUnsigned(E, "callback-arg");
    if (E["item-arg"])
      R.ItemArg = Y.getUnsigned(E, "item-arg");
    if (E["queue-arg"])
      R.QueueArg = Y.getUnsigned(E, "queue-arg");
    R.RunsAs = deferredKind(E, "runs-as");
    if (E["arms"]) {
      R.Arms = Y.getBool(E, "arms");
      if (!R.Arms && !R.CallbackArg)
        Y.fail(E["arms"], "'arms: false' is for set-ups that name a callback; "
                          "a queueing primitive always arms its item");
    }
    if (E["put-and-exit"]) {
      if (R.RunsAs != DeferredKind::Thread)
        Y.fail(E["put-and-exit"], "'put-and-exit' applies to threads only");
      R.PutAndExit = Y.getString(E, "put-and-exit");
      if (!isIdentifier(R.PutAndExit))
        Y.fail(E["put-and-exit"],
               "'" + R.PutAndExit + "' is not a C identifier");
    }
    return R;
  }

  DeferralStopRule parseDeferralStop(const YAML::Node &E) {
    auto R = beginPrimitiveRule<DeferralStopRule>(
        E, "deferral-stops",
        {"function", "macro", "stops", "item-arg", "queue-arg"});
    if (!E["stops"])
      Y.fail(E, "a 'deferral-stops' entry needs 'stops'");
    if (E["item-arg"] && E["queue-arg"])
      Y.fail(E, "give either 'item-arg' or 'queue-arg', not both");
    R.Stops = deferredKind(E, "stops");
    if (E["item-arg"])
      R.ItemArg = Y.getUnsigned(E, "item-arg");
    if (E["queue-arg"])
      R.QueueArg = Y.getUnsigned(E, "queue-arg");
    return R;
  }

  DeferralCancelRule parseDeferralCancel(const YAML::Node &E) {
    auto R = beginPrimitiveRule<DeferralCancelRule>(
        E, "deferral-cancels",
        {"function", "macro", "cancels", "item-arg", "waiting"});
    if (!E["cancels"])
      Y.fail(E, "a 'deferral-cancels' entry needs 'cancels'");
    R.Cancels = deferredKind(E, "cancels");
    if (E["item-arg"])
      R.ItemArg = Y.getUnsigned(E, "item-arg");
    if (E["waiting"])
      R.WaitingSpelling = getIdentifier(E, "waiting");
    return R;
  }

  StaticRegistrationRule parseStaticRegistration(const YAML::Node &E) {
    auto R = beginPrimitiveRule<StaticRegistrationRule>(
        E, "static-registrations", {"macro", "what", "instead"});
    if (!E["what"])
      Y.fail(E, "a 'static-registrations' entry needs 'what'");
    R.What = Y.getString(E, "what");
    if (E["instead"])
      R.Instead = Y.getString(E, "instead");
    return R;
  }

  FreeRule parseFree(const YAML::Node &E) {
    auto R = beginPrimitiveRule<FreeRule>(E, "frees",
                                          {"function", "macro", "arg"});
    if (E["arg"])
      R.Arg = Y.getUnsigned(E, "arg");
    return R;
  }

  /// A primitive named in a nested map: "acquire: { function: make_dev }",
  /// or a plain name for a function: "release: destroy_dev".
  PrimitiveName nestedPrimitive(const YAML::Node &E, StringRef Key) {
    const YAML::Node N = E[Key.str()];
    if (N.IsScalar()) {
      PrimitiveName P;
      P.Name = getIdentifier(E, Key);
      return P;
    }
    Y.expectMap(N, ("'" + Key + "'").str(), {"function", "macro"});
    return parsePrimitive(N, "'" + Key.str() + "'");
  }

  ResourcePairRule parseResourcePair(const YAML::Node &E) {
    Y.expectMap(E, "a 'resource-pairs' entry",
                {"acquire", "release", "handle", "handle-arg", "release-arg",
                 "fails-when", "what", "release-spelling", "registration"});
    if (!E["acquire"] || !E["release"] || !E["what"])
      Y.fail(E, "a 'resource-pairs' entry needs 'acquire', 'release' and "
                "'what'");
    ResourcePairRule R;
    R.Origin = origin(E);
    R.Acquire = nestedPrimitive(E, "acquire");
    R.Release = nestedPrimitive(E, "release");
    R.What = Y.getString(E, "what");
    static const std::pair<const char *, HandleKind> Handles[] = {
        {"result", HandleKind::Result},
        {"arg", HandleKind::Arg},
        {"out-arg", HandleKind::OutArg}};
    if (E["handle"])
      R.Handle = keyword(E, "handle", Handles);
    if (R.Handle != HandleKind::Result && !E["handle-arg"])
      Y.fail(E, "'handle: " + Y.getString(E, "handle") +
                    "' needs 'handle-arg'");
    if (R.Handle == HandleKind::Result && E["handle-arg"])
      Y.fail(E["handle-arg"], "'handle-arg' needs 'handle: arg' or "
                              "'handle: out-arg'");
    if (E["handle-arg"])
      R.HandleArg = Y.getUnsigned(E, "handle-arg");
    if (E["release-arg"])
      R.ReleaseArg = Y.getUnsigned(E, "release-arg");
    static const std::pair<const char *, FailureSignal> Signals[] = {
        {"never", FailureSignal::Never},
        {"null-return", FailureSignal::Null},
        {"nonzero-return", FailureSignal::NonZero},
        {"negative-return", FailureSignal::Negative}};
    if (E["fails-when"])
      R.FailsWhen = keyword(E, "fails-when", Signals);
    if (E["release-spelling"])
      R.ReleaseSpelling = Y.getString(E, "release-spelling");
    if (E["registration"])
      R.Registration = Y.getBool(E, "registration");
    return R;
  }

  LifecycleRule parseLifecycle(const YAML::Node &E) {
    Y.expectMap(E, "a 'lifecycle' entry",
                {"role", "macro", "struct", "field", "method", "event-arg",
                 "during-load"});
    LifecycleRule R;
    R.Origin = origin(E);
    if (!E["role"])
      Y.fail(E, "a 'lifecycle' entry needs 'role'");
    static const std::pair<const char *, LifecycleRole> Roles[] = {
        {"load", LifecycleRole::Load},     {"unload", LifecycleRole::Unload},
        {"attach", LifecycleRole::Attach}, {"detach", LifecycleRole::Detach},
        {"events", LifecycleRole::Events}};
    R.Role = keyword(E, "role", Roles);
    unsigned Ways = bool(E["macro"]) + bool(E["method"]) + bool(E["struct"]);
    if (Ways != 1)
      Y.fail(E, "a 'lifecycle' entry needs exactly one of 'macro', 'method' "
                "or 'struct' (with 'field')");
    if (bool(E["struct"]) != bool(E["field"]))
      Y.fail(E, "'struct' and 'field' go together");
    if (E["macro"])
      R.Macro = getIdentifier(E, "macro");
    if (E["method"])
      R.Method = getIdentifier(E, "method");
    if (E["struct"]) {
      R.StructName = getIdentifier(E, "struct");
      R.Field = getIdentifier(E, "field");
    }
    if ((R.Role == LifecycleRole::Events) != bool(E["event-arg"]))
      Y.fail(E, "'event-arg' is needed by, and only by, 'role: events'");
    if (E["event-arg"])
      R.EventArg = Y.getUnsigned(E, "event-arg");
    if (E["during-load"]) {
      if (R.Role != LifecycleRole::Attach)
        Y.fail(E["during-load"], "'during-load' applies to 'role: attach'");
      R.DuringLoad = Y.getBool(E, "during-load");
    }
    return R;
  }

  MethodTableRule parseMethodTable(const YAML::Node &E) {
    Y.expectMap(E, "a 'method-tables' entry",
                {"struct", "name-field", "name-suffix", "function-field"});
    if (!E["struct"] || !E["name-field"] || !E["function-field"])
      Y.fail(E, "a 'method-tables' entry needs 'struct', 'name-field' and "
                "'function-field'");
    MethodTableRule R;
    R.Origin = origin(E);
    R.StructName = getIdentifier(E, "struct");
    R.NameField = getIdentifier(E, "name-field");
    R.FunctionField = getIdentifier(E, "function-field");
    if (E["name-suffix"])
      R.NameSuffix = getIdentifier(E, "name-suffix");
    return R;
  }

  ModuleEventNames parseModuleEvents(const YAML::Node &M) {
    Y.expectMap(M, "'module-events'",
                {"load", "unload", "quiesce", "shutdown", "unsupported"});
    ModuleEventNames R;
    auto List = [&](StringRef Key, std::vector<std::string> &Out) {
      if (M[Key.str()])
        Out = getIdentifierList(M, Key);
    };
    List("load", R.Load);
    List("unload", R.Unload);
    List("quiesce", R.Quiesce);
    List("shutdown", R.Shutdown);
    List("unsupported", R.Unsupported);
    return R;
  }

  ObjectRefRule parseObjectRef(const YAML::Node &E) {
    auto R = beginPrimitiveRule<ObjectRefRule>(
        E, "object-refs", {"function", "macro", "put", "may-fail"});
    if (E["put"]) {
      R.Put = Y.getString(E, "put");
      if (!isIdentifier(R.Put))
        Y.fail(E["put"], "'" + R.Put + "' is not a C identifier");
    }
    if (E["may-fail"])
      R.MayFail = Y.getBool(E, "may-fail");
    return R;
  }

  ModuleLoadRule parseModuleLoad(const YAML::Node &E) {
    auto R = beginPrimitiveRule<ModuleLoadRule>(
        E, "module-loads",
        {"function", "macro", "waits", "wait-arg", "nowait", "looks-up-again",
         "waits-for", "deadlocks-at-load"});
    if (E["waits"] && E["wait-arg"])
      Y.fail(E, "give either 'waits' or 'wait-arg', not both");
    if (E["waits"])
      R.Waits = Y.getBool(E, "waits");
    if (E["wait-arg"]) {
      if (R.Primitive.NameKind == PrimitiveName::Macro)
        Y.fail(E["wait-arg"], "'wait-arg' applies to functions only");
      R.WaitArg = Y.getUnsigned(E, "wait-arg");
    }
    if (E["nowait"]) {
      R.NoWaitSpelling = Y.getString(E, "nowait");
      if (!isIdentifier(R.NoWaitSpelling))
        Y.fail(E["nowait"], "'" + R.NoWaitSpelling + "' is not a C identifier");
    }
    if (E["looks-up-again"])
      R.LooksUpAgain = Y.getBool(E, "looks-up-again");
    if (E["waits-for"])
      R.WaitsFor = Y.getString(E, "waits-for");
    if (E["deadlocks-at-load"])
      R.DeadlocksAtLoad = Y.getBool(E, "deadlocks-at-load");
    return R;
  }

  EntryPointRule parseEntryPoint(const YAML::Node &E) {
    Y.expectMap(E, "an 'entry-points' entry",
                {"struct", "fields", "owner-field", "failure-cleanup"});
    EntryPointRule R;
    R.Origin = origin(E);
    if (!E["struct"] || !E["fields"])
      Y.fail(E, "an 'entry-points' entry needs 'struct' and 'fields'");
    R.StructName = Y.getString(E, "struct");
    R.Fields = Y.getStringList(E, "fields");
    if (E["owner-field"])
      R.OwnerField = Y.getString(E, "owner-field");
    if (E["failure-cleanup"])
      R.FailureCleanupField = Y.getString(E, "failure-cleanup");
    return R;
  }

  std::string getIdentifier(const YAML::Node &N, StringRef Key) {
    std::string S = Y.getString(N, Key);
    if (!isIdentifier(S))
      Y.fail(N[Key.str()], "'" + S + "' is not a C identifier");
    return S;
  }

  std::vector<std::string> getIdentifierList(const YAML::Node &N,
                                             StringRef Key) {
    std::vector<std::string> L = Y.getStringList(N, Key);
    for (const std::string &S : L)
      if (!isIdentifier(S))
        Y.fail(N[Key.str()],
               "'" + S + "' in '" + Key + "' is not a C identifier");
    return L;
  }

  OpsOwnerRules parseOpsOwner(const YAML::Node &O) {
    Y.expectMap(O, "'ops-owner'",
                {"field", "type", "set-by", "stored-in", "ignore-structs"});
    OpsOwnerRules R;
    // The field and its type go together: a field name alone would match
    // any member that happens to be called "owner".
    if (bool(O["field"]) != bool(O["type"]))
      Y.fail(O, "'ops-owner' needs both 'field' and 'type', or neither");
    if (O["field"]) {
      R.Field = getIdentifier(O, "field");
      R.FieldType = getIdentifier(O, "type");
    }
    if (YAML::Node S = O["set-by"])
      for (const YAML::Node &E : sequence(S, "set-by"))
        R.SetBy.push_back(parseOwnerHelper(E, "set-by"));
    if (YAML::Node S = O["stored-in"])
      for (const YAML::Node &E : sequence(S, "stored-in")) {
        if (!E.IsMap() || (!E["struct"] && !E["field"])) {
          R.StoredBy.push_back(parseOwnerHelper(E, "stored-in"));
          continue;
        }
        Y.expectMap(E, "a 'stored-in' field entry", {"struct", "field"});
        if (!E["struct"] || !E["field"])
          Y.fail(E, "a 'stored-in' field entry needs 'struct' and 'field'");
        R.StoredIn.push_back(
            {getIdentifier(E, "struct"), getIdentifier(E, "field"), origin(E)});
      }
    if (O["ignore-structs"])
      R.IgnoreStructs = getIdentifierList(O, "ignore-structs");
    return R;
  }

  // A helper handed the struct as argument 'struct-arg'.
  OwnerSetterRule parseOwnerHelper(const YAML::Node &E, StringRef Section) {
    auto R = beginPrimitiveRule<OwnerSetterRule>(
        E, Section, {"function", "macro", "struct-arg"});
    if (!E["struct-arg"])
      Y.fail(E, "a '" + Section +
                    "' entry needs 'struct-arg': the argument "
                    "that names the struct");
    R.StructArg = Y.getUnsigned(E, "struct-arg");
    return R;
  }

  ModuleMarkers parseModuleMarkers(const YAML::Node &M) {
    Y.expectMap(M, "'module-markers'",
                {"macros", "declarations", "defined-macros"});
    if (!M["macros"] && !M["declarations"] && !M["defined-macros"])
      Y.fail(M, "'module-markers' needs 'macros', 'declarations' or "
                "'defined-macros'");
    ModuleMarkers R;
    if (M["macros"])
      R.Macros = getIdentifierList(M, "macros");
    if (M["declarations"])
      R.Declarations = getIdentifierList(M, "declarations");
    if (M["defined-macros"])
      R.DefinedMacros = getIdentifierList(M, "defined-macros");
    return R;
  }

  FailureReturnRules parseFailureReturns(const YAML::Node &F) {
    Y.expectMap(
        F, "'failure-returns'",
        {"negative-constants", "errno-macros", "error-pointer-functions"});
    FailureReturnRules R;
    if (F["negative-constants"])
      R.NegativeConstants = Y.getBool(F, "negative-constants");
    if (F["errno-macros"]) {
      R.ErrnoMacroPattern = Y.getString(F, "errno-macros");
      std::string Why;
      if (!Regex(R.ErrnoMacroPattern).isValid(Why))
        Y.fail(F["errno-macros"], "invalid regular expression: " + Why);
    }
    if (F["error-pointer-functions"])
      R.ErrorPointerFunctions = Y.getStringList(F, "error-pointer-functions");
    return R;
  }
};

} // namespace

Expected<RulePack> parseRulePack(StringRef Text, StringRef FileName) {
  YamlReader Y(FileName);
  Expected<YAML::Node> Root = Y.parse(Text);
  if (!Root)
    return Root.takeError();
  return Y.read<RulePack>([&] {
    if (!Root->IsMap())
      Y.fail(*Root, "a rule pack must be a YAML mapping");
    return PackParser(FileName).parse(*Root);
  });
}

Expected<RulePack> loadRulePackFile(StringRef Path) {
  Expected<std::unique_ptr<MemoryBuffer>> Buf =
      readDataFile(Path, "rule pack");
  if (!Buf)
    return Buf.takeError();
  return parseRulePack((*Buf)->getBuffer(), Path);
}

Expected<RulePack> loadBuiltinPack(StringRef Name) {
  for (const BuiltinPack &B : builtinPacks())
    if (B.Name == Name)
      return parseRulePack(B.Text, ("<builtin>/" + B.FileName).str());
  std::vector<std::string> Names;
  for (const BuiltinPack &B : builtinPacks())
    Names.push_back(B.Name.str());
  return createStringError(inconvertibleErrorCode(),
                           "error: unknown rule pack '%s' (built-in packs: %s)",
                           Name.str().c_str(), join(Names, ", ").c_str());
}

static std::string key(PrimitiveName::Kind K, StringRef Name) {
  return ((K == PrimitiveName::Function ? "f:" : "m:") + Name).str();
}

RuleSet::RuleSet(std::vector<RulePack> InPacks) : Packs(std::move(InPacks)) {
  for (const RulePack &P : Packs) {
    for (const SleepRule &R : P.Sleeps) {
      Sleeps[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
      if (R.Primitive.NameKind == PrimitiveName::Macro)
        MacroPrimitives[R.Primitive.Name] = true;
    }
    for (const ModuleRefRule &R : P.ModuleRefs) {
      ModuleRefs[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
      if (R.Primitive.NameKind == PrimitiveName::Macro)
        MacroPrimitives[R.Primitive.Name] = true;
    }
    for (const FlagSet &F : P.FlagSets)
      FlagSets[F.Name] = &F;
    for (const ModuleLoadRule &R : P.ModuleLoads) {
      ModuleLoads[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
      if (R.Primitive.NameKind == PrimitiveName::Macro)
        MacroPrimitives[R.Primitive.Name] = true;
    }
    for (const std::string &M : P.InitMacros)
      InitMacros[M] = true;
    for (const DeferralRule &R : P.Deferrals)
      Deferrals[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
    for (const DeferralStopRule &R : P.DeferralStops)
      DeferralStops[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
    for (const ObjectRefRule &R : P.ObjectRefs)
      ObjectRefs[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
    for (const std::string &S : P.InitSections)
      InitSections[S] = true;
    for (const std::string &F : P.InitFunctions)
      InitFunctions[F] = true;
    for (const EntryPointRule &E : P.EntryPoints)
      EntryPoints[E.StructName] = &E;
    for (const std::string &M : P.ThisModuleMacros)
      ThisModule[M] = true;
    Failure.NegativeConstants |= P.FailureReturns.NegativeConstants;
    if (!P.FailureReturns.ErrnoMacroPattern.empty())
      Failure.ErrnoMacroPattern = P.FailureReturns.ErrnoMacroPattern;
    for (const std::string &F : P.FailureReturns.ErrorPointerFunctions)
      Failure.ErrorPointerFunctions.push_back(F);
    if (!P.OpsOwner.Field.empty()) {
      OwnerField = P.OpsOwner.Field;
      OwnerFieldType = P.OpsOwner.FieldType;
    }
    for (const OwnerSetterRule &R : P.OpsOwner.SetBy)
      OwnerSetters[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
    for (const OwnerSetterRule &R : P.OpsOwner.StoredBy)
      OwnerSetters[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
    for (const OwnerHoldingField &F : P.OpsOwner.StoredIn)
      OwnerHoldingFields[F.StructName + "." + F.Field] = true;
    for (const std::string &S : P.OpsOwner.IgnoreStructs)
      OwnerIgnored[S] = true;
    for (const std::string &M : P.ModuleMarks.Macros)
      ModuleMarkerMacros[M] = true;
    for (const std::string &D : P.ModuleMarks.Declarations)
      ModuleMarkerDeclarations[D] = true;
    for (const std::string &D : P.ModuleMarks.DefinedMacros)
      if (!llvm::is_contained(ModuleMarkerDefinedMacros, D))
        ModuleMarkerDefinedMacros.push_back(D);
    for (const StaticRegistrationRule &R : P.StaticRegistrations)
      StaticRegistrations[R.Primitive.Name] = &R;
    for (const DeferralCancelRule &R : P.DeferralCancels)
      DeferralCancels[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
    for (const FreeRule &R : P.Frees)
      Frees[key(R.Primitive.NameKind, R.Primitive.Name)] = &R;
    for (const ResourcePairRule &R : P.ResourcePairs) {
      std::string K = key(R.Acquire.NameKind, R.Acquire.Name);
      if (const ResourcePairRule *Old = PairsByAcquire.lookup(K))
        llvm::erase(Pairs, Old);
      Pairs.push_back(&R);
      PairsByAcquire[K] = &R;
      PairsByRelease[key(R.Release.NameKind, R.Release.Name)] = &R;
    }
    for (const LifecycleRule &R : P.Lifecycle) {
      Lifecycle.push_back(&R);
      // Load-time macros are init macros: request-module-in-init and the
      // other init-time questions see SYSINIT functions as module_init's.
      if (R.Role == LifecycleRole::Load && !R.Macro.empty())
        InitMacros[R.Macro] = true;
    }
    for (const MethodTableRule &R : P.MethodTables)
      MethodTables[R.StructName] = &R;
    auto Append = [](std::vector<std::string> &To,
                     const std::vector<std::string> &From) {
      To.insert(To.end(), From.begin(), From.end());
    };
    Append(Events.Load, P.ModuleEvents.Load);
    Append(Events.Unload, P.ModuleEvents.Unload);
    Append(Events.Quiesce, P.ModuleEvents.Quiesce);
    Append(Events.Shutdown, P.ModuleEvents.Shutdown);
    Append(Events.Unsupported, P.ModuleEvents.Unsupported);
  }
}

const DeferralCancelRule *RuleSet::deferralCancelRule(PrimitiveName::Kind K,
                                                      StringRef N) const {
  return DeferralCancels.lookup(key(K, N));
}
const FreeRule *RuleSet::freeRule(PrimitiveName::Kind K, StringRef N) const {
  return Frees.lookup(key(K, N));
}
const ResourcePairRule *RuleSet::pairAcquiredBy(PrimitiveName::Kind K,
                                                StringRef N) const {
  return PairsByAcquire.lookup(key(K, N));
}
const ResourcePairRule *RuleSet::pairReleasedBy(PrimitiveName::Kind K,
                                                StringRef N) const {
  return PairsByRelease.lookup(key(K, N));
}
const MethodTableRule *RuleSet::methodTable(StringRef S) const {
  return MethodTables.lookup(S);
}

const SleepRule *RuleSet::sleepRule(PrimitiveName::Kind K, StringRef N) const {
  return Sleeps.lookup(key(K, N));
}
const ModuleRefRule *RuleSet::moduleRefRule(PrimitiveName::Kind K,
                                            StringRef N) const {
  return ModuleRefs.lookup(key(K, N));
}
const FlagSet *RuleSet::flagSet(StringRef N) const {
  return FlagSets.lookup(N);
}
const ModuleLoadRule *RuleSet::moduleLoadRule(PrimitiveName::Kind K,
                                              StringRef N) const {
  return ModuleLoads.lookup(key(K, N));
}
bool RuleSet::isInitMacro(StringRef N) const { return InitMacros.count(N); }
const DeferralRule *RuleSet::deferralRule(PrimitiveName::Kind K,
                                          StringRef N) const {
  return Deferrals.lookup(key(K, N));
}
const DeferralStopRule *RuleSet::deferralStopRule(PrimitiveName::Kind K,
                                                  StringRef N) const {
  return DeferralStops.lookup(key(K, N));
}
const ObjectRefRule *RuleSet::objectRefRule(PrimitiveName::Kind K,
                                            StringRef N) const {
  return ObjectRefs.lookup(key(K, N));
}
bool RuleSet::isInitFunctionName(StringRef N) const {
  return InitFunctions.count(N);
}
bool RuleSet::isInitSection(StringRef N) const {
  return InitSections.count(N);
}
const EntryPointRule *RuleSet::entryPointRule(StringRef S) const {
  return EntryPoints.lookup(S);
}
bool RuleSet::isThisModuleMacro(StringRef N) const {
  return ThisModule.count(N);
}
bool RuleSet::isMacroPrimitive(StringRef N) const {
  return MacroPrimitives.count(N);
}
const OwnerSetterRule *RuleSet::ownerSetter(PrimitiveName::Kind K,
                                            StringRef N) const {
  return OwnerSetters.lookup(key(K, N));
}
bool RuleSet::isOwnerHoldingField(StringRef S, StringRef F) const {
  return OwnerHoldingFields.count((S + "." + F).str());
}
bool RuleSet::isOwnerIgnored(StringRef S) const {
  return OwnerIgnored.count(S);
}
bool RuleSet::isModuleMarkerMacro(StringRef N) const {
  return ModuleMarkerMacros.count(N);
}
const StaticRegistrationRule *
RuleSet::staticRegistration(StringRef Macro) const {
  return StaticRegistrations.lookup(Macro);
}
bool RuleSet::isModuleMarkerDeclaration(StringRef N) const {
  return ModuleMarkerDeclarations.count(N);
}

} // namespace rules
} // namespace modlife
