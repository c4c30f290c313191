//===- RequestModuleInInitCheck.cpp - modlife-request-module-in-init ------===//
//
// A module's init function runs while the loader still holds the module in
// its "coming" state. A synchronous request_module() there waits for
// modprobe, and modprobe may need this very module to finish loading first:
// a module that depends on it waits for it to go live, and a request for its
// own alias waits for the first load to finish. Either way the load deadlocks
// or recurses. Reported at the call in init, with notes down the chain of
// TU-local helpers to the load.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "checks/ModlifeCheck.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace modlife {
namespace {

/// A load that waits, and whose rule says that waiting for it while the
/// module loads can deadlock (see deadlocks-at-load).
static bool isWaitingLoad(const ElementEvent &E) {
  return E.Use.UseKind == PrimitiveUse::LoadModule && E.Use.Waits &&
         (!E.Use.LoadR || E.Use.LoadR->DeadlocksAtLoad);
}

/// Code that runs while the module is still loading, and how to say so.
struct LoadTimeCode {
  const FunctionDecl *Function = nullptr;
  /// Where the function is wired as load-time code, for the note.
  SourceLocation NamedAt;
  std::string WiringNote;
  /// "in module init" / "from module init" in messages.
  std::string In, From;
  /// Where the load should go instead.
  std::string DeferTo;
};

class RequestModuleInInitCheck : public ModlifeCheck {
public:
  using ModlifeCheck::ModlifeCheck;

  void endTranslationUnit() override {
    const SourceManager &SM = Analysis->context().getSourceManager();
    Loads = Analysis->reachSummary(isWaitingLoad, Effect::WaitingLoad);
    auto Scan = [&](const LoadTimeCode &Code) {
      return [&, Code](const ElementEvent &E) {
        bool Direct =
            E.EventKind == ElementEvent::Primitive && isWaitingLoad(E);
        bool ViaCall =
            (E.EventKind == ElementEvent::LocalCall && Loads.count(E.Callee)) ||
            loadsInOtherFile(E);
        if (Direct || ViaCall)
          reportLoad(Code, E, Analysis->reachChain(E, Loads));
      };
    };
    for (const InitFunction &Init : Analysis->initFunctions()) {
      if (SM.isInSystemHeader(Init.Function->getLocation()))
        continue;
      LoadTimeCode Code{Init.Function, Init.NamedAt,
                        "'" + Init.Function->getName().str() +
                            "' is this module's init function",
                        "in module init", "from module init",
                        "a work item that module init queues"};
      if (Init.NamedAt == Init.Function->getLocation())
        Code.NamedAt = SourceLocation();
      Analysis->forEachEvent(Init.Function, Scan(Code));
    }
    // Module event handlers on their load event, and attach routines that
    // the kernel runs while the module loads.
    const rules::ModuleEventNames &Events = Analysis->rules().moduleEvents();
    std::string LoadEvent =
        Events.Load.empty() ? "load" : Events.Load.front();
    for (const LifecycleFunction &L : Analysis->lifecycle().functions()) {
      if (SM.isInSystemHeader(L.Function->getLocation()))
        continue;
      std::string Name = "'" + L.Function->getName().str() + "'";
      if (L.Role == rules::LifecycleRole::Events) {
        LoadTimeCode Code{L.Function, L.NamedAt,
                          Name + " is this module's event handler; the "
                                 "kernel calls it with " +
                              LoadEvent + " while the module loads",
                          "on " + LoadEvent, "on " + LoadEvent,
                          "a task that " + LoadEvent + " queues"};
        Analysis->forEachEventOnModuleEvent(L, ModuleEvent::Load, Scan(Code));
      } else if (L.Role == rules::LifecycleRole::Attach && L.DuringLoad) {
        LoadTimeCode Code{L.Function, L.NamedAt,
                          Name + " is a " + L.Via +
                              " routine, which runs while this module loads",
                          "in " + L.Via, "from " + L.Via,
                          "a task that the attach routine queues"};
        Analysis->forEachEvent(L.Function, Scan(Code));
      }
    }
  }

private:
  llvm::DenseSet<const Stmt *> Reported;
  ReachMap Loads;

  /// The chain by which a call to another file's function loads a module.
  const EffectChain *otherFileChain(const ElementEvent &E) const {
    const ExternalFunction *X = Analysis->externalCallee(E);
    return X ? X->chain(Effect::WaitingLoad) : nullptr;
  }
  bool loadsInOtherFile(const ElementEvent &E) const {
    const EffectChain *C = otherFileChain(E);
    if (!C)
      return false;
    const rules::ModuleLoadRule *R = Analysis->rules().moduleLoadRule(
        C->Primitive.IsMacro ? rules::PrimitiveName::Macro
                             : rules::PrimitiveName::Function,
        C->Primitive.Name);
    return !R || R->DeadlocksAtLoad;
  }

  /// What a load primitive waits for ("modprobe"), from its rule.
  std::string waitsFor(const rules::ModuleLoadRule *R) const {
    return R ? R->WaitsFor : "modprobe";
  }
  /// The same for a load in another file, looked up by its name.
  std::string waitsFor(const SummaryPrimitive &P) const {
    return waitsFor(Analysis->rules().moduleLoadRule(
        P.IsMacro ? rules::PrimitiveName::Macro : rules::PrimitiveName::Function,
        P.Name));
  }

  void reportLoad(const LoadTimeCode &Code, const ElementEvent &At,
                  const std::vector<const ElementEvent *> &Chain) {
    if (Chain.empty() || !Reported.insert(At.At).second)
      return;
    // A chain that leaves this file ends in a call whose callee's summary
    // (from the cross-file summaries) holds the rest of it.
    const EffectChain *Rest = otherFileChain(*Chain.back());
    const std::string &LoadName =
        Rest ? Rest->Primitive.Name : Chain.back()->Use.Name;
    std::string WaitsFor = Rest ? waitsFor(Rest->Primitive)
                                : waitsFor(Chain.back()->Use.LoadR);
    bool Direct = Chain.size() == 1 && !Rest;
    Finding &Out =
        Direct ? report(At.Loc, "'" + LoadName + "' " + Code.In +
                                    " waits for " + WaitsFor +
                                    " while this module is still loading; "
                                    "the load can deadlock or recurse")
               : report(At.Loc, "'" + At.CalleeName + "' may call '" +
                                    LoadName + "' " + Code.From +
                                    ", which waits for " + WaitsFor +
                                    " while this module is still loading; "
                                    "the load can deadlock or recurse");
    if (Code.NamedAt.isValid())
      Ctx.note(Out, Code.NamedAt, Code.WiringNote);
    auto StepNote = [&](bool Last, const std::string &Caller,
                        const std::string &Callee) {
      return Last ? "'" + Caller + "' calls '" + LoadName +
                        "', which waits for " + WaitsFor
                  : "'" + Caller + "' calls '" + Callee + "'";
    };
    for (size_t I = 1; I < Chain.size(); ++I)
      Ctx.note(Out, Chain[I]->Loc,
               StepNote(!Rest && I + 1 == Chain.size(),
                        Chain[I]->InFunction->getName().str(),
                        Chain[I]->CalleeName));
    if (!Rest) {
      suggestFix(Out, Code, Chain, Chain.back()->Use);
      return;
    }
    for (size_t I = 0; I < Rest->Steps.size(); ++I) {
      const ChainStep &S = Rest->Steps[I];
      Ctx.note(Out, S.Where,
               StepNote(I + 1 == Rest->Steps.size(), S.Caller, S.Callee));
    }
    // No fix-it: the load is in another file, where other callers may need
    // it to wait.
    Ctx.note(Out, Rest->Steps.back().Where,
             "load the module from " + Code.DeferTo +
                 ", or on first use instead of in init");
  }

  void suggestFix(Finding &Out, const LoadTimeCode &Code,
                  const std::vector<const ElementEvent *> &Chain,
                  const PrimitiveUse &Load) {
    // The fix: the same load without waiting, where nothing needs its result
    // and the load is written in init itself (a helper may have other callers
    // that do need to wait).
    const ElementEvent &LoadEvent = *Chain.back();
    const FunctionFacts *FF = Analysis->factsFor(LoadEvent.InFunction);
    bool Unused = FF && valueIsDiscarded(*FF, LoadEvent.At);
    StringRef NoWait = Load.LoadR ? StringRef(Load.LoadR->NoWaitSpelling) : "";
    if (Chain.size() == 1 && Unused && !NoWait.empty()) {
      // Only the name changes: the arguments and their macro shape stay.
      Ctx.fix(Out, {FixItHint::CreateReplacement(
                       CharSourceRange::getTokenRange(Load.Loc, Load.Loc),
                       NoWait)});
      return;
    }
    if (Unused)
      Ctx.note(Out, Load.Loc,
               NoWait.empty()
                   ? "nothing uses the result: load the module from " +
                         Code.DeferTo
                   : "nothing uses the result: use '" + NoWait.str() +
                         "' if no other caller needs the module at once, or "
                         "load it from " + Code.DeferTo);
    else
      Ctx.note(Out, Load.Loc,
               "the result is used, so the load cannot simply stop waiting: "
               "load the module from " + Code.DeferTo +
                   " and repeat the lookup there, or load it on first use "
                   "instead of while the module loads");
  }
};

} // namespace

std::unique_ptr<ModlifeCheck> createRequestModuleInInitCheck(CheckContext &C) {
  return std::make_unique<RequestModuleInInitCheck>(
      "modlife-request-module-in-init", C);
}

} // namespace modlife
