//===- UncheckedTryModuleGetCheck.cpp - modlife-unchecked-try-module-get --===//
//
// try_module_get() fails while its module is being removed (or is still
// loading). Code that ignores the result goes on as if it held a reference
// it may not have: it calls into a module that is going away, and its later
// module_put() drops a reference somebody else took.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "checks/FixIts.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace modlife {
namespace {

class UncheckedTryModuleGetCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    const SourceManager &SM = Analysis->context().getSourceManager();
    for (const FunctionFacts *FF : Analysis->allFunctions()) {
      if (SM.isInSystemHeader(FF->Function->getLocation()))
        continue;
      Analysis->forEachEvent(FF->Function, [&](const ElementEvent &E) {
        if (E.EventKind == ElementEvent::Primitive &&
            E.Use.UseKind == PrimitiveUse::TryAcquire &&
            valueIsDiscarded(*FF, E.At))
          reportIgnored(*FF, E);
      });
    }
  }

private:
  void reportIgnored(const FunctionFacts &FF, const ElementEvent &E) {
    const PrimitiveUse &U = E.Use;
    std::string Module =
        U.Module.Spelling.empty() ? "" : " on '" + U.Module.Spelling + "'";
    Finding &Out =
        report(U.Loc, "the result of '" + U.Name + "' is ignored; the code " +
                          "goes on as if it held a reference" + Module +
                          ", which it does not have if the module is going "
                          "away");
    std::optional<std::vector<FixItHint>> Fix = checkedCall(FF, E);
    if (!Fix || !Ctx.fix(Out, *Fix))
      Ctx.note(Out, U.Loc,
               "check the result, and stop (without a matching release) "
               "when it fails");
  }

  /// Turns "try_module_get(m);" into
  ///   if (!try_module_get(m))
  ///           return -ENODEV;
  /// in a function that returns int, where the call is a statement of its
  /// own in a block (an unbraced if body could capture a following else).
  std::optional<std::vector<FixItHint>> checkedCall(const FunctionFacts &FF,
                                                    const ElementEvent &E) {
    const auto *Call = dyn_cast<CallExpr>(E.At);
    const FunctionDecl *FD = FF.Function;
    if (!Call || !FF.Parents ||
        !FD->getReturnType()->isSpecificBuiltinType(BuiltinType::Int))
      return std::nullopt;
    const Stmt *P = FF.Parents->getParentIgnoreParens(const_cast<CallExpr *>(Call));
    if (!isa_and_nonnull<CompoundStmt>(P))
      return std::nullopt;
    const SourceManager &SM = Analysis->context().getSourceManager();
    const LangOptions &LO = Analysis->context().getLangOpts();
    CharSourceRange Range = CharSourceRange::getTokenRange(Call->getSourceRange());
    if (Call->getBeginLoc().isMacroID() || Call->getEndLoc().isMacroID())
      return std::nullopt;
    std::string Text = Lexer::getSourceText(Range, SM, LO).str();
    if (Text.empty())
      return std::nullopt;
    std::string Indent = indentationAt(SM, Call->getBeginLoc());
    std::string Step = Indent.find('\t') != std::string::npos ? "\t" : "    ";
    std::string Failure = option("FailureValue", "-ENODEV");
    return std::vector<FixItHint>{FixItHint::CreateReplacement(
        Range, "if (!" + Text + ")\n" + Indent + Step + "return " + Failure)};
  }
};

} // namespace

std::unique_ptr<ModlifeCheck>
createUncheckedTryModuleGetCheck(CheckContext &C) {
  return std::make_unique<UncheckedTryModuleGetCheck>(
      "modlife-unchecked-try-module-get", C);
}

} // namespace modlife
