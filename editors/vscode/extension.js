// tfdind-lint for VS Code and code-server: runs `tfdind-lint server` (docs/editors.md) over stdio and
// leaves the rest (diagnostics, code actions, hover) to vscode-languageclient. Plain JavaScript, no build step.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

const ID = "tfdind-lint";
const INSTALL = "pip install 'tfdind-lint[lsp]'";

// The files the server lints (tfdind_lint/server/engine.py, is_linted), by name rather than by language id:
// `.tf` files have a language only with HashiCorp's Terraform extension, `.tf.json` ones are plain JSON.
const DOCUMENT_SELECTOR = ["**/*.tf", "**/*.tf.json", "**/*.yaml", "**/*.yml", "**/*.toml"].map(
  (pattern) => ({ scheme: "file", pattern })
);

let client;

// The configured command as a path: `~` and ${workspaceFolder} expanded, a relative path taken from `folder`.
function expand(command, folder) {
  let expanded = command.trim();
  if (expanded === "~" || expanded.startsWith("~/") || expanded.startsWith("~\\")) {
    expanded = path.join(os.homedir(), expanded.slice(1));
  }
  if (folder) {
    expanded = expanded.split("${workspaceFolder}").join(folder);
    if (/[\\/]/.test(expanded) && !path.isAbsolute(expanded)) {
      expanded = path.resolve(folder, expanded);
    }
  }
  return expanded;
}

function isExecutableFile(candidate, platform) {
  try {
    if (!fs.statSync(candidate).isFile()) return false;
    if (platform !== "win32") fs.accessSync(candidate, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Where `command` runs from, as the operating system would find it (a path as given, a name on PATH,
// with PATHEXT's extensions on Windows), or undefined when it is nowhere.
function findExecutable(command, env = process.env, platform = process.platform) {
  const windows = platform === "win32";
  const extensions = windows ? ["", ...(env.PATHEXT || ".COM;.EXE;.BAT;.CMD").split(";").filter(Boolean)] : [""];
  const hasDirectory = windows ? /[\\/]/.test(command) : command.includes("/");
  const directories = hasDirectory
    ? [""]
    : (env.PATH || env.Path || "").split(windows ? ";" : ":").filter(Boolean);
  for (const directory of directories) {
    for (const extension of extensions) {
      const candidate = directory ? path.join(directory, command + extension) : command + extension;
      if (isExecutableFile(candidate, platform)) return candidate;
    }
  }
  return undefined;
}

// What the client runs: `<tfdind-lint.path> <tfdind-lint.args...> server`, over stdio.
function serverOptions(settings, folder) {
  const command = expand(settings.path || ID, folder);
  return { command, args: [...(settings.args || []), "server"], options: folder ? { cwd: folder } : {} };
}

function settings() {
  const configuration = vscode.workspace.getConfiguration(ID);
  return { path: configuration.get("path", ID), args: configuration.get("args", []) };
}

function firstFolder() {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length ? folders[0].uri.fsPath : undefined;
}

async function offerSettings(message) {
  const choice = await vscode.window.showErrorMessage(message, "Open Settings");
  if (choice === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", `${ID}.path`);
  }
}

async function start() {
  const server = serverOptions(settings(), firstFolder());
  if (findExecutable(server.command) === undefined) {
    await offerSettings(
      `tfdind-lint: the command "${server.command}" was not found. Install the language server with ` +
        `${INSTALL} (in an environment whose scripts are on PATH), or set tfdind-lint.path to the command.`
    );
    return;
  }
  client = new LanguageClient(ID, "tfdind-lint", server, {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannelName: "tfdind-lint",
  });
  try {
    await client.start();
  } catch (error) {
    // Most often a tfdind-lint without the `lsp` extra: it says so on stderr (the output channel) and exits.
    const failed = client;
    client = undefined;
    failed.outputChannel.show(true);
    await offerSettings(
      `tfdind-lint: "${[server.command, ...server.args].join(" ")}" did not start (${error && error.message}). ` +
        `See the tfdind-lint output; the server needs the lsp extra: ${INSTALL}.`
    );
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch {
      // a server that already exited has nothing left to stop
    }
  }
}

// Restarts run one after the other: a setting changed twice while the server starts gives one client, not two.
let restarting = Promise.resolve();
function restart() {
  restarting = restarting.then(stop).then(start);
  return restarting;
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand(`${ID}.restart`, restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${ID}.path`) || event.affectsConfiguration(`${ID}.args`)) {
        restart();
      }
    })
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, serverOptions, findExecutable, expand, DOCUMENT_SELECTOR, INSTALL };
