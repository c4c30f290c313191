#!/bin/sh
# Compiles every sample here with -fsyntax-only -Wall -Werror against the
# mock headers its "modlife-mock:" line names, and each FreeBSD mock header
# on its own. Checks that each "Report:"/"Note:" file:line in a sample's
# top comment, and each file.c:line in README.md, is a line that carries a
# "/* report:" or "/* note:" marker. Exits non-zero on any failure. CLANG
# overrides the compiler (default clang-19).
set -u

here=$(cd "$(dirname "$0")" && pwd)
inc=$(cd "$here/../include" && pwd)
clang=${CLANG:-clang-19}

failed=0
count=0

# $1: file, rest: flags. Runs one syntax check and reports a failure.
check() {
	src=$1
	shift
	count=$((count + 1))
	if ! out=$("$clang" -fsyntax-only -Wall -Werror "$@" "$src" 2>&1); then
		echo "FAIL: $src ($*)"
		echo "$out"
		failed=$((failed + 1))
	fi
}

# The three sets of flags the samples are written for.
fbsd() {
	src=$1
	shift
	check "$src" -nostdinc -isystem "$inc/freebsd" -D_KERNEL -DKLD_MODULE \
	    -std=gnu99 "$@"
}
lkpi() {
	fbsd "$@" -isystem "$inc/freebsd/compat/linuxkpi/common/include"
}
linux6() {
	check "$1" -nostdinc -isystem "$inc/linux-6" -D__KERNEL__ -std=gnu11 \
	    '-DKBUILD_MODNAME="mock"' -DMODULE
}

for f in "$here"/*.c; do
	mock=$(sed -n 's/^ \* modlife-mock: \([a-z0-9.-]*\).*/\1/p' "$f" | head -n 1)
	case $mock in
	freebsd)
		fbsd "$f"
		fbsd "$f" -DVIMAGE
		;;
	freebsd-linuxkpi)
		lkpi "$f"
		;;
	linux-6)
		linux6 "$f"
		;;
	*)
		echo "FAIL: $f: no known 'modlife-mock:' line"
		failed=$((failed + 1))
		;;
	esac

	# The top comment's Report:/Note: lines against the markers.
	want=$(sed -n -e 's/^ \* Report: [^ ]* at [^:]*:\([0-9]*\).*/R\1/p' \
	    -e 's/^ \* Note: [^:]*:\([0-9]*\).*/N\1/p' "$f" | sort | tr '\n' ' ')
	have=$(awk '/\/\* report:/ { print "R" NR } /\/\* note:/ { print "N" NR }' \
	    "$f" | sort | tr '\n' ' ')
	if [ "$want" != "$have" ]; then
		echo "FAIL: $f: top comment says [$want], markers are at [$have]"
		failed=$((failed + 1))
	fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every file.c:line the README names must be a marked line.
grep -o '[a-z0-9-]*\.c:[0-9][0-9]*' "$here/README.md" | sort -u >"$tmp/refs"
while read -r ref; do
	file=${ref%%:*}
	line=${ref##*:}
	if ! sed -n "${line}p" "$here/$file" 2>/dev/null |
	    grep -Eq '/\* (report|note):'; then
		echo "FAIL: README.md names $ref, which has no report or note marker"
		failed=$((failed + 1))
	fi
done <"$tmp/refs"

# Every mock header must stand on its own.
for h in $(cd "$inc/freebsd" && find . -name '*.h' | sed 's|^\./||' | sort); do
	case $h in
	compat/linuxkpi/common/include/*) name=${h#compat/linuxkpi/common/include/} ;;
	*) name=$h ;;
	esac
	printf '#include <%s>\n' "$name" >"$tmp/one.c"
	lkpi "$tmp/one.c"
done

echo "$count compiles, $failed failures"
[ "$failed" -eq 0 ]
