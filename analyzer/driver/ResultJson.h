//===- ResultJson.h - A translation unit's results as JSON ------*- C++ -*-===//
//
// One text form for what a translation unit gives: the summary store keeps
// its parts in columns (docs/summaries.md), and a child process that
// analyzed a file sends the whole FileResult back to its parent
// (Isolation.h). Readers return false or an error on anything malformed;
// they never trust the text.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_DRIVER_RESULTJSON_H
#define MODLIFE_DRIVER_RESULTJSON_H

#include "analyzer/driver/Analyze.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace modlife {

llvm::json::Value summaryToJson(const TUSummary &S);
bool summaryFromJson(const llvm::json::Value &V, TUSummary &S);

std::string inputsToJson(const std::vector<InputFile> &Inputs);
bool inputsFromJson(llvm::StringRef Text, std::vector<InputFile> &Out);

/// A modlife JSON report with no source root (absolute paths).
std::string findingsToJson(const std::vector<Finding> &Findings);

/// Everything but the wall time, which the parent measures itself.
std::string fileResultToJson(const FileResult &R);
llvm::Expected<FileResult> fileResultFromJson(llvm::StringRef Text);

} // namespace modlife

#endif
