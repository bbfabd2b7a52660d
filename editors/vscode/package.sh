#!/usr/bin/env bash
# Build the VS Code extension's .vsix and check what is in it: `editors/vscode/package.sh [OUTPUT_DIR]`.
# npm ci (the versions of package-lock.json, vsce among them), the start-up smoke test, vsce package, then
# the archive must hold the manifest, extension.js and vscode-languageclient. Exit 0 when all of that holds.
set -euo pipefail
out=$(cd "${1:-$(dirname "$0")}" && pwd)
cd "$(dirname "$0")"
version=$(node -p 'require("./package.json").version')
vsix="$out/tfdind-lint-$version.vsix"

npm ci --no-audit --no-fund --loglevel=error
node test/smoke.js
rm -f "$vsix"
./node_modules/.bin/vsce package --allow-missing-repository --out "$vsix"

listing=$(python3 -m zipfile -l "$vsix")
missing=0
for entry in extension.vsixmanifest extension/package.json extension/extension.js extension/readme.md \
             extension/LICENSE.txt extension/node_modules/vscode-languageclient/node.js extension/node_modules/vscode-languageclient/lib/node/main.js \
             extension/node_modules/vscode-languageclient/package.json; do
    if ! grep -qE "^$entry " <<<"$listing"; then
        echo "package.sh: $vsix has no $entry"
        missing=1
    fi
done
for entry in extension/test/ extension/package.sh extension/node_modules/@vscode/vsce/; do
    if grep -qE "^$entry" <<<"$listing"; then
        echo "package.sh: $vsix should not hold $entry"
        missing=1
    fi
done
[ $missing -eq 0 ] || exit 1
echo "package.sh: $vsix ($(wc -c <"$vsix") bytes) holds the extension and vscode-languageclient"
