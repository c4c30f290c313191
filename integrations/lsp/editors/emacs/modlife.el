;;; modlife.el --- modlife-lsp beside clangd, with lsp-mode  -*- lexical-binding: t -*-

;; lsp-mode runs several servers on one buffer when all but one are
;; "add-on" clients, so modlife's diagnostics join clangd's.  (eglot runs
;; one server per buffer, so it cannot run modlife-lsp beside clangd; with
;; eglot, use clangd there and `M-x compile' with the modlife CLI, whose
;; output compilation-mode reads.)
;;
;; Load this after lsp-mode, then `M-x lsp' in a C buffer.  Set
;; `modlife-lsp-program' if build/bin is not on your PATH.

(require 'lsp-mode)

(defgroup modlife nil "Module lifetime bugs in kernel drivers." :group 'tools)

(defcustom modlife-lsp-program "modlife-lsp"
  "The modlife-lsp binary."
  :type 'string :group 'modlife)

(defcustom modlife-lsp-arguments nil
  "Extra arguments, e.g. (\"--compile-commands-dir=build\")."
  :type '(repeat string) :group 'modlife)

(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection
                   (lambda () (cons modlife-lsp-program modlife-lsp-arguments)))
  :activation-fn (lsp-activate-on "c")
  :major-modes '(c-mode c-ts-mode)
  :add-on? t
  :server-id 'modlife))

(provide 'modlife)
;;; modlife.el ends here
