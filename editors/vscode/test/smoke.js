// extension.js's start-up without VS Code: `vscode` and `vscode-languageclient/node` are stubs that record what
// the extension does. Run with `node test/smoke.js` (no npm install needed); it exits non-zero on a failed check.
"use strict";

const assert = require("assert");
const fs = require("fs");
const Module = require("module");
const os = require("os");
const path = require("path");

const events = { clients: [], errors: [], commands: [], started: 0, stopped: 0, live: 0, mostLive: 0 };
let configuration = {};
let startFails = false;

const vscode = {
  workspace: {
    workspaceFolders: [],
    getConfiguration: (section) => ({
      get: (key, fallback) => (configuration[`${section}.${key}`] !== undefined ? configuration[`${section}.${key}`] : fallback),
    }),
    onDidChangeConfiguration: (listener) => {
      events.onConfiguration = listener;
      return { dispose() {} };
    },
  },
  window: {
    showErrorMessage: async (message, ...items) => {
      events.errors.push({ message, items });
      return undefined;
    },
  },
  commands: {
    registerCommand: (name, callback) => {
      events.commands.push(name);
      return { dispose() {} };
    },
    executeCommand: async () => undefined,
  },
};

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    events.clients.push({ id, name, serverOptions, clientOptions });
    this.outputChannel = { show() {} };
  }
  async start() {
    events.started += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (startFails) throw new Error("Connection closed");
    events.live += 1;
    events.mostLive = Math.max(events.mostLive, events.live);
  }
  async stop() {
    events.stopped += 1;
    events.live -= 1;
  }
}

const stubs = { vscode, "vscode-languageclient/node": { LanguageClient } };
const load = Module._load;
Module._load = function (request, ...rest) {
  return Object.prototype.hasOwnProperty.call(stubs, request) ? stubs[request] : load.call(this, request, ...rest);
};

const extension = require("../extension.js");

async function main() {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), "tfdind-lint-smoke-"));
  const executable = path.join(bin, process.platform === "win32" ? "tfdind-lint.cmd" : "tfdind-lint");
  fs.writeFileSync(executable, "");
  fs.chmodSync(executable, 0o755);
  const context = { subscriptions: [] };

  // The command on PATH: one client, `tfdind-lint server` over stdio, for the files the server lints.
  process.env.PATH = bin + path.delimiter + (process.env.PATH || "");
  await extension.activate(context);
  assert.deepStrictEqual(events.errors, []);
  assert.strictEqual(events.clients.length, 1);
  const [first] = events.clients;
  assert.strictEqual(first.id, "tfdind-lint");
  assert.strictEqual(first.serverOptions.command, "tfdind-lint");
  assert.deepStrictEqual(first.serverOptions.args, ["server"]);
  assert.strictEqual(first.serverOptions.transport, undefined); // stdio, the default
  assert.deepStrictEqual(
    first.clientOptions.documentSelector.map((filter) => filter.pattern),
    ["**/*.tf", "**/*.tf.json", "**/*.yaml", "**/*.yml", "**/*.toml"]
  );
  assert.ok(first.clientOptions.documentSelector.every((filter) => filter.scheme === "file"));
  assert.strictEqual(events.started, 1);
  assert.deepStrictEqual(events.commands, ["tfdind-lint.restart"]);
  assert.strictEqual(context.subscriptions.length, 2);

  // A configured interpreter and arguments: `<path> <args...> server`; a relative path from the workspace folder.
  const configured = extension.serverOptions({ path: "${workspaceFolder}/bin/python", args: ["-m", "tfdind_lint"] }, "/ws");
  assert.strictEqual(configured.command, "/ws/bin/python");
  assert.deepStrictEqual(configured.args, ["-m", "tfdind_lint", "server"]);
  assert.deepStrictEqual(configured.options, { cwd: "/ws" });
  assert.strictEqual(extension.serverOptions({ path: "venv/bin/tfdind-lint" }, "/ws").command,
    path.resolve("/ws", "venv/bin/tfdind-lint"));
  assert.strictEqual(extension.serverOptions({ path: " tfdind-lint " }, "/ws").command, "tfdind-lint");
  assert.strictEqual(extension.expand("~/bin/tfdind-lint"), path.join(os.homedir(), "bin/tfdind-lint"));

  // Changing the path restarts the client with the new command; two changes in a row, one after the other.
  configuration = { "tfdind-lint.path": executable };
  events.onConfiguration({ affectsConfiguration: (key) => key === "tfdind-lint.path" });
  events.onConfiguration({ affectsConfiguration: (key) => key === "tfdind-lint.args" });
  events.onConfiguration({ affectsConfiguration: (key) => key === "editor.fontSize" });
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.strictEqual(events.stopped, 2);
  assert.strictEqual(events.clients.length, 3);
  assert.strictEqual(events.clients[2].serverOptions.command, executable);
  assert.strictEqual(events.live, 1);
  assert.strictEqual(events.mostLive, 1);

  // A command that is nowhere: no client, an error that says how to install the server.
  await extension.deactivate();
  configuration = { "tfdind-lint.path": "tfdind-lint-that-is-not-installed" };
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(events.clients.length, 3);
  assert.strictEqual(events.errors.length, 1);
  assert.match(events.errors[0].message, /"tfdind-lint-that-is-not-installed" was not found/);
  assert.ok(events.errors[0].message.includes("pip install 'tfdind-lint[lsp]'"));
  assert.deepStrictEqual(events.errors[0].items, ["Open Settings"]);

  // A server that does not start (a tfdind-lint without the lsp extra exits at once): said, not thrown.
  configuration = {};
  startFails = true;
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(events.errors.length, 2);
  assert.match(events.errors[1].message, /"tfdind-lint server" did not start \(Connection closed\)/);
  assert.ok(events.errors[1].message.includes("pip install 'tfdind-lint[lsp]'"));
  await extension.deactivate();

  // findExecutable: a path as given, a name on PATH, nothing for a missing file or a directory.
  assert.strictEqual(extension.findExecutable(executable), executable);
  assert.strictEqual(extension.findExecutable("tfdind-lint", { PATH: bin }), executable);
  assert.strictEqual(extension.findExecutable("tfdind-lint", { PATH: "" }), undefined);
  assert.strictEqual(extension.findExecutable(bin), undefined);

  fs.rmSync(bin, { recursive: true, force: true });
  console.log("extension.js smoke test: ok");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
