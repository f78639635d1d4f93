#!/usr/bin/env node
// The try-out (`npm start` -> scripts/try-out.sh -> here): a real VS Code 1.100.3 in the browser
// with the packaged extension installed and a folder open, until Ctrl-C.
//
//   node scripts/e2e/serve.js [--vsix sip-trace.vsix] [--folder samples] [--port N]
//
// PORT in the environment works as --port. Binds 127.0.0.1 only; there is no connection token,
// so do not expose the port to other machines.
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO_ROOT, startServer, workbenchUrl } = require('./vscodeServer');

function parseArgs(argv) {
  const options = { vsix: 'sip-trace.vsix', folder: 'samples', port: process.env.PORT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) {
        throw new Error(`${arg} needs a value`);
      }
      return argv[++i];
    };
    if (arg === '--vsix') {
      options.vsix = value();
    } else if (arg === '--folder') {
      options.folder = value();
    } else if (arg === '--port') {
      options.port = value();
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const vsix = path.resolve(REPO_ROOT, options.vsix);
  const folder = path.resolve(REPO_ROOT, options.folder);
  if (!fs.existsSync(vsix)) {
    throw new Error(`${vsix} not found: run \`npm run package\` first`);
  }
  const port = options.port === undefined || options.port === '' ? undefined : Number(options.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new Error(`bad port ${options.port}`);
  }
  const server = await startServer({
    port,
    installExtensions: [vsix],
    extraArgs: ['--disable-workspace-trust'],
  });
  const url = workbenchUrl(server.port, folder);
  console.log('');
  console.log('SIP Trace Analyzer is running in VS Code 1.100.3 (the VS Code server from code-server).');
  console.log(`Open this URL in a browser:\n\n  ${url}\n`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (code) => {
    if (stopping) {
      return;
    }
    stopping = true;
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  server.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`the VS Code server exited (code ${code})`);
      process.exit(1);
    }
  });
}

main().catch((error) => {
  console.error(`try-out: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
