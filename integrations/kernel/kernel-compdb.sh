#!/usr/bin/env bash
# kernel-compdb.sh - build parts of a modern Linux tree (by default Debian's
# linux-source-6.1) with clang-19 through the kernel's own Kbuild (LLVM=-19)
# and produce a compile_commands.json for the parts modlife should analyze,
# with many drivers configured as modules so that their code is compiled with
# -DMODULE.
#
# This is the database half of "modlife-kernel modern"; modlife-kernel
# validates its input, calls this script, then runs modlife. It can also be
# run alone (scripts/kernel-compdb.sh execs it).
#
# Steps (each skipped when already done, except the database, which is always
# regenerated):
#   1. apt-get install the missing build dependencies (dpkg-query check)
#   2. extract /usr/src/linux-source-6.1.tar.xz into <tree>
#   3. make defconfig + scripts/config (module set below) + olddefconfig,
#      or: copy --config FILE to .config + olddefconfig
#   4. make prepare; make -k <dirs>/ <objs>.o  (under nice -n 10)
#   5. gen_compile_commands.py over the built dirs, then filter to the targets
#
# Only the kernel's own make writes inside <tree> (objects, .config, generated
# headers). This script's own files (logs, stamps, the databases) go to
# <out-dir>, which must not be inside <tree>.
set -euo pipefail

prog=${0##*/}
# Messages name the front end when modlife-kernel runs this script.
me=${MODLIFE_KERNEL_PROG:-$prog}

DEFAULT_TREE=/work/trees/linux-6.1
DEFAULT_OUT=/work/trees/linux-6.1-db
DEFAULT_DIRS="drivers/char drivers/input drivers/md drivers/net/phy net/bluetooth kernel fs"
# Kbuild dirs that their parent Makefile does not descend into (drivers/Makefile
# lists them directly), so "make drivers/char/" etc. would skip them. Each one is
# built as an extra target when it lies under a selected target dir.
EXTRA_BUILD_DIRS="drivers/char/ipmi drivers/input/serio drivers/input/gameport"
TARBALL=/usr/src/linux-source-6.1.tar.xz
# ARCH values whose clang build Linux 6.1 supports (Documentation/kbuild/llvm.rst),
# with the arch/ directory each one builds from.
declare -A SRCARCH=(
    [x86_64]=x86 [i386]=x86 [x86]=x86 [arm]=arm [arm64]=arm64 [riscv]=riscv
    [powerpc]=powerpc [mips]=mips [s390]=s390 [hexagon]=hexagon
)
DEFAULT_ARCH=x86_64

usage() {
    cat <<EOF
usage: $prog [options] [tree-dir [out-dir]]

Builds a kernel tree (extracted from $TARBALL when <tree-dir> does not exist)
with clang-19 (make LLVM=-19) and writes <out-dir>/compile_commands.json: the
entries of the kernel's own gen_compile_commands.py database that belong to
the targets.

  tree-dir   where the kernel source is extracted and built (default $DEFAULT_TREE)
  out-dir    where the filtered database, logs and stamps go, never inside
             tree-dir (default $DEFAULT_OUT)

Options:
  --arch ARCH     make ARCH=ARCH (default $DEFAULT_ARCH; one of: $(printf '%s ' "${!SRCARCH[@]}" | tr ' ' '\n' | sort | tr '\n' ' '))
  --config C      defconfig (default): defconfig + this script's module set;
                  FILE: that .config, completed by olddefconfig
  --target T      a dir (drivers/char) or an object (drivers/char/lp.o) to
                  build and keep in the database; repeatable. Overrides
                  KCOMPDB_DIRS.
  -j N            parallel make jobs (default: nproc)
  --reconfigure   redo the configuration even if the tree is configured
  --no-build      do not run make (only regenerate and filter the database)
  --no-install    do not check or install Debian packages
  -h, --help      this message

Environment:
  KCOMPDB_DIRS    space-separated targets when no --target is given
                  (default: $DEFAULT_DIRS)
  KCOMPDB_EXTRA_BUILD_DIRS
                  sub-dirs the dir targets do not reach and that are built as
                  extra targets when under a target dir
                  (default: $EXTRA_BUILD_DIRS)

Re-running is cheap: packages, extraction and configuration are skipped when
done (the configuration is redone when the module set in this script, the
--config file or the out-dir changes), make only rebuilds what is out of date
(and retries what failed), and the database is always regenerated. Build
failures are tolerated (make -k), listed in <out-dir>/build-failures.txt and
reported; the exit status is 0 as long as a database was written, 2 for bad
input, 1 for other failures.
EOF
}

die() { echo "$me: $*" >&2; exit 1; }
bad_input() { echo "$me: $*" >&2; exit 2; }
log() { echo "[$me $(date +%H:%M:%S)] $*" >&2; }

jobs=$(nproc)
reconfigure=0 build=1 install=1
arch=$DEFAULT_ARCH config=defconfig
positional=() targets_opt=()
while [[ $# -gt 0 ]]; do
    case $1 in
        -h|--help) usage; exit 0 ;;
        -j) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || bad_input "-j needs a positive number"
            jobs=$2; shift 2 ;;
        -j[1-9]*) [[ ${1#-j} =~ ^[1-9][0-9]*$ ]] || bad_input "bad option: $1"
            jobs=${1#-j}; shift ;;
        --arch) [[ $# -ge 2 ]] || bad_input "--arch needs a value"; arch=$2; shift 2 ;;
        --arch=*) arch=${1#--arch=}; shift ;;
        --config) [[ $# -ge 2 ]] || bad_input "--config needs a value"; config=$2; shift 2 ;;
        --config=*) config=${1#--config=}; shift ;;
        --target) [[ $# -ge 2 ]] || bad_input "--target needs a value"; targets_opt+=("$2"); shift 2 ;;
        --target=*) targets_opt+=("${1#--target=}"); shift ;;
        --reconfigure) reconfigure=1; shift ;;
        --no-build) build=0; shift ;;
        --no-install) install=0; shift ;;
        --) shift; positional+=("$@"); break ;;
        -*) bad_input "unknown option: $1 (see --help)" ;;
        *) positional+=("$1"); shift ;;
    esac
done
[[ ${#positional[@]} -le 2 ]] || bad_input "too many arguments (see --help)"

[[ -n ${SRCARCH[$arch]:-} ]] || bad_input "unknown arch '$arch' (clang builds of Linux 6.1 support: $(printf '%s ' "${!SRCARCH[@]}" | tr ' ' '\n' | sort | tr '\n' ' '))"
if [[ $config != defconfig ]]; then
    [[ -f $config ]] || bad_input "--config: no such file: $config"
    config=$(cd "$(dirname "$config")" && pwd)/$(basename "$config")
fi

tree=${positional[0]:-$DEFAULT_TREE}
out=${positional[1]:-$DEFAULT_OUT}
if [[ ${#targets_opt[@]} -gt 0 ]]; then
    targets=("${targets_opt[@]}")
else
    read -r -a targets <<<"${KCOMPDB_DIRS:-$DEFAULT_DIRS}"
fi
[[ ${#targets[@]} -gt 0 ]] || bad_input "no targets (KCOMPDB_DIRS is empty)"
dirs=() objs=()
for t in "${targets[@]}"; do
    t=${t%/}
    [[ -n $t && $t != /* && $t != *..* ]] || bad_input "bad target '$t' (must be relative to the tree)"
    if [[ $t == *.o ]]; then objs+=("$t"); else dirs+=("$t"); fi
done

tree=$(realpath -m -- "$tree")
out=$(realpath -m -- "$out")
case $out/ in "$tree"/*) bad_input "out-dir $out is inside the tree $tree; choose a dir outside it" ;; esac

# A tree configured for one arch and built for another mixes objects: refuse.
# .config's first lines name the ARCH it was made with ("# Linux/x86_64 6.1.x
# Kernel Configuration"; "x86" when make ran without ARCH, which is x86_64).
norm_arch() { [[ $1 == x86 ]] && echo x86_64 || echo "$1"; }
if [[ -f $tree/.config ]]; then
    have_arch=$(sed -n 's|^# Linux/\([^ ]*\) .*Kernel Configuration$|\1|p' "$tree/.config" | head -n1)
    if [[ -n $have_arch && $(norm_arch "$have_arch") != $(norm_arch "$arch") ]]; then
        bad_input "$tree is configured for ARCH=$have_arch, not $arch; use another tree (or run make mrproper in it yourself)"
    fi
fi

# Every check of the input comes before the first step that costs anything.
is_kernel_tree() { [[ -f $tree/Makefile && -d $tree/scripts/kconfig ]]; }
if [[ -e $tree && ! -d $tree ]]; then
    bad_input "$tree is not a directory"
elif is_kernel_tree; then
    [[ -f $tree/scripts/clang-tools/gen_compile_commands.py ]] ||
        bad_input "$tree has no scripts/clang-tools/gen_compile_commands.py (older than 5.10?); use legacy mode"
    [[ -d $tree/arch/${SRCARCH[$arch]} ]] || bad_input "$tree has no arch/${SRCARCH[$arch]} (for --arch $arch)"
    for d in "${dirs[@]}"; do
        [[ -d $tree/$d ]] || bad_input "no directory $d in $tree"
    done
    for o in "${objs[@]}"; do
        [[ -d $tree/$(dirname "$o") ]] || bad_input "no directory $(dirname "$o") in $tree (for $o)"
    done
elif [[ -e $tree && -n $(ls -A "$tree" 2>/dev/null) ]]; then
    bad_input "$tree is not a kernel tree (no Makefile and scripts/kconfig) and not empty; remove it or choose another dir"
fi
mkdir -p "$(dirname "$tree")" "$out"

MAKE=(nice -n 10 make -C "$tree" LLVM=-19 ARCH="$arch")

timings=()
step_start=0
step() { step_name=$1; step_start=$SECONDS; log "== $step_name"; }
step_done() {
    local t=$((SECONDS - step_start))
    timings+=("$(printf '%-10s %4dm%02ds %s' "$step_name" $((t / 60)) $((t % 60)) "${1:-}")")
    log "== $step_name done in ${t}s ${1:-}"
}

# ---------------------------------------------------------------- 1. packages
PACKAGES=(
    linux-source-6.1 clang-19 llvm-19 lld-19 make bc flex bison
    libelf-dev libssl-dev python3 xz-utils rsync
)
step packages
if [[ $install == 1 ]]; then
    missing=()
    for p in "${PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        log "installing ${missing[*]}"
        SUDO=()
        [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
        export DEBIAN_FRONTEND=noninteractive
        "${SUDO[@]}" apt-get update -qq >/dev/null
        "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
        step_done "(installed ${missing[*]})"
    else
        step_done "(all present)"
    fi
else
    step_done "(skipped: --no-install)"
fi
for tool in clang-19 ld.lld-19 llvm-ar-19 llvm-nm-19 llvm-objcopy-19 make python3 flex bison bc; do
    command -v "$tool" >/dev/null || die "$tool not found"
done

# ---------------------------------------------------------------- 2. extract
step extract
if [[ -f $tree/Makefile && -d $tree/scripts/kconfig ]]; then
    step_done "(already extracted at $tree)"
else
    [[ -f $TARBALL ]] || die "$TARBALL not found (is linux-source-6.1 installed?)"
    tmp=$tree.extract.$$
    rm -rf "$tmp"
    mkdir -p "$tmp"
    trap 'rm -rf "$tmp"' EXIT
    tar -xJf "$TARBALL" -C "$tmp" --strip-components=1
    rmdir "$tree" 2>/dev/null || true
    mv "$tmp" "$tree"
    trap - EXIT
    step_done "(into $tree)"
fi
for t in "${dirs[@]}" "${objs[@]}"; do
    [[ $t == *.o ]] && t=$(dirname "$t")
    [[ -d $tree/$t ]] || bad_input "no directory $t in $tree"
done

# ---------------------------------------------------------------- 3. configure
# Options applied on top of the arch's defconfig with scripts/config (the
# module set; with --config FILE none of them is applied).
# y: bool menus/options needed so the modules below are visible.
CONFIG_Y=(
    MODULES MODULE_UNLOAD
    # net/bluetooth
    BT_BREDR BT_LE BT_RFCOMM_TTY BT_BNEP_MC_FILTER BT_BNEP_PROTO_FILTER BT_LEDS
    # drivers/md
    MD DM_UEVENT
    # drivers/input
    INPUT_MISC INPUT_JOYSTICK INPUT_KEYBOARD INPUT_MOUSE INPUT_TABLET
    # drivers/char
    IPMI_PANIC_EVENT TCG_TPM HW_RANDOM
    # drivers/net/phy (AT803X_PHY depends on it; drivers/regulator is not built)
    REGULATOR
    # fs
    MISC_FILESYSTEMS SQUASHFS_XZ SQUASHFS_ZSTD SQUASHFS_XATTR IKCONFIG_PROC NTFS3_LZX_XPRESS
)
# m: tristates built as loadable modules (their code gets -DMODULE).
CONFIG_M=(
    # net/bluetooth (+ drivers/bluetooth's btusb, not a target dir)
    BT BT_RFCOMM BT_BNEP BT_HIDP BT_HCIBTUSB
    # drivers/md
    BLK_DEV_MD MD_LINEAR MD_RAID0 MD_RAID1 MD_RAID10 MD_RAID456 MD_MULTIPATH MD_FAULTY
    BLK_DEV_DM DM_CRYPT DM_SNAPSHOT DM_MIRROR DM_LOG_USERSPACE DM_RAID DM_ZERO
    DM_MULTIPATH DM_DELAY DM_FLAKEY DM_VERITY DM_INTEGRITY DM_THIN_PROVISIONING
    # drivers/input
    INPUT_UINPUT INPUT_JOYDEV INPUT_EVDEV INPUT_MOUSEDEV INPUT_SPARSEKMAP INPUT_MATRIXKMAP
    INPUT_PCSPKR INPUT_ATI_REMOTE2 INPUT_KEYSPAN_REMOTE INPUT_POWERMATE INPUT_YEALINK INPUT_CM109
    SERIO_RAW SERIO_PCIPS2 SERIO_PARKBD GAMEPORT_NS558 GAMEPORT_L4 GAMEPORT_EMU10K1 GAMEPORT_FM801
    GAMEPORT JOYSTICK_ANALOG JOYSTICK_SIDEWINDER JOYSTICK_IFORCE JOYSTICK_IFORCE_USB
    JOYSTICK_XPAD JOYSTICK_DB9 JOYSTICK_GAMECON
    KEYBOARD_LKKBD KEYBOARD_NEWTON KEYBOARD_SUNKBD KEYBOARD_XTKBD KEYBOARD_STOWAWAY
    MOUSE_SERIAL MOUSE_APPLETOUCH MOUSE_BCM5974 MOUSE_VSXXXAA
    TABLET_USB_ACECAD TABLET_USB_AIPTEK
    # drivers/char
    IPMI_HANDLER IPMI_DEVICE_INTERFACE IPMI_SI IPMI_SSIF IPMI_WATCHDOG IPMI_POWEROFF
    HW_RANDOM_TIMERIOMEM HW_RANDOM_INTEL HW_RANDOM_AMD HW_RANDOM_VIA HW_RANDOM_VIRTIO
    TCG_TIS TCG_CRB
    PARPORT PARPORT_PC PRINTER PPDEV NVRAM HANGCHECK_TIMER TELCLOCK APPLICOM
    # drivers/net/phy
    FIXED_PHY MARVELL_PHY MARVELL_10G_PHY REALTEK_PHY BROADCOM_PHY SMSC_PHY MICREL_PHY
    AT803X_PHY DP83822_PHY DP83848_PHY DP83867_PHY ICPLUS_PHY LXT_PHY NATIONAL_PHY
    VITESSE_PHY DAVICOM_PHY QSEMI_PHY CICADA_PHY MICROCHIP_PHY AQUANTIA_PHY
    # fs
    FUSE_FS CUSE OVERLAY_FS ISO9660_FS UDF_FS FAT_FS MSDOS_FS VFAT_FS NTFS3_FS
    SQUASHFS CONFIGFS_FS EXT2_FS ROMFS_FS MINIX_FS CRAMFS AUTOFS4_FS AUTOFS_FS BINFMT_MISC
    NLS_UTF8 NLS_CODEPAGE_850 NLS_ISO8859_15
    # kernel
    IKCONFIG
)
# n: keep the build small.
CONFIG_N=(DEBUG_INFO DEBUG_INFO_DWARF4 DEBUG_INFO_DWARF5 DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT
          DEBUG_INFO_BTF IKHEADERS WERROR)

# The stamp lives in <out-dir>, not in the tree. It records what the tree was
# configured from and the resulting .config, so a .config changed by hand (or
# by another tool) is configured again.
config_stamp=$out/config.stamp
if [[ $config == defconfig ]]; then
    config_sig=$(printf '%s\n' "arch:$arch" "y:${CONFIG_Y[*]}" "m:${CONFIG_M[*]}" "n:${CONFIG_N[*]}" | sha256sum | cut -d' ' -f1)
else
    config_sig=$(printf '%s\n' "arch:$arch" "file:$(sha256sum <"$config" | cut -d' ' -f1)" | sha256sum | cut -d' ' -f1)
fi
dotconfig_sum() { sha256sum <"$tree/.config" | cut -d' ' -f1; }

step configure
if [[ $reconfigure == 0 && -f $tree/.config && -f $config_stamp &&
      $(cat "$config_stamp") == "$config_sig $(dotconfig_sum)" ]]; then
    step_done "(already configured)"
elif [[ $config != defconfig ]]; then
    rm -f "$config_stamp"
    cp -- "$config" "$tree/.config"
    "${MAKE[@]}" -s olddefconfig
    [[ $("$tree/scripts/config" --file "$tree/.config" --state MODULES) == y ]] ||
        log "CONFIG_MODULES is not set in $config: no file will be compiled with -DMODULE"
    echo "$config_sig $(dotconfig_sum)" >"$config_stamp"
    step_done "(from $config; $(grep -c '=m$' "$tree/.config") =m)"
else
    rm -f "$config_stamp"
    "${MAKE[@]}" -s defconfig
    cfg=(--file "$tree/.config")
    args=()
    for o in "${CONFIG_Y[@]}"; do args+=(--enable "$o"); done
    for o in "${CONFIG_M[@]}"; do args+=(--module "$o"); done
    for o in "${CONFIG_N[@]}"; do args+=(--disable "$o"); done
    args+=(--enable DEBUG_INFO_NONE)
    "$tree/scripts/config" "${cfg[@]}" "${args[@]}"
    "${MAKE[@]}" -s olddefconfig
    # report what Kconfig did not honour (unmet deps, or forced to y by a select)
    not_honoured=()
    for o in "${CONFIG_Y[@]}"; do
        v=$("$tree/scripts/config" "${cfg[@]}" --state "$o")
        [[ $v == y ]] || not_honoured+=("$o=$v(want y)")
    done
    for o in "${CONFIG_M[@]}"; do
        v=$("$tree/scripts/config" "${cfg[@]}" --state "$o")
        [[ $v == m ]] || not_honoured+=("$o=$v(want m)")
    done
    [[ $("$tree/scripts/config" "${cfg[@]}" --state MODULES) == y ]] || die "CONFIG_MODULES is not set after olddefconfig"
    if [[ ${#not_honoured[@]} -gt 0 ]]; then
        log "config options not as requested: ${not_honoured[*]}"
    fi
    echo "$config_sig $(dotconfig_sum)" >"$config_stamp"
    step_done "($(grep -c '=m$' "$tree/.config") =m, ${#not_honoured[@]} not as requested)"
fi

# ---------------------------------------------------------------- 4. build
buildlog=$out/build.log
failures=$out/build-failures.txt
make_targets=()
for d in "${dirs[@]}"; do make_targets+=("$d/"); done
read -r -a extra <<<"${KCOMPDB_EXTRA_BUILD_DIRS-$EXTRA_BUILD_DIRS}"
for x in "${extra[@]}"; do
    x=${x%/}
    for d in "${dirs[@]}"; do
        if [[ $x == "$d"/* && -d $tree/$x ]]; then make_targets+=("$x/"); break; fi
    done
done
make_targets+=("${objs[@]}")
if [[ $build == 1 ]]; then
    step prepare
    "${MAKE[@]}" -s -j"$jobs" prepare >"$out/prepare.log" 2>&1 || {
        tail -n 40 "$out/prepare.log" >&2
        die "make prepare failed (log: $out/prepare.log)"
    }
    step_done

    step build
    log "make targets: ${make_targets[*]}"
    set +e
    "${MAKE[@]}" -j"$jobs" -k "${make_targets[@]}" >"$buildlog" 2>&1
    rc=$?
    set -e
    # "make[N]: *** [scripts/Makefile.build:250: drivers/foo/bar.o] Error 1"
    grep -E '^make(\[[0-9]+\])?: \*\*\* \[' "$buildlog" |
        sed -nE 's/.*\[[^]]*: ([^]]+)\] Error.*/\1/p' | grep -E '/[^/]*\.[^/]*$' | sort -u >"$failures" || true
    nfail=$(wc -l <"$failures")
    nwarn=$(grep -c 'warning:' "$buildlog" || true)
    step_done "(make exit $rc, $nfail failed targets, $nwarn warnings; log $buildlog)"
    if [[ $nfail -gt 0 ]]; then
        log "failed targets (see $failures):"
        sed 's/^/    /' "$failures" >&2
    elif [[ $rc -ne 0 ]]; then
        log "make exited $rc without a failed object; last lines of $buildlog:"
        tail -n 20 "$buildlog" >&2
    fi
else
    log "== build skipped (--no-build)"
fi

# ---------------------------------------------------------------- 5. database
step compdb
gen=$tree/scripts/clang-tools/gen_compile_commands.py
[[ -f $gen ]] || die "$gen not found"
# Walk only the dirs that hold the targets (the extra build dirs lie under
# them): walking a whole built tree is the slow part of the generator.
cands=("${dirs[@]}")
for o in "${objs[@]}"; do cands+=("$(dirname "$o")"); done
walk=()
for c in "${cands[@]}"; do
    [[ -d $tree/$c ]] || continue
    nested=0
    for w in "${cands[@]}"; do [[ $c == "$w"/* ]] && nested=1; done
    [[ $nested == 1 ]] || walk+=("$tree/$c")
done
[[ ${#walk[@]} -gt 0 ]] || die "none of the targets is in a directory of $tree"
mapfile -t walk < <(printf '%s\n' "${walk[@]}" | sort -u)
(cd "$tree" && python3 "$gen" -d "$tree" -o "$out/compile_commands.full.json" "${walk[@]}")
python3 - "$tree" "$out/compile_commands.full.json" "$out/compile_commands.json" "${dirs[@]}" "${objs[@]}" <<'PY'
import json, os, re, shlex, sys

tree, src, dst, *targets = sys.argv[1:]
with open(src) as f:
    db = json.load(f)

dirs = [t for t in targets if not t.endswith(".o")]

def members(obj, seen):
    """Objects a (possibly composite) object is made of, from Kbuild's files:
    <obj>.mod lists a module's objects, the .cmd of a composite links them."""
    if obj in seen:
        return
    seen.add(obj)
    found = []
    mod = os.path.join(tree, obj[:-2] + ".mod")
    if os.path.isfile(mod):
        with open(mod) as f:
            found += f.read().split()
    d, b = os.path.split(obj)
    cmd = os.path.join(tree, d, "." + b + ".cmd")
    if os.path.isfile(cmd):
        with open(cmd) as f:
            first = f.readline()
        m = re.match(r"^(saved)?cmd_\S+ := (.*)$", first)
        if m and not re.search(r"\s-c\s", " " + m.group(2) + " "):
            for tok in shlex.split(m.group(2)):
                if tok.endswith(".o") and tok != obj:
                    found.append(tok)
                elif tok.startswith("@") and os.path.isfile(os.path.join(tree, tok[1:])):
                    with open(os.path.join(tree, tok[1:])) as f:
                        found += f.read().split()
    for o in found:
        if o != obj:
            members(os.path.normpath(o), seen)

obj_targets = {}
for t in targets:
    if t.endswith(".o"):
        s = set()
        members(os.path.normpath(t), s)
        for o in s:
            obj_targets[o] = t

def rel_of(entry):
    path = entry["file"]
    if not os.path.isabs(path):
        path = os.path.join(entry.get("directory", tree), path)
    return os.path.relpath(os.path.normpath(path), tree)

def args_of(entry):
    return entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])

def output_of(args):
    for i, a in enumerate(args):
        if a == "-o" and i + 1 < len(args):
            return os.path.normpath(args[i + 1])
    return None

def target_of(entry, args):
    rel = rel_of(entry)
    best = None
    for d in dirs:
        if rel == d or rel.startswith(d + "/"):
            if best is None or len(d) > len(best):
                best = d
    if best is None:
        best = obj_targets.get(output_of(args)) or obj_targets.get(rel[:-2] + ".o")
    return best

kept, seen_files = [], set()
per_target = {t: [0, 0] for t in targets}
for e in db:
    args = args_of(e)
    t = target_of(e, args)
    if t is None or e["file"] in seen_files:
        continue
    seen_files.add(e["file"])
    kept.append(e)
    per_target[t][0] += 1
    per_target[t][1] += "-DMODULE" in args

tmp = dst + ".tmp"
with open(tmp, "w") as f:
    json.dump(kept, f, indent=2)
    f.write("\n")
os.replace(tmp, dst)

w = max([len("target")] + [len(t) for t in targets])
print(f"{'target':<{w}} {'entries':>8} {'-DMODULE':>9}")
for t in targets:
    n, m = per_target[t]
    print(f"{t:<{w}} {n:>8} {m:>9}")
print(f"{'total':<{w}} {len(kept):>8} {sum(v[1] for v in per_target.values()):>9}")
print(f"(database of the built dirs: {len(db)} entries; filtered: {dst})")
PY
step_done

# modlife-kernel prints these with its own stage at the end.
if [[ -z ${MODLIFE_KERNEL_PROG:-} ]]; then
    log "timings:"
    printf '    %s\n' "${timings[@]}" >&2
fi
printf '%s\n' "${timings[@]}" >"$out/timings.txt"
nentries=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$out/compile_commands.json")
echo "$out/compile_commands.json: $nentries entries"
