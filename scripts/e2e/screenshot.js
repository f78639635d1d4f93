#!/usr/bin/env node
// Screenshots of what a user sees: opens files in a real VS Code 1.100.3 (the VS Code server,
// headless Chromium) with the packaged extension installed, and saves PNGs.
//
//   node scripts/e2e/screenshot.js [options] FILE[:LINE:COLUMN] ...
//
//   FILE               a file inside --folder; saved as <prefix><name>.png
//   FILE:LINE:COLUMN   also puts the cursor there, shows the hover: <prefix><name>-hover.png
//   --theme NAME       colour theme, e.g. "Default Dark+", "Default Light+" (default: "Default Dark Modern")
//   --folder DIR       workspace folder (default: samples)
//   --out DIR          where PNGs go (default: docs/screenshots)
//   --prefix TEXT      file-name prefix, e.g. "light-"
//   --vsix PATH        extension to install (default: sip-trace.vsix; `npm run package` makes it)
//   --dev              load the extension from the repo (dist/) instead of a VSIX
//   --problems         after the files, open the Problems panel: <prefix>problems-panel.png
//   --url URL          use an already running workbench (e.g. from `npm start`; --theme is then ignored)
//   --size WxH         viewport (default 1400x860)
//
// Needs Chromium (Debian package chromium, or CHROMIUM_PATH).
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO_ROOT, startServer, launchBrowser, workbenchUrl, remoteUri } = require('./vscodeServer');

function parseArgs(argv) {
  const options = {
    theme: 'Default Dark Modern',
    folder: 'samples',
    out: path.join('docs', 'screenshots'),
    prefix: '',
    vsix: 'sip-trace.vsix',
    dev: false,
    problems: false,
    url: undefined,
    width: 1400,
    height: 860,
    files: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) {
        throw new Error(`${arg} needs a value`);
      }
      return argv[++i];
    };
    switch (arg) {
      case '--theme': options.theme = value(); break;
      case '--folder': options.folder = value(); break;
      case '--out': options.out = value(); break;
      case '--prefix': options.prefix = value(); break;
      case '--vsix': options.vsix = value(); break;
      case '--dev': options.dev = true; break;
      case '--problems': options.problems = true; break;
      case '--url': options.url = value(); break;
      case '--size': {
        const m = /^(\d+)x(\d+)$/.exec(value());
        if (!m) {
          throw new Error('--size wants WIDTHxHEIGHT');
        }
        options.width = Number(m[1]);
        options.height = Number(m[2]);
        break;
      }
      default:
        if (arg.startsWith('--')) {
          throw new Error(`unknown option ${arg}`);
        }
        options.files.push(parseFileSpec(arg));
    }
  }
  if (options.files.length === 0 && !options.problems) {
    throw new Error('name at least one file (or --problems)');
  }
  return options;
}

function parseFileSpec(spec) {
  const m = /^(.*?):(\d+):(\d+)$/.exec(spec);
  return m ? { file: m[1], line: Number(m[2]), column: Number(m[3]) } : { file: spec };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${label}`);
  await sleep(400);
  await page.keyboard.press('Enter');
  await sleep(400);
}

async function openFile(page, file) {
  await page.keyboard.press(`${mod}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(file);
  // Wait for the file list to offer the file, then open the first match.
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 });
  await sleep(300);
  await page.keyboard.press('Enter');
  const tab = page.locator('.tabs-container .tab.active');
  await tab.waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.editor-instance .view-lines .view-line').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Waits until the grammar has coloured something (a token class other than the default mtk1). */
async function waitForHighlighting(page, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const coloured = await page
      .locator('.editor-instance .view-lines span[class^="mtk"]:not(.mtk1)')
      .count()
      .catch(() => 0);
    if (coloured > 0) {
      return true;
    }
    await sleep(250);
  }
  return false;
}

async function goTo(page, line, column) {
  await page.keyboard.press(`${mod}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await sleep(200);
  await page.keyboard.press('Enter');
  await sleep(300);
}

async function showHover(page) {
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents, .monaco-hover:not(.hidden) .rendered-markdown');
  await hover.first().waitFor({ state: 'visible', timeout: 20_000 });
  await sleep(500);
}

async function openProblems(page, timeoutMs = 30_000) {
  await page.keyboard.press(`${mod}+Shift+M`);
  const rows = page.locator('.markers-panel .monaco-list-row');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await rows.count()) > 0) {
      await sleep(800);
      return true;
    }
    await sleep(250);
  }
  return false;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const folder = path.resolve(REPO_ROOT, options.folder);
  const outDir = path.resolve(REPO_ROOT, options.out);
  fs.mkdirSync(outDir, { recursive: true });
  for (const { file } of options.files) {
    if (!fs.existsSync(path.join(folder, file))) {
      throw new Error(`${file} is not in ${folder}`);
    }
  }

  let server;
  let url = options.url;
  if (url === undefined) {
    const vsix = path.resolve(REPO_ROOT, options.vsix);
    if (!options.dev && !fs.existsSync(vsix)) {
      throw new Error(`${vsix} not found: run \`npm run package\` (or pass --dev)`);
    }
    server = await startServer({
      installExtensions: options.dev ? [] : [vsix],
      extraArgs: ['--disable-workspace-trust'],
      settings: {
        'workbench.colorTheme': options.theme,
        'editor.minimap.enabled': false,
        'chat.commandCenter.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.fontSize': 14,
      },
    });
    const payload = options.dev ? [['extensionDevelopmentPath', remoteUri(server.port, REPO_ROOT)]] : undefined;
    url = workbenchUrl(server.port, folder, payload);
  }

  const browser = await launchBrowser();
  const saved = [];
  const warnings = [];
  try {
    const context = await browser.newContext({ viewport: { width: options.width, height: options.height } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 }).catch(() => undefined);
    await sleep(2_000);
    // Dismiss notifications (e.g. failed gallery look-ups offline) so they do not cover the editor.
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);

    for (const spec of options.files) {
      await openFile(page, spec.file);
      if (!(await waitForHighlighting(page))) {
        warnings.push(`${spec.file}: no token coloured other than the default (is the grammar there?)`);
      }
      const base = `${options.prefix}${path.basename(spec.file).replace(/\.[^.]+$/, '')}`;
      await sleep(1_500); // let diagnostics squiggles and semantic colouring settle
      const shot = path.join(outDir, `${base}.png`);
      await page.screenshot({ path: shot });
      saved.push(shot);
      if (spec.line !== undefined) {
        await goTo(page, spec.line, spec.column);
        try {
          await showHover(page);
          const hoverShot = path.join(outDir, `${base}-hover.png`);
          await page.screenshot({ path: hoverShot });
          saved.push(hoverShot);
        } catch {
          warnings.push(`${spec.file}:${spec.line}:${spec.column}: no hover appeared`);
        }
        await page.keyboard.press('Escape');
      }
    }
    if (options.problems) {
      if (!(await openProblems(page))) {
        warnings.push('the Problems panel stayed empty');
      }
      const shot = path.join(outDir, `${options.prefix}problems-panel.png`);
      await page.screenshot({ path: shot });
      saved.push(shot);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server?.stop();
  }
  for (const file of saved) {
    console.log(`saved ${path.relative(REPO_ROOT, file)}`);
  }
  for (const warning of warnings) {
    console.error(`warning: ${warning}`);
  }
  process.exit(warnings.length > 0 ? 2 : 0);
}

main().catch((error) => {
  console.error(`screenshot: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
