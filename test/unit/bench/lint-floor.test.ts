import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFloor } from '../../../scripts/bench/lint-floor';
import { parseTrace } from '../../../src/core/trace';

function message(startLine: string, headers: readonly string[], body = ''): string {
  return [startLine, ...headers, `Content-Length: ${Buffer.byteLength(body)}`].join('\r\n') + '\r\n\r\n' + body;
}

const dialog = (branch: string, via = 'Via'): string[] => [
  `${via}: SIP/2.0/UDP 192.0.2.1:5060;branch=${branch};rport`,
  'From: <sip:a@example.com>;tag=1',
  'To: <sip:b@example.com>',
  'Call-ID: floor-1@192.0.2.1',
];

void describe('bench lint floor', () => {
  void it('keys transactions on the top Via branch, finds unusual chars and counts header sets', () => {
    const text = [
      message('INVITE sip:b@example.com SIP/2.0', [...dialog('z9hG4bKa'), 'CSeq: 1 INVITE', 'Subject: caf\u00e9']),
      message('SIP/2.0 100 Trying', [...dialog('z9hG4bKa'), 'CSeq: 1 INVITE']),
      message('SIP/2.0 200 OK', [...dialog('z9hG4bKa'), 'CSeq: 1 INVITE', 'Content-Type: text/plain'], 'a\u0001b'),
      // Compact Via, and a second Via whose branch must not be the key.
      message('ACK sip:b@example.com SIP/2.0', [...dialog('z9hG4bKb', 'v'), 'Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKa', 'CSeq: 1 ACK']),
    ].join('');
    const trace = parseTrace(text);
    assert.equal(trace.messages.length, 4);
    const counts = lintFloor(trace);
    assert.equal(counts.transactions, 2);
    assert.equal(counts.unusualChars, 2);
    // INVITE (Subject), 100 (none extra), 200 (Content-Type), ACK (v and Via: two records, one bit each).
    assert.equal(counts.headerSets, 4);
  });

  void it('puts messages without a Via or a branch under one empty key', () => {
    const text = [
      message('OPTIONS sip:b@example.com SIP/2.0', ['Via: SIP/2.0/UDP 192.0.2.1', 'CSeq: 1 OPTIONS']),
      message('OPTIONS sip:b@example.com SIP/2.0', ['CSeq: 2 OPTIONS']),
    ].join('');
    assert.deepEqual(lintFloor(parseTrace(text)), { transactions: 1, unusualChars: 0, headerSets: 2 });
  });
});
