-- Run by test/other-editors/neovim.test.ts inside `nvim --headless`, after Neovim has run the user's
-- configuration (init.lua = docs/editors/neovim.lua, copied verbatim). It does what a user does (open
-- the file, wait, K on a field, gra on a line) and writes what Neovim then shows, as JSON, to
-- params.out; then quits. Parameters come as JSON in $KPT_NVIM_HARNESS:
--   file       the YAML file to open
--   out        where to write the JSON result
--   timeoutMs  how long to wait for each answer of the server
--   override   optional: a table for vim.lsp.config('kube_proxy_tuner', ...) (a test-only override,
--              merged over the doc file's configuration by Neovim itself)
--   hover      { line, character } (0-based) for K
--   codeAction { line, character } (0-based) for gra
local params = vim.json.decode(vim.env.KPT_NVIM_HARNESS)
local NAME = 'kube_proxy_tuner'
local result = { steps = {}, configurationAnswers = {}, versions = {} }

local function step(name)
  table.insert(result.steps, name)
end

local function read(path)
  local file = path and io.open(path, 'r')
  if not file then
    return nil
  end
  local text = file:read('*a')
  file:close()
  return text
end

local function finish()
  result.messages = vim.api.nvim_exec2('messages', { output = true }).output
  result.lspLog = read(vim.lsp.log.get_filename())
  vim.fn.writefile({ vim.json.encode(result) }, params.out)
  vim.cmd('qa!')
end

local function client_info(client)
  return {
    name = client.name,
    cmd = client.config.cmd,
    root_dir = client.root_dir,
    init_options = client.config.init_options,
    settings = client.config.settings,
    initialized = client.initialized,
    server_info = client.server_info,
  }
end

local ok, err = xpcall(function()
  step('override')
  if params.override then
    vim.lsp.config(NAME, params.override)
  end
  -- Recorded on the way, without changing what Neovim does: the settings Neovim answers the server's
  -- workspace/configuration with, and the server's own kubeProxyTuner/version notification.
  local answer_configuration = vim.lsp.handlers['workspace/configuration']
  vim.lsp.handlers['workspace/configuration'] = function(err_, request, ctx, config)
    local answer = answer_configuration(err_, request, ctx, config)
    table.insert(result.configurationAnswers, { items = request.items, answer = answer })
    return answer
  end
  vim.lsp.handlers['kubeProxyTuner/version'] = function(_, info)
    table.insert(result.versions, info)
  end

  step('open')
  vim.cmd.edit(vim.fn.fnameescape(params.file))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype

  step('attach')
  local attached = vim.wait(params.timeoutMs, function()
    return #vim.lsp.get_clients({ bufnr = buf }) > 0
  end, 20)
  if not attached then
    error('no language server attached to ' .. params.file .. ' (filetype ' .. vim.bo[buf].filetype .. ') within the timeout')
  end

  step('diagnostics')
  result.diagnosticsArrived = vim.wait(params.timeoutMs, function()
    return #vim.diagnostic.get(buf) > 0
  end, 20)
  result.clients = vim.tbl_map(client_info, vim.lsp.get_clients({ bufnr = buf }))
  result.diagnostics = vim.tbl_map(function(d)
    return {
      line = d.lnum + 1,
      column = d.col + 1,
      severity = vim.diagnostic.severity[d.severity],
      source = d.source,
      code = d.code,
      message = d.message,
    }
  end, vim.diagnostic.get(buf))
  if not result.diagnosticsArrived then
    return
  end

  -- K: the hover opens a floating window; its text is what the user reads.
  step('hover')
  vim.api.nvim_win_set_cursor(0, { params.hover.line + 1, params.hover.character })
  vim.lsp.buf.hover()
  vim.wait(params.timeoutMs, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        result.hover = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
        vim.api.nvim_win_close(win, true)
        return true
      end
    end
    return false
  end, 20)

  -- gra on a diagnostic: the code actions the user picks from (vim.ui.select), none chosen.
  step('code actions')
  vim.api.nvim_win_set_cursor(0, { params.codeAction.line + 1, params.codeAction.character })
  local original_select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    result.codeActions = vim.tbl_map(function(item)
      return opts.format_item and opts.format_item(item) or tostring(item)
    end, items)
    on_choice(nil)
  end
  vim.lsp.buf.code_action()
  vim.wait(params.timeoutMs, function()
    return result.codeActions ~= nil
  end, 20)
  vim.ui.select = original_select
  step('done')
end, debug.traceback)

if not ok then
  result.error = err
end
finish()
