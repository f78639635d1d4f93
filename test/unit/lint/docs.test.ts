import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../../../src/core/lint';

const docs = path.join(__dirname, '..', '..', '..', '..', 'docs', 'rules');

void describe('docs/rules', () => {
  void it('has a page for every rule, with its severity, reference, a bad and a good example', () => {
    for (const r of allRules()) {
      const file = path.join(docs, `${r.code}.md`);
      assert.ok(fs.existsSync(file), `missing ${file}`);
      const page = fs.readFileSync(file, 'utf8');
      assert.ok(page.startsWith(`# ${r.code}\n`), r.code);
      assert.ok(page.includes(`**Default severity:** ${r.defaultSeverity}`), `${r.code}: severity`);
      assert.ok(page.includes(r.reference), `${r.code}: reference`);
      assert.match(page, /## Bad\n\n```sip\n[^`]+```/, `${r.code}: bad example`);
      assert.match(page, /## Good\n\n```sip\n[^`]+```/, `${r.code}: good example`);
    }
  });

  void it('lists every rule in the index and no other', () => {
    const index = fs.readFileSync(path.join(docs, 'README.md'), 'utf8');
    const linked = [...index.matchAll(/\]\(([a-z0-9-]+)\.md\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(linked, allRules().map((r) => r.code).sort());
  });
});
