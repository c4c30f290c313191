#!/usr/bin/env bash
# shellcheck disable=SC2016  # literal $(CONFIG_...) in sed patterns
# legacy-compdb.sh - synthesize a compile_commands.json for driver files of an
# old (2.2/2.4/early 2.6) Linux kernel tree that was never configured or built,
# so that clang-19 (and modlife) can parse them with the tree's own headers.
#
# Nothing is ever written inside the kernel tree: missing generated headers
# and the asm symlink live in a scratch overlay under <out-dir>/overlay/include.
#
# This is the database half of "modlife-kernel legacy"; modlife-kernel
# validates its input, calls this script, then runs modlife. It can also be
# run alone (scripts/legacy-compdb.sh execs it).
set -euo pipefail

prog=${0##*/}
# Messages name the front end when modlife-kernel runs this script.
me=${MODLIFE_KERNEL_PROG:-$prog}

usage() {
    cat <<EOF
usage: $prog <kernel-tree> <out-dir> [arch] <file.c>...

Writes <out-dir>/compile_commands.json with one entry per <file.c> (paths may be
absolute or relative to <kernel-tree>), plus a scratch header overlay in
<out-dir>/overlay/include:
  asm                 -> symlink to the arch's asm headers: include/asm-<arch>
                         (2.2, 2.4, 2.6.0-2.6.23), include/asm-x86 (i386 and
                         x86_64 in 2.6.24-2.6.27) or arch/<arch>/include/asm
  linux/autoconf.h    (only if the tree lacks it)
  linux/version.h     (only if the tree lacks it; from the top Makefile)
  linux/modversions.h (only if the tree lacks it; empty)
  linux/compile.h     (only if the tree lacks it)
[arch] defaults to i386; it is taken as the arch when it names asm headers.

Each entry: --target=<arch triple> -nostdinc -isystem <clang resource dir>/include
-I<overlay>/include -I<tree>/include -D__KERNEL__ -DMODULE -DEXPORT_SYMTAB
-std=gnu89 -w -ferror-limit=0, for 2.6 trees -include linux/autoconf.h (as
2.6's kbuild does), i386 parse fixes (-D'regparm(n)=',
-Dinit_tss=*init_tss), the file's own CONFIG_* symbols inferred from its
Makefile / Config.in (own symbol as CONFIG_X_MODULE, its sub-options, parent
directory and dep_tristate symbols), and -DKBUILD_BASENAME=<name>.
"-o" points into <out-dir>/obj, never into the tree.

Environment:
  CLANG=clang-19            compiler: "arguments"[0] and -print-resource-dir
  LEGACY_COMPDB_CONFIG=defconfig|empty|<path-to-.config>
                            what goes into the overlay's autoconf.h (default:
                            defconfig = arch/<arch>/defconfig if present; empty
                            otherwise). CONFIG_MODULES is always defined.
  LEGACY_COMPDB_INFER_CONFIG=0   do not add per-file CONFIG_* -D flags
  LEGACY_COMPDB_TARGET=<triple>  override --target ("" = clang's default)
  LEGACY_COMPDB_EXTRA_FLAGS      extra flags appended to every entry (word-split)
  LEGACY_COMPDB_NO_PYTHON=1      write the JSON with printf even if python3 exists

Example:
  $prog /work/trees/linux-2.4 /tmp/l24db drivers/sound/cmpci.c drivers/net/ni65.c
  cd /work/trees/linux-2.4 && jq -r '.[0].arguments[1:][]' /tmp/l24db/compile_commands.json |
      tr '\n' '\0' | xargs -0 clang-19 -fsyntax-only
EOF
}

die() { echo "$me: $*" >&2; exit 1; }

if [[ $# -ge 1 && ( $1 == -h || $1 == --help ) ]]; then usage; exit 0; fi
if [[ $# -lt 3 ]]; then usage >&2; exit 2; fi

tree=$1 out=$2
shift 2
[[ -d $tree/include/linux ]] || die "$tree does not look like a kernel tree (no include/linux)"
tree=$(cd "$tree" && pwd -P)

# The directory <asm/...> resolves to for an arch, by tree layout; empty if none.
asm_dir_of() {
    local a=$1 src=$1
    [[ $a == i386 || $a == x86_64 ]] && src=x86
    if [[ -d $tree/include/asm-$a ]]; then echo "$tree/include/asm-$a"
    elif [[ $src == x86 && -d $tree/include/asm-x86 ]]; then echo "$tree/include/asm-x86"
    elif [[ -d $tree/arch/$src/include/asm ]]; then echo "$tree/arch/$src/include/asm"
    fi
}

arch=i386
if [[ $1 != *.c && -n $(asm_dir_of "$1") ]]; then
    arch=$1
    shift
fi
[[ $# -ge 1 ]] || { usage >&2; exit 2; }
asm_dir=$(asm_dir_of "$arch")
[[ -n $asm_dir ]] || die "no asm headers for arch $arch in $tree (include/asm-$arch)"

# resolve out-dir (which may not exist yet) before creating anything
out_abs=$(realpath -m -- "$out")
case $out_abs/ in
    "$tree"/*) die "out-dir $out_abs is inside the kernel tree; refusing to write there" ;;
esac
mkdir -p "$out_abs"
out=$(cd "$out_abs" && pwd -P)
case $out/ in
    "$tree"/*) die "out-dir $out is inside the kernel tree; refusing to write there" ;;
esac

CLANG=${CLANG:-clang-19}
command -v "$CLANG" >/dev/null || die "$CLANG not found"
resdir=$("$CLANG" -print-resource-dir)
clang_path=$(command -v "$CLANG")

# ---------------------------------------------------------------- overlay
ov=$out/overlay/include
mkdir -p "$ov/linux"
ln -sfn "$asm_dir" "$ov/asm"

mkvar() { sed -n "s/^$1[[:space:]]*=[[:space:]]*\\([^[:space:]]*\\).*/\\1/p" "$tree/Makefile" | head -n1; }
ver=$(mkvar VERSION) patch=$(mkvar PATCHLEVEL) sub=$(mkvar SUBLEVEL) extra=$(mkvar EXTRAVERSION)
ver=${ver:-2} patch=${patch:-4} sub=${sub:-0}
release="$ver.$patch.$sub$extra"
code=$(( (ver << 16) + (patch << 8) + sub ))

# autoconf.h: kbuild's generated file must define AUTOCONF_INCLUDED (linux/module.h
# checks it) and, for modules, CONFIG_MODULES.
if [[ ! -e $tree/include/linux/autoconf.h ]]; then
    cfgmode=${LEGACY_COMPDB_CONFIG:-defconfig}
    cfgfile=
    case $cfgmode in
        defconfig) [[ -f $tree/arch/$arch/defconfig ]] && cfgfile=$tree/arch/$arch/defconfig ;;
        empty) ;;
        *) [[ -f $cfgmode ]] || die "LEGACY_COMPDB_CONFIG: no such file $cfgmode"; cfgfile=$cfgmode ;;
    esac
    {
        echo "/* generated by $prog; config source: ${cfgfile:-none} */"
        echo "#define AUTOCONF_INCLUDED"
        if [[ -n $cfgfile ]]; then
            # CONFIG_X=y -> 1, =m -> CONFIG_X_MODULE 1, numbers/strings verbatim
            sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=y$/#define \1 1/p' \
                   -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=m$/#define \1_MODULE 1/p' \
                   -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(".*"\)$/#define \1 \2/p' \
                   -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(-\{0,1\}[0-9][0-9a-fA-Fx]*\)$/#define \1 \2/p' \
                "$cfgfile" | grep -v '^#define CONFIG_MODULES 1$' || true
        fi
        echo "#define CONFIG_MODULES 1"
    } >"$ov/linux/autoconf.h"
else
    rm -f "$ov/linux/autoconf.h"
fi

if [[ ! -e $tree/include/linux/version.h ]]; then
    cat >"$ov/linux/version.h" <<EOF
/* generated by $prog from $tree/Makefile */
#define UTS_RELEASE "$release"
#define LINUX_VERSION_CODE $code
#define KERNEL_VERSION(a,b,c) (((a) << 16) + ((b) << 8) + (c))
EOF
else
    rm -f "$ov/linux/version.h"
fi

if [[ ! -e $tree/include/linux/modversions.h ]]; then
    echo "/* generated by $prog: empty (no CONFIG_MODVERSIONS) */" >"$ov/linux/modversions.h"
else
    rm -f "$ov/linux/modversions.h"
fi

if [[ ! -e $tree/include/linux/compile.h ]]; then
    cat >"$ov/linux/compile.h" <<EOF
/* generated by $prog */
#define UTS_VERSION "#1 SMP"
#define LINUX_COMPILE_TIME "00:00:00"
#define LINUX_COMPILE_BY "modlife"
#define LINUX_COMPILE_HOST "localhost"
#define LINUX_COMPILE_DOMAIN "localdomain"
#define LINUX_COMPILER "clang"
EOF
else
    rm -f "$ov/linux/compile.h"
fi

# ---------------------------------------------------------------- flags
case $arch in
    i386)     target=i686-pc-linux-gnu ;;
    x86_64)   target=x86_64-pc-linux-gnu ;;
    arm)      target=arm-linux-gnueabi ;;
    ppc)      target=powerpc-linux-gnu ;;
    ppc64)    target=powerpc64-linux-gnu ;;
    mips)     target=mips-linux-gnu ;;
    mips64)   target=mips64-linux-gnu ;;
    sparc)    target=sparc-linux-gnu ;;
    sparc64)  target=sparcv9-linux-gnu ;;
    m68k)     target=m68k-linux-gnu ;;
    s390)     target=s390x-linux-gnu ;;   # clang has no 31-bit s390
    s390x)    target=s390x-linux-gnu ;;
    *)        target= ;;
esac

common=(-nostdinc -isystem "$resdir/include" -I"$ov" -I"$tree/include"
        -D__KERNEL__ -DMODULE -DEXPORT_SYMTAB -std=gnu89 -w -ferror-limit=0
        -fno-strict-aliasing -fno-common)
# 2.6's kbuild forces the configuration into every file (-include
# linux/autoconf.h); from 2.6.19 on files no longer include linux/config.h.
if [[ $ver -gt 2 || $patch -ge 6 ]]; then
    if [[ -e $tree/include/linux/autoconf.h ]]; then
        common+=(-include "$tree/include/linux/autoconf.h")
    else
        common+=(-include "$ov/linux/autoconf.h")
    fi
fi
target=${LEGACY_COMPDB_TARGET-$target}
[[ -n $target ]] && common=(--target="$target" "${common[@]}")
# i386: clang rejects redeclarations that differ only in regparm (printk is
# declared plain in asm/spinlock.h and asmlinkage=regparm(0) in linux/kernel.h;
# FASTCALL=regparm(3)). Calling convention is irrelevant for parsing, so make
# __attribute__((regparm(N))) expand to an empty __attribute__(()).
[[ $arch == i386 ]] && common+=("-Dregparm(n)=")
# 2.4 i386: asm/processor.h declares "extern struct tss_struct init_tss[NR_CPUS];"
# before struct tss_struct is defined. GCC accepts an array of incomplete type,
# clang rejects it in every file that includes the header. Turn the declaration
# into an array of pointers; init_tss[i] / init_tss+i keep their original types.
if grep -qs 'extern struct tss_struct init_tss\[' "$asm_dir/processor.h"; then
    common+=("-Dinit_tss=*init_tss")
fi
if [[ -n ${LEGACY_COMPDB_EXTRA_FLAGS:-} ]]; then
    read -r -a extra_flags <<<"$LEGACY_COMPDB_EXTRA_FLAGS"
    common+=("${extra_flags[@]}")
fi

# ---------------------------------------------------------------- per-file config
# The driver's own Kconfig symbol (and what it depends on) is usually not in
# defconfig, so headers hide the structures it needs (e.g. sock.h's pppox
# member needs CONFIG_PPPOE[_MODULE]). Infer them the way kbuild would:
#   own symbol   <- "obj-$(CONFIG_X) += file.o" (or a composite "foo-objs"
#                   containing file.o) in the file's directory Makefile
#                   => -DCONFIG_X_MODULE=1 (we build modules)
#   dir symbols  <- "subdir-$(CONFIG_Y) += dir" / "obj-$(CONFIG_Y) += dir/"
#                   in each parent Makefile                     => -DCONFIG_Y=1
#   dependencies <- "dep_tristate '...' CONFIG_X $CONFIG_Z ..." in any
#                   Config.in / Kconfig "depends on"            => -DCONFIG_Z=1
# Symbols already set by autoconf.h are left alone.
joined() { [[ -f $1 ]] && sed -e ':a' -e '/\\$/N' -e 's/\\\n/ /' -e 'ta' "$1"; }
declare -A cfg_defined=()
if [[ -f $ov/linux/autoconf.h ]]; then
    while read -r _ sym _; do cfg_defined[$sym]=1; done < <(grep '^#define CONFIG_' "$ov/linux/autoconf.h")
fi
cfg_known() { [[ -n ${cfg_defined[$1]:-} || -n ${cfg_defined[$1_MODULE]:-} ]]; }
config_files=
infer_config() {   # $1 = absolute file; prints -D flags
    local f=$1 rel dir name objs o sym d
    local -A own=() dirsyms=() depsyms=()
    rel=${f#"$tree"/}; dir=${rel%/*}; name=${rel##*/}; name=${name%.c}
    [[ $dir == "$rel" ]] && dir=.
    objs=("$name.o")
    # composite objects that contain file.o (2.4 "foo-objs", 2.6 "foo-y")
    while read -r o; do objs+=("$o.o"); done < <(joined "$tree/$dir/Makefile" |
        sed -n "s/^[[:space:]]*\\([A-Za-z0-9_]*\\)-\\(objs\\|y\\)[[:space:]]*[:+]\\{0,1\\}=.*[[:space:]=]$name\\.o\\b.*/\\1/p")
    for o in "${objs[@]}"; do
        while read -r sym; do [[ -n $sym ]] && own[$sym]=1; done < <(joined "$tree/$dir/Makefile" |
            grep -E "^[[:space:]]*obj-\\\$\\(CONFIG_[A-Za-z0-9_]+\\)[[:space:]]*[:+]?=(.*[[:space:]])?${o//./\\.}([[:space:]]|\$)" |
            sed -n 's/^[[:space:]]*obj-\$(\(CONFIG_[A-Za-z0-9_]*\)).*/\1/p')
    done
    # every ancestor Makefile that names a directory on the way down to $dir
    # (2.4's drivers/Makefile says "subdir-$(CONFIG_HAMRADIO) += net/hamradio")
    local a=$dir sub
    while [[ $a != . ]]; do
        [[ $a == */* ]] && a=${a%/*} || a=.
        sub=${dir#"$a"/}; [[ $a == . ]] && sub=$dir
        while [[ -n $sub ]]; do
            while read -r sym; do [[ -n $sym ]] && dirsyms[$sym]=1; done < <(joined "$tree/$a/Makefile" |
                grep -E "^[[:space:]]*(subdir|obj)-\\\$\\(CONFIG_[A-Za-z0-9_]+\\)[[:space:]]*[:+]?=(.*[[:space:]])?${sub//./\\.}/?([[:space:]]|\$)" |
                sed -n 's/^[[:space:]]*[a-z]*-\$(\(CONFIG_[A-Za-z0-9_]*\)).*/\1/p')
            [[ $sub == */* ]] && sub=${sub%/*} || sub=
        done
    done
    if [[ -z $config_files ]]; then
        config_files=$(find "$tree" \( -name Config.in -o -name config.in -o -name 'Kconfig*' \) -type f 2>/dev/null | tr '\n' ' ')
    fi
    for sym in "${!own[@]}"; do
        # shellcheck disable=SC2086
        while read -r d; do [[ -n $d ]] && depsyms[$d]=1; done < <(
            grep -hE "^[[:space:]]*dep_[a-z]+[[:space:]]+('[^']*'|\"[^\"]*\")[[:space:]]+$sym([[:space:]]|\$)" $config_files 2>/dev/null |
                sed -e "s/^[^\$]*$sym//" | grep -o 'CONFIG_[A-Za-z0-9_]*' || true)
    done
    # the driver's own sub-options (2.4 Config.in: "bool '...' CONFIG_X_FOO",
    # "hex '...' CONFIG_X_IO 330", "define_int CONFIG_X_N 2"): turn them all on
    # so that #ifdef CONFIG_X_MIDI code (e.g. cmpci's cm_midi_open) is parsed
    local kind val
    for sym in "${!own[@]}"; do
        # shellcheck disable=SC2086
        while read -r kind d val; do
            [[ -z $d || -n ${own[$d]:-} ]] && continue
            cfg_known "$d" && continue
            case $kind in
                *hex) printf -- '-D%s=0x%s\n' "$d" "${val#0x}" ;;
                *int) printf -- '-D%s=%s\n' "$d" "$val" ;;
                *)    printf -- '-D%s=1\n' "$d" ;;
            esac
        done < <(grep -hE "^[[:space:]]*(bool|tristate|dep_bool|dep_mbool|dep_tristate|hex|int|define_bool|define_hex|define_int)[[:space:]]" $config_files 2>/dev/null |
            sed -n -e "s/^[[:space:]]*\(define_[a-z]*\)[[:space:]][[:space:]]*\(${sym}_[A-Za-z0-9_]*\)[[:space:]][[:space:]]*\([^[:space:]]*\).*/\1 \2 \3/p" \
                   -e "s/^[[:space:]]*\([a-z_]*\)[[:space:]][[:space:]]*'[^']*'[[:space:]][[:space:]]*\(${sym}_[A-Za-z0-9_]*\)\([[:space:]][[:space:]]*\([^[:space:]\$]*\)\)\{0,1\}.*/\1 \2 \4/p" |
            awk '!seen[$2]++')
    done
    for sym in "${!own[@]}"; do cfg_known "$sym" || printf -- '-D%s_MODULE=1\n' "$sym"; done
    for sym in "${!dirsyms[@]}" "${!depsyms[@]}"; do
        [[ -n ${own[$sym]:-} ]] && continue
        cfg_known "$sym" || printf -- '-D%s=1\n' "$sym"
    done | sort -u
}

# ---------------------------------------------------------------- entries
files=() perfile=()
for f in "$@"; do
    [[ $f == /* ]] || f=$tree/$f
    [[ -f $f ]] || die "no such file: $f"
    f=$(cd "$(dirname "$f")" && pwd -P)/$(basename "$f")
    case $f in "$tree"/*) ;; *) die "$f is not inside $tree" ;; esac
    files+=("$f")
    if [[ ${LEGACY_COMPDB_INFER_CONFIG:-1} == 1 ]]; then
        perfile+=("$(infer_config "$f" | tr '\n' ' ')")
    else
        perfile+=("")
    fi
done

# "-o" points into <out-dir>/obj so that even a real compile stays out of the tree
objdir=$out/obj
mkdir -p "$objdir"
json=$out/compile_commands.json
tmp=$json.tmp.$$
trap 'rm -f "$tmp"' EXIT

have_python() { command -v python3 >/dev/null 2>&1 && python3 -c 'import json' >/dev/null 2>&1; }

if have_python && [[ ${LEGACY_COMPDB_NO_PYTHON:-0} != 1 ]]; then
    # argv: tree objdir clang_path nflags flags... then (file, per-file flags) pairs
    pairs=()
    for i in "${!files[@]}"; do pairs+=("${files[$i]}" "${perfile[$i]}"); done
    python3 - "$tree" "$objdir" "$clang_path" "${#common[@]}" "${common[@]}" "${pairs[@]}" >"$tmp" <<'PY'
import json, os, re, sys
tree, objdir, cc, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
flags, rest = sys.argv[5:5 + n], sys.argv[5 + n:]
out = []
for f, extra in zip(rest[0::2], rest[1::2]):
    base = re.sub(r'[-,]', '_', os.path.basename(f)[:-2])
    obj = os.path.join(objdir, os.path.relpath(f, tree)[:-2].replace('/', '__') + '.o')
    args = [cc] + flags + extra.split() + ['-DKBUILD_BASENAME=' + base, '-c', f, '-o', obj]
    out.append({'directory': tree, 'file': f, 'arguments': args})
json.dump(out, sys.stdout, indent=2)
sys.stdout.write('\n')
PY
else
    jstr() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
    {
        printf '[\n'
        for i in "${!files[@]}"; do
            f=${files[$i]}
            base=$(basename "$f" .c); base=${base//[-,]/_}
            rel=${f#"$tree"/}; obj=$objdir/${rel//\//__}; obj=${obj%.c}.o
            read -r -a extra <<<"${perfile[$i]}"
            args=("$clang_path" "${common[@]}" ${extra[@]+"${extra[@]}"} "-DKBUILD_BASENAME=$base" -c "$f" -o "$obj")
            [[ $i == 0 ]] || printf ',\n'
            printf '  {\n    "directory": %s,\n    "file": %s,\n    "arguments": [' "$(jstr "$tree")" "$(jstr "$f")"
            sep=
            for a in "${args[@]}"; do printf '%s%s' "$sep" "$(jstr "$a")"; sep=', '; done
            printf ']\n  }'
        done
        printf '\n]\n'
    } >"$tmp"
fi
mv "$tmp" "$json"
trap - EXIT
echo "$prog: wrote $json (${#files[@]} entries, arch $arch, Linux $release)" >&2
