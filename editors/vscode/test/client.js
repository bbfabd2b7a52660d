// The packaged extension against the real server, without VS Code:
//
//     node test/client.js EXTENSION_DIR COMMAND FILE CODE,CODE,...
//
// loads EXTENSION_DIR/extension.js (an unpacked .vsix's `extension/`, so its own node_modules) with `vscode`
// stubbed and `tfdind-lint.path` set to COMMAND, lets the real vscode-languageclient start `COMMAND server`,
// opens FILE and waits for its diagnostics: their codes must be CODE,CODE,... (sorted). .ci/run runs it.
"use strict";

const assert = require("assert");
const fs = require("fs");
const Module = require("module");
const path = require("path");

const [extensionDir, command, file, expected] = process.argv.slice(2);
if (!expected) {
  console.error("usage: node test/client.js EXTENSION_DIR COMMAND FILE CODE,CODE,...");
  process.exit(2);
}

// What the client touches and this check does not care about: any property, callable, constructible.
function anything(name) {
  const target = function () {
    return anything(`${name}()`);
  };
  return new Proxy(target, {
    get(object, key) {
      if (key === "then" || typeof key === "symbol") return undefined;
      if (!(key in object)) object[key] = anything(`${name}.${String(key)}`);
      return object[key];
    },
    construct() {
      return anything(`new ${name}`);
    },
  });
}

class Position {
  constructor(line, character) {
    Object.assign(this, { line, character });
  }
}
class Range {
  constructor(start, end) {
    Object.assign(this, { start, end });
  }
}
class Diagnostic {
  constructor(range, message, severity) {
    Object.assign(this, { range, message, severity });
  }
}
const uri = (href) => ({ scheme: "file", fsPath: decodeURIComponent(new URL(href).pathname), toString: () => href });

const errors = [];
const published = new Map();
const vscode = anything("vscode");
Object.assign(vscode, {
  version: "1.82.0",
  Position,
  Range,
  Diagnostic,
  Location: class {
    constructor(target, range) {
      Object.assign(this, { uri: target, range });
    }
  },
  DiagnosticRelatedInformation: class {
    constructor(location, message) {
      Object.assign(this, { location, message });
    }
  },
  CancellationTokenSource: class {
    constructor() {
      this.token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
    }
    cancel() {
      this.token.isCancellationRequested = true;
    }
    dispose() {}
  },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  Uri: { parse: uri, file: (p) => uri(`file://${p}`) },
});
vscode.env.appName = "Visual Studio Code (stub)";
vscode.workspace.workspaceFolders = undefined;
vscode.workspace.getConfiguration = () => ({
  get: (key, fallback) => ({ path: command, args: [], "trace.server": "off" })[key] ?? fallback,
});
vscode.window.showErrorMessage = async (message) => {
  errors.push(message);
};
vscode.languages.match = (selector, document) => (document.uri.scheme === "file" ? 10 : 0);
vscode.languages.createDiagnosticCollection = () => {
  const collection = anything("diagnostics");
  collection.set = (target, diagnostics) => published.set(target.toString(), diagnostics);
  return collection;
};
const absolute = path.resolve(file);
const text = fs.readFileSync(absolute, "utf-8");
// The document open in the editor when the client starts: it sends a didOpen for it.
vscode.workspace.textDocuments = [
  {
    uri: uri(`file://${absolute}`),
    languageId: "terraform",
    version: 1,
    isClosed: false,
    getText: () => text,
  },
];

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === "vscode" ? vscode : load.call(this, request, ...rest);
};

async function main() {
  const extension = require(path.resolve(extensionDir, "extension.js"));
  await extension.activate({ subscriptions: [] });
  assert.deepStrictEqual(errors, []);
  const key = `file://${absolute}`;
  for (let waited = 0; !published.has(key); waited += 50) {
    assert.ok(waited < 30000, `no diagnostics for ${key} in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const codes = published.get(key).map((d) => (typeof d.code === "object" ? d.code.value : d.code)).sort();
  assert.deepStrictEqual(codes, expected.split(",").sort());
  await extension.deactivate();
  console.log(`the packaged extension started "${command} server" and showed ${codes.join(", ")} for ${file}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
