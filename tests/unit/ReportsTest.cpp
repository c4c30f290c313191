//===- ReportsTest.cpp - Baseline fingerprints ----------------------------===//
#include "analyzer/driver/Reports.h"
#include "checks/ModlifeCheck.h"
#include "gtest/gtest.h"

using namespace modlife;

namespace {

const char *Renamed = "modlife-missing-release-on-error";
const char *FormerName = "modlife-missing-dec-on-error";

Finding findingLabelled(std::string Check) {
  Finding F;
  F.Check = std::move(Check);
  F.Message = "failure return keeps the firmware image taken by 'firmware_get'";
  F.Where.File = "/src/dev/beacon/beacon.c";
  F.Where.Line = 38;
  F.Where.Column = 4;
  F.Where.LineText = "\t\t\treturn (EINVAL);";
  return F;
}

std::string fingerprintOf(const Finding &F) {
  return fingerprints({F}, "/src").front();
}

// The baseline round trip writes and reads fingerprints with the same code,
// so it cannot notice when a renamed check stops matching the baselines
// written under its former name. These tests can.
TEST(Fingerprints, RenamedCheckMatchesItsFormerName) {
  EXPECT_EQ(fingerprintOf(findingLabelled(Renamed)),
            fingerprintOf(findingLabelled(FormerName)));
}

TEST(Fingerprints, RenamedCheckKeepsTheValueOldBaselinesRecorded) {
  // "0x" and the xxh3_64 of the key "<former name>\n<path below the
  // root>\n<message>\n<trimmed line text>", that is of
  // "modlife-missing-dec-on-error\ndev/beacon/beacon.c\nfailure return keeps
  // the firmware image taken by 'firmware_get'\nreturn (EINVAL);", computed
  // with the reference libxxhash (XXH3_64bits), then ":0" for the first
  // finding with that key. Any change to the key breaks every baseline.
  EXPECT_EQ(fingerprintOf(findingLabelled(Renamed)), "0xc53793eea23a8915:0");
}

TEST(Fingerprints, CheckWithoutFormerNameUsesItsOwnName) {
  const CheckInfo *Owner = findCheck("modlife-missing-owner");
  ASSERT_NE(Owner, nullptr);
  ASSERT_TRUE(Owner->FormerName.empty());
  std::string Print = fingerprintOf(findingLabelled(Owner->Name.str()));
  EXPECT_NE(Print, fingerprintOf(findingLabelled("modlife-unbalanced-dec")));
  EXPECT_NE(Print, fingerprintOf(findingLabelled(Renamed)));
}

} // namespace
