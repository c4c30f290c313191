#!/usr/bin/env bash
# Real parsers read modlife's text output as they read a compiler's. Every
# "file:line:col: warning|note:" line must become exactly one valid entry,
# with the same file, line and column, and nothing else may:
#  - Vim's quickfix list, under the DEFAULT 'errorformat' (kind left in the
#    text: the default has no %t), under ':compiler gcc' (warnings typed w),
#    and under the one-line setting integrations/ci/README.md gives (w and n).
#  - Emacs's compilation-mode with its default compilation-error-regexp-alist
#    (warnings type 1, notes type 0), when emacs is installed.
# Lines that are no diagnostic must not parse, and the comparison is fed a
# wrong expectation once to show that it can fail.
# Skipped (77) without vim; this script installs nothing.
#   text-format-parsers.sh <modlife> <source root>
set -euo pipefail
modlife="$1" root="$(cd "$2" && pwd)"
command -v vim >/dev/null ||
  { echo "skipped: vim is not installed (scripts/setup.sh installs it)"; exit 77; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# The testdata files written for the modern mocks: findings of several
# checks, with notes. stdout and stderr together, as ':make' captures them,
# so the summary lines are in the input too.
mapfile -t cases < <(grep -l 'modlife-mock: linux-6\b' "$root"/testdata/checks/*/*.c |
  grep -v -e '\.fixed\.c$' | xargs grep -L 'modlife-mock: linux-6-builtin')
[ "${#cases[@]}" -ge 5 ] || fail "only ${#cases[@]} modern-mock test files found"
m6=(-nostdinc -isystem "$root/testdata/include/linux-6" -D__KERNEL__ -DMODULE '-DKBUILD_MODNAME="mock"' -std=gnu11)
status=0
"$modlife" "${cases[@]}" -- "${m6[@]}" >"$scratch/out.txt" 2>&1 || status=$?
[ "$status" -eq 1 ] || { cat "$scratch/out.txt" >&2; fail "modlife exited $status, expected 1"; }
# Malformed lines: neither a diagnostic without a line number nor prose with
# colons and a number may become an entry.
cat >>"$scratch/out.txt" <<'EOF'
modlife-malformed.c: warning: a diagnostic without a line number [modlife-malformed]
modlife-malformed: this line is not 12: a diagnostic
EOF

# Vim: one fresh process per 'errorformat', each dumping its quickfix list
# as JSON (file names made absolute: bufname() shortens them to the cwd).
cat >"$scratch/dump.vim" <<'VIM'
execute 'cgetfile' fnameescape(g:src)
let s:entries = []
for e in getqflist()
  call add(s:entries, {'valid': e.valid, 'lnum': e.lnum, 'col': e.col,
        \ 'type': e.type, 'text': e.text,
        \ 'file': e.bufnr ? fnamemodify(bufname(e.bufnr), ':p') : ''})
endfor
call writefile([json_encode({'efm': &errorformat, 'entries': s:entries})], g:dst)
qa!
VIM
vim_qf() { # vim_qf <name> <ex command that sets 'errorformat'>
  timeout 60 vim -u NONE -i NONE -N -es -c 'set encoding=utf-8' -c "$2" \
    -c "let g:src = '$scratch/out.txt' | let g:dst = '$scratch/vim-$1.json'" \
    -c "source $scratch/dump.vim" </dev/null || true
  [ -s "$scratch/vim-$1.json" ] || fail "vim wrote no quickfix list for '$2'"
}
vim_qf default 'set errorformat&'
vim_qf gcc 'compiler gcc'
# Keep in step with integrations/ci/README.md.
vim_qf typed 'set errorformat^=%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m'

# Emacs, when installed: compilation-mode parses the buffer and each message
# is printed as file, line, column, type and the rule that matched.
emacs_tsv=""
if command -v emacs >/dev/null; then
  cat >"$scratch/parse.el" <<'EL'
(require 'compile)
(let ((out (expand-file-name (pop command-line-args-left))))
  (unless (fboundp 'compilation--ensure-parse)
    (princ "skip\tthis Emacs is older than 27\n")
    (kill-emacs 0))
  (with-temp-buffer
    (insert-file-contents out)
    (compilation-mode)
    (compilation--ensure-parse (point-max))
    (goto-char (point-min))
    (while (not (eobp))
      (let* ((pos (text-property-not-all (line-beginning-position) (line-end-position)
                                         'compilation-message nil))
             (msg (and pos (get-text-property pos 'compilation-message))))
        (when (and msg (compilation--message-p msg) (compilation--message->loc msg))
          (let* ((loc (compilation--message->loc msg))
                 (fs (car (compilation--loc->file-struct loc))))
            (princ (format "%s\t%s\t%s\t%s\t%s\n"
                           (expand-file-name (car fs) (or (cadr fs) default-directory))
                           (compilation--loc->line loc) (compilation--loc->col loc)
                           (compilation--message->type msg)
                           (if (fboundp 'compilation--message->rule)
                               (compilation--message->rule msg) "?"))))))
      (forward-line 1))))
EL
  timeout 120 emacs --batch -Q -l "$scratch/parse.el" "$scratch/out.txt" \
    >"$scratch/emacs.tsv" 2>"$scratch/emacs.err" ||
    { cat "$scratch/emacs.err" >&2; fail "emacs --batch failed"; }
  emacs_tsv="$scratch/emacs.tsv"
else
  echo "skipped: Emacs compilation-mode (emacs is not installed)"
fi

python3 - "$scratch" "$emacs_tsv" <<'PY'
import collections, json, os, re, sys
scratch, emacs_tsv = sys.argv[1:3]
DIAG = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<kind>warning|note): (?P<msg>.*)$")
failed = []
def fail(msg):
    failed.append(msg)
    print("FAIL: " + msg, file=sys.stderr)

diags = []  # what modlife meant: (file, line, col, kind, message)
for text in open(os.path.join(scratch, "out.txt")):
    m = DIAG.match(text.rstrip("\n"))
    if m:
        diags.append((os.path.realpath(m["file"]), int(m["line"]), int(m["col"]),
                      m["kind"], m["msg"]))
kinds = collections.Counter(d[3] for d in diags)
if kinds["warning"] < 5 or kinds["note"] < 5:
    sys.exit("FAIL: too few diagnostics to compare: %s" % dict(kinds))
for d in diags:
    if d[3] == "warning" and not re.search(r" \[modlife-[a-z0-9-]+\]$", d[4]):
        fail("modlife wrote a warning without its [check]: %s" % (d,))

def compare(parser, want, got):
    """Both ways: every diagnostic read once, nothing else read."""
    want, got = collections.Counter(want), collections.Counter(got)
    return (["%s missed or misread %s" % (parser, e) for e in want - got] +
            ["%s read an entry modlife did not write: %s" % (parser, e) for e in got - want])

def check(parser, want, got, malformed):
    problems = compare(parser, want, got)
    for p in problems[:10]:
        fail(p)
    for e in malformed:
        fail("%s took a malformed line for a diagnostic: %s" % (parser, e))
    # The comparison must be able to fail: one expectation off by a line.
    wrong = list(want)
    f, line, *rest = wrong[0]
    wrong[0] = (f, line + 1, *rest)
    if not compare(parser, wrong, got):
        fail("%s: the comparison accepted a wrong expectation" % parser)
    return not problems and not malformed

# Vim. What each 'errorformat' makes of the kind: the default has no %t, so
# the kind stays at the head of the text; gcc's types warnings only.
def vim_want(mode, kind, msg):
    if mode == "default":
        return "", "%s: %s" % (kind, msg)
    if mode == "gcc" and kind == "note":
        return "", "note: " + msg
    return kind[0], msg

for mode in ("default", "gcc", "typed"):
    dump = json.load(open(os.path.join(scratch, "vim-%s.json" % mode)))
    if mode == "gcc" and "%tarning" not in dump["efm"]:
        fail("':compiler gcc' did not set gcc's errorformat (no Vim runtime?)")
        continue
    valid = [e for e in dump["entries"] if e["valid"]]
    got = [(os.path.realpath(e["file"]), e["lnum"], e["col"], e["type"], e["text"].strip())
           for e in valid]
    want = [(f, l, c, *vim_want(mode, k, m)) for f, l, c, k, m in diags]
    malformed = [e for e in valid if "modlife-malformed" in e["file"] + e["text"]]
    named = sum(bool(re.search(r" \[modlife-[a-z0-9-]+\]$", e["text"])) for e in valid)
    if named != kinds["warning"]:
        fail("vim (%s): %d entries end in a [check], for %d warnings"
             % (mode, named, kinds["warning"]))
    if check("vim (%s errorformat)" % mode, want, got, malformed):
        types = collections.Counter(e["type"] or "none" for e in valid)
        print("ok: vim, %s 'errorformat': %d warnings and %d notes, file, line, column "
              "and text as written; types %s" % (mode, kinds["warning"], kinds["note"],
                                                  dict(types)))

# Emacs: type 1 is a warning, 0 an info; the message text is the line itself.
if emacs_tsv:
    rows = [l.rstrip("\n").split("\t") for l in open(emacs_tsv) if l.strip()]
    if rows and rows[0][0] == "skip":
        print("skipped: Emacs compilation-mode (%s)" % rows[0][1])
    else:
        got = [(os.path.realpath(f), int(l), int(c) if c != "nil" else None, int(t))
               for f, l, c, t, _ in rows]
        want = [(f, l, c, 1 if k == "warning" else 0) for f, l, c, k, _ in diags]
        malformed = [r for r in rows if "modlife-malformed" in r[0]]
        if check("emacs compilation-mode", want, got, malformed):
            rules = collections.Counter(r[4] for r in rows)
            print("ok: emacs compilation-mode: %d warnings (type 1) and %d notes (type 0), "
                  "file, line and column as written; matched by %s"
                  % (kinds["warning"], kinds["note"], dict(rules)))
sys.exit(1 if failed else 0)
PY
