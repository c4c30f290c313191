// NOLINT comments, read as clang-tidy reads them.
#include "checks/Nolint.h"
#include "gtest/gtest.h"
#include <string>

using modlife::suppressedByNolint;

namespace {

const char *Check = "modlife-unbalanced-dec";

/// The offset of the first occurrence of Marker in Text.
unsigned at(const std::string &Text, const char *Marker) {
  size_t Pos = Text.find(Marker);
  EXPECT_NE(Pos, std::string::npos) << Marker;
  return unsigned(Pos);
}

TEST(Nolint, SameLineWithAndWithoutList) {
  std::string T = "a();\nmodule_put(m); // NOLINT\nb();\n";
  EXPECT_TRUE(suppressedByNolint(T, at(T, "module_put"), Check));
  EXPECT_FALSE(suppressedByNolint(T, at(T, "a()"), Check));
  EXPECT_FALSE(suppressedByNolint(T, at(T, "b()"), Check));

  T = "module_put(m); // NOLINT(modlife-unbalanced-dec)\n";
  EXPECT_TRUE(suppressedByNolint(T, 0, Check));
  T = "module_put(m); // NOLINT(modlife-*)\n";
  EXPECT_TRUE(suppressedByNolint(T, 0, Check));
  T = "module_put(m); // NOLINT(bugprone-*, modlife-unbalanced-dec)\n";
  EXPECT_TRUE(suppressedByNolint(T, 0, Check));
  T = "module_put(m); // NOLINT(modlife-missing-owner)\n";
  EXPECT_FALSE(suppressedByNolint(T, 0, Check));
  // An unclosed list is no directive.
  T = "module_put(m); // NOLINT(modlife-unbalanced-dec\n";
  EXPECT_FALSE(suppressedByNolint(T, 0, Check));
}

TEST(Nolint, NextLineCoversOnlyTheNextLine) {
  std::string T = "// NOLINTNEXTLINE(modlife-*)\nmodule_put(m);\n"
                  "module_put(n);\n";
  EXPECT_TRUE(suppressedByNolint(T, at(T, "module_put(m)"), Check));
  EXPECT_FALSE(suppressedByNolint(T, at(T, "module_put(n)"), Check));
  // NOLINTNEXTLINE on the finding's own line does not cover it.
  T = "module_put(m); // NOLINTNEXTLINE\n";
  EXPECT_FALSE(suppressedByNolint(T, 0, Check));
  // The first line has no line before it.
  T = "module_put(m);\n";
  EXPECT_FALSE(suppressedByNolint(T, 0, Check));
}

TEST(Nolint, BeginEndRegions) {
  std::string T = "a();\n"
                  "// NOLINTBEGIN(modlife-unbalanced-dec)\n"
                  "b();\n"
                  "// NOLINTBEGIN(modlife-missing-owner)\n"
                  "c();\n"
                  "// NOLINTEND(modlife-unbalanced-dec)\n"
                  "d();\n"
                  "// NOLINTEND(modlife-missing-owner)\n"
                  "e();\n";
  EXPECT_FALSE(suppressedByNolint(T, at(T, "a()"), Check));
  EXPECT_TRUE(suppressedByNolint(T, at(T, "b()"), Check));
  EXPECT_TRUE(suppressedByNolint(T, at(T, "c()"), Check));
  EXPECT_FALSE(suppressedByNolint(T, at(T, "d()"), Check));
  EXPECT_TRUE(suppressedByNolint(T, at(T, "d()"), "modlife-missing-owner"));
  EXPECT_FALSE(suppressedByNolint(T, at(T, "e()"), "modlife-missing-owner"));
}

} // namespace
