-- modlife-lsp in Neovim, beside clangd: both attach to C buffers.
-- Put this file on your runtimepath (e.g. ~/.config/nvim/plugin/) or
-- `dofile()` it from init.lua. Set vim.g.modlife_lsp to the binary's path
-- if build/bin is not on PATH. Works with Neovim 0.7 and later.
local cmd = { vim.g.modlife_lsp or 'modlife-lsp' }
if vim.g.modlife_compile_commands_dir then
  table.insert(cmd, '--compile-commands-dir=' .. vim.g.modlife_compile_commands_dir)
end

-- The project root, as clangd's: the nearest directory above the file that
-- holds compile_commands.json or .git.
local function root_of(file)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  while dir ~= '/' and dir ~= '' do
    if vim.fn.filereadable(dir .. '/compile_commands.json') == 1 or
       vim.fn.isdirectory(dir .. '/.git') == 1 then
      return dir
    end
    dir = vim.fn.fnamemodify(dir, ':h')
  end
  return vim.fn.getcwd()
end

local clients = {}
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'c',
  callback = function(args)
    local root = root_of(vim.api.nvim_buf_get_name(args.buf))
    -- One server per project root, shared by its buffers.
    if not clients[root] then
      clients[root] = vim.lsp.start_client({
        name = 'modlife',
        cmd = cmd,
        root_dir = root,
      })
    end
    if clients[root] then
      vim.lsp.buf_attach_client(args.buf, clients[root])
    end
  end,
})
