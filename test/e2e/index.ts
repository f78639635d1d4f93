// Entry of the extension-host test suite: VS Code calls `run()` inside the extension host
// (the same contract for @vscode/test-electron and for the VS Code server driven by
// scripts/e2e/run.js). Mocha runs every compiled suite under ./suite, and the results are
// WRITTEN to a JSON file because the VS Code server does not forward the extension host's
// console to whoever started it; the runner reads that file instead of scraping logs.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import type * as vscodeApi from 'vscode';

/** Where the results go when the runner does not say (test-results/ is git-ignored). */
const DEFAULT_RESULTS_FILE = path.resolve(__dirname, '..', '..', '..', 'test-results', 'e2e.json');

/** Shape of the results file; scripts/e2e/run.js reads it. */
export interface E2eResults {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string; stack?: string }[];
  passes: string[];
  vscodeVersion: string;
  finished: string;
}

function collectTests(dir: string): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return collectTests(full);
    }
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

function vscodeVersion(): string {
  try {
    // Loaded lazily so this module also compiles and loads outside an extension host.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscode = require('vscode') as typeof vscodeApi;
    return vscode.version;
  } catch {
    return 'unknown';
  }
}

function writeResults(file: string, results: E2eResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename so the runner never reads a half-written file.
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(results, null, 2));
  fs.renameSync(temporary, file);
}

function errorText(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) {
    return { message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) };
  }
  return { message: String(error) };
}

/** Runs every `suite/**\/*.test.js`; resolves when all pass, rejects otherwise (test-electron contract). */
export function run(): Promise<void> {
  const resultsFile = process.env.SIP_TRACE_E2E_RESULTS ?? DEFAULT_RESULTS_FILE;
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.SIP_TRACE_E2E_GREP;
  if (grep !== undefined && grep !== '') {
    mocha.grep(grep);
  }
  const files = collectTests(path.resolve(__dirname, 'suite')).sort();
  for (const file of files) {
    mocha.addFile(file);
  }

  const results: E2eResults = {
    passed: 0,
    failed: 0,
    pending: 0,
    failures: [],
    passes: [],
    vscodeVersion: vscodeVersion(),
    finished: '',
  };

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        results.finished = new Date().toISOString();
        try {
          writeResults(resultsFile, results);
        } catch (error) {
          reject(new Error(`could not write ${resultsFile}: ${errorText(error).message}`));
          return;
        }
        if (failures > 0) {
          reject(new Error(`${failures} extension-host test(s) failed`));
        } else if (results.passed === 0) {
          reject(new Error('no extension-host tests ran'));
        } else {
          resolve();
        }
      });
      runner.on('pass', (test) => {
        results.passed += 1;
        results.passes.push(test.fullTitle());
      });
      runner.on('pending', () => {
        results.pending += 1;
      });
      // 'fail' also fires for failing hooks, which count as failures: a broken
      // suiteSetup must not look like a green run.
      runner.on('fail', (test, error) => {
        results.failed += 1;
        results.failures.push({ title: test.fullTitle(), ...errorText(error) });
      });
    } catch (error) {
      // A suite file that throws while loading lands here; report it like a failure.
      results.failed += 1;
      results.failures.push({ title: 'loading the extension-host suites', ...errorText(error) });
      results.finished = new Date().toISOString();
      try {
        writeResults(resultsFile, results);
      } finally {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  });
}
