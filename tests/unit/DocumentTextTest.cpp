//===- DocumentTextTest.cpp - LSP positions, changes and URIs -------------===//
#include "integrations/lsp/DocumentText.h"
#include "gtest/gtest.h"

using namespace modlife::lsp;

namespace {

TEST(DocumentText, PositionsCountUtf16Units) {
  // "é" is two bytes and one UTF-16 unit; "😀" is four bytes and two units.
  std::string Text = "ab\n\xC3\xA9x\n\xF0\x9F\x98\x80y";
  Position P = positionOf(Text, 5); // after "é"
  EXPECT_EQ(P.Line, 1u);
  EXPECT_EQ(P.Character, 1u);
  P = positionOf(Text, Text.size()); // after "😀y"
  EXPECT_EQ(P.Line, 2u);
  EXPECT_EQ(P.Character, 3u);
  EXPECT_EQ(llvm::cantFail(offsetOf(Text, {2, 2})), 11u);
}

TEST(DocumentText, OffsetRoundTrip) {
  std::string Text = "int f(void)\n{\n\treturn \xC3\xA9;\n}\n";
  for (size_t O = 0; O <= Text.size(); ++O) {
    if (O == 23) // inside the two bytes of "é": not a character boundary
      continue;
    llvm::Expected<size_t> Back = offsetOf(Text, positionOf(Text, O));
    ASSERT_TRUE(bool(Back));
    EXPECT_EQ(*Back, O);
  }
}

TEST(DocumentText, PastTheLineClampsPastTheTextFails) {
  std::string Text = "ab\ncd";
  EXPECT_EQ(llvm::cantFail(offsetOf(Text, {0, 99})), 2u);
  llvm::Expected<size_t> Bad = offsetOf(Text, {5, 0});
  EXPECT_FALSE(bool(Bad));
  llvm::consumeError(Bad.takeError());
}

TEST(DocumentText, LineColumnFromReports) {
  std::string Text = "a\n\tfoo(x);\n";
  EXPECT_EQ(offsetOfLineColumn(Text, 2, 2), 3u);
  EXPECT_EQ(tokenEnd(Text, 3), 6u); // "foo"
  EXPECT_EQ(tokenEnd(Text, 6), 7u); // "("
  EXPECT_EQ(offsetOfLineColumn(Text, 2, 99), 10u); // clamped to the line
}

TEST(DocumentText, IncrementalAndFullChanges) {
  std::string Text = "one\ntwo\nthree\n";
  Position S{1, 0}, E{1, 3};
  ASSERT_FALSE(bool(applyChange(Text, &S, &E, "2")));
  EXPECT_EQ(Text, "one\n2\nthree\n");
  Position Bad{9, 0};
  llvm::Error Err = applyChange(Text, &Bad, &Bad, "x");
  EXPECT_TRUE(bool(Err));
  llvm::consumeError(std::move(Err));
  EXPECT_EQ(Text, "one\n2\nthree\n");
  ASSERT_FALSE(bool(applyChange(Text, nullptr, nullptr, "all new")));
  EXPECT_EQ(Text, "all new");
}

TEST(DocumentText, FileUris) {
  EXPECT_EQ(uriOfPath("/src/my driver/a#b.c"), "file:///src/my%20driver/a%23b.c");
  EXPECT_EQ(llvm::cantFail(pathOfUri("file:///src/my%20driver/a%23b.c")),
            "/src/my driver/a#b.c");
  llvm::Expected<std::string> Http = pathOfUri("https://example.org/a.c");
  EXPECT_FALSE(bool(Http));
  llvm::consumeError(Http.takeError());
}

} // namespace
