;;; eglot.el --- kube-proxy Tuner language server in Emacs with eglot  -*- lexical-binding: t; -*-

;; Emacs 29 or newer: eglot is built in.  Put this in your init file (~/.emacs.d/init.el), or save it
;; and `load' it from there.  test/other-editors/emacs.test.ts runs this very file in Emacs 30.
;;
;; The server: the npm package built from the repository (README, "Install"),
;;   npm install --global ./kube-proxy-tuner-<version>.tgz
;; puts `kube-proxy-tuner-language-server' on PATH (it needs Node.js 20 or newer).  Emacs looks for it
;; in `exec-path', which is PATH when Emacs started.
;;
;; A YAML major mode, one of:
;;   - yaml-mode: M-x package-install RET yaml-mode (NonGNU ELPA), or Debian's elpa-yaml-mode package;
;;   - yaml-ts-mode, built in, which needs the tree-sitter grammar for YAML, installed once with
;;     M-x treesit-install-language-grammar RET yaml (it asks where the grammar's repository is),
;;     and to be chosen for .yaml files:
;;       (add-to-list 'auto-mode-alist '("\\.ya?ml\\'" . yaml-ts-mode))
;;   The tests here use yaml-mode (Debian's elpa-yaml-mode): no grammar can be built offline.

;;; Code:

;; Which program eglot starts for YAML buffers.  The server speaks LSP over stdin/stdout.  Our entry
;; goes first, so it replaces eglot's default for YAML (yaml-language-server): eglot runs one server
;; per buffer.  The server checks the kube-proxy configuration in YAML files (KubeProxyConfiguration
;; documents, kubeadm and kind configs, the kube-proxy ConfigMap) and leaves other YAML alone.
;;
;; :initializationOptions is sent once, in the `initialize' request:
;;   :locale   "en" or "zh-cn": the language of messages, hovers and quick fixes;
;;   :snippets :json-false hides the server's snippets from completion (default: shown, if the
;;             client takes snippets: eglot does when yasnippet is installed).
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((yaml-mode yaml-ts-mode)
                 . ("kube-proxy-tuner-language-server" "--stdio"
                    :initializationOptions (:locale "en")))))

;; Settings the server asks for (workspace/configuration, section "kubeProxyTuner").  Keys:
;;   :kubernetesVersion "auto" (what the file names: kubeadm's kubernetesVersion, a kind node image ...;
;;                      else the newest supported) or a minor from "1.28" to "1.37"
;;   :rules             (:unknown-field "warning" :metrics-loopback "off" ...)
;;                      (off | error | warning | information | hint, per rule id)
;;   :clusterScale      "large" | "small"      :monitoring t | :json-false
;;   :cluster           (:nodes 500 :services 2000 :endpoints 20000 :coresPerNode 16)
;;   :metrics           ["kube-proxy.prom"]    (saved scrapes to tune from, relative to the project)
;; A .kube-proxy-tuner.yaml in the project takes the same keys; what is set here wins over it.  This
;; sets the default for all projects; other servers' sections go into the same plist.  Per project,
;; put it in .dir-locals.el instead:
;;   ((nil . ((eglot-workspace-configuration
;;             . (:kubeProxyTuner (:kubernetesVersion "1.33")))))))
(setq-default eglot-workspace-configuration
              '(:kubeProxyTuner (:kubernetesVersion "auto")))

;; Start (or join) the server whenever a YAML buffer visits a file.  Without these hooks, M-x eglot
;; in a YAML buffer starts it by hand.
(add-hook 'yaml-mode-hook #'eglot-ensure)
(add-hook 'yaml-ts-mode-hook #'eglot-ensure)

;; What you get in a kube-proxy YAML file:
;;   diagnostics   Flymake, as "kube-proxy-tuner [rule-id]: message"; M-x flymake-show-buffer-diagnostics
;;   hover         ElDoc at point: what the field does, the recommended value and why, per version
;;   completion    completion-at-point (C-M-i, or your completion UI): fields and values, and the
;;                 server's snippets when yasnippet is installed (eglot takes snippets only then)
;;   code actions  M-x eglot-code-actions: quick fixes, fix all, apply the recommendations

;;; eglot.el ends here
