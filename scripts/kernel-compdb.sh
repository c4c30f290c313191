#!/usr/bin/env bash
# kernel-compdb.sh - build parts of Debian's linux-source-6.1 with clang-19
# (the kernel's own Kbuild, LLVM=-19) and produce a compile_commands.json for
# the directories modlife cares about, with many drivers configured as modules
# so that their code is compiled with -DMODULE.
#
# Steps (each skipped when already done, except the database, which is always
# regenerated):
#   1. apt-get install the missing build dependencies (dpkg-query check)
#   2. extract /usr/src/linux-source-6.1.tar.xz into <tree>
#   3. make defconfig + scripts/config (module set below) + olddefconfig
#   4. make prepare; make -k <dirs>/  (under nice -n 10)
#   5. gen_compile_commands.py over the whole tree, then filter to <dirs>
set -euo pipefail

prog=${0##*/}

DEFAULT_TREE=/work/trees/linux-6.1
DEFAULT_OUT=/work/trees/linux-6.1-db
DEFAULT_DIRS="drivers/char drivers/input drivers/md drivers/net/phy net/bluetooth kernel fs"
# Kbuild dirs that their parent Makefile does not descend into (drivers/Makefile
# lists them directly), so "make drivers/char/" etc. would skip them. Each one is
# built as an extra target when it lies under a selected target dir.
EXTRA_BUILD_DIRS="drivers/char/ipmi drivers/input/serio drivers/input/gameport"
TARBALL=/usr/src/linux-source-6.1.tar.xz

usage() {
    cat <<EOF
usage: $prog [options] [tree-dir [out-dir]]

Builds the kernel from $TARBALL with clang-19 (make LLVM=-19) and writes
<out-dir>/compile_commands.json: the entries of the kernel's own
gen_compile_commands.py database whose file is under one of the target dirs.

  tree-dir   where the kernel source is extracted and built (default $DEFAULT_TREE)
  out-dir    where the filtered database, build.log and build-failures.txt go
             (default $DEFAULT_OUT)

Options:
  -j N            parallel make jobs (default: nproc)
  --reconfigure   redo defconfig + module options even if the tree is configured
  --no-build      do not run make (only regenerate and filter the database)
  --no-install    do not check or install Debian packages
  -h, --help      this message

Environment:
  KCOMPDB_DIRS    space-separated target dirs (default: $DEFAULT_DIRS)
  KCOMPDB_EXTRA_BUILD_DIRS
                  sub-dirs the dir targets do not reach and that are built as
                  extra targets when under a target dir
                  (default: $EXTRA_BUILD_DIRS)

Re-running is cheap: packages, extraction and configuration are skipped when
done (the configuration is redone when the option list in this script
changes), make only rebuilds what is out of date (and retries what failed),
and the database is always regenerated. Build failures are tolerated (make -k),
listed in <out-dir>/build-failures.txt and reported; the exit status is 0 as
long as a database was written.
EOF
}

die() { echo "$prog: $*" >&2; exit 1; }
log() { echo "[$prog $(date +%H:%M:%S)] $*" >&2; }

jobs=$(nproc)
reconfigure=0 build=1 install=1
positional=()
while [[ $# -gt 0 ]]; do
    case $1 in
        -h|--help) usage; exit 0 ;;
        -j) [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || { usage >&2; exit 2; }
            jobs=$2; shift 2 ;;
        -j[1-9]*) [[ ${1#-j} =~ ^[1-9][0-9]*$ ]] || { usage >&2; exit 2; }
            jobs=${1#-j}; shift ;;
        --reconfigure) reconfigure=1; shift ;;
        --no-build) build=0; shift ;;
        --no-install) install=0; shift ;;
        --) shift; positional+=("$@"); break ;;
        -*) echo "$prog: unknown option: $1" >&2; usage >&2; exit 2 ;;
        *) positional+=("$1"); shift ;;
    esac
done
[[ ${#positional[@]} -le 2 ]] || { usage >&2; exit 2; }

tree=${positional[0]:-$DEFAULT_TREE}
out=${positional[1]:-$DEFAULT_OUT}
read -r -a dirs <<<"${KCOMPDB_DIRS:-$DEFAULT_DIRS}"
[[ ${#dirs[@]} -gt 0 ]] || die "KCOMPDB_DIRS is empty"
for i in "${!dirs[@]}"; do
    d=${dirs[$i]%/}
    [[ -n $d && $d != /* && $d != *..* ]] || die "bad target dir '${dirs[$i]}' (must be relative to the tree)"
    dirs[i]=$d
done

mkdir -p "$(dirname "$tree")" "$out"
tree=$(cd "$(dirname "$tree")" && pwd)/$(basename "$tree")
out=$(cd "$out" && pwd)

MAKE=(nice -n 10 make -C "$tree" LLVM=-19)

timings=()
step_start=0
step() { step_name=$1; step_start=$SECONDS; log "== $step_name"; }
step_done() {
    local t=$((SECONDS - step_start))
    timings+=("$(printf '%-12s %4dm%02ds %s' "$step_name" $((t / 60)) $((t % 60)) "${1:-}")")
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
    if [[ -e $tree ]] && [[ -n $(ls -A "$tree" 2>/dev/null) ]]; then
        die "$tree exists, is not empty and is not a kernel tree; remove it or choose another dir"
    fi
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

# ---------------------------------------------------------------- 3. configure
# Options applied on top of x86_64 defconfig with scripts/config.
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

config_stamp=$tree/.modlife-kernel-compdb.config
config_sig=$(printf '%s\n' "y:${CONFIG_Y[*]}" "m:${CONFIG_M[*]}" "n:${CONFIG_N[*]}" | sha256sum | cut -d' ' -f1)

step configure
if [[ $reconfigure == 0 && -f $tree/.config && -f $config_stamp && $(cat "$config_stamp") == "$config_sig" ]]; then
    step_done "(already configured)"
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
    echo "$config_sig" >"$config_stamp"
    step_done "($(grep -c '=m$' "$tree/.config") =m, ${#not_honoured[@]} not as requested)"
fi

# ---------------------------------------------------------------- 4. build
buildlog=$out/build.log
failures=$out/build-failures.txt
if [[ $build == 1 ]]; then
    step prepare
    "${MAKE[@]}" -s -j"$jobs" prepare >"$out/prepare.log" 2>&1 || {
        tail -n 40 "$out/prepare.log" >&2
        die "make prepare failed (log: $out/prepare.log)"
    }
    step_done

    step build
    targets=()
    for d in "${dirs[@]}"; do targets+=("$d/"); done
    read -r -a extra <<<"${KCOMPDB_EXTRA_BUILD_DIRS-$EXTRA_BUILD_DIRS}"
    for x in "${extra[@]}"; do
        x=${x%/}
        for d in "${dirs[@]}"; do
            if [[ $x == "$d"/* && -d $tree/$x ]]; then targets+=("$x/"); break; fi
        done
    done
    log "make targets: ${targets[*]}"
    set +e
    "${MAKE[@]}" -j"$jobs" -k "${targets[@]}" >"$buildlog" 2>&1
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
python3 "$gen" -d "$tree" -o "$tree/compile_commands.json"
python3 - "$tree" "$tree/compile_commands.json" "$out/compile_commands.json" "${dirs[@]}" <<'PY'
import json, os, shlex, sys

tree, src, dst, *dirs = sys.argv[1:]
with open(src) as f:
    db = json.load(f)

def target_of(entry):
    path = entry["file"]
    if not os.path.isabs(path):
        path = os.path.join(entry.get("directory", tree), path)
    rel = os.path.relpath(os.path.normpath(path), tree)
    best = None
    for d in dirs:
        if rel == d or rel.startswith(d + "/"):
            if best is None or len(d) > len(best):
                best = d
    return best

def is_module(entry):
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    return "-DMODULE" in args

kept, per_dir = [], {d: [0, 0] for d in dirs}
for e in db:
    d = target_of(e)
    if d is None:
        continue
    kept.append(e)
    per_dir[d][0] += 1
    per_dir[d][1] += is_module(e)

tmp = dst + ".tmp"
with open(tmp, "w") as f:
    json.dump(kept, f, indent=2)
    f.write("\n")
os.replace(tmp, dst)

print(f"{'dir':<18} {'entries':>8} {'-DMODULE':>9}")
for d in dirs:
    n, m = per_dir[d]
    print(f"{d:<18} {n:>8} {m:>9}")
print(f"{'total':<18} {len(kept):>8} {sum(v[1] for v in per_dir.values()):>9}")
print(f"(full tree database: {len(db)} entries; filtered: {dst})")
PY
step_done

log "timings:"
printf '    %s\n' "${timings[@]}" >&2
nentries=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$out/compile_commands.json")
echo "$out/compile_commands.json: $nentries entries"
