import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import { compileGrammar, grammarJsonPath } from '../../../scripts/build-grammar';
import { loadSipGrammar, longLines, tokenizeText } from '../../../scripts/bench/grammar';
import type { GrammarRule } from '../../../syntaxes/sip.grammar';
import { SCOPES } from '../../../syntaxes/sip.grammar';
import type { LineToken } from '../../../scripts/bench/grammar';
import { INITIAL } from 'vscode-textmate';

/** Standard scopes Dark+ and Light+ give a colour to (or, for punctuation/meta, deliberately none). */
const THEMED_ROOTS = [
  'comment', 'constant.numeric', 'entity.name.function', 'entity.name.tag', 'entity.name.type',
  'entity.other.attribute-name', 'invalid', 'keyword.control', 'keyword.other', 'keyword.operator',
  'markup.deleted', 'markup.inserted', 'string', 'support.type', 'variable', 'punctuation', 'meta',
];

function collectRules(rule: GrammarRule, out: GrammarRule[]): void {
  out.push(rule);
  for (const child of rule.patterns ?? []) {
    collectRules(child, out);
  }
  for (const caps of [rule.captures, rule.beginCaptures, rule.endCaptures]) {
    for (const c of Object.values(caps ?? {})) {
      collectRules(c, out);
    }
  }
}

function scopeOf(tokens: readonly LineToken[], text: string): readonly string[] {
  const t = tokens.find((x) => x.text === text);
  assert.ok(t, `no token "${text}" in ${JSON.stringify(tokens.map((x) => x.text))}`);
  return t.scopes;
}

void describe('SIP grammar', () => {
  void it('commits the JSON that the grammar source compiles to', () => {
    assert.equal(fs.readFileSync(grammarJsonPath(), 'utf8'), compileGrammar());
  });

  void it('names every scope with a themed standard root and the .sip suffix', () => {
    const grammar = JSON.parse(compileGrammar()) as { patterns: GrammarRule[]; repository: Record<string, GrammarRule> };
    const rules: GrammarRule[] = [];
    for (const r of [...grammar.patterns, ...Object.values(grammar.repository)]) {
      collectRules(r, rules);
    }
    const names = rules.flatMap((r) => [r.name, r.contentName]).filter((n): n is string => n !== undefined);
    assert.ok(names.length > 80, `only ${names.length} scope names`);
    for (const name of names) {
      for (const scope of name.split(' ')) {
        assert.match(scope, /\.sip$/, scope);
        assert.ok(THEMED_ROOTS.some((root) => scope.startsWith(`${root}.`)), `${scope} has no themed root`);
      }
    }
  });

  void it('resolves every include to a repository entry', () => {
    const grammar = JSON.parse(compileGrammar()) as { patterns: GrammarRule[]; repository: Record<string, GrammarRule> };
    const rules: GrammarRule[] = [];
    for (const r of [...grammar.patterns, ...Object.values(grammar.repository)]) {
      collectRules(r, rules);
    }
    for (const r of rules) {
      if (r.include !== undefined) {
        assert.ok(r.include.startsWith('#') && grammar.repository[r.include.slice(1)], `dangling include ${r.include}`);
      }
    }
  });

  void it('gives each status class its own themed scope', async () => {
    const g = await loadSipGrammar();
    const roots = new Set<string>();
    for (const code of ['100', '200', '300', '400', '500', '600']) {
      const [line] = tokenizeText(g, `SIP/2.0 ${code} Reason`);
      const scopes = scopeOf(line ?? [], code);
      const last = scopes[scopes.length - 1] ?? '';
      roots.add(last.split('.').slice(0, 2).join('.'));
    }
    assert.equal(roots.size, 6, [...roots].join(', '));
  });

  void it('colours the 3-space-indented message of a FreeSWITCH trace', async () => {
    const g = await loadSipGrammar();
    const lines = tokenizeText(
      g,
      ['recv 498 bytes from udp/[192.0.2.77]:5060 at 10:11:12.771343:', '   ' + '-'.repeat(72), '   INVITE sip:1000@192.0.2.5 SIP/2.0', '   Via: SIP/2.0/UDP 192.0.2.77;branch=z9hG4bK0p39'].join('\n'),
    );
    assert.ok(scopeOf(lines[0] ?? [], 'recv').includes(SCOPES.directionIn));
    assert.ok(scopeOf(lines[2] ?? [], 'INVITE').includes(SCOPES.method));
    assert.ok(scopeOf(lines[3] ?? [], 'Via').includes(SCOPES.headerKnown));
    assert.ok(scopeOf(lines[3] ?? [], 'z9hG4bK0p39').includes(SCOPES.branchValue));
  });

  void it('dims ngrep\'s trailing dot only inside an ngrep block', async () => {
    const g = await loadSipGrammar();
    const ngrep = tokenizeText(g, 'U 2024/03/05 11:08:42.1 10.0.0.1:5060 -> 10.0.0.2:5060\nSIP/2.0 200 OK.\nCSeq: 1 INVITE.\n');
    assert.ok(scopeOf(ngrep[1] ?? [], '.').includes(SCOPES.crMarker));
    assert.ok(scopeOf(ngrep[2] ?? [], '.').includes(SCOPES.crMarker));
    const raw = tokenizeText(g, 'SIP/2.0 200 OK\nSubject: see you.\n');
    assert.ok((raw[1] ?? []).every((t) => !t.scopes.includes(SCOPES.crMarker)));
  });

  void it('tokenizes 100 KB lines of hostile shapes without catastrophic backtracking', async () => {
    const g = await loadSipGrammar();
    for (const [label, sample] of Object.entries(longLines())) {
      let stack = INITIAL;
      for (const l of sample.slice(0, -1)) {
        stack = g.tokenizeLine(l, stack).ruleStack;
      }
      const t0 = Date.now();
      g.tokenizeLine(sample[sample.length - 1] ?? '', stack);
      // A backtracking blow-up costs seconds to minutes; the engine's own per-token floor is
      // ~100-300 ms on a loaded 2-core machine. bench:grammar reports the exact numbers.
      assert.ok(Date.now() - t0 < 2000, `${label}: ${Date.now() - t0} ms`);
    }
  });
});
