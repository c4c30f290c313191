#!/usr/bin/env bash
# Tests modlife-kernel without a real kernel:
#   - legacy mode on a tiny fake 2.4 tree written below (our own headers, in
#     2.4's shapes): the expected finding, the generated overlay, exit status
#     passed through from modlife, and the tree byte for byte unchanged;
#   - bad input in both modes: one line on stderr, exit status 2, nothing
#     created;
#   - --help of both modes, the scripts/ wrappers, and shellcheck (when
#     installed) on every script of the workflow.
#
#   legacy-mode-test.sh <path to modlife>
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 <modlife binary>" >&2; exit 2; }
modlife=$(realpath -- "$1")
[[ -x $modlife ]] || { echo "FAIL: $1 is not an executable" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
kdir=$(cd "$here/.." && pwd)
repo=$(cd "$kdir/../.." && pwd)
mk=$kdir/modlife-kernel
export MODLIFE=$modlife

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tree=$scratch/linux-2.4.99
# modlife-kernel's temporary --out goes here, so the test can see it removed.
export TMPDIR=$scratch/tmp
mkdir -p "$TMPDIR"

passed=0 failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }

# ---------------------------------------------------------------- the fake tree
# The shapes modlife's linux-2.4 rule pack expects: MOD_INC_USE_COUNT as a
# macro over the module's use count (atomic ops under MODULE), file_operations
# with an owner and an open, kmalloc with GFP flags built from __GFP_WAIT.
# No generated headers (linux/autoconf.h, linux/version.h) and no asm link:
# the overlay must supply them.
write() { mkdir -p "$(dirname "$tree/$1")"; cat >"$tree/$1"; }

write Makefile <<'EOF'
VERSION = 2
PATCHLEVEL = 4
SUBLEVEL = 99
EXTRAVERSION = -fake

all:
	@echo "a fake tree for modlife-kernel's tests; nothing to build"
EOF
write arch/i386/defconfig <<'EOF'
CONFIG_X86=y
CONFIG_MODULES=y
# CONFIG_SMP is not set
EOF
write include/asm-i386/atomic.h <<'EOF'
#ifndef __ARCH_I386_ATOMIC__
#define __ARCH_I386_ATOMIC__

typedef struct { volatile int counter; } atomic_t;

static __inline__ void atomic_inc(atomic_t *v)
{
	__asm__ __volatile__("lock; incl %0" : "=m" (v->counter) : "m" (v->counter));
}

static __inline__ void atomic_dec(atomic_t *v)
{
	__asm__ __volatile__("lock; decl %0" : "=m" (v->counter) : "m" (v->counter));
}

#endif
EOF
write include/asm-i386/errno.h <<'EOF'
#ifndef _I386_ERRNO_H
#define _I386_ERRNO_H
#define	ENOMEM		12
#define	EBUSY		16
#define	ENODEV		19
#endif
EOF
write include/asm-i386/posix_types.h <<'EOF'
#ifndef __ARCH_I386_POSIX_TYPES_H
#define __ARCH_I386_POSIX_TYPES_H
typedef unsigned int	__kernel_size_t;
typedef long long	__kernel_loff_t;
#endif
EOF
write include/linux/config.h <<'EOF'
#ifndef _LINUX_CONFIG_H
#define _LINUX_CONFIG_H
#include <linux/autoconf.h>
#endif
EOF
write include/linux/types.h <<'EOF'
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H
#include <asm/posix_types.h>
typedef __kernel_size_t	size_t;
typedef __kernel_loff_t	loff_t;
#define NULL ((void *)0)
#endif
EOF
write include/linux/errno.h <<'EOF'
#ifndef _LINUX_ERRNO_H
#define _LINUX_ERRNO_H
#include <asm/errno.h>
#endif
EOF
write include/linux/init.h <<'EOF'
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <linux/config.h>

#define __init		__attribute__ ((__section__ (".text.init")))
#define __exit		__attribute__ ((unused, __section__(".text.exit")))

#ifdef MODULE
#define module_init(x) \
	int init_module(void) __attribute__((alias(#x)));
#define module_exit(x) \
	void cleanup_module(void) __attribute__((alias(#x)));
#else
#define module_init(x)
#define module_exit(x)
#endif
#endif
EOF
write include/linux/module.h <<'EOF'
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H
#include <linux/config.h>
#include <asm/atomic.h>

struct module {
	unsigned long size_of_struct;
	const char *name;
	union {
		atomic_t usecount;
		long pad;
	} uc;
	unsigned long flags;
};

#define MOD_VISITED	8
#define MOD_USED_ONCE	16

#define __MOD_INC_USE_COUNT(mod) \
	(atomic_inc(&(mod)->uc.usecount), (mod)->flags |= MOD_VISITED|MOD_USED_ONCE)
#define __MOD_DEC_USE_COUNT(mod) \
	(atomic_dec(&(mod)->uc.usecount), (mod)->flags |= MOD_VISITED)

#if defined(MODULE) && defined(CONFIG_MODULES)
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#define MOD_INC_USE_COUNT	__MOD_INC_USE_COUNT(THIS_MODULE)
#define MOD_DEC_USE_COUNT	__MOD_DEC_USE_COUNT(THIS_MODULE)
#define MODULE_LICENSE(license) \
	static const char __module_license[] \
	__attribute__((unused, section(".modinfo"))) = "license=" license
#else
#define THIS_MODULE ((struct module *)0)
#define MOD_INC_USE_COUNT	do { } while (0)
#define MOD_DEC_USE_COUNT	do { } while (0)
#define MODULE_LICENSE(license)
#endif
#endif
EOF
write include/linux/fs.h <<'EOF'
#ifndef _LINUX_FS_H
#define _LINUX_FS_H
#include <linux/config.h>
#include <linux/types.h>

struct module;
struct inode { unsigned long i_ino; unsigned short i_rdev; };
struct file { unsigned int f_flags; void *private_data; };

struct file_operations {
	struct module *owner;
	loff_t (*llseek) (struct file *, loff_t, int);
	int (*open) (struct inode *, struct file *);
	int (*release) (struct inode *, struct file *);
};

extern int register_chrdev(unsigned int, const char *, struct file_operations *);
extern int unregister_chrdev(unsigned int, const char *);
#endif
EOF
write include/linux/slab.h <<'EOF'
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H
#include <linux/types.h>

#define __GFP_WAIT	0x01
#define __GFP_HIGH	0x02
#define __GFP_IO	0x04
#define __GFP_FS	0x08
#define GFP_ATOMIC	(__GFP_HIGH)
#define GFP_KERNEL	(__GFP_HIGH | __GFP_WAIT | __GFP_IO | __GFP_FS)

extern void *kmalloc(size_t, int);
extern void kfree(const void *);
#endif
EOF
write drivers/char/Config.in <<'EOF'
mainmenu_option next_comment
comment 'Fake character devices'
tristate 'Fake buffer device' CONFIG_FAKEBUF
tristate 'Fake clean device' CONFIG_FAKECLEAN
endmenu
EOF
write drivers/char/Makefile <<'EOF'
O_TARGET := char.o

obj-$(CONFIG_FAKEBUF) += fakebuf.o
obj-$(CONFIG_FAKECLEAN) += fakeclean.o

include $(TOPDIR)/Rules.make
EOF
# The bug: open() allocates with GFP_KERNEL, which may sleep, before
# MOD_INC_USE_COUNT pins the module; an unload during that sleep frees the
# code open() returns into.
write drivers/char/fakebuf.c <<'EOF'
/* fakebuf: a character device with a per-open buffer. */
#include <linux/config.h>
#include <linux/version.h>
#include <linux/module.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>

#if LINUX_VERSION_CODE != KERNEL_VERSION(2,4,99)
#error "linux/version.h does not come from the tree's Makefile"
#endif
#ifndef CONFIG_FAKEBUF_MODULE
#error "the driver's own CONFIG_ symbol was not inferred from its Makefile"
#endif

#define FAKEBUF_MAJOR 240

static int fakebuf_open(struct inode *inode, struct file *file)
{
	file->private_data = kmalloc(4096, GFP_KERNEL);
	if (!file->private_data)
		return -ENOMEM;
	MOD_INC_USE_COUNT;
	return 0;
}

static int fakebuf_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations fakebuf_fops = {
	open:		fakebuf_open,
	release:	fakebuf_release,
};

static int __init fakebuf_init(void)
{
	return register_chrdev(FAKEBUF_MAJOR, "fakebuf", &fakebuf_fops);
}

static void __exit fakebuf_exit(void)
{
	unregister_chrdev(FAKEBUF_MAJOR, "fakebuf");
}

module_init(fakebuf_init);
module_exit(fakebuf_exit);
MODULE_LICENSE("GPL");
EOF
# The same device done right: the count first, dropped on the failure path.
write drivers/char/fakeclean.c <<'EOF'
/* fakeclean: fakebuf with the use count taken before anything may sleep. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>

#define FAKECLEAN_MAJOR 241

static int fakeclean_open(struct inode *inode, struct file *file)
{
	MOD_INC_USE_COUNT;
	file->private_data = kmalloc(4096, GFP_KERNEL);
	if (!file->private_data) {
		MOD_DEC_USE_COUNT;
		return -ENOMEM;
	}
	return 0;
}

static int fakeclean_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	MOD_DEC_USE_COUNT;
	return 0;
}

static struct file_operations fakeclean_fops = {
	open:		fakeclean_open,
	release:	fakeclean_release,
};

static int __init fakeclean_init(void)
{
	return register_chrdev(FAKECLEAN_MAJOR, "fakeclean", &fakeclean_fops);
}

static void __exit fakeclean_exit(void)
{
	unregister_chrdev(FAKECLEAN_MAJOR, "fakeclean");
}

module_init(fakeclean_init);
module_exit(fakeclean_exit);
MODULE_LICENSE("GPL");
EOF
write drivers/char/README <<'EOF'
Not a C file: a directory argument must skip it.
EOF
chmod 0444 "$tree/include/linux/module.h"   # modes are part of the snapshot

# Every entry's type, mode, path and link target, then every file's hash.
snapshot() {
    (cd "$1" && find . -printf '%y %m %p %l\n' | LC_ALL=C sort &&
        find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
}
snapshot "$tree" >"$scratch/before.txt"
tree_unchanged() {
    snapshot "$tree" >"$scratch/after.txt"
    if cmp -s "$scratch/before.txt" "$scratch/after.txt"; then
        ok "the fake tree is byte for byte unchanged ($1)"
    else
        fail "the fake tree changed ($1):"
        diff "$scratch/before.txt" "$scratch/after.txt" >&2 || true
    fi
}

# run <name> <expected status> <command...>: stdout in $scratch/<name>.out,
# stderr in $scratch/<name>.err; checks the status.
run() {
    local name=$1 want=$2 got=0
    shift 2
    "$@" >"$scratch/$name.out" 2>"$scratch/$name.err" || got=$?
    if [[ $got == "$want" ]]; then
        ok "$name: exit status $got"
    else
        fail "$name: exit status $got, expected $want; stderr:"
        sed 's/^/    /' "$scratch/$name.err" >&2
    fi
}

# ---------------------------------------------------------------- legacy mode
out=$scratch/l24db
run legacy-dir 1 "$mk" legacy --tree "$tree" --out "$out" --jobs 1 drivers/char/
warnings=$(grep ': warning: ' "$scratch/legacy-dir.out" || true)
want_line=$(grep -n 'kmalloc(4096, GFP_KERNEL)' "$tree/drivers/char/fakebuf.c" | head -n1 | cut -d: -f1)
if [[ $(printf '%s\n' "$warnings" | grep -c .) == 1 &&
      $warnings == *"drivers/char/fakebuf.c:$want_line:"*"'kmalloc' may sleep before 'MOD_INC_USE_COUNT' pins the module [modlife-sleep-before-inc]" ]]; then
    ok "legacy mode reports exactly the sleep before MOD_INC_USE_COUNT (fakebuf.c:$want_line)"
else
    fail "expected one modlife-sleep-before-inc warning at fakebuf.c:$want_line; got:"
    printf '    %s\n' "$warnings" >&2
fi
if grep -qi 'compiler error' "$scratch/legacy-dir.out" "$scratch/legacy-dir.err"; then
    fail "the fake tree's files parsed with compiler errors:"
    grep -i 'error' "$scratch/legacy-dir.out" "$scratch/legacy-dir.err" | sed 's/^/    /' >&2
else
    ok "both files parse without compiler errors (overlay headers and inferred CONFIG_ symbols work)"
fi
if [[ $(readlink "$out/overlay/include/asm") == "$(cd "$tree" && pwd -P)/include/asm-i386" &&
      -f $out/overlay/include/linux/autoconf.h && -f $out/overlay/include/linux/version.h ]] &&
   grep -qx '#define CONFIG_MODULES 1' "$out/overlay/include/linux/autoconf.h" &&
   grep -q '"2.4.99-fake"' "$out/overlay/include/linux/version.h"; then
    ok "the overlay in --out has the asm link, autoconf.h (defconfig) and version.h (Makefile)"
else
    fail "the overlay in $out is not as expected"
fi
entries=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join(sorted(e["file"].rsplit("/",1)[1] for e in d if "-DMODULE" in e["arguments"] and "-D__KERNEL__" in e["arguments"])))' "$out/compile_commands.json")
if [[ $entries == "fakebuf.c fakeclean.c" ]]; then
    ok "the directory expanded to its two .c files, each with -D__KERNEL__ -DMODULE"
else
    fail "compile_commands.json entries: '$entries', expected 'fakebuf.c fakeclean.c'"
fi
tree_unchanged "after legacy mode with --out"

# Without --out the database lives in a temporary directory, removed at exit;
# a clean driver gives modlife's status 0, and modlife's args pass through.
run legacy-clean 0 "$mk" legacy --tree "$tree" drivers/char/fakeclean.c
run legacy-checks-arg 0 "$mk" legacy --tree "$tree" drivers/char/fakebuf.c -- --checks='-*,modlife-request-module-in-init'
# Relative --output is the caller's; JSON names files relative to the tree.
run legacy-json-output 1 env -C "$scratch" "$mk" legacy --tree "$tree" drivers/char/fakebuf.c -- --format=json --output=findings.json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [f["file"] for f in d["findings"]] == ["drivers/char/fakebuf.c"]' "$scratch/findings.json" 2>/dev/null; then
    ok "modlife's --output lands in the caller's directory and names drivers/char/fakebuf.c relative to the tree"
else
    fail "--format=json --output=findings.json: $scratch/findings.json missing or not as expected"
fi
run legacy-modlife-error 2 "$mk" legacy --tree "$tree" drivers/char/fakebuf.c -- --format=no-such-format
if [[ -z $(ls -A "$TMPDIR") ]]; then
    ok "the temporary database directories are removed"
else
    fail "left in \$TMPDIR: $(ls -A "$TMPDIR")"
fi
# Relative to the current directory works too, and --no-run stops after the database.
run legacy-no-run 0 "$mk" legacy --tree "$tree" --out "$scratch/norun" --no-run "$tree/drivers/char/fakebuf.c"
if [[ -f $scratch/norun/compile_commands.json ]]; then ok "--no-run writes the database"; else fail "--no-run wrote no database"; fi
tree_unchanged "after the other legacy runs"

# ---------------------------------------------------------------- bad input
# One line on stderr, exit status 2, and nothing created.
mkdir -p "$scratch/empty" "$scratch/old-modern/scripts/kconfig"
touch "$scratch/old-modern/Makefile" "$scratch/outside.c"
bad_input() {
    local name=$1
    run "$name" 2 "${@:2}"
    local n
    n=$(grep -c . "$scratch/$name.err" || true)
    if [[ $n == 1 ]] && grep -q '^modlife-kernel' "$scratch/$name.err"; then
        ok "$name: one line on stderr: $(cat "$scratch/$name.err")"
    else
        fail "$name: expected one 'modlife-kernel...' line on stderr, got $n:"
        sed 's/^/    /' "$scratch/$name.err" >&2
    fi
}
bad_input no-mode "$mk"
bad_input unknown-mode "$mk" frobnicate --tree "$tree" drivers/char
bad_input legacy-no-tree "$mk" legacy drivers/char/fakebuf.c
bad_input legacy-missing-tree "$mk" legacy --tree "$scratch/no-such-tree" drivers/char/fakebuf.c
bad_input legacy-not-a-tree "$mk" legacy --tree "$scratch/empty" drivers/char/fakebuf.c
bad_input legacy-unknown-arch "$mk" legacy --tree "$tree" --arch sparc64 drivers/char/
bad_input legacy-missing-file "$mk" legacy --tree "$tree" drivers/char/no-such-file.c
bad_input legacy-outside-file "$mk" legacy --tree "$tree" "$scratch/outside.c"
bad_input legacy-not-c "$mk" legacy --tree "$tree" drivers/char/Makefile
bad_input legacy-no-files "$mk" legacy --tree "$tree"
bad_input legacy-out-in-tree "$mk" legacy --tree "$tree" --out "$tree/modlife-db" drivers/char/
bad_input legacy-unknown-option "$mk" legacy --tree "$tree" --config defconfig drivers/char/
MODLIFE=$scratch/no-such-modlife bad_input legacy-no-modlife "$mk" legacy --tree "$tree" drivers/char/
bad_input modern-unknown-arch "$mk" modern --tree "$scratch/new-tree" --arch vax drivers/char/
bad_input modern-not-a-tree "$mk" modern --tree "$tree" drivers/char/
bad_input modern-no-gen-compile-commands "$mk" modern --tree "$scratch/old-modern" drivers/char/
bad_input modern-no-targets "$mk" modern --tree "$scratch/new-tree"
bad_input modern-bad-jobs "$mk" modern --tree "$scratch/new-tree" --jobs 0 drivers/char/
bad_input modern-missing-config "$mk" modern --tree "$scratch/new-tree" --config "$scratch/no.config" drivers/char/
bad_input modern-bad-target "$mk" modern --tree "$scratch/new-tree" ../drivers/char/
if [[ ! -e $scratch/new-tree && ! -e $scratch/new-tree-db && ! -e $tree-db && ! -e $tree/modlife-db ]]; then
    ok "bad input created no tree and no output directory"
else
    fail "bad input created: $(find "$scratch" "$tree" -maxdepth 1 \( -name 'new-tree*' -o -name '*-db' -o -name modlife-db \) | tr '\n' ' ')"
fi
tree_unchanged "after the bad-input cases"

# ---------------------------------------------------------------- help
run help 0 "$mk" --help
run modern-help 0 "$mk" modern --help
if grep -q 'MODERN' "$scratch/modern-help.out" && grep -q 'make prepare' "$scratch/modern-help.out" &&
   grep -q 'gen_compile_commands.py' "$scratch/modern-help.out" && grep -q 'LEGACY' "$scratch/modern-help.out"; then
    ok "--help teaches both modes"
else
    fail "--help does not describe both modes"
fi
run kernel-compdb-wrapper 0 "$repo/scripts/kernel-compdb.sh" --help
run legacy-compdb-wrapper 0 "$repo/scripts/legacy-compdb.sh" --help
if grep -q '^usage: kernel-compdb.sh' "$scratch/kernel-compdb-wrapper.out" &&
   grep -q '^usage: legacy-compdb.sh' "$scratch/legacy-compdb-wrapper.out"; then
    ok "scripts/kernel-compdb.sh and scripts/legacy-compdb.sh reach integrations/kernel/"
else
    fail "the scripts/ wrappers do not reach integrations/kernel/"
fi

# ---------------------------------------------------------------- shellcheck
if command -v shellcheck >/dev/null 2>&1; then
    if shellcheck "$mk" "$kdir"/*.sh "$here"/*.sh "$repo/scripts/kernel-compdb.sh" "$repo/scripts/legacy-compdb.sh" >"$scratch/shellcheck.txt" 2>&1; then
        ok "shellcheck is clean"
    else
        fail "shellcheck:"
        sed 's/^/    /' "$scratch/shellcheck.txt" >&2
    fi
else
    echo "skip: shellcheck is not installed"
fi

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
