#!/usr/bin/env node
// `npm run test:e2e`: runs the extension-host suite (out/test/e2e) inside a real VS Code 1.100.3
// with no desktop and no download from Microsoft: the VS Code server from code-server@4.100.3
// plus headless Chromium. The extension under test is the webpack bundle (dist/client.js), loaded
// from the repo root as the extension under development. The suite writes its results to a JSON
// file (see test/e2e/index.ts); this runner waits for it, prints every failure and ends with
// `N passed, N failed` as its last line. Exit code 0 only when at least one test ran and none failed.
//
//   node scripts/e2e/run.js [--grep TEXT] [--vsix PATH]
//
//   --grep TEXT   run only tests whose full title contains TEXT (also SIP_TRACE_E2E_GREP)
//   --vsix PATH   test the PACKAGED extension instead: install the VSIX into the server and load
//                 an empty host extension as the development path (VS Code runs extension tests
//                 only in a development host). Proves the VSIX installs, activates and works.
//
// Environment: E2E_TIMEOUT_MS (default 600000); E2E_KEEP_LOG=1 keeps
// test-results/e2e-server-<pid>.log even on success (it is always kept on failure).
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { REPO_ROOT, startServer, launchBrowser, workbenchUrl, remoteUri } = require('./vscodeServer');

const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 600_000);
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
// Per-run names, so two runs in one checkout (several people, or an editor and a terminal) do
// not read each other's results; the last run's results are copied to test-results/e2e.json.
const RESULTS_FILE = path.join(RESULTS_DIR, `e2e-${process.pid}.json`);
const LATEST_RESULTS = path.join(RESULTS_DIR, 'e2e.json');
const SERVER_LOG = path.join(RESULTS_DIR, `e2e-server-${process.pid}.log`);
const FIXTURES = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures');
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'e2e', 'index');

function fail(message) {
  console.error(`e2e: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

function parseArgs(argv) {
  const options = { grep: process.env.SIP_TRACE_E2E_GREP, vsix: undefined };
  for (let i = 0; i < argv.length; i++) {
    if ((argv[i] === '--grep' || argv[i] === '--vsix') && i + 1 < argv.length) {
      options[argv[i].slice(2)] = argv[++i];
    } else {
      fail(`unknown or incomplete argument ${argv[i]} (expected --grep TEXT, --vsix PATH)`);
    }
  }
  return options;
}

/** A development extension that contributes nothing: the host for tests of an installed VSIX. */
function makeEmptyHostExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-trace-e2e-host-'));
  const manifest = { name: 'e2e-host', publisher: 'sip-trace-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

function checkPrerequisites(options) {
  if (options.vsix !== undefined) {
    if (!fs.existsSync(options.vsix)) {
      fail(`${options.vsix} not found: run \`npm run package\` first`);
    }
    if (!fs.existsSync(`${TESTS_ENTRY}.js`)) {
      fail('out/test/e2e/index.js is missing: run `npm run compile` first');
    }
    return;
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const main = path.join(REPO_ROOT, manifest.main);
  if (!fs.existsSync(main)) {
    fail(`${manifest.main} is missing: run \`npm run build\` first (the suite tests the webpack bundle)`);
  }
  if (!fs.existsSync(`${TESTS_ENTRY}.js`)) {
    fail('out/test/e2e/index.js is missing: run `npm run compile` first');
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readResults() {
  try {
    return JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.vsix !== undefined) {
    options.vsix = path.resolve(options.vsix);
  }
  checkPrerequisites(options);
  const hostExtension = options.vsix === undefined ? REPO_ROOT : makeEmptyHostExtension();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.rmSync(RESULTS_FILE, { force: true });
  const started = Date.now();

  // The extension host inherits the server's environment: that is how the suite learns where
  // to write (and what to grep).
  const server = await startServer({
    env: { SIP_TRACE_E2E_RESULTS: RESULTS_FILE, SIP_TRACE_E2E: options.vsix === undefined ? 'dev' : 'vsix', SIP_TRACE_E2E_GREP: options.grep ?? '' },
    installExtensions: options.vsix === undefined ? [] : [options.vsix],
    logFile: SERVER_LOG,
    extraArgs: ['--disable-workspace-trust'],
  });
  let browser;
  let results;
  let problem;
  try {
    let hostExit;
    server.onOutput((text) => {
      const m = /Extension Host Process exited with code: (-?\d+|null)/.exec(text);
      if (m) {
        hostExit = m[1];
      }
    });
    browser = await launchBrowser();
    const page = await browser.newPage();
    const pageErrors = [];
    let browserGone;
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('crash', () => (browserGone = 'the workbench page crashed'));
    browser.on('disconnected', () => (browserGone ??= 'Chromium exited'));
    const url = workbenchUrl(server.port, FIXTURES, [
      ['extensionDevelopmentPath', remoteUri(server.port, hostExtension)],
      ['extensionTestsPath', remoteUri(server.port, TESTS_ENTRY)],
    ]);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    const deadline = started + TIMEOUT_MS;
    let hostExitSeenAt;
    for (;;) {
      results = readResults();
      if (results !== undefined) {
        break;
      }
      if (browserGone !== undefined) {
        problem = `${browserGone} before the suite wrote its results`;
        break;
      }
      if (server.hasExited()) {
        problem = 'the VS Code server exited before the suite wrote its results';
        break;
      }
      if (hostExit !== undefined) {
        // The host writes the file before it exits; give the file system a moment, then give up.
        hostExitSeenAt ??= Date.now();
        if (Date.now() - hostExitSeenAt > 5_000) {
          problem = `the extension host exited (code ${hostExit}) without writing ${path.relative(REPO_ROOT, RESULTS_FILE)}`;
          break;
        }
      }
      if (Date.now() > deadline) {
        problem = `no results after ${Math.round(TIMEOUT_MS / 1000)} s: the suite hung or never started`;
        break;
      }
      await sleep(250);
    }
    if (problem !== undefined && pageErrors.length > 0) {
      problem += `\nworkbench errors:\n  ${pageErrors.slice(0, 10).join('\n  ')}`;
    }
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    if (hostExtension !== REPO_ROOT) {
      fs.rmSync(hostExtension, { recursive: true, force: true });
    }
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (results === undefined) {
    console.error(`e2e: ${problem ?? 'no results'}`);
    console.error(`e2e: server log: ${path.relative(REPO_ROOT, SERVER_LOG)} (last lines below)`);
    console.error(server.output().split('\n').slice(-40).join('\n'));
    console.log('0 passed, 1 failed');
    process.exit(1);
  }

  fs.copyFileSync(RESULTS_FILE, LATEST_RESULTS);
  fs.rmSync(RESULTS_FILE, { force: true });
  const subject = options.vsix === undefined ? 'extension from dist/' : `installed ${path.basename(options.vsix)}`;
  console.log(`e2e: VS Code ${results.vscodeVersion}, ${subject}, ${seconds} s`);
  for (const title of results.passes) {
    console.log(`  ok  ${title}`);
  }
  for (const failure of results.failures) {
    console.log(`  FAIL  ${failure.title}\n        ${String(failure.message).split('\n').join('\n        ')}`);
  }
  if (results.passed + results.failed === 0) {
    console.error('e2e: no tests ran');
  }
  if (results.failed === 0 && results.passed > 0 && process.env.E2E_KEEP_LOG !== '1') {
    fs.rmSync(SERVER_LOG, { force: true });
  }
  const failed = results.failed + (results.passed + results.failed === 0 ? 1 : 0);
  console.log(`${results.passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((error) => fail(error instanceof Error ? error.stack ?? error.message : String(error)));
