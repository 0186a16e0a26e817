;;; emacs-harness.el --- drives eglot for test/other-editors/emacs.test.ts  -*- lexical-binding: t; -*-

;; Run as `emacs --batch -l emacs-harness.el'.  A batch Emacs reads no init file, so this does what
;; an interactive start-up does first (activate the installed packages, here Debian's yaml-mode),
;; then loads the user's configuration, docs/editors/eglot.el, as it is, and does what a user does:
;; visit the file, wait for Flymake, read ElDoc's hover on a field.  What Emacs then shows is printed
;; on stdout as one line "KPT-RESULT <json>".  Parameters come as JSON in $KPT_EMACS_HARNESS:
;;   doc        the configuration to load (docs/editors/eglot.el)
;;   file       the YAML file to visit
;;   timeoutMs  how long to wait for each answer of the server
;;   hover      {line, character} (0-based) for the hover
;;   workspaceConfiguration  optional: a test-only override of `eglot-workspace-configuration', set
;;              with setq-default after the doc file, before the file is visited

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defvar kpt-params (json-parse-string (getenv "KPT_EMACS_HARNESS") :object-type 'plist :array-type 'list))
(defvar kpt-timeout (/ (plist-get kpt-params :timeoutMs) 1000.0))
(defvar kpt-steps nil)
(defvar kpt-configuration-answers nil)
(defvar kpt-versions nil)
(defvar kpt-result nil "A plist, serialized at the end.")

(defun kpt-step (name) (push name kpt-steps))
(defun kpt-put (key value) (setq kpt-result (plist-put kpt-result key value)))

(defun kpt-wait (predicate)
  "Let Emacs run (process output, timers) until PREDICATE is non-nil.
Gives up after the timeout of the parameters."
  (let ((deadline (+ (float-time) kpt-timeout)) (value nil))
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    value))

(defun kpt-buffer-text (name)
  (let ((buffer (get-buffer name)))
    (and buffer (with-current-buffer buffer
                  (buffer-substring-no-properties (max (point-min) (- (point-max) 20000)) (point-max))))))

(defun kpt-log ()
  "Messages, and eglot's events and stderr buffers.
What a user would look at when nothing shows."
  (string-join
   (delq nil
         (cons (concat "*Messages*:\n" (or (kpt-buffer-text "*Messages*") ""))
               (cl-loop for buffer in (buffer-list)
                        for name = (buffer-name buffer)
                        when (string-match-p "EGLOT" name)
                        collect (concat name ":\n" (kpt-buffer-text name)))))
   "\n"))

(defun kpt-json (value)
  "VALUE (plists, lists, vectors, strings, numbers, symbols) for `json-serialize'."
  (cond ((and (consp value) (keywordp (car value)))
         (cl-loop for (key val) on value by #'cddr append (list key (kpt-json val))))
        ((consp value) (vconcat (mapcar #'kpt-json value)))
        ((vectorp value) (vconcat (mapcar #'kpt-json value)))
        ((null value) :null)
        ((eq value t) t)
        ((symbolp value) (symbol-name value))
        (t value)))

(defun kpt-ascii (json)
  "JSON (UTF-8 bytes, from `json-serialize') with \\uXXXX escapes for non-ASCII.
So the line reaches the test intact whatever the terminal's coding system."
  (replace-regexp-in-string
   "[^[:ascii:]]"
   (lambda (char)
     (let ((code (string-to-char char)))
       (if (< code #x10000)
           (format "\\u%04x" code)
         (let ((high (- code #x10000)))
           (format "\\u%04x\\u%04x" (+ #xd800 (ash high -10)) (+ #xdc00 (logand high #x3ff)))))))
   (decode-coding-string json 'utf-8) t t))

(defun kpt-diagnostic (diagnostic)
  (let* ((beg (flymake-diagnostic-beg diagnostic))
         (lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diagnostic))))
    (list :line (line-number-at-pos beg)
          :column (save-excursion (goto-char beg) (1+ (current-column)))
          :type (flymake-diagnostic-type diagnostic)
          :text (flymake-diagnostic-text diagnostic)
          :source (plist-get lsp :source)
          :code (plist-get lsp :code))))

(defun kpt-run ()
  (kpt-step "init")
  ;; What `command-line' does before the init file when not in batch mode.
  (package-activate-all)
  (load (plist-get kpt-params :doc) nil nil t)
  (kpt-step "override")
  (when-let ((configuration (plist-get kpt-params :workspaceConfiguration)))
    (setq-default eglot-workspace-configuration configuration))
  (require 'eglot)
  ;; Recorded on the way, without changing what eglot does: its answers to the server's
  ;; workspace/configuration, and the server's own kubeProxyTuner/version notification.
  (advice-add 'eglot-handle-request :around
              (lambda (handle server method &rest args)
                (let ((answer (apply handle server method args)))
                  (when (eq method 'workspace/configuration) (push answer kpt-configuration-answers))
                  answer)))
  (advice-add 'eglot-handle-notification :around
              (lambda (handle server method &rest args)
                (when (eq method 'kubeProxyTuner/version) (push args kpt-versions))
                (apply handle server method args)))

  (kpt-step "open")
  (find-file (plist-get kpt-params :file))
  (kpt-put :majorMode major-mode)
  ;; eglot-ensure connects when the command that visited the file ends (post-command-hook); a batch
  ;; Emacs runs no command loop, so end the "command" here.
  (run-hooks 'post-command-hook)
  (kpt-step "connect")
  (let ((server (kpt-wait (lambda () (eglot-current-server)))))
    (unless server
      (error "No eglot server manages %s (major mode %s) within the timeout" buffer-file-name major-mode))
    (kpt-put :server (list :program (process-command (jsonrpc--process server))
                           :root (project-root (eglot--project server))
                           :modes (eglot--major-modes server)
                           :languageIds (eglot--language-ids server)
                           :serverInfo (plist-get (eglot--server-info server) :name)
                           :initializationOptions (eglot-initialization-options server))))

  (kpt-step "diagnostics")
  (kpt-put :diagnosticsArrived (and (kpt-wait (lambda () (flymake-diagnostics))) t))
  (kpt-put :diagnostics
           (vconcat (mapcar #'kpt-diagnostic
                            (sort (flymake-diagnostics)
                                  (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))))
  (when (plist-get kpt-result :diagnosticsArrived)
    ;; ElDoc's hover at point, from the function eglot gives ElDoc for it.
    (kpt-step "hover")
    (let ((hover (plist-get kpt-params :hover)) (text nil) (called nil))
      (goto-char (point-min))
      (forward-line (plist-get hover :line))
      (forward-char (plist-get hover :character))
      (eglot-hover-eldoc-function (lambda (info &rest _) (setq called t text info)))
      (kpt-wait (lambda () called))
      (kpt-put :hover (and text (substring-no-properties text)))))
  (kpt-step "done"))

(let ((ok nil))
  (condition-case-unless-debug failure
      (progn (kpt-run) (setq ok t))
    (error (kpt-put :error (format "%S" failure))))
  (kpt-put :ok ok)
  (kpt-put :emacsVersion emacs-version)
  ;; Vectors: JSON arrays also when empty.
  (kpt-put :steps (vconcat (reverse kpt-steps)))
  (kpt-put :configurationAnswers (vconcat (reverse kpt-configuration-answers)))
  (kpt-put :versions (vconcat (reverse kpt-versions)))
  (kpt-put :log (kpt-log))
  (princ (concat "KPT-RESULT " (kpt-ascii (json-serialize (kpt-json kpt-result))) "\n"))
  (ignore-errors (eglot-shutdown-all))
  (kill-emacs 0))

;;; emacs-harness.el ends here
