//===- ConfigTest.cpp - .modlife.yaml and check globs ---------------------===//
#include "analyzer/rules/Config.h"
#include "llvm/Support/Error.h"
#include "gtest/gtest.h"

using namespace modlife::rules;

namespace {

TEST(CheckGlobs, LastMatchWins) {
  CheckGlobs G("-*,modlife-sleep-*");
  EXPECT_TRUE(G.contains("modlife-sleep-before-inc"));
  EXPECT_FALSE(G.contains("modlife-missing-dec-on-error"));
  CheckGlobs H("modlife-*,-modlife-sleep-before-inc");
  EXPECT_FALSE(H.contains("modlife-sleep-before-inc"));
  EXPECT_TRUE(H.contains("modlife-missing-dec-on-error"));
  EXPECT_FALSE(CheckGlobs("").contains("modlife-sleep-before-inc"));
}

TEST(CheckGlobs, FormerNameSelectsARenamedCheck) {
  const char *Now = "modlife-missing-release-on-error";
  const char *Was = "modlife-missing-dec-on-error";
  EXPECT_TRUE(CheckGlobs("-*,modlife-missing-dec-on-error").contains(Now, Was));
  EXPECT_FALSE(CheckGlobs("-*,modlife-missing-dec-on-error").contains(Now));
  EXPECT_FALSE(
      CheckGlobs("modlife-*,-modlife-missing-dec-on-error").contains(Now, Was));
  // The last glob that matches either name wins.
  EXPECT_TRUE(CheckGlobs("-modlife-missing-dec-on-error,modlife-missing-rel*")
                  .contains(Now, Was));
  EXPECT_FALSE(CheckGlobs("-*,modlife-sleep-*").contains(Now, Was));
}

TEST(Config, ParsesAndResolvesRuleFiles) {
  llvm::Expected<Config> C = parseConfig(
      "Checks: '-*,modlife-missing-dec-on-error'\nRulePacks: [linux-2.4]\n"
      "RuleFiles: [local.yaml]\nCheckOptions:\n"
      "  modlife-sleep-before-inc.NonConstantFlags: no-sleep\n",
      "/p/.modlife.yaml", "/p");
  ASSERT_TRUE(bool(C)) << llvm::toString(C.takeError());
  EXPECT_EQ(*C->Checks, "-*,modlife-missing-dec-on-error");
  ASSERT_EQ(C->RuleFiles.size(), 1u);
  EXPECT_EQ(C->RuleFiles[0], "/p/local.yaml");
  EXPECT_EQ(C->CheckOptions.lookup("modlife-sleep-before-inc.NonConstantFlags"),
            "no-sleep");
}

TEST(Config, UnknownKeyIsPositioned) {
  llvm::Expected<Config> C =
      parseConfig("Checks: x\nChecksum: y\n", "c.yaml", "/");
  ASSERT_FALSE(bool(C));
  EXPECT_NE(llvm::toString(C.takeError())
                .find("c.yaml:2:1: error: unknown key 'Checksum'"),
            std::string::npos);
}

TEST(Config, CommandLineOverridesFile) {
  Config File, Cmd;
  File.Checks = "modlife-*";
  File.CheckOptions["a.B"] = "1";
  Cmd.Checks = "-*";
  Cmd.CheckOptions["a.B"] = "2";
  Config M = overlay(File, Cmd);
  EXPECT_EQ(*M.Checks, "-*");
  EXPECT_EQ(M.CheckOptions.lookup("a.B"), "2");
}

} // namespace
