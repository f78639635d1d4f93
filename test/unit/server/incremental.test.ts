import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LintDiagnostic } from '../../../src/core/lint/types';
import type { Trace } from '../../../src/core/model';
import { AnalysisCache } from '../../../src/server/analysis';
import type { Analysis } from '../../../src/server/analysis';
import { changedRange } from '../../../src/server/incremental';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';
import { CALL_FLOW, NOT_ALLOWED, SUBSCRIBE, asNgrep } from '../features/traces';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Several calls, each with its own Call-ID, branches and tags. */
function manyCalls(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += (CALL_FLOW + SUBSCRIBE + NOT_ALLOWED)
      .replace(/3848276298220188511/g, `call${i}`)
      .replace(/sub-1@/g, `sub-${i}@`)
      .replace(/z9hG4bK(\w+)/g, `z9hG4bK$1x${i}`)
      .replace(/tag=(\w+)/g, `tag=$1t${i}`);
  }
  return out;
}

function manyCallsNgrep(n: number): string {
  const messages = manyCalls(n)
    .split(/(?=^(?:SIP\/2\.0 \d|[A-Z]+ sip:))/m)
    .filter((m) => m.length > 0);
  return asNgrep(messages.map((message, k) => ({ message, src: '192.0.2.10:5060', dst: '192.0.2.4:5060', time: `10:11:${String(10 + (k % 50)).padStart(2, '0')}.000001` })));
}

const SNIPPETS = ['x', '\r\n', ';lr', 'Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKnew\r\n', 'SIP/2.0 200 OK\r\n', '\r\n\r\n', 'Allow: INVITE\r\n', '.\n'];

function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * text.length);
  const op = rnd();
  if (op < 0.4) {
    return text.slice(0, at) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(at);
  }
  if (op < 0.7) {
    return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 30));
  }
  return text.slice(0, at) + String.fromCharCode(97 + Math.floor(rnd() * 26)) + text.slice(at + 1);
}

function describeTrace(trace: Trace): unknown {
  return {
    format: trace.format,
    problems: trace.problems,
    messages: trace.messages.map((m) => ({
      index: m.index,
      span: m.span,
      content: m.segment.content,
      framing: m.segment.framing,
      parsed: m.parsed,
      // The map must send content offsets to the same source offsets.
      mapped: [0, m.segment.content.length >> 1, m.segment.content.length].map((o) => m.segment.map.toSource(o)),
    })),
  };
}

function sorted(findings: readonly LintDiagnostic[]): LintDiagnostic[] {
  const key = (d: LintDiagnostic): string => `${String(d.span.start).padStart(9, '0')} ${String(d.span.end).padStart(9, '0')} ${d.code} ${d.messageIndex} ${d.message}`;
  return [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function full(text: string): Analysis {
  return new AnalysisCache(DEFAULT_SETTINGS, 'en').get('u', 1, () => text);
}

function checkEdits(start: string, seed: number, edits: number): number {
  const cache = new AnalysisCache(DEFAULT_SETTINGS, 'en');
  const rnd = random(seed);
  let text = start;
  cache.get('u', 1, () => text);
  for (let v = 2; v < edits + 2; v++) {
    text = edit(text, rnd);
    const incremental = cache.get('u', v, () => text);
    const expected = full(text);
    assert.deepEqual(describeTrace(incremental.trace), describeTrace(expected.trace), `trace after edit ${v - 1} (seed ${seed})`);
    assert.deepEqual(sorted(incremental.findings), sorted(expected.findings), `findings after edit ${v - 1} (seed ${seed})`);
  }
  return cache.incrementalCount;
}

describe('incremental re-analysis', () => {
  it('finds the changed range from both ends', () => {
    assert.deepEqual(changedRange('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(changedRange('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.equal(changedRange('same', 'same'), undefined);
    const long = 'x'.repeat(10000);
    assert.deepEqual(changedRange(`${long}a${long}`, `${long}${long}`), { start: 10000, oldEnd: 10001, newEnd: 10000 });
  });

  it('gives the same trace and findings as a full analysis after random edits to raw SIP', () => {
    for (const seed of [1, 2, 3]) {
      const incremental = checkEdits(manyCalls(6), seed, 60);
      assert.ok(incremental >= 30, `the incremental path ran ${incremental} times of 60 (seed ${seed})`);
    }
  });

  it('gives the same trace and findings as a full analysis after random edits to an ngrep trace', () => {
    for (const seed of [7, 8, 9]) {
      const incremental = checkEdits(manyCallsNgrep(5), seed, 60);
      assert.ok(incremental >= 30, `the incremental path ran ${incremental} times of 60 (seed ${seed})`);
    }
  });

  it('moves the findings of messages after an insertion', () => {
    const cache = new AnalysisCache(DEFAULT_SETTINGS, 'en');
    const text = manyCalls(4);
    const before = cache.get('u', 1, () => text);
    const at = text.indexOf('User-Agent') >= 0 ? text.indexOf('User-Agent') : text.indexOf('Max-Forwards: 70');
    const edited = `${text.slice(0, at)}Subject: hello\r\n${text.slice(at)}`;
    const after = cache.get('u', 2, () => edited);
    assert.equal(cache.incrementalCount, 1);
    const last = before.findings[before.findings.length - 1];
    const moved = after.findings[after.findings.length - 1];
    assert.equal(moved.code, last.code);
    assert.equal(moved.span.start, last.span.start + 'Subject: hello\r\n'.length);
  });
});
