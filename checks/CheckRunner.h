//===- CheckRunner.h - Run the enabled checks over one TU -------*- C++ -*-===//
#ifndef MODLIFE_CHECKS_CHECKRUNNER_H
#define MODLIFE_CHECKS_CHECKRUNNER_H

#include "analyzer/rules/Config.h"
#include "analyzer/engine/Summaries.h"
#include "analyzer/rules/RulePack.h"
#include "checks/CheckContext.h"
#include "checks/Finding.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace modlife {

struct TUResult {
  std::vector<Finding> Findings;
  /// Functions the engine could not analyze, as "name: why".
  std::vector<std::string> Skipped;
};

/// The cross-file side of one translation unit's run (see Summaries.h).
struct CrossFileHooks {
  /// Answers calls to other files' functions; null for none.
  const ExternalSummaries *External = nullptr;
  /// Receives this translation unit's summary; null for none.
  TUSummary *SummaryOut = nullptr;
};

/// Runs the engine once and every enabled check on its facts.
TUResult runChecks(clang::ASTContext &Ctx, const clang::Preprocessor *PP,
                   const rules::RuleSet &Rules,
                   const rules::CheckGlobs &Enabled,
                   const CheckOptions &Options,
                   const CrossFileHooks &CrossFile = {});

} // namespace modlife

#endif
