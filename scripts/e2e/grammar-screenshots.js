#!/usr/bin/env node
// Screenshots of the SIP grammar's colours in Dark+ and Light+, in a real VS Code 1.100.3 (the
// VS Code server + headless Chromium, see scripts/e2e/README.md), with the extension loaded from
// the repository. The language server is switched off (sipTrace.enable: false) so diagnostics
// squiggles do not cover the colours.
//
//   node scripts/e2e/grammar-screenshots.js [--folder DIR] [--out DIR] FILE ...
//
// Defaults: --folder test/grammar/snapshots, --out docs/screenshots, files raw-invite-dialog.sip
// ngrep.sip freeswitch.sip. Saves grammar-dark-<name>.png and grammar-light-<name>.png.
//
// The theme is chosen through "Preferences: Color Theme" (the workbench.colorTheme setting alone
// was not applied by the web workbench here), and the editor background is checked afterwards,
// so a screenshot in the wrong theme fails the run instead of being saved.
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO_ROOT, startServer, launchBrowser, workbenchUrl, remoteUri } = require('./vscodeServer');

const THEMES = [
  { prefix: 'grammar-dark-', label: 'Dark+', background: '#1e1e1e' },
  { prefix: 'grammar-light-', label: 'Light+', background: '#ffffff' },
];

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseArgs(argv) {
  const options = { folder: path.join('test', 'grammar', 'snapshots'), out: path.join('docs', 'screenshots'), files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--folder') {
      options.folder = argv[++i];
    } else if (argv[i] === '--out') {
      options.out = argv[++i];
    } else {
      options.files.push(argv[i]);
    }
  }
  if (options.files.length === 0) {
    options.files = ['raw-invite-dialog.sip', 'ngrep.sip', 'freeswitch.sip'];
  }
  return options;
}

async function quickInput(page, text) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: 10_000 });
  await sleep(300);
  await page.keyboard.press('Enter');
}

/** Types `text` into the open quick input and picks the row whose label is `row`. */
async function pickRow(page, text, row) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(text);
  const escaped = row.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Rows' accessible names may go on with a keybinding or a group ("..., Ctrl+K Ctrl+T").
  const option = page.locator('.quick-input-list').getByRole('option', { name: new RegExp(`^${escaped}(?![\\w ]*s\\b)(?:$|[,\\s])`) });
  await option.first().waitFor({ state: 'visible', timeout: 10_000 });
  await option.first().click();
}

async function selectTheme(page, theme) {
  await page.keyboard.press('F1');
  await pickRow(page, '>Preferences: Color Theme', 'Preferences: Color Theme');
  await pickRow(page, theme.label, theme.label);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const background = await page
      .locator('.monaco-workbench')
      .first()
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--vscode-editor-background').trim().toLowerCase())
      .catch(() => '');
    if (background === theme.background) {
      return;
    }
    if (Date.now() > deadline) {
      await page.screenshot({ path: path.join(require('os').tmpdir(), 'grammar-theme-failure.png') }).catch(() => undefined);
      throw new Error(`theme ${theme.label} did not apply (editor background ${background})`);
    }
    await sleep(250);
  }
}

async function openFile(page, file) {
  await page.keyboard.press('Control+P');
  await quickInput(page, file);
  await page.locator('.tabs-container .tab.active').waitFor({ state: 'visible', timeout: 15_000 });
  // Wait until the grammar coloured something (a token class other than the default mtk1).
  const deadline = Date.now() + 20_000;
  while ((await page.locator('.editor-instance .view-lines span[class^="mtk"]:not(.mtk1)').count()) === 0) {
    if (Date.now() > deadline) {
      throw new Error(`${file}: nothing coloured (is the grammar there?)`);
    }
    await sleep(250);
  }
  await sleep(500);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const folder = path.resolve(REPO_ROOT, options.folder);
  const outDir = path.resolve(REPO_ROOT, options.out);
  fs.mkdirSync(outDir, { recursive: true });
  const server = await startServer({
    extraArgs: ['--disable-workspace-trust'],
    settings: {
      'sipTrace.enable': false,
      'editor.minimap.enabled': false,
      'editor.fontSize': 14,
      'workbench.startupEditor': 'none',
      'chat.commandCenter.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    },
  });
  const browser = await launchBrowser();
  const saved = [];
  try {
    const url = workbenchUrl(server.port, folder, [['extensionDevelopmentPath', remoteUri(server.port, REPO_ROOT)]]);
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await sleep(2_000);
    await openFile(page, options.files[0]);
    for (const theme of THEMES) {
      await selectTheme(page, theme);
      for (const file of options.files) {
        await openFile(page, file);
        const shot = path.join(outDir, `${theme.prefix}${path.basename(file).replace(/\.[^.]+$/, '')}.png`);
        await page.screenshot({ path: shot });
        saved.push(shot);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
  for (const s of saved) {
    console.log(`saved ${path.relative(process.cwd(), s)}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
