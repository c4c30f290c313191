//===- Finding.h - What a check reports, as plain data -----------*- C++
//-*-===//
//
// Findings outlive their translation unit: front ends sort, de-duplicate and
// print them after the AST is gone, so they carry text and offsets, not
// SourceLocations. Loc is valid only while the TU is alive.
//
//===----------------------------------------------------------------------===//
#ifndef MODLIFE_CHECKS_FINDING_H
#define MODLIFE_CHECKS_FINDING_H

#include "analyzer/engine/Summaries.h"
#include "clang/Basic/SourceLocation.h"
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace modlife {

/// A FilePoint and, while the translation unit is alive, its location.
struct SourcePoint : FilePoint {
  SourcePoint() = default;
  explicit SourcePoint(FilePoint P) : FilePoint(std::move(P)) {}
  clang::SourceLocation Loc;
};

struct FixEdit {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned EndLine = 0;
  unsigned EndColumn = 0;
  /// A hash of the whole file as analyzed: --fix refuses a file that has
  /// changed since.
  uint64_t FileHash = 0;
};

struct FindingNote {
  SourcePoint Where;
  std::string Message;
};

struct Finding {
  std::string Check;
  std::string Message;
  SourcePoint Where;
  std::vector<FindingNote> Notes;
  std::vector<FixEdit> Fixes;

  /// Sort key: file, offset, then check and message, so output is stable.
  auto key() const {
    return std::tie(Where.File, Where.Offset, Check, Message);
  }
};

} // namespace modlife

#endif
