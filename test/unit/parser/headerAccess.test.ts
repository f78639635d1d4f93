import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseMessage } from '../../../src/core/parser';
import {
  getBranch,
  getCSeq,
  getCallId,
  getContentLength,
  getHeader,
  getHeaders,
  getMethod,
  getTag,
} from '../../../src/core/parser/headerAccess';

const INVITE = [
  'INVITE sip:bob@example.org SIP/2.0',
  'v: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKtop, SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKlower',
  'Via: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKlast',
  'f: "Alice" <sip:alice@example.com>;tag=1928301774',
  'To: <sip:bob@example.org>',
  'i: a84b4c76e66710@pc33.atlanta.example.com',
  'CSeq: 314159 INVITE',
  'l: 4',
  '',
  'body',
].join('\r\n');

const RESPONSE = ['SIP/2.0 180 Ringing', 'To: <sip:bob@example.org>;tag=a6c85cf', 'cseq: 0009', '  INVITE', 'Content-Length: x1', '', ''].join('\r\n');

void describe('header access', () => {
  const p = parseMessage(INVITE);

  void it('finds the first header and all headers by lower-case key, compact forms included', () => {
    assert.equal(getHeader(p, 'via')?.name.text, 'v');
    assert.deepEqual(
      getHeaders(p, 'via').map((h) => h.name.text),
      ['v', 'Via'],
    );
    assert.equal(getHeader(p, 'contact'), undefined);
    assert.deepEqual(getHeaders(p, 'contact'), []);
  });

  void it('reads Call-ID, tags, the top Via branch and Content-Length', () => {
    assert.equal(getCallId(p), 'a84b4c76e66710@pc33.atlanta.example.com');
    const from = getHeader(p, 'from');
    const to = getHeader(p, 'to');
    assert.ok(from && to);
    assert.equal(getTag(from), '1928301774');
    assert.equal(getTag(to), undefined);
    assert.equal(getBranch(p), 'z9hG4bKtop');
    assert.equal(getContentLength(p), 4);
  });

  void it('reads CSeq number and method with spans', () => {
    const cseq = getCSeq(p);
    assert.ok(cseq);
    assert.equal(cseq.number, 314159);
    assert.equal(cseq.method, 'INVITE');
    assert.equal(INVITE.slice(cseq.numberToken.span.start, cseq.numberToken.span.end), '314159');
    assert.equal(INVITE.slice(cseq.methodToken.span.start, cseq.methodToken.span.end), 'INVITE');
    assert.equal(getMethod(p), 'INVITE');
  });

  void it('reads a folded CSeq and takes the method of a response from it', () => {
    const r = parseMessage(RESPONSE);
    const cseq = getCSeq(r);
    assert.ok(cseq);
    assert.equal(cseq.number, 9);
    assert.equal(cseq.numberToken.text, '0009');
    assert.equal(RESPONSE.slice(cseq.methodToken.span.start, cseq.methodToken.span.end), 'INVITE');
    assert.equal(getMethod(r), 'INVITE');
    const to = getHeader(r, 'to');
    assert.ok(to);
    assert.equal(getTag(to), 'a6c85cf');
  });

  void it('gives NaN for a non-numeric Content-Length and undefined for missing values', () => {
    const r = parseMessage(RESPONSE);
    assert.ok(Number.isNaN(getContentLength(r)));
    assert.equal(getCallId(r), undefined);
    assert.equal(getBranch(r), undefined);
    const bad = parseMessage('OPTIONS sip:a@b.c SIP/2.0\r\nCSeq: INVITE\r\n\r\n');
    assert.equal(getCSeq(bad), undefined);
    assert.equal(getMethod(bad), 'OPTIONS');
    assert.equal(getMethod(parseMessage('SIP/2.0 200 OK\r\n\r\n')), undefined);
  });
});
