//===- SummaryGraph.h - Linking the summaries of a whole tree ---*- C++ -*-===//
//
// Links translation-unit summaries into one call graph, the way a linker
// links objects: a call to a function defined elsewhere goes to the visible
// definition of that name. Then it solves every function's effects over the
// graph, across files, and keeps for each a witness chain that the notes of a
// finding walk down.
//
// Resolution: one definition of the name, or else the one defined in the
// caller's own directory (a module's objects sit together, and two modules
// may each define a function of the same name). Anything else is ambiguous
// and links to nothing: a finding is never built on a guess.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_ENGINE_SUMMARYGRAPH_H
#define MODLIFE_ENGINE_SUMMARYGRAPH_H

#include "analyzer/engine/Summaries.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <memory>

namespace modlife {

class SummaryGraph {
public:
  SummaryGraph();
  ~SummaryGraph();
  SummaryGraph(const SummaryGraph &) = delete;
  SummaryGraph &operator=(const SummaryGraph &) = delete;

  /// Adds a translation unit; a later summary of the same main file
  /// replaces the earlier one. Not after solve().
  void add(TUSummary S);
  /// Links the calls and computes every function's effects.
  void solve();

  /// What calls from MainFile's translation unit to other files' functions
  /// link to. Valid until the graph is destroyed; safe to share between
  /// threads.
  const ExternalSummaries &viewFor(llvm::StringRef MainFile) const;
  /// A digest of everything MainFile's translation unit learns from other
  /// files: empty when it learns nothing, so that its analysis without the
  /// summaries is already final.
  std::string consumedBy(llvm::StringRef MainFile) const;

  size_t translationUnits() const { return Units.size(); }
  size_t functions() const;
  /// Calls to other files that linked to a definition, and those whose name
  /// had several candidates and linked to none.
  size_t linkedCalls() const { return Linked; }
  size_t ambiguousCalls() const { return Ambiguous; }

private:
  struct Unit;
  struct Node;
  class View;
  const Node *resolve(llvm::StringRef Name, const Unit &From) const;
  std::optional<EffectChain> chainOf(const Node &N, Effect E) const;

  std::map<std::string, std::unique_ptr<Unit>> Units;
  /// Visible definitions by name.
  llvm::StringMap<std::vector<const Node *>> Definitions;
  std::unique_ptr<View> Empty;
  size_t Linked = 0, Ambiguous = 0;
};

} // namespace modlife

#endif
