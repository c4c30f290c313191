//===- ModlifeCheck.h - Base of every modlife check -------------*- C++ -*-===//
//
// A check is an AnalysisHandler that filters the engine's facts, words them
// and attaches fix-its. One check is one small unit: its source and its doc
// page side by side in checks/<name>/, and its testdata in
// testdata/checks/modlife-<name>/.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_CHECKS_MODLIFECHECK_H
#define MODLIFE_CHECKS_MODLIFECHECK_H

#include "analyzer/engine/AnalysisHandler.h"
#include "analyzer/rules/Config.h"
#include "checks/CheckContext.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace modlife {

class ModlifeCheck : public AnalysisHandler {
public:
  ModlifeCheck(llvm::StringRef Name, CheckContext &Ctx)
      : Name(Name.str()), Ctx(Ctx) {}
  llvm::StringRef name() const { return Name; }

  void beginTranslationUnit(TUAnalysis &A) override { Analysis = &A; }

protected:
  Finding &report(clang::SourceLocation Loc, llvm::StringRef Message) {
    return Ctx.report(Name, Loc, Message);
  }
  std::string option(llvm::StringRef Option, llvm::StringRef Default) const {
    return Ctx.options().get(Name, Option, Default);
  }
  /// A comma-separated option, its items trimmed, empty ones dropped.
  std::vector<std::string> optionList(llvm::StringRef Option,
                                      llvm::StringRef Default) const {
    std::string Value = option(Option, Default);
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(Value).split(Parts, ',', -1, false);
    std::vector<std::string> Items;
    for (llvm::StringRef P : Parts)
      if (!P.trim().empty())
        Items.push_back(P.trim().str());
    return Items;
  }

  std::string Name;
  CheckContext &Ctx;
  TUAnalysis *Analysis = nullptr;
};

/// One entry of the check list that every front end reads.
struct CheckInfo {
  llvm::StringRef Name;
  llvm::StringRef Summary;
  std::unique_ptr<ModlifeCheck> (*Create)(CheckContext &);
  /// The name the check had before it was generalized. It still selects the
  /// check in --checks and suppresses it in NOLINT, so that configurations
  /// written for it keep working; findings carry the current name.
  llvm::StringRef FormerName = {};

  bool enabledBy(const rules::CheckGlobs &Globs) const {
    return Globs.contains(Name, FormerName);
  }
};

/// Every modlife check, in name order. Registration is one line per check in
/// CheckRegistry.cpp.
llvm::ArrayRef<CheckInfo> allChecks();

/// The check a name selects: its current name or its former one.
const CheckInfo *findCheck(llvm::StringRef Name);

} // namespace modlife

#endif
