// A real VS Code (1.100.3) without a desktop and without downloads from Microsoft: the VS Code
// server shipped inside the npm package code-server@4.100.3, installed into .vscode-test/server
// on first use, driven by headless Chromium. Shared by the e2e runner (run.js), the try-out
// (serve.js) and the screenshot script. See docs in scripts/e2e/README.md.
'use strict';
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER_VERSION = '4.100.3';
const VSCODE_VERSION = '1.100.3';
const SERVER_DIR = path.join(REPO_ROOT, '.vscode-test', 'server');
const SERVER_MAIN = path.join(SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
/** @vscode/ripgrep version pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Settings for a clean, quiet window: no welcome page, no prompts about the parent git repo. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
};

function log(message) {
  process.stderr.write(`[vscode-server] ${message}\n`);
}

function which(command) {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The Chromium binary: $CHROMIUM_PATH, else the Debian package's. */
function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', which('chromium')];
  const found = candidates.find((c) => c !== undefined && c !== '' && fs.existsSync(c));
  if (found === undefined) {
    throw new Error('Chromium not found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH');
  }
  return found;
}

/**
 * @vscode/ripgrep downloads a binary from GitHub in its postinstall, which fails offline. It looks
 * in a cache under the OS temp dir first, so we put Debian's `rg` there under the expected name.
 */
function seedRipgrepCache() {
  const rg = which('rg');
  if (rg === undefined) {
    log('ripgrep (rg) not on PATH: @vscode/ripgrep will try to download its own binary');
    return;
  }
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch];
  if (arch === undefined) {
    return;
  }
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(cacheDir, `ripgrep-v13.0.0-10-${arch}-unknown-linux-musl.tar.gz`);
  if (fs.existsSync(archive)) {
    return;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const r = spawnSync('tar', ['-czf', archive, '-C', path.dirname(rg), path.basename(rg)], { stdio: 'inherit' });
  if (r.status !== 0) {
    throw new Error(`could not seed the ripgrep cache at ${archive}`);
  }
}

/** Installs code-server into .vscode-test/server unless it is already there. */
function ensureServerInstalled() {
  if (fs.existsSync(SERVER_MAIN)) {
    return SERVER_MAIN;
  }
  log(`installing code-server@${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) into ${path.relative(REPO_ROOT, SERVER_DIR)} — takes a few minutes, once`);
  seedRipgrepCache();
  fs.mkdirSync(SERVER_DIR, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(
    npm,
    ['install', '--prefix', SERVER_DIR, '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      // As root, code-server's postinstall refuses to run without unsafe_perm, and a nested
      // `npx node-gyp` waits for a confirmation without `yes`.
      env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
    },
  );
  if (r.status !== 0 || !fs.existsSync(SERVER_MAIN)) {
    throw new Error(
      `installing code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}). It needs libkrb5-dev, python3, make and g++ ` +
        `(Debian: apt-get install libkrb5-dev python3 make g++) and ripgrep to stay offline.`,
    );
  }
  return SERVER_MAIN;
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(address.port));
    });
  });
}

/**
 * Starts the VS Code server on 127.0.0.1. Resolves once it listens.
 * @param {{port?: number, env?: object, extraArgs?: string[], logFile?: string, userDataDir?: string,
 *   extensionsDir?: string, installExtensions?: string[], settings?: object}} options
 */
async function startServer(options = {}) {
  const main = ensureServerInstalled();
  const port = options.port ?? (await freePort());
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sip-trace-vscode-'));
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  // This server keeps the web workbench's user settings on disk, so they can be set up front.
  const settings = { ...QUIET_SETTINGS, ...(options.settings ?? {}) };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const common = ['--accept-server-license-terms', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const vsix of options.installExtensions ?? []) {
    // The server's own CLI installs a VSIX into the extensions dir and exits.
    const r = spawnSync(process.execPath, [main, ...common, '--install-extension', vsix, '--force'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) {
      throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
    }
  }

  const logStream = options.logFile ? fs.createWriteStream(options.logFile) : undefined;
  const child = spawn(
    process.execPath,
    [main, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', ...common, ...(options.extraArgs ?? [])],
    {
      env: { ...process.env, ...(options.env ?? {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so stop() also ends the extension hosts and file watchers it forks.
      detached: true,
    },
  );
  let output = '';
  const listeners = [];
  const onData = (chunk) => {
    const text = chunk.toString();
    output += text;
    if (output.length > 2_000_000) {
      output = output.slice(-1_000_000);
    }
    logStream?.write(text);
    for (const listener of listeners) {
      listener(text);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not listen within 60 s:\n${output.slice(-4000)}`)), 60_000);
    const check = () => {
      if (/Extension host agent listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    listeners.push(check);
    check();
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited early (code ${code}):\n${output.slice(-4000)}`));
    });
  });

  async function stop() {
    if (exited) {
      logStream?.end();
      return;
    }
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await gone;
    clearTimeout(timer);
    logStream?.end();
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  return {
    port,
    child,
    userDataDir,
    extensionsDir,
    output: () => output,
    onOutput: (listener) => listeners.push(listener),
    hasExited: () => exited,
    stop,
    baseUrl: `http://127.0.0.1:${port}`,
  };
}

/** Headless Chromium through playwright-core. */
async function launchBrowser(options = {}) {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, ...options });
}

/** The workbench URL with a folder open and, optionally, extension-development payload entries. */
function workbenchUrl(port, folder, payload) {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (payload !== undefined && payload.length > 0) {
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}

/** A path on the server as the workbench names it (the server is the "remote"). */
function remoteUri(port, absolutePath) {
  return `vscode-remote://127.0.0.1:${port}${absolutePath.split(path.sep).join('/')}`;
}

module.exports = {
  REPO_ROOT,
  CODE_SERVER_VERSION,
  VSCODE_VERSION,
  SERVER_MAIN,
  ensureServerInstalled,
  startServer,
  launchBrowser,
  workbenchUrl,
  remoteUri,
  freePort,
  chromiumPath,
};
