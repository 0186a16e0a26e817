-- kube-proxy Tuner language server in Neovim 0.11 or newer (built-in LSP client, no plugin needed).
--
-- Install the server first: the npm package built from the repository (README, "Install"),
--   npm install --global ./kube-proxy-tuner-<version>.tgz
-- puts `kube-proxy-tuner-language-server` on PATH (it needs Node.js 20 or newer).
--
-- Then put this file where Neovim reads it: paste it into ~/.config/nvim/init.lua, or save it as
-- ~/.config/nvim/plugin/kube-proxy-tuner.lua (every file in plugin/ is run at start-up).
-- test/other-editors/neovim.test.ts runs this very file in Neovim 0.12.

-- vim.lsp.config() describes a server under a name of our choosing; nothing starts yet.
vim.lsp.config('kube_proxy_tuner', {
  -- The command Neovim starts; the server speaks LSP over stdin/stdout.
  cmd = { 'kube-proxy-tuner-language-server', '--stdio' },

  -- Buffers that start (or attach to) the server. It checks the kube-proxy configuration in YAML files
  -- (KubeProxyConfiguration documents, kubeadm and kind configs, the kube-proxy ConfigMap) and leaves
  -- other YAML alone.
  filetypes = { 'yaml' },

  -- The project root is the nearest folder, from the file upwards, holding one of these. Files under
  -- the same root share one server. Without any, the server still runs, for the single file.
  root_markers = { '.kube-proxy-tuner.yaml', '.git' },

  -- Sent once, in the `initialize` request:
  --   locale   = 'en' or 'zh-cn': the language of messages, hovers and quick fixes.
  --   snippets = false hides the server's kubeadm/kube-proxy snippets from completion (default: true).
  init_options = { locale = 'en' },

  -- Settings the server asks for (workspace/configuration, section `kubeProxyTuner`). Keys:
  --   kubernetesVersion = 'auto' (what the file names: kubeadm's kubernetesVersion, a kind node image ...;
  --                       else the newest supported) or a minor from '1.28' to '1.37'
  --   rules             = { ['unknown-field'] = 'warning', ['metrics-loopback'] = 'off', ... }
  --                       (off | error | warning | information | hint, per rule id)
  --   clusterScale      = 'large' | 'small'     monitoring = true | false
  --   cluster           = { nodes = 500, services = 2000, endpoints = 20000, coresPerNode = 16 }
  --   metrics           = { 'kube-proxy.prom' }  (saved scrapes to tune from, relative to the root)
  -- A .kube-proxy-tuner.yaml in the project takes the same keys; what is set here wins over it.
  settings = {
    kubeProxyTuner = {
      kubernetesVersion = 'auto',
    },
  },
})

-- Start the server for every buffer of one of the filetypes above, now and from now on.
vim.lsp.enable('kube_proxy_tuner')

-- What you get in a kube-proxy YAML file, with Neovim's default mappings:
--   diagnostics    underlined, with a sign; source `kube-proxy-tuner`, the rule id as code. ]d / [d move
--                  between them, <C-w>d shows the message (vim.diagnostic.config({ virtual_text = true })
--                  shows it at the end of the line)
--   hover          K on a field: what it does, the recommended value and why, per Kubernetes version
--   completion     <C-x><C-o> (omnifunc is set by the LSP client): fields, values and snippets
--   code actions   gra: quick fixes, fix all, apply the recommendations
