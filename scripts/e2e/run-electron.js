#!/usr/bin/env node
// `npm run test:vscode`: the same extension-host suite as `npm run test:e2e`, in the desktop
// VS Code 1.100.3 that @vscode/test-electron downloads into .vscode-test/ (needs internet access
// to update.code.visualstudio.com; on Linux without a display run it under xvfb-run).
// The suite writes the same results file; we print it and end with `N passed, N failed`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_FILE = path.join(REPO_ROOT, 'test-results', 'e2e-electron.json');

async function main() {
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.rmSync(RESULTS_FILE, { force: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-trace-electron-'));
  let runError;
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: REPO_ROOT,
      // A directory holding index.js: VS Code calls its exported run().
      extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'e2e'),
      extensionTestsEnv: { SIP_TRACE_E2E_RESULTS: RESULTS_FILE, SIP_TRACE_E2E: 'dev' },
      // First argument: the folder to open. The rest keep the run isolated and quiet.
      launchArgs: [
        path.join(REPO_ROOT, 'test', 'e2e', 'fixtures'),
        '--disable-extensions',
        `--user-data-dir=${userDataDir}`,
      ],
    });
  } catch (error) {
    // runTests rejects when the extension host exits non-zero, i.e. when run() rejected.
    runError = error;
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }

  let results;
  try {
    results = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8'));
  } catch {
    console.error(`test:vscode: no results file (${runError instanceof Error ? runError.message : 'VS Code did not run the suite'})`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  for (const failure of results.failures) {
    console.log(`  FAIL  ${failure.title}\n        ${String(failure.message).split('\n').join('\n        ')}`);
  }
  const failed = results.failed + (results.passed + results.failed === 0 ? 1 : 0);
  console.log(`${results.passed} passed, ${failed} failed`);
  process.exit(failed > 0 || runError !== undefined ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
