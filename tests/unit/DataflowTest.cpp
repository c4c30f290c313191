//===- DataflowTest.cpp - The engine on small snippets --------------------===//
//
// Each test parses a snippet against a small kernel prelude, runs the engine
// with the built-in linux-2.4 pack, and asserts the facts it reports. Lines
// are named by a marker comment ("// R1") so that the tests read like code.
//
//===----------------------------------------------------------------------===//
#include "analyzer/engine/TUAnalysis.h"
#include "analyzer/rules/RulePack.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/Tooling.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <functional>

using namespace clang;
using namespace modlife;

namespace {

const char *Prelude = R"(
typedef unsigned int gfp_t;
typedef struct { volatile int counter; } atomic_t;
static inline void atomic_inc(atomic_t *v) { v->counter++; }
static inline void atomic_dec(atomic_t *v) { v->counter--; }
struct module { union { atomic_t usecount; long pad; } uc; unsigned long flags; };
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#define __MOD_INC_USE_COUNT(mod) (atomic_inc(&(mod)->uc.usecount), (mod)->flags |= 24)
#define __MOD_DEC_USE_COUNT(mod) (atomic_dec(&(mod)->uc.usecount), (mod)->flags |= 8)
#define MOD_INC_USE_COUNT __MOD_INC_USE_COUNT(THIS_MODULE)
#define MOD_DEC_USE_COUNT __MOD_DEC_USE_COUNT(THIS_MODULE)
#define __force
#define ___GFP_WAIT 0x10u
#define __GFP_WAIT ((__force gfp_t)___GFP_WAIT)
#define __GFP_HIGH ((__force gfp_t)0x20u)
#define GFP_ATOMIC (__GFP_HIGH)
#define GFP_KERNEL (__GFP_HIGH | __GFP_WAIT)
#define NULL ((void *)0)
#define EBUSY 16
#define EAGAIN 11
#define ENODEV 19
#define EINVAL 22
void *kmalloc(unsigned long, gfp_t);
int request_irq(unsigned int, void (*)(int, void *), unsigned long, const char *, void *);
void free_irq(unsigned int, void *);
void down(void *);
int try_module_get(struct module *);
void module_put(struct module *);
int other(void);
struct ops { struct module *owner; };
struct inode;
struct file;
struct file_operations { struct module *owner; int (*open)(struct inode *, struct file *); };
)";

struct Recorder : AnalysisHandler {
  const SourceManager *SM = nullptr;
  std::vector<std::string> Sleeps;   // "callee@line>acquire-line"
  std::vector<std::string> Failures; // "line" or "line!" when on every path
  std::vector<SleepWitness> Witnesses;
  std::vector<std::vector<unsigned>> WitnessLines;
  std::vector<std::string> WitnessFlags;
  std::vector<std::string> Skipped;
  TUAnalysis *A = nullptr;

  unsigned line(SourceLocation L) const { return SM->getPresumedLineNumber(L); }
  void beginTranslationUnit(TUAnalysis &An) override {
    A = &An;
    SM = &An.context().getSourceManager();
  }
  void handleSleepBeforeAcquire(const SleepBeforeAcquire &F) override {
    Sleeps.push_back(F.Sleep.Steps.front().Callee + "@" +
                     std::to_string(line(F.Sleep.Steps.front().Loc)) + ">" +
                     std::to_string(line(F.Acquire->Loc)));
    Witnesses.push_back(F.Sleep);
    std::vector<unsigned> Lines;
    for (const SleepStep &S : F.Sleep.Steps)
      Lines.push_back(line(S.Loc));
    WitnessLines.push_back(Lines);
    WitnessFlags.push_back(F.Sleep.Primitive ? F.Sleep.Primitive->FlagsSpelling
                                             : "");
  }
  void handleFailureReturnHoldsReference(
      const FailureReturnHoldsReference &F) override {
    Failures.push_back(std::to_string(line(F.Return->getReturnLoc())) +
                       (F.OnEveryPath ? "!" : ""));
  }
  void handleFunctionSkipped(const FunctionDecl *FD,
                             llvm::StringRef Why) override {
    Skipped.push_back(FD->getNameAsString());
  }
};

/// Runs the engine the way the tool does: inside HandleTranslationUnit,
/// while the preprocessor still holds the TU's macros.
using AfterRun =
    std::function<void(ASTContext &, Preprocessor &, TUAnalysis &)>;

class EngineAction : public ASTFrontendAction {
public:
  EngineAction(const rules::RuleSet &Rules, Recorder &R, AfterRun After)
      : Rules(Rules), R(R), After(std::move(After)) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    struct Consumer : ASTConsumer {
      EngineAction &Act;
      Preprocessor &PP;
      Consumer(EngineAction &Act, Preprocessor &PP) : Act(Act), PP(PP) {}
      void HandleTranslationUnit(ASTContext &Ctx) override {
        TUAnalysis A(Ctx, &PP, Act.Rules);
        A.run(Act.R);
        if (Act.After)
          Act.After(Ctx, PP, A);
      }
    };
    return std::make_unique<Consumer>(*this, CI.getPreprocessor());
  }
  const rules::RuleSet &Rules;
  Recorder &R;
  AfterRun After;
};

class Engine : public ::testing::Test {
protected:
  rules::RuleSet Rules;
  Recorder R;
  std::string Code;

  void SetUp() override {
    llvm::Expected<rules::RulePack> P = rules::loadBuiltinPack("linux-2.4");
    ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
    std::vector<rules::RulePack> Packs;
    Packs.push_back(std::move(*P));
    Rules = rules::RuleSet(std::move(Packs));
  }

  void run(llvm::StringRef Body, AfterRun After = nullptr) {
    Code = "#include \"kernel.h\"\n" + Body.str();
    ASSERT_TRUE(tooling::runToolOnCodeWithArgs(
                    std::make_unique<EngineAction>(Rules, R, std::move(After)),
                    Code, {"-std=gnu89", "-w", "-ferror-limit=0"}, "test.c",
                    "modlife-test", std::make_shared<PCHContainerOperations>(),
                    {{"kernel.h", Prelude}}) ||
                Code.find("BROKEN") != std::string::npos);
  }

  /// The line of the marker comment "// <Name>".
  unsigned at(llvm::StringRef Name) const {
    std::string Marker = "// " + Name.str() + "\n";
    size_t Pos = Code.find(Marker);
    EXPECT_NE(Pos, std::string::npos) << Name.str();
    return 1 + std::count(Code.begin(), Code.begin() + Pos, '\n');
  }
  std::string fail(llvm::StringRef Name, bool Every = true) const {
    return std::to_string(at(Name)) + (Every ? "!" : "");
  }
};

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST_F(Engine, KeithOwensOpenFoo) {
  run(R"(
static void irq(int i, void *d) {}
int open_foo(void) {
  if (request_irq(1, irq, 0, "FOO", NULL)) // S
    return -EBUSY;
  MOD_INC_USE_COUNT; // A
  return 0;
})");
  EXPECT_THAT(R.Sleeps, ElementsAre("request_irq@" + std::to_string(at("S")) +
                                    ">" + std::to_string(at("A"))));
  EXPECT_THAT(R.Failures, IsEmpty());
}

TEST_F(Engine, IncrementFirstIsClean) {
  run(R"(
static void irq(int i, void *d) {}
int open_foo(void) {
  MOD_INC_USE_COUNT;
  if (request_irq(1, irq, 0, "FOO", NULL)) {
    MOD_DEC_USE_COUNT;
    return -EBUSY;
  }
  return 0;
})");
  EXPECT_THAT(R.Sleeps, IsEmpty());
  EXPECT_THAT(R.Failures, IsEmpty());
}

TEST_F(Engine, GfpFlagsAreEvaluatedThroughCastsAndMacros) {
  run(R"(
void *p;
int atomic_open(void) {
  p = kmalloc(8, GFP_ATOMIC);
  MOD_INC_USE_COUNT;
  return 0;
}
int kernel_open(void) {
  p = kmalloc(8, GFP_KERNEL); // K
  MOD_INC_USE_COUNT;
  return 0;
}
int param_open(gfp_t f) {
  p = kmalloc(8, f); // P
  MOD_INC_USE_COUNT;
  return 0;
})");
  ASSERT_EQ(R.Sleeps.size(), 2u);
  EXPECT_EQ(R.Sleeps[0].substr(0, R.Sleeps[0].find('>')),
            "kmalloc@" + std::to_string(at("K")));
  EXPECT_EQ(R.Witnesses[0].Certainty, SleepCertainty::Definite);
  EXPECT_EQ(R.Witnesses[1].Certainty, SleepCertainty::FlagsUnknown);
  EXPECT_EQ(R.WitnessFlags[1], "f");
  EXPECT_EQ(R.WitnessFlags[0], "GFP_KERNEL");
}

TEST_F(Engine, FlagsPassedDownToAWrapperAreEvaluatedAtTheCall) {
  run(R"(
void *p;
static void *alloc_buf(gfp_t f) { return kmalloc(8, f); } // LEAF
static void *pass_on(gfp_t g) { return alloc_buf(g); }
int open_atomic(void) {
  p = pass_on(GFP_ATOMIC);
  MOD_INC_USE_COUNT;
  return 0;
}
int open_kernel(void) {
  p = pass_on(GFP_KERNEL); // K
  MOD_INC_USE_COUNT;
  return 0;
}
int open_unknown(gfp_t g) {
  p = alloc_buf(g); // U
  MOD_INC_USE_COUNT;
  return 0;
})");
  ASSERT_EQ(R.Sleeps.size(), 2u);
  EXPECT_EQ(R.WitnessLines[0][0], at("K"));
  EXPECT_EQ(R.Witnesses[0].Certainty, SleepCertainty::Definite);
  ASSERT_EQ(R.WitnessLines[0].size(), 3u);
  EXPECT_EQ(R.WitnessLines[0][2], at("LEAF"));
  EXPECT_EQ(R.WitnessLines[1][0], at("U"));
  EXPECT_EQ(R.Witnesses[1].Certainty, SleepCertainty::FlagsUnknown);
}

TEST_F(Engine, HelperChainTwoLevelsDown) {
  run(R"(
void *p;
static void leaf(void) { p = kmalloc(8, GFP_KERNEL); } // L
static void mid(void) { leaf(); } // M
int open_x(void) {
  mid(); // C
  MOD_INC_USE_COUNT;
  return 0;
})");
  ASSERT_EQ(R.Witnesses.size(), 1u);
  const SleepWitness &W = R.Witnesses[0];
  ASSERT_EQ(W.Steps.size(), 3u);
  EXPECT_EQ(W.Steps[0].Callee, "mid");
  EXPECT_EQ(W.Steps[1].Callee, "leaf");
  EXPECT_EQ(W.Steps[2].Callee, "kmalloc");
  EXPECT_EQ(R.WitnessLines[0][2], at("L"));
  EXPECT_EQ(R.WitnessLines[0][0], at("C"));
  EXPECT_EQ(R.WitnessLines[0][1], at("M"));
}

TEST_F(Engine, RecursionDoesNotLoopAndStillFindsTheSleep) {
  run(R"(
void *p;
static int a(int n);
static int b(int n) { return n ? a(n - 1) : 0; }
static int a(int n) { if (n > 3) p = kmalloc(8, GFP_KERNEL); return b(n); }
int open_x(void) {
  b(5);
  MOD_INC_USE_COUNT;
  return 0;
})");
  EXPECT_EQ(R.Witnesses.size(), 1u);
}

TEST_F(Engine, GotoLadderWithOneEarlyReturn) {
  run(R"(
static void irq(int i, void *d) {}
void *buf;
int open_ladder(void) {
  int err;
  MOD_INC_USE_COUNT;
  err = request_irq(1, irq, 0, "X", NULL);
  if (err)
    goto out;
  if (other())
    return -EAGAIN; // EARLY
  buf = kmalloc(4, GFP_KERNEL);
  if (!buf) {
    err = -12;
    goto out_irq;
  }
  return 0;
out_irq:
  free_irq(1, NULL);
out:
  MOD_DEC_USE_COUNT;
  return err;
})");
  EXPECT_THAT(R.Failures, ElementsAre(fail("EARLY")));
}

TEST_F(Engine, ErrorVariableKnownNonZeroOnThePath) {
  run(R"(
int f(void) {
  int err;
  MOD_INC_USE_COUNT;
  err = other();
  if (err)
    goto fail;
  return 0;
fail:
  return err; // R
}
int g(void) {
  int ret;
  MOD_INC_USE_COUNT;
  ret = other();
  if (ret)
    MOD_DEC_USE_COUNT;
  return ret;
}
int h(void) {
  MOD_INC_USE_COUNT;
  return other();
})");
  EXPECT_THAT(R.Failures, ElementsAre(fail("R")));
}

TEST_F(Engine, TryModuleGetCorrelatesWithItsBranch) {
  run(R"(
void *buf;
int use(struct ops *ops) {
  if (!ops || !try_module_get(ops->owner))
    return -ENODEV;
  if (!buf)
    return -EBUSY; // LEAK
  module_put(ops->owner);
  return 0;
}
int use_var(struct ops *ops) {
  int ok = try_module_get(ops->owner);
  if (!ok)
    return -ENODEV;
  module_put(ops->owner);
  return 0;
}
int unlikely_form(struct ops *ops) {
  if (__builtin_expect(!try_module_get(ops->owner), 0))
    return -ENODEV;
  module_put(ops->owner);
  return -EINVAL;
})");
  EXPECT_THAT(R.Failures, ElementsAre(fail("LEAK")));
}

TEST_F(Engine, SwitchAndLoopPaths) {
  run(R"(
int sw(int cmd) {
  MOD_INC_USE_COUNT;
  switch (cmd) {
  case 1:
    MOD_DEC_USE_COUNT;
    return -EINVAL;
  case 2:
    return -EBUSY; // CASE2
  default:
    break;
  }
  return 0;
}
int loop(int n) {
  int i;
  MOD_INC_USE_COUNT;
  for (i = 0; i < n; i++) {
    if (other())
      break;
  }
  if (i == n)
    return 0;
  return -EAGAIN; // LOOP
})");
  EXPECT_THAT(R.Failures, ElementsAre(fail("CASE2"), fail("LOOP")));
}

TEST_F(Engine, ReturnReachedBySuccessAndFailureIsNotOnEveryPath) {
  run(R"(
int f(int x) {
  int err = 0;
  if (x)
    MOD_INC_USE_COUNT;
  else
    err = -EINVAL;
  if (x && other())
    err = -EBUSY;
  return err; // MIXED
})");
  // Some paths fail holding the count, others fail without it.
  EXPECT_THAT(R.Failures, ElementsAre(fail("MIXED", false)));
}

TEST_F(Engine, MovingTheAcquireToEntryShowsTheReturnsThatWouldHold) {
  unsigned ReturnLine = 0;
  bool OnEveryPath = false, NoSleeps = false;
  std::string IncName;
  run(R"(
static void irq(int i, void *d) {}
int open_foo(void) {
  if (request_irq(1, irq, 0, "FOO", NULL))
    return -EBUSY; // B
  MOD_INC_USE_COUNT;
  return 0;
})",
      [&](ASTContext &Ctx, Preprocessor &, TUAnalysis &A) {
        const FunctionDecl *FD = nullptr;
        for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
          if (const auto *F = dyn_cast<FunctionDecl>(D))
            if (F->getName() == "open_foo")
              FD = F;
        ASSERT_TRUE(FD);
        const FunctionFacts *FF = A.factsFor(FD);
        ASSERT_TRUE(FF);
        const PrimitiveUse *Inc = nullptr;
        for (const auto &KV : FF->Events)
          for (const ElementEvent &E : KV.second)
            if (E.EventKind == ElementEvent::Primitive &&
                E.Use.UseKind == PrimitiveUse::Acquire)
              Inc = &E.Use;
        ASSERT_TRUE(Inc);
        IncName = Inc->Name;
        ModuleRefOptions Opts;
        Opts.MoveAcquireToEntry = Inc;
        ModuleRefResult W = A.analyze(FD, Opts);
        NoSleeps = W.SleepsBeforeAcquire.empty();
        ASSERT_EQ(W.HeldAtFailure.size(), 1u);
        ReturnLine = Ctx.getSourceManager().getPresumedLineNumber(
            W.HeldAtFailure[0].Return->getReturnLoc());
        OnEveryPath = W.HeldAtFailure[0].OnEveryPath;
      });
  ASSERT_EQ(R.Sleeps.size(), 1u);
  EXPECT_EQ(IncName, "MOD_INC_USE_COUNT");
  EXPECT_TRUE(NoSleeps);
  EXPECT_EQ(ReturnLine, at("B"));
  EXPECT_TRUE(OnEveryPath);
}

/// The definition of the function Name.
static const FunctionDecl *definitionNamed(ASTContext &Ctx,
                                           llvm::StringRef Name) {
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (const auto *F = dyn_cast<FunctionDecl>(D))
      if (F->getName() == Name && F->hasBody())
        return F;
  return nullptr;
}

/// The calls to Callee in FD's body.
static std::vector<const Stmt *> callsTo(const Stmt *S, llvm::StringRef Callee) {
  std::vector<const Stmt *> Out;
  if (!S)
    return Out;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *FD = CE->getDirectCallee();
        FD && FD->getName() == Callee)
      Out.push_back(CE);
  for (const Stmt *C : S->children())
    for (const Stmt *X : callsTo(C, Callee))
      Out.push_back(X);
  return Out;
}

TEST_F(Engine, TrackedHoldsAreFollowedToFailureReturns) {
  std::vector<std::string> Kept;
  run(R"(
void arm(void);
void disarm(void);
int f(int x, int y) {
  int err;
  if (x)
    return -EINVAL; // BEFORE
  arm();
  err = other();
  if (err)
    goto fail;
  if (y) {
    disarm();
    return -EBUSY; // DRAINED
  }
  if (other())
    return -ENODEV; // KEPT_TOO
  return 0;
fail:
  return err; // KEPT
})",
      [&](ASTContext &Ctx, Preprocessor &, TUAnalysis &A) {
        const FunctionDecl *FD = definitionNamed(Ctx, "f");
        ASSERT_TRUE(FD);
        TrackedHold H;
        for (const Stmt *S : callsTo(FD->getBody(), "arm"))
          H.Starts.push_back(S);
        for (const Stmt *S : callsTo(FD->getBody(), "disarm"))
          H.Ends.push_back(S);
        ASSERT_EQ(H.Starts.size(), 1u);
        ASSERT_EQ(H.Ends.size(), 1u);
        ModuleRefOptions Opts;
        TrackedHold Holds[] = {H};
        Opts.Tracked = Holds;
        ModuleRefResult W = A.analyze(FD, Opts);
        for (const FailureReturnKeepsTracked &T : W.TrackedAtFailure) {
          EXPECT_EQ(T.Hold, 0u);
          Kept.push_back(std::to_string(Ctx.getSourceManager().getPresumedLineNumber(
                             T.Return->getReturnLoc())) +
                         (T.OnEveryPath ? "!" : ""));
        }
      });
  // Not before the start, not after the end; the failing "return err"
  // holds on every path that reaches it.
  EXPECT_THAT(Kept, ::testing::UnorderedElementsAre(fail("KEPT_TOO"),
                                                     fail("KEPT")));
}

TEST_F(Engine, ATrackedHoldWhoseHandleIsNullHoldsNothing) {
  std::vector<std::string> Kept;
  run(R"(
void *start(void);
void stop(void *);
int g(void) {
  void *p = start();
  if (other()) {
    if (p)
      stop(p);
    return -EBUSY; // NULL_TESTED
  }
  return 0;
})",
      [&](ASTContext &Ctx, Preprocessor &, TUAnalysis &A) {
        const FunctionDecl *FD = definitionNamed(Ctx, "g");
        ASSERT_TRUE(FD);
        TrackedHold H;
        H.Starts.push_back(callsTo(FD->getBody(), "start").at(0));
        H.Ends.push_back(callsTo(FD->getBody(), "stop").at(0));
        for (const char *Handle : {"", "p"}) {
          H.Handle = Handle;
          ModuleRefOptions Opts;
          TrackedHold Holds[] = {H};
          Opts.Tracked = Holds;
          ModuleRefResult W = A.analyze(FD, Opts);
          std::string Lines;
          for (const FailureReturnKeepsTracked &T : W.TrackedAtFailure)
            Lines += std::to_string(Ctx.getSourceManager().getPresumedLineNumber(
                         T.Return->getReturnLoc())) +
                     (T.OnEveryPath ? "!" : "");
          Kept.push_back(Lines);
        }
      });
  // Without the handle, the path where p is null still holds; with it,
  // a null p means nothing was started.
  EXPECT_THAT(Kept, ElementsAre(fail("NULL_TESTED", false), ""));
}

TEST_F(Engine, ASignTestTellsANegativeErrorFromZero) {
  run(R"(
int open_x(void) {
  int ret = 0;
  MOD_INC_USE_COUNT;
  if (other()) {
    MOD_DEC_USE_COUNT;
    ret = -EBUSY;
  }
  if (ret < 0)
    return ret; // DROPPED
  if (other())
    return -EINVAL; // HELD
  MOD_DEC_USE_COUNT;
  return 0;
}
int open_unsigned(void) {
  unsigned int u = -1;
  MOD_INC_USE_COUNT;
  if (u < 0) {
    MOD_DEC_USE_COUNT;
    return -EBUSY;
  }
  return -EINVAL; // UNSIGNED_HELD
})");
  // Only the path that dropped the count set ret negative and leaves at
  // "ret < 0"; the later failure return is reached by the holding one only.
  // An unsigned value is never below zero, whatever was stored in it.
  EXPECT_THAT(R.Failures, ElementsAre(fail("HELD"), fail("UNSIGNED_HELD")));
}

/// The engine with linux-2.4 and one more pack, given as text: for rule
/// kinds the built-in packs do not use.
class EngineWithPack : public Engine {
protected:
  void addPack(llvm::StringRef Yaml) {
    llvm::Expected<rules::RulePack> Base = rules::loadBuiltinPack("linux-2.4");
    ASSERT_TRUE(bool(Base)) << llvm::toString(Base.takeError());
    llvm::Expected<rules::RulePack> Extra =
        rules::parseRulePack(Yaml, "test-pack.yaml");
    ASSERT_TRUE(bool(Extra)) << llvm::toString(Extra.takeError());
    std::vector<rules::RulePack> Packs;
    Packs.push_back(std::move(*Base));
    Packs.push_back(std::move(*Extra));
    Rules = rules::RuleSet(std::move(Packs));
  }
};

TEST_F(EngineWithPack, ANegativeReturnPairHoldsOnlyAfterItSucceeded) {
  addPack(R"yaml(modlife-rule-pack: 1
name: grab-drop
resource-pairs:
  - { acquire: grab, release: drop, handle: arg, handle-arg: 0,
      release-arg: 0, fails-when: negative-return, what: grab,
      release-spelling: "drop({handle})" }
)yaml");
  run(R"(
#define EIO 5
struct dev;
int grab(struct dev *);
void drop(struct dev *);
int tested_directly(struct dev *d) {
  if (grab(d) < 0)
    return -EIO; // DIRECT_FAILED
  if (other())
    return -EINVAL; // DIRECT_LATER
  drop(d);
  return 0;
}
int stored_then_tested(struct dev *d) {
  int ret;
  ret = grab(d);
  if (ret)
    return ret; // STORED_FAILED
  if (other())
    return -EBUSY; // STORED_LATER
  drop(d);
  return 0;
}
int sign_tested(struct dev *d) {
  int ret = grab(d);
  if (ret < 0)
    return ret; // SIGN_FAILED
  if (other()) {
    drop(d);
    return -EBUSY; // SIGN_RELEASED
  }
  if (other())
    return -ENODEV; // SIGN_LATER
  drop(d);
  return 0;
}
int success_tested(struct dev *d) {
  int ret;
  if ((ret = grab(d)) >= 0) {
    if (other())
      return -EIO; // SUCCESS_BRANCH_LATER
    drop(d);
    return 0;
  }
  return ret; // SUCCESS_BRANCH_FAILED
})");
  // Where grab failed nothing is held; after it succeeded, a failure
  // return holds on every path that reaches it (the failed ones left).
  EXPECT_THAT(R.Failures,
              ::testing::UnorderedElementsAre(
                  fail("DIRECT_LATER"), fail("STORED_LATER"),
                  fail("SIGN_LATER"), fail("SUCCESS_BRANCH_LATER")));
}

TEST_F(EngineWithPack, ANullTestOfAHandleWithoutATypeStillCounts) {
  addPack(R"yaml(modlife-rule-pack: 1
name: untyped
resource-pairs:
  - { acquire: open_thing, release: close_thing, what: thing }
  - { acquire: open_slot, release: close_slot, what: slot }
  - { acquire: hold_dev, release: unhold_dev, handle: arg, handle-arg: 0,
      what: hold on the device }
)yaml");
  run(R"(
/* BROKEN: struct port has no definition, so every p->field is an error */
struct thing;
struct dev;
struct port;
struct thing *open_thing(void);
void close_thing(struct thing *);
int open_slot(void);
void close_slot(int);
void hold_dev(struct dev *);
void unhold_dev(struct dev *);
int thing_helper(struct port *p) {
  p->thing = open_thing();
  if (p->thing == NULL)
    return -ENODEV; // THING_NULL
  if (other())
    return -EBUSY; // THING_LATER
  return 0;
}
int slot_helper(struct port *p) {
  p->slot = open_slot();
  if (p->slot == 0)
    return -EBUSY; // SLOT_ZERO
  return 0;
}
int dev_helper(struct port *p) {
  hold_dev(p->dev);
  if (other()) {
    if (p->dev)
      unhold_dev(p->dev);
    return -EAGAIN; // DEV_RELEASED
  }
  return 0;
})");
  // A null thing or device was never taken (the handles are pointers, as
  // the declarations of open_thing and hold_dev say); slot 0 is a slot.
  EXPECT_THAT(R.Failures,
              ::testing::UnorderedElementsAre(fail("THING_LATER"),
                                              fail("SLOT_ZERO")));
}

TEST_F(Engine, ThreeHundredUnwindStepsStayExact) {
  std::string Body = "int big(void) {\n  int err;\n  MOD_INC_USE_COUNT;\n";
  for (int I = 0; I < 300; ++I)
    Body += "  err = other();\n  if (err)\n    goto out_" + std::to_string(I) +
            ";\n";
  Body += "  return 0;\n";
  for (int I = 299; I >= 0; --I)
    Body += "out_" + std::to_string(I) + ":\n  free_irq(" + std::to_string(I) +
            ", NULL);\n";
  Body += "  return err; // END\n}\n";
  run(Body);
  EXPECT_THAT(R.Skipped, IsEmpty());
  EXPECT_THAT(R.Failures, ElementsAre(fail("END")));
}

TEST_F(Engine, ManyPathsInALoopAreJoinedAndTerminate) {
  // 2^40 paths through the loop body; the state bound must join them and
  // the fixpoint must still terminate within the visit budget.
  std::string Body = "int many(int n) {\n";
  for (int I = 0; I < 40; ++I)
    Body += "  int v" + std::to_string(I) + " = 0;\n";
  Body += "  MOD_INC_USE_COUNT;\n  while (n--) {\n";
  for (int I = 0; I < 40; ++I)
    Body += "    if (other())\n      v" + std::to_string(I) + " = v" +
            std::to_string((I + 1) % 40) + ";\n";
  Body += "  }\n  return -EINVAL; // END\n}\n";
  run(Body);
  EXPECT_THAT(R.Skipped, IsEmpty());
  EXPECT_THAT(R.Failures, ElementsAre(fail("END")));
}

TEST_F(Engine, BrokenCodeStillAnalyzesWhatParsed) {
  run(R"(
/* BROKEN: this snippet does not compile */
static int broken(struct nosuch *x) { return x->field + undeclared_fn(); }
static void irq(int i, void *d) {}
int open_foo(void) {
  if (request_irq(1, irq, 0, "FOO", NULL))
    return -EBUSY;
  MOD_INC_USE_COUNT;
  return 0;
})");
  EXPECT_EQ(R.Sleeps.size(), 1u);
}

TEST_F(Engine, IntegerMacroEvaluation) {
  std::optional<uint64_t> Wait, Kernel, Null, Missing;
  run("int x;\n", [&](ASTContext &, Preprocessor &PP, TUAnalysis &) {
    Wait = evaluateIntegerMacro(PP, "__GFP_WAIT");
    Kernel = evaluateIntegerMacro(PP, "GFP_KERNEL");
    Null = evaluateIntegerMacro(PP, "NULL");
    Missing = evaluateIntegerMacro(PP, "NO_SUCH_MACRO");
  });
  EXPECT_EQ(Wait, 0x10u);
  EXPECT_EQ(Kernel, 0x30u);
  EXPECT_EQ(Null, std::nullopt) << "a pointer is no flag";
  EXPECT_EQ(Missing, std::nullopt);
}

} // namespace
