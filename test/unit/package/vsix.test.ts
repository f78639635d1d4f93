// Checks the packaged extension (sip-trace.vsix, made by `npm run package`; scripts/test-all.sh
// builds it before the unit tests): only run-time files inside, small, every file the manifest
// points at present, and the manifest fields the Marketplace and Open VSX show filled in.
// Without a VSIX these tests are skipped, not passed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { listZipEntries, readZipEntry } from './zipReader';
import type { ZipEntry } from './zipReader';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const VSIX = path.join(REPO_ROOT, 'sip-trace.vsix');
const MAX_BYTES = 1024 * 1024;

/** Every file allowed in the VSIX, by pattern (paths inside the zip). */
const ALLOWED: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(client|server)\.js$/,
  /^extension\/syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^extension\/snippets\/[\w.-]+\.code-snippets$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/l10n\/bundle\.l10n(\.[a-z-]+)?\.json$/,
  /^extension\/images\/icon\.png$/,
];

interface Manifest {
  name?: string;
  main?: string;
  icon?: string;
  license?: string;
  categories?: string[];
  keywords?: string[];
  repository?: { url?: string } | string;
  contributes?: {
    languages?: { configuration?: string }[];
    grammars?: { path?: string }[];
    snippets?: { path?: string }[];
  };
}

const present = fs.existsSync(VSIX);
const skip = present ? false : `no ${path.basename(VSIX)}: run \`npm run package\` first`;

function load(): { zip: Buffer; entries: ZipEntry[]; manifest: Manifest } {
  const zip = fs.readFileSync(VSIX);
  const entries = listZipEntries(zip);
  const packageJson = entries.find((e) => e.name === 'extension/package.json');
  assert.ok(packageJson, 'the VSIX holds extension/package.json');
  const manifest = JSON.parse(readZipEntry(zip, packageJson).toString('utf8')) as Manifest;
  return { zip, entries, manifest };
}

function inside(relative: string): string {
  return `extension/${path.posix.normalize(relative.replace(/^\.\//, ''))}`;
}

void describe('the packaged VSIX', { skip }, () => {
  void it('is smaller than 1 MB', () => {
    const size = fs.statSync(VSIX).size;
    assert.ok(size < MAX_BYTES, `sip-trace.vsix is ${size} bytes`);
  });

  void it('holds only the run-time files (no sources, maps, tests or node_modules)', () => {
    const { entries } = load();
    const unexpected = entries.map((e) => e.name).filter((name) => !ALLOWED.some((re) => re.test(name)));
    assert.deepEqual(unexpected, []);
  });

  void it('holds the client and server bundles, the icon, readme, changelog and license', () => {
    const names = new Set(load().entries.map((e) => e.name));
    for (const required of [
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/images/icon.png',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/package.nls.json',
    ]) {
      assert.ok(names.has(required), `${required} is in the VSIX`);
    }
  });

  void it('holds every file the manifest points at', () => {
    const { entries, manifest } = load();
    const names = new Set(entries.map((e) => e.name));
    const referenced = [
      manifest.main,
      manifest.icon,
      ...(manifest.contributes?.languages ?? []).map((l) => l.configuration),
      ...(manifest.contributes?.grammars ?? []).map((g) => g.path),
      ...(manifest.contributes?.snippets ?? []).map((s) => s.path),
    ].filter((p): p is string => typeof p === 'string');
    assert.ok(referenced.length >= 4, `manifest references ${referenced.join(', ')}`);
    for (const file of referenced) {
      assert.ok(names.has(inside(file)), `${file} (referenced by package.json) is in the VSIX`);
    }
  });

  void it('ships non-empty JSON grammars and a client bundle that exports activate', () => {
    const { zip, entries } = load();
    for (const entry of entries.filter((e) => /^extension\/syntaxes\/.*\.json$/.test(e.name))) {
      const grammar = JSON.parse(readZipEntry(zip, entry).toString('utf8')) as { scopeName?: string; patterns?: unknown[] };
      assert.equal(typeof grammar.scopeName, 'string', `${entry.name} has a scopeName`);
      assert.ok((grammar.patterns ?? []).length > 0, `${entry.name} has patterns`);
    }
    const client = entries.find((e) => e.name === 'extension/dist/client.js');
    assert.ok(client);
    assert.match(readZipEntry(zip, client).toString('utf8'), /activate/);
  });

  void it('has the manifest fields the galleries show: icon, categories, keywords, repository, license', () => {
    const { manifest } = load();
    assert.equal(manifest.name, 'sip-trace');
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.icon, 'images/icon.png');
    assert.equal(manifest.license, 'MIT');
    assert.ok((manifest.categories ?? []).length > 0, 'categories');
    assert.ok((manifest.keywords ?? []).includes('sip'), 'keywords include sip');
    const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    assert.match(repository ?? '', /^https:\/\//);
  });

  void it('carries a 128x128 PNG icon', () => {
    const { zip, entries } = load();
    const icon = entries.find((e) => e.name === 'extension/images/icon.png');
    assert.ok(icon);
    const png = readZipEntry(zip, icon);
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    assert.equal(png.readUInt32BE(16), 128, 'width');
    assert.equal(png.readUInt32BE(20), 128, 'height');
  });
});
