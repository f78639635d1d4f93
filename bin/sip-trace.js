#!/usr/bin/env node
// The sip-trace CLI: the webpack bundle when built (dist/cli.js), else the tsc output.
'use strict';
const fs = require('fs');
const path = require('path');

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') {
    process.exit(process.exitCode === undefined ? 0 : process.exitCode);
  }
  throw e;
});

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
const compiled = path.join(__dirname, '..', 'out', 'src', 'cli', 'main.js');
const entry = fs.existsSync(bundle) ? bundle : fs.existsSync(compiled) ? compiled : undefined;
if (!entry) {
  process.stderr.write('sip-trace: not built (run "npm run build" or "npm run compile")\n');
  process.exitCode = 2;
} else {
  process.exitCode = require(entry).main(process.argv.slice(2));
}
