// modlife's VS Code client: starts modlife-lsp for C files. It runs beside
// the clangd (or C/C++) extension; both publish diagnostics for the file.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('modlife');
  const args = [];
  const dir = config.get('compileCommandsDir');
  if (dir) args.push('--compile-commands-dir=' + dir);
  client = new LanguageClient(
    'modlife', 'modlife',
    { command: config.get('path'), args },
    {
      documentSelector: [{ scheme: 'file', language: 'c' }],
      initializationOptions: { fallbackFlags: config.get('fallbackFlags') },
    });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
