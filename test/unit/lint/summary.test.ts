import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summarize, TransactionGrouper } from '../../../src/core/lint/summary';
import { parseMessage } from '../../../src/core/parser';

function message(startLine: string, callId: string | undefined, branch: string | undefined, cseq: string): string {
  const lines = [startLine, `Via: SIP/2.0/UDP h.example.com${branch === undefined ? '' : `;branch=${branch}`}`, 'From: <sip:a@example.com>;tag=f1', 'To: <sip:b@example.com>'];
  if (callId !== undefined) {
    lines.push(`Call-ID: ${callId}`);
  }
  lines.push(`CSeq: ${cseq}`, 'Content-Length: 0', '', '');
  return lines.join('\r\n');
}

void describe('message summary', () => {
  void it('copies kind, method and status from the start line, and reads CSeq, tags and the top branch', () => {
    const request = summarize(parseMessage(message('INVITE sip:b@example.com SIP/2.0', 'c1', 'z9hG4bK1', '7 INVITE')));
    assert.deepEqual(
      { kind: request.kind, method: request.method, status: request.status, cseqNumber: request.cseqNumber, cseqMethod: request.cseqMethod, topBranch: request.topBranch, fromTag: request.fromTag, toTag: request.toTag },
      { kind: 'request', method: 'INVITE', status: undefined, cseqNumber: '7', cseqMethod: 'INVITE', topBranch: 'z9hG4bK1', fromTag: 'f1', toTag: undefined },
    );
    const response = summarize(parseMessage(message('SIP/2.0 486 Busy Here', 'c1', 'z9hG4bK1', '7 INVITE')));
    assert.deepEqual([response.kind, response.method, response.status, response.cseqMethod], ['response', undefined, 486, 'INVITE']);
    // A method the knowledge base does not name is kept as written.
    assert.equal(summarize(parseMessage(message('FOO sip:b@example.com SIP/2.0', 'c1', 'z9hG4bK2', '1 FOO'))).cseqMethod, 'FOO');
  });
});

void describe('transaction grouping', () => {
  void it('groups messages by Call-ID and top branch, in trace order, leaving out those without a Call-ID', () => {
    const texts = [
      message('INVITE sip:b@example.com SIP/2.0', 'c1', 'z9hG4bK1', '1 INVITE'),
      message('INVITE sip:b@example.com SIP/2.0', 'c2', 'z9hG4bK1', '1 INVITE'),
      message('SIP/2.0 200 OK', 'c1', 'z9hG4bK1', '1 INVITE'),
      message('ACK sip:b@example.com SIP/2.0', 'c1', 'z9hG4bK2', '1 ACK'),
      message('OPTIONS sip:b@example.com SIP/2.0', undefined, 'z9hG4bK1', '1 OPTIONS'),
      message('BYE sip:b@example.com SIP/2.0', 'c1', undefined, '2 BYE'),
      message('SIP/2.0 200 OK', 'c1', undefined, '2 BYE'),
    ];
    const grouper = new TransactionGrouper();
    for (const text of texts) {
      grouper.add(summarize(parseMessage(text)));
    }
    const groups = grouper.groups().ofMessage;
    assert.deepEqual(groups, [[0, 2], [1], [0, 2], [3], undefined, [5, 6], [5, 6]]);
    // Messages of one transaction share one list.
    assert.equal(groups[0], groups[2]);
  });
});
