#!/usr/bin/env bash
# `npm start`: try the extension in a real VS Code 1.100.3 in your browser, no desktop VS Code
# needed. Installs the npm dependencies if missing, packages sip-trace.vsix, installs the VS Code
# server (code-server@4.100.3) into .vscode-test/server on first use, starts it on 127.0.0.1
# (a free port, or $PORT) with the VSIX installed and samples/ open, prints the URL and runs
# until Ctrl-C. Open another folder with: npm start -- --folder /path/to/traces
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
if [ ! -f .vscode-test/server/node_modules/code-server/lib/vscode/out/server-main.js ]; then
  # Building the VS Code server's native modules needs these (Debian package names).
  missing=()
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
  for tool in python3 make g++; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "try-out: first install: ${missing[*]}  (e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
npm run --silent package
exec node scripts/e2e/serve.js --vsix sip-trace.vsix --folder samples "$@"
