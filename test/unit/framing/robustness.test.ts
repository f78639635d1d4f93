import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readTrace } from '../../../src/core/framing';
import { invite, ok, startLines } from './helpers';

/** Deterministic pseudo-random bytes (as a latin1 string), so failures reproduce. */
function junk(length: number, seed: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(String.fromCharCode(x & 0xff));
  }
  return out.join('');
}

void describe('readTrace on bad input', () => {
  void it('returns nothing for an empty file', () => {
    assert.deepEqual(readTrace(''), { format: 'raw', segments: [], problems: [] });
  });

  void it('returns no message and no problem for text without SIP', () => {
    const r = readTrace('hello\nthis is a README\n\n  indented\n');
    assert.equal(r.segments.length, 0);
    assert.deepEqual(r.problems, []);
  });

  void it('reports NUL bytes outside messages as binary-data and still reads the messages around them', () => {
    const text = '\u0000\u0001\u0002PK\u0003\u0004\u0000\u0000\n' + ok() + '\u0000\u0000\u0000';
    const r = readTrace(text);
    assert.deepEqual(startLines(r.segments), ['SIP/2.0 200 OK']);
    assert.equal(r.segments[0].content, ok());
    const codes = r.problems.map((p) => p.code);
    assert.ok(codes.includes('binary-data'));
    for (const p of r.problems) {
      assert.ok(p.span.start >= 0 && p.span.end <= text.length && p.span.start <= p.span.end);
    }
  });

  void it('never throws on random binary data of every kind', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const text = junk(5000, seed) + (seed % 3 === 0 ? ok() : '') + junk(300, seed + 100);
      const r = readTrace(text);
      assert.ok(Array.isArray(r.segments));
      for (const s of r.segments) {
        const span = s.map.spanToSource({ start: 0, end: s.content.length });
        assert.ok(span.start >= 0 && span.end <= text.length);
      }
      if (seed % 3 === 0) {
        assert.ok(r.segments.some((s) => s.content === ok()));
      }
    }
  });

  void it('reads a file that is one 1 MB line quickly', () => {
    const line = 'x'.repeat(1024 * 1024);
    const started = Date.now();
    const r = readTrace(line + '\n' + invite());
    assert.equal(r.segments.length, 1);
    assert.equal(r.segments[0].content, invite());
    assert.ok(Date.now() - started < 2000, 'took too long');
  });

  void it('stays linear on a 1 MB line made of SIP-looking fragments', () => {
    const line = 'SIP/2.0 SIP/ U  T  <--- recv send proto: ===='.repeat(24000);
    const started = Date.now();
    const r = readTrace(line);
    assert.ok(Array.isArray(r.segments));
    assert.ok(Date.now() - started < 3000, 'took too long');
  });

  void it('keeps a 1 MB header value whole', () => {
    const big = 'a'.repeat(1024 * 1024);
    const msg = `MESSAGE sip:b@example.com SIP/2.0\r\nX-Big: ${big}\r\nContent-Length: 0\r\n\r\n`;
    const r = readTrace(msg + ok());
    assert.deepEqual(startLines(r.segments), ['MESSAGE sip:b@example.com SIP/2.0', 'SIP/2.0 200 OK']);
    assert.equal(r.segments[0].content, msg);
  });

  void it('stays linear on many lines that start like framing headers', () => {
    const lines: string[] = [];
    for (let i = 0; i < 50000; i++) {
      lines.push(`2024-01-02 10:11:12.${i} [DEBUG] recv x bytes U T proto: <--- ====`);
    }
    const started = Date.now();
    const r = readTrace(lines.join('\n'));
    assert.equal(r.segments.length, 0);
    assert.ok(Date.now() - started < 3000, 'took too long');
  });

  void it('goes on after a truncated message at the next framing header', () => {
    const text =
      'U 2024/01/02 10:11:12.1 192.0.2.1:5060 -> 198.51.100.7:5060\nINVITE sip:b@example.com SIP/2.0.\nCall-ID: cut.\nContent-Le\n\n' +
      `U 2024/01/02 10:11:12.2 198.51.100.7:5060 -> 192.0.2.1:5060\n${ok().replace(/\r\n/g, '.\n')}\n\n`;
    const r = readTrace(text);
    assert.deepEqual(startLines(r.segments), ['INVITE sip:b@example.com SIP/2.0', 'SIP/2.0 200 OK']);
    assert.equal(r.segments[1].content, ok());
    assert.deepEqual(r.problems.map((p) => p.code), ['truncated-message']);
  });

  void it('keeps every problem span inside the text and sorted', () => {
    const text = 'INVITE sip:a@b SIP/2.0\r\nContent-Length: 50\r\n\r\nv=0\r\n\u0000\u0000';
    const r = readTrace(text);
    let last = 0;
    for (const p of r.problems) {
      assert.ok(p.span.start >= last && p.span.end <= text.length);
      assert.match(p.code, /^[a-z]+(-[a-z]+)*$/);
      last = p.span.start;
    }
    assert.ok(r.problems.some((p) => p.code === 'truncated-message'));
  });
});
