#!/usr/bin/env bash
# The shipped Neovim configuration, in a real (headless) Neovim: it starts
# modlife-lsp for a C buffer and the finding arrives as a diagnostic with
# the check's name. Skipped (77) when nvim is not installed.
#   editor-neovim.sh <bin dir with modlife-lsp and modlife> <source root>
set -euo pipefail
bin="$(cd "$1" && pwd)" root="$(cd "$2" && pwd)"
command -v nvim >/dev/null || { echo "skipped: nvim is not installed" >&2; exit 77; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp "$root/testdata/checks/modlife-unchecked-try-module-get/ignored-result.c" "$scratch/driver.c"
python3 - "$scratch" "$root" <<'PY'
import json, os, sys
d, root = sys.argv[1:3]
args = ["clang-19", "-c", "-nostdinc", "-isystem", os.path.join(root, "testdata/include/linux-6"),
        "-D__KERNEL__", "-DMODULE", '-DKBUILD_MODNAME="mock"', "-std=gnu11", "driver.c"]
json.dump([{"directory": d, "file": os.path.join(d, "driver.c"), "arguments": args}],
          open(os.path.join(d, "compile_commands.json"), "w"))
PY
cat >"$scratch/check.lua" <<'LUA'
local out = io.open(vim.env.RESULT, 'w')
local got = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)
for _, d in ipairs(vim.diagnostic.get(0)) do
  out:write(string.format('%d:%d:%s:%s\n', d.lnum + 1, d.col + 1,
    tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.message))
end
if not got then out:write('timeout\n') end
out:close()
vim.cmd('qall!')
LUA
cd "$scratch"
RESULT="$scratch/result" timeout 60 nvim --headless -u NONE -i NONE \
  --cmd "let g:modlife_lsp = '$bin/modlife-lsp'" \
  --cmd "filetype on" \
  --cmd "luafile $root/integrations/lsp/editors/neovim/modlife.lua" \
  -c "luafile $scratch/check.lua" driver.c || true
cat "$scratch/result" 2>/dev/null || true
grep -q '^23:2:modlife-unchecked-try-module-get:the result of .try_module_get. is ignored' "$scratch/result" ||
  { echo "FAIL: Neovim did not show modlife's diagnostic" >&2; exit 1; }
echo "ok: Neovim $(nvim --version | head -1 | cut -d' ' -f2) shows the diagnostic through the shipped config"
