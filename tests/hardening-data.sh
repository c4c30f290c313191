#!/usr/bin/env bash
# Data is data: rule packs and .modlife.yaml never execute anything, and
# hostile YAML (alias bombs, 10,000-deep nesting, self-reference, files that
# never end) fails fast with one line naming the file, exit status 2, no
# crash and no hang.
#   hardening-data.sh <modlife> <source dir>
KNOWN_FAIL=""
source "$(dirname "$0")/hardening-lib.sh"

mkdir -p "$work/src"
fixable24 > "$work/src/drv.c"
drv="$work/src/drv.c"

# bounded NAME PATTERN ARGS...: within $limit s and 2 GiB, the bad_input
# contract (exit 2, one line matching PATTERN, no report file). A sanitizer
# build reserves terabytes of address space: there only time is limited.
limit=20
vmem=2097152
if grep -qa __asan_init "$modlife"; then vmem=unlimited; fi
bounded() {
  local name="$1" pattern="$2"; shift 2
  local rep="$work/report-$RANDOM.json" out st
  out="$(ulimit -v $vmem; timeout $limit "$modlife" --format=json --output "$rep" "$@" 2>&1)"; st=$?
  if [ $st = 124 ]; then fail "$name" "no answer in $limit s (hang)" "$out"; return; fi
  if [ $st -gt 128 ]; then fail "$name" "killed by signal $((st - 128)) (crash)" "$out"; return; fi
  bad_input "$name" $st "$out" "$pattern" "$rep"
}

python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
def put(name, text):
    open(os.path.join(w, name), "w").write(text)
# Billion laughs: nine levels of nine aliases, 9^9 nodes once expanded.
bomb = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
for i in range(1, 10):
    bomb.append("lol%d: &a%d [%s]" % (i, i, ", ".join(["*a%d" % (i - 1)] * 9)))
bomb = "\n".join(bomb) + "\n"
pack = "modlife-rule-pack: 1\nname: hostile\n"
put("bomb.yaml", pack + bomb)
put("deep-flow.yaml", pack + "sleeps: " + "[" * 10000 + "]" * 10000 + "\n")
put("deep-block.yaml", pack + "sleeps:\n" + "- " * 10000 + "x\n")
put("self.yaml", pack + "sleeps: &s [*s]\n")
os.makedirs(os.path.join(w, "cfg-bomb"))
put("cfg-bomb/.modlife.yaml", bomb + "Checks: 'modlife-*'\n")
os.makedirs(os.path.join(w, "cfg-flow"))
put("cfg-flow/.modlife.yaml", "CheckOptions: " + "{a: " * 10000 + "1" + "}" * 10000 + "\n")
os.makedirs(os.path.join(w, "cfg-block"))
put("cfg-block/.modlife.yaml", "RulePacks:\n" + "- " * 10000 + "linux\n")
PY
for d in cfg-bomb cfg-flow cfg-block; do cp "$drv" "$work/$d/"; done

bounded "rule-pack-alias-bomb" "bomb\.yaml:[0-9]+:[0-9]+: error: .*(nodes|alias)" --rules "$work/bomb.yaml" "$drv" -- "${args24[@]}"
bounded "rule-pack-deep-flow-nesting" "deep-flow\.yaml:[0-9]+:[0-9]+: error: .*(nest|deep)" --rules "$work/deep-flow.yaml" "$drv" -- "${args24[@]}"
bounded "rule-pack-deep-block-nesting" "deep-block\.yaml:[0-9]+:[0-9]+: error: .*(nest|deep)" --rules "$work/deep-block.yaml" "$drv" -- "${args24[@]}"
bounded "rule-pack-self-alias" "self\.yaml:[0-9]+:[0-9]+: error:" --rules "$work/self.yaml" "$drv" -- "${args24[@]}"
bounded "config-alias-bomb" "cfg-bomb/\.modlife\.yaml:[0-9]+:[0-9]+: error: .*(nodes|alias)" "$work/cfg-bomb/drv.c" -- "${args24[@]}"
bounded "config-deep-flow-nesting" "cfg-flow/\.modlife\.yaml:[0-9]+:[0-9]+: error: .*(nest|deep)" "$work/cfg-flow/drv.c" -- "${args24[@]}"
bounded "config-deep-block-nesting" "cfg-block/\.modlife\.yaml:[0-9]+:[0-9]+: error: .*(nest|deep)" "$work/cfg-block/drv.c" -- "${args24[@]}"

# Files that never end are not read forever.
limit=10
bounded "rule-pack-is-dev-zero" "/dev/zero" --rules /dev/zero "$drv" -- "${args24[@]}"
mkfifo "$work/fifo.yaml"
bounded "rule-pack-is-a-fifo" "fifo\.yaml" --rules "$work/fifo.yaml" "$drv" -- "${args24[@]}"
mkdir -p "$work/cfg-zero"; cp "$drv" "$work/cfg-zero/"
printf 'RuleFiles: [/dev/zero]\n' > "$work/cfg-zero/.modlife.yaml"
bounded "config-rule-file-is-dev-zero" "/dev/zero" "$work/cfg-zero/drv.c" -- "${args24[@]}"

# Nothing in a pack or a config is run: shell syntax and YAML tags that
# other loaders execute stay text. A marker file must never appear.
mkdir -p "$work/exec/cwd"
marker="$work/exec/PWNED"
cat > "$work/exec/pack.yaml" <<Y
modlife-rule-pack: 1
name: "\$(touch $marker)"
description: "\`touch $marker\`"
sleeps:
  - { function: foo_wait, why: "\$(touch $marker); \`touch $marker\`" }
module-refs:
  - function: foo_get
    effect: try-acquire
    module-arg: 0
    release: "system(\"touch $marker\")|touch $marker; \$(touch $marker)"
Y
cat > "$work/exec/drv.c" <<'C'
#include <linux/module.h>
#include <linux/errno.h>
int foo_get(struct module *m);
struct foo_ll { struct module *owner; int (*attach)(void); };
int foo_attach(struct foo_ll *a)
{
	if (!foo_get(a->owner))
		return -ENODEV;
	if (a->attach() < 0)
		return -EIO;
	return 0;
}
C
out="$(cd "$work/exec/cwd" && "$modlife" --quiet --parseable-fixits --rules "$work/exec/pack.yaml" "$work/exec/drv.c" -- "${args24[@]}" 2>&1)"; st=$?
check "a pack with shell syntax in its strings loads and is used as text" 1 $st "$out" \
  "fix-it:.*system\(.*touch .*PWNED"
out2="$(cd "$work/exec/cwd" && "$modlife" --quiet --fix --rules "$work/exec/pack.yaml" "$work/exec/drv.c" -- "${args24[@]}" 2>&1)"
cat > "$work/exec/tags.yaml" <<Y
modlife-rule-pack: 1
name: tags
sleeps:
  - !!python/object/apply:os.system ["touch $marker"]
  - { function: !!python/object/apply:os.system ["touch $marker"] }
Y
out3="$(cd "$work/exec/cwd" && "$modlife" --quiet --rules "$work/exec/tags.yaml" "$work/exec/drv.c" -- "${args24[@]}" 2>&1)"; st=$?
check "YAML tags that would run code elsewhere are refused as data" 2 $st "$out3" "tags\.yaml:[0-9]+:[0-9]+: error:"
mkdir -p "$work/exec/cfg"; cp "$work/exec/drv.c" "$work/exec/cfg/"
cat > "$work/exec/cfg/.modlife.yaml" <<Y
Checks: "\$(touch $marker)"
RuleFiles: ["|touch $marker", "\$(touch $marker)"]
CheckOptions:
  modlife-sleep-before-inc.NonConstantFlags: "\`touch $marker\`"
Y
out4="$(cd "$work/exec/cwd" && "$modlife" --quiet "$work/exec/cfg/drv.c" -- "${args24[@]}" 2>&1)"
if [ ! -e "$marker" ] && [ -z "$(ls -A "$work/exec/cwd")" ]; then ok "nothing in a pack or a config was executed"
else fail "nothing in a pack or a config was executed" "$marker or a file in the working directory appeared" "$out2
$out3
$out4"; fi

finish
