//===- Reports.h - Machine-readable findings: JSON, SARIF, baselines -*- C++ -*-===//
//
// The formats a CI lint step reads. Findings are identified across runs by a
// fingerprint that leaves out line numbers, so that a baseline and SARIF's
// partialFingerprints survive edits elsewhere in the file.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_DRIVER_REPORTS_H
#define MODLIFE_DRIVER_REPORTS_H

#include "checks/Finding.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace modlife {

/// A path as reports name it: relative to Root when it lies below it, with
/// '/' separators; otherwise absolute.
std::string reportPath(llvm::StringRef File, llvm::StringRef Root);

/// One fingerprint per finding, in order: a hash of the check, the file
/// relative to Root, the message and the trimmed text of the finding's line,
/// with a count that tells apart findings that share all of those.
std::vector<std::string> fingerprints(const std::vector<Finding> &Findings,
                                      llvm::StringRef Root);

/// {"version": 1, "findings": [{check, message, file, line, column, notes,
/// fixes, fingerprint}]}
void renderJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                llvm::StringRef Root);

/// Reads back a report that renderJson wrote with the same Root, for
/// --merge. Fails, naming the file, on anything else.
llvm::Expected<std::vector<Finding>> readJsonReport(llvm::StringRef Path,
                                                    llvm::StringRef Root);
/// The same, from text already read; Path names it in errors.
llvm::Expected<std::vector<Finding>>
parseJsonReport(llvm::StringRef Text, llvm::StringRef Path,
                llvm::StringRef Root);

/// A SARIF 2.1.0 log with one run: the checks as rules (with their doc
/// pages as help), notes as relatedLocations, fix-its as fixes.
void renderSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                 llvm::StringRef Root, llvm::StringRef ToolVersion);

/// Writes the fingerprints of Findings as a baseline file.
void writeBaseline(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                   llvm::StringRef Root);

/// Drops the findings that the baseline file Path records (each recorded
/// fingerprint accepts one finding). Fails on a file that is no baseline.
llvm::Error applyBaseline(llvm::StringRef Path, std::vector<Finding> &Findings,
                          llvm::StringRef Root, unsigned &Accepted);

} // namespace modlife

#endif
