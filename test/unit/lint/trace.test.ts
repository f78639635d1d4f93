import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INVITE, OK, OPTIONS, replaceLine, response, withCode } from './helpers';

void describe('response-mismatch', () => {
  void it('accepts a 200 that copies its INVITE', () => {
    assert.deepEqual(withCode(INVITE + OK, 'response-mismatch'), []);
  });

  void it('flags a response whose CSeq number differs from the request with its Call-ID and branch, pointing at the request', () => {
    const text = INVITE + OK.replace('CSeq: 314159 INVITE', 'CSeq: 314160 INVITE');
    const [d] = withCode(text, 'response-mismatch');
    assert.equal(d.severity, 'error');
    assert.equal(d.messageIndex, 1);
    assert.equal(d.related?.length, 1);
    assert.equal(d.related?.[0].span.start, 0);
    assert.deepEqual(d.data, { field: 'CSeq' });
  });

  void it('flags a From tag, To tag or Via that was not copied', () => {
    const withToTag = replaceLine(INVITE, 'To: Bob <sip:bob@biloxi.example.com>', 'To: Bob <sip:bob@biloxi.example.com>;tag=x1');
    const cases: [string, string][] = [
      [INVITE + OK.replace(';tag=1928301774', ';tag=other'), 'From'],
      [withToTag + OK, 'To'],
      [INVITE + OK.replace(';received=192.0.2.1', ';received=192.0.2.1\r\nVia: SIP/2.0/UDP extra.example.com;branch=z9hG4bKx'), 'Via'],
    ];
    for (const [text, field] of cases) {
      assert.deepEqual(withCode(text, 'response-mismatch').map((d) => d.data?.field), [field], field);
    }
  });

  void it('flags a 100 that drops the Timestamp of its request, under missing-header', () => {
    const invite = replaceLine(INVITE, 'Supported: timer', 'Supported: timer\r\nTimestamp: 54');
    const trying = response('SIP/2.0 100 Trying', 'INVITE', [], '');
    const ds = withCode(invite + trying, 'missing-header');
    assert.deepEqual(ds.map((d) => d.data?.header), ['Timestamp']);
    assert.deepEqual(withCode(invite + response('SIP/2.0 100 Trying', 'INVITE', ['Timestamp: 54'], ''), 'missing-header'), []);
  });
});

void describe('cseq-method-mismatch across the trace', () => {
  void it('flags a response whose CSeq method differs from the request with its Call-ID and branch', () => {
    const text = INVITE + OK.replace('CSeq: 314159 INVITE', 'CSeq: 314159 BYE');
    const [d] = withCode(text, 'cseq-method-mismatch');
    assert.equal(d.messageIndex, 1);
    assert.equal(d.related?.length, 1);
  });

  void it('matches a 200 to CANCEL with the CANCEL, not the INVITE that shares its branch', () => {
    const cancel = INVITE.replace('INVITE sip:', 'CANCEL sip:').replace('CSeq: 314159 INVITE', 'CSeq: 314159 CANCEL');
    const ok = response('SIP/2.0 200 OK', 'CANCEL');
    assert.deepEqual(withCode(INVITE + cancel + ok, 'cseq-method-mismatch'), []);
  });
});

void describe('retransmission', () => {
  void it('informs about a repeated request and points at the first copy', () => {
    const [d, ...rest] = withCode(INVITE + INVITE + OK, 'retransmission');
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'information');
    assert.equal(d.messageIndex, 1);
    assert.equal(d.related?.[0].span.start, 0);
  });

  void it('does not take a new request (next CSeq) for a retransmission', () => {
    const next = OPTIONS.replace('CSeq: 63104 OPTIONS', 'CSeq: 63105 OPTIONS').replace('z9hG4bKhjhs8ass877', 'z9hG4bKnew');
    assert.deepEqual(withCode(OPTIONS + next, 'retransmission'), []);
  });
});

void describe('unanswered-transaction', () => {
  void it('informs about a request without a final response', () => {
    const [d] = withCode(INVITE + response('SIP/2.0 180 Ringing', 'INVITE', ['Contact: <sip:b@h>']), 'unanswered-transaction');
    assert.equal(d.severity, 'information');
    assert.equal(d.messageIndex, 0);
  });

  void it('accepts a request with its final response, an ACK, and a trace with no response at all', () => {
    assert.deepEqual(withCode(INVITE + OK, 'unanswered-transaction'), []);
    const ack = INVITE.replace('INVITE sip:', 'ACK sip:').replace('CSeq: 314159 INVITE', 'CSeq: 314159 ACK');
    assert.deepEqual(withCode(INVITE + OK + ack, 'unanswered-transaction'), []);
    assert.deepEqual(withCode(OPTIONS + INVITE, 'unanswered-transaction'), []);
  });
});

void describe('response-mismatch: Record-Route', () => {
  void it('flags a 200 to INVITE that drops the Record-Route of its request, and accepts one that copies it', () => {
    const rr = 'Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>';
    const invite = replaceLine(INVITE, 'Supported: timer', `Supported: timer\r\n${rr}`);
    assert.deepEqual(withCode(invite + OK, 'response-mismatch').map((d) => d.data?.field), ['Record-Route']);
    const ok = replaceLine(OK, 'Supported: timer', `Supported: timer\r\nRecord-Route: <sip:p1.example.com;lr>\r\nRecord-Route: <sip:p2.example.com;lr>`);
    assert.deepEqual(withCode(invite + ok, 'response-mismatch'), []);
  });

  void it('does not ask a 100 or a response to OPTIONS for Record-Route', () => {
    const rr = 'Record-Route: <sip:p1.example.com;lr>';
    const invite = replaceLine(INVITE, 'Supported: timer', `Supported: timer\r\n${rr}`);
    assert.deepEqual(withCode(invite + response('SIP/2.0 100 Trying', 'INVITE', [], ''), 'response-mismatch'), []);
  });
});
