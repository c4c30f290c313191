//===- Deferrals.cpp - Naming deferred items across functions -------------===//
#include "analyzer/engine/Deferrals.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace modlife {

llvm::SmallVector<std::string, 4> deferredItemPath(const Expr *E) {
  llvm::SmallVector<std::string, 4> Path;
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_AddrOf) {
      E = U->getSubExpr();
    } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      E = A->getBase();
    } else if (const auto *M = dyn_cast<MemberExpr>(E)) {
      Path.push_back(M->getMemberDecl()->getNameAsString());
      E = M->getBase();
    } else {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
            VD && VD->hasGlobalStorage())
          Path.push_back(VD->getNameAsString());
      break;
    }
  }
  return Path;
}

bool sameDeferredItem(llvm::ArrayRef<std::string> Queued,
                      llvm::ArrayRef<std::string> Stop) {
  auto Within = [](llvm::ArrayRef<std::string> A,
                   llvm::ArrayRef<std::string> B) {
    return llvm::all_of(A, [&](const std::string &N) {
      return llvm::is_contained(B, N);
    });
  };
  return Queued.empty() || Stop.empty() || Within(Queued, Stop) ||
         Within(Stop, Queued);
}

} // namespace modlife
