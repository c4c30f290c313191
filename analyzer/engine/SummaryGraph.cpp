//===- SummaryGraph.cpp - Linking the summaries of a whole tree -----------===//
#include "analyzer/engine/SummaryGraph.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace modlife {

namespace {
/// How a function came to have an effect: by itself, or through one call,
/// whose callee has the effect Follow.
struct Reach {
  bool Has = false;
  bool Direct = false;
  unsigned Call = 0;
  Effect Follow = Effect::SleepsDefinite;
};
} // namespace

struct SummaryGraph::Node {
  const SummaryFunction *Function = nullptr;
  const Unit *In = nullptr;
  std::array<Reach, NumEffects> Reaches;
  /// For SleepsByParam.
  unsigned Param = 0;
  std::string FlagSet;
  /// Each call's callee, or null when it links to nothing.
  std::vector<const Node *> Callees;
  /// For a visible function with any effect: what other files learn.
  std::unique_ptr<ExternalFunction> Exported;
  bool has(Effect E) const { return Reaches[unsigned(E)].Has; }
};

class SummaryGraph::View : public ExternalSummaries {
public:
  View(const SummaryGraph &G, const Unit *U) : G(G), U(U) {}
  const ExternalFunction *lookup(StringRef Name) const override {
    if (!U)
      return nullptr;
    const Node *N = G.resolve(Name, *U);
    return N ? N->Exported.get() : nullptr;
  }
  ArrayRef<SummaryWiring> wiringsOf(StringRef Name) const override;

private:
  const SummaryGraph &G;
  const Unit *U;
};

struct SummaryGraph::Unit {
  TUSummary Summary;
  std::string Directory;
  std::vector<Node> Nodes;
  std::unique_ptr<View> Linked;
  /// This file's visible functions that other files wire as entry points,
  /// with those wirings in the order of the wiring files.
  StringMap<std::vector<SummaryWiring>> WiredElsewhere;
};

ArrayRef<SummaryWiring> SummaryGraph::View::wiringsOf(StringRef Name) const {
  if (!U)
    return {};
  auto It = U->WiredElsewhere.find(Name);
  if (It == U->WiredElsewhere.end())
    return {};
  return It->second;
}

SummaryGraph::SummaryGraph() : Empty(std::make_unique<View>(*this, nullptr)) {}
SummaryGraph::~SummaryGraph() = default;

void SummaryGraph::add(TUSummary S) {
  auto U = std::make_unique<Unit>();
  U->Directory = sys::path::parent_path(S.MainFile).str();
  std::string Key = S.MainFile;
  U->Summary = std::move(S);
  Units[Key] = std::move(U);
}

size_t SummaryGraph::functions() const {
  size_t N = 0;
  for (const auto &KV : Units)
    N += KV.second->Nodes.size();
  return N;
}

const SummaryGraph::Node *SummaryGraph::resolve(StringRef Name,
                                                const Unit &From) const {
  auto It = Definitions.find(Name);
  if (It == Definitions.end())
    return nullptr;
  const Node *Only = nullptr;
  unsigned Candidates = 0;
  for (const Node *N : It->second) {
    if (N->In == &From)
      continue; // A file's own functions are local calls, never external.
    ++Candidates;
    Only = N;
  }
  if (Candidates <= 1)
    return Only;
  const Node *SameDirectory = nullptr;
  for (const Node *N : It->second)
    if (N->In != &From && N->In->Directory == From.Directory) {
      if (SameDirectory)
        return nullptr;
      SameDirectory = N;
    }
  return SameDirectory;
}

/// Whether the call's argument Param allows sleeping by FlagSet; none when
/// it is not a constant of which that is known.
static std::optional<bool> argumentAllows(const SummaryCall &C, unsigned Param,
                                          StringRef FlagSet) {
  for (const ArgumentFact &A : C.Arguments)
    if (A.Index == Param)
      for (const auto &[Set, Allows] : A.AllowsSleep)
        if (Set == FlagSet)
          return Allows;
  return std::nullopt;
}

static std::optional<unsigned> passesParameter(const SummaryCall &C,
                                               unsigned Param) {
  for (const ArgumentFact &A : C.Arguments)
    if (A.Index == Param)
      return A.PassesParam;
  return std::nullopt;
}

void SummaryGraph::solve() {
  // Nodes first, then the links by name, in the order of the main files, so
  // that the graph and every "first" witness are the same on every run.
  for (auto &[File, U] : Units) {
    U->Nodes.resize(U->Summary.Functions.size());
    for (size_t I = 0; I < U->Nodes.size(); ++I) {
      Node &N = U->Nodes[I];
      N.Function = &U->Summary.Functions[I];
      N.In = U.get();
      if (N.Function->External)
        Definitions[N.Function->Name].push_back(&N);
    }
  }
  for (auto &[File, U] : Units)
    for (Node &N : U->Nodes)
      for (const SummaryCall &C : N.Function->Calls) {
        const Node *To = nullptr;
        if (!C.External) {
          if (C.LocalCallee < U->Nodes.size())
            To = &U->Nodes[C.LocalCallee];
        } else {
          To = resolve(C.Callee, *U);
          auto It = Definitions.find(C.Callee);
          if (To)
            ++Linked;
          else if (It != Definitions.end() && It->second.size() > 1)
            ++Ambiguous;
        }
        N.Callees.push_back(To);
      }

  // A wiring links like a call: to the definition its file would call.
  for (auto &[File, U] : Units)
    for (const SummaryWiring &W : U->Summary.Wirings)
      if (const Node *To = resolve(W.Function, *U))
        Units[To->In->Summary.MainFile]->WiredElsewhere[W.Function].push_back(
            W);

  // A fixpoint: effects only get added, and the first witness of each stays,
  // so following witnesses always ends at a primitive.
  bool Changed = true;
  auto Set = [&](Node &N, Effect E, Reach R) {
    Reach &Slot = N.Reaches[unsigned(E)];
    if (Slot.Has)
      return false;
    R.Has = true;
    Slot = R;
    Changed = true;
    return true;
  };
  for (auto &[File, U] : Units)
    for (Node &N : U->Nodes)
      for (unsigned E = 0; E < NumEffects; ++E)
        if (const std::optional<DirectEffect> &D = N.Function->Direct[E];
            D && Set(N, Effect(E), Reach{true, true, 0, Effect(E)}) &&
            Effect(E) == Effect::SleepsByParam) {
          N.Param = D->Param;
          N.FlagSet = D->FlagSet;
        }
  while (Changed) {
    Changed = false;
    for (auto &[File, U] : Units)
      for (Node &N : U->Nodes)
        for (unsigned CI = 0; CI < N.Callees.size(); ++CI) {
          const Node *T = N.Callees[CI];
          if (!T)
            continue;
          const SummaryCall &C = N.Function->Calls[CI];
          auto Via = [&](Effect Follow) {
            return Reach{true, false, CI, Follow};
          };
          for (Effect E : {Effect::WaitingLoad, Effect::ReleasesThisModule,
                           Effect::ReleasesOtherModule,
                           Effect::AcquiresThisModule})
            if (T->has(E))
              Set(N, E, Via(E));
          if (T->has(Effect::SleepsDefinite))
            Set(N, Effect::SleepsDefinite, Via(Effect::SleepsDefinite));
          if (T->has(Effect::SleepsByParam)) {
            std::optional<bool> Allows = argumentAllows(C, T->Param, T->FlagSet);
            std::optional<unsigned> Passed = passesParameter(C, T->Param);
            if (Allows.value_or(false)) {
              Set(N, Effect::SleepsDefinite, Via(Effect::SleepsByParam));
            } else if (!Allows && Passed) {
              if (Set(N, Effect::SleepsByParam, Via(Effect::SleepsByParam))) {
                N.Param = *Passed;
                N.FlagSet = T->FlagSet;
              }
            } else if (!Allows) {
              Set(N, Effect::SleepsFlagsUnknown, Via(Effect::SleepsByParam));
            }
          }
          if (T->has(Effect::SleepsFlagsUnknown))
            Set(N, Effect::SleepsFlagsUnknown, Via(Effect::SleepsFlagsUnknown));
        }
  }

  for (auto &[File, U] : Units) {
    U->Linked = std::make_unique<View>(*this, U.get());
    for (Node &N : U->Nodes) {
      if (!N.Function->External ||
          none_of(N.Reaches, [](const Reach &R) { return R.Has; }))
        continue;
      auto X = std::make_unique<ExternalFunction>();
      X->Name = N.Function->Name;
      X->Definition = N.Function->Definition;
      for (unsigned E = 0; E < NumEffects; ++E)
        X->Effects[E] = chainOf(N, Effect(E));
      X->SleepParam = N.Param;
      X->SleepFlagSet = N.FlagSet;
      N.Exported = std::move(X);
    }
  }
}

std::optional<EffectChain> SummaryGraph::chainOf(const Node &Start,
                                                 Effect E) const {
  if (!Start.has(E))
    return std::nullopt;
  EffectChain Chain;
  const Node *N = &Start;
  // Witnesses form chains without cycles; the bound is a safety net.
  for (unsigned Depth = 0; N && Depth < 64; ++Depth) {
    const Reach &R = N->Reaches[unsigned(E)];
    if (!R.Has)
      return std::nullopt;
    if (R.Direct) {
      const DirectEffect &D = *N->Function->Direct[unsigned(E)];
      Chain.Steps.push_back({N->Function->Name, D.At, D.Primitive.Name});
      Chain.Primitive = D.Primitive;
      return Chain;
    }
    const SummaryCall &C = N->Function->Calls[R.Call];
    Chain.Steps.push_back({N->Function->Name, C.At, C.Callee});
    N = N->Callees[R.Call];
    E = R.Follow;
  }
  return std::nullopt;
}

const ExternalSummaries &SummaryGraph::viewFor(StringRef MainFile) const {
  auto It = Units.find(MainFile.str());
  if (It == Units.end() || !It->second->Linked)
    return *Empty;
  return *It->second->Linked;
}

std::string SummaryGraph::consumedBy(StringRef MainFile) const {
  auto It = Units.find(MainFile.str());
  if (It == Units.end())
    return "";
  const Unit &U = *It->second;
  std::vector<std::string> Names;
  for (const SummaryFunction &F : U.Summary.Functions)
    for (const SummaryCall &C : F.Calls)
      if (C.External)
        Names.push_back(C.Callee);
  llvm::sort(Names);
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  std::string Text;
  raw_string_ostream OS(Text);
  for (const std::string &Name : Names) {
    const Node *N = resolve(Name, U);
    if (!N || !N->Exported)
      continue;
    bool Any = false;
    for (unsigned E = 0; E < NumEffects; ++E)
      Any |= U.Summary.Consumes[E] && N->Exported->has(Effect(E));
    if (!Any)
      continue;
    OS << Name << '@' << N->In->Summary.MainFile << ';';
    for (unsigned E = 0; E < NumEffects; ++E)
      if (const EffectChain *C = N->Exported->chain(Effect(E));
          C && U.Summary.Consumes[E]) {
        OS << effectName(Effect(E)) << ':';
        for (const ChainStep &S : C->Steps)
          OS << S.Caller << ',' << S.Where.File << ':' << S.Where.Line << ':'
             << S.Where.Column << ',' << S.Where.LineText << ','
             << S.Callee << ';';
      }
    OS << N->Param << ',' << N->FlagSet << '\n';
  }
  // Whether the functions this file wires but another defines pin the
  // module themselves decides whether their ops struct needs an owner.
  for (const SummaryWiring &W : U.Summary.Wirings)
    if (const Node *N = resolve(W.Function, U);
        N && N->has(Effect::AcquiresThisModule))
      OS << "pins:" << W.Function << '@' << N->In->Summary.MainFile << '\n';
  // Entry points wired in other files make this file's functions entry
  // points, whatever effects they have.
  std::vector<std::string> Wired;
  for (const auto &KV : U.WiredElsewhere)
    Wired.push_back(KV.getKey().str());
  llvm::sort(Wired);
  for (const std::string &Name : Wired)
    for (const SummaryWiring &W : U.WiredElsewhere.find(Name)->second)
      OS << "wired:" << Name << ',' << W.StructName << '.' << W.FieldName
         << ',' << W.PinnedByOwner << ',' << W.FailureCleanupField << ','
         << W.At.File << ':' << W.At.Line << ':' << W.At.Column << ','
         << W.At.LineText << '\n';
  if (Text.empty())
    return "";
  return utohexstr(xxh3_64bits(Text), /*LowerCase=*/true);
}

} // namespace modlife
