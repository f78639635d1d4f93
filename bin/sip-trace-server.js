#!/usr/bin/env node
// The SIP language server for any LSP editor: `sip-trace-server --stdio`.
// Runs the bundle when the package is built (dist/), else the tsc output of a development checkout.
'use strict';
const fs = require('fs');
const path = require('path');

const bundle = path.join(__dirname, '..', 'dist', 'server.js');
const compiled = path.join(__dirname, '..', 'out', 'src', 'server', 'main.js');
require(fs.existsSync(bundle) ? bundle : compiled);
