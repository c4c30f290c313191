//===- ApplyFixes.cpp -----------------------------------------------------===//
#include "analyzer/driver/ApplyFixes.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <map>

using namespace llvm;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace modlife {

static std::optional<std::string> writeAtomically(StringRef Path,
                                                  StringRef Content) {
  SmallString<256> Tmp;
  int FD;
  SmallString<256> Model(Path);
  Model += ".modlife-%%%%%%";
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, Tmp))
    return "cannot create a temporary file next to '" + Path.str() +
           "': " + EC.message();
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Content;
    OS.close();
    if (OS.has_error()) {
      sys::fs::remove(Tmp);
      return "cannot write '" + Tmp.str().str() + "'";
    }
  }
  if (ErrorOr<sys::fs::perms> P = sys::fs::getPermissions(Path))
    sys::fs::setPermissions(Tmp, *P);
  if (std::error_code EC = sys::fs::rename(Tmp, Path)) {
    sys::fs::remove(Tmp);
    return "cannot replace '" + Path.str() + "': " + EC.message();
  }
  return std::nullopt;
}

FixSummary applyFixes(const std::vector<Finding> &Findings) {
  FixSummary S;
  // Per file, in a stable order; findings arrive sorted.
  std::map<std::string, std::vector<const Finding *>> ByFile;
  for (const Finding &F : Findings) {
    if (F.Fixes.empty())
      continue;
    const std::string &File = F.Fixes.front().File;
    bool OneFile =
        all_of(F.Fixes, [&](const FixEdit &E) { return E.File == File; });
    if (!OneFile) {
      S.Problems.push_back(F.Where.File + ":" + std::to_string(F.Where.Line) +
                           ": fix spans several files; not applied");
      continue;
    }
    ByFile[File].push_back(&F);
  }
  for (auto &[File, List] : ByFile) {
    auto Buf = MemoryBuffer::getFile(File, /*IsText=*/false);
    if (!Buf) {
      S.Problems.push_back("cannot read '" + File +
                           "': " + Buf.getError().message());
      continue;
    }
    StringRef Code = (*Buf)->getBuffer();
    if (xxh3_64bits(Code) != List.front()->Fixes.front().FileHash) {
      S.Problems.push_back("'" + File +
                           "' changed since it was analyzed; "
                           "its fixes were not applied");
      continue;
    }
    Replacements All;
    unsigned Applied = 0;
    for (const Finding *F : List) {
      Replacements Trial = All;
      bool Ok = true;
      for (const FixEdit &E : F->Fixes) {
        // Replacements merges two insertions at one offset; from two
        // findings that is a conflict (often the same text twice).
        if (E.Length == 0 && any_of(All, [&](const Replacement &R) {
              return R.getOffset() == E.Offset && R.getLength() == 0;
            })) {
          Ok = false;
          break;
        }
        if (Error Err =
                Trial.add(Replacement(File, E.Offset, E.Length, E.Text))) {
          consumeError(std::move(Err));
          Ok = false;
          break;
        }
      }
      if (!Ok) {
        S.Problems.push_back(F->Where.File + ":" +
                             std::to_string(F->Where.Line) +
                             ": fix overlaps another fix; not applied (run "
                             "--fix again)");
        continue;
      }
      All = std::move(Trial);
      ++Applied;
    }
    if (!Applied)
      continue;
    Expected<std::string> New = clang::tooling::applyAllReplacements(Code, All);
    if (!New) {
      S.Problems.push_back("'" + File + "': " + toString(New.takeError()));
      continue;
    }
    if (std::optional<std::string> Err = writeAtomically(File, *New)) {
      S.Problems.push_back(*Err);
      continue;
    }
    S.FindingsFixed += Applied;
    ++S.FilesWritten;
  }
  return S;
}

} // namespace modlife
