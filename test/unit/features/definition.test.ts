import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDefinition } from '../../../src/core/features/definition';
import { ACK, BYE, BYE_OK, CALL_FLOW, INVITE, OK, RINGING, TRYING, analyse, msg } from './traces';

const URI = 'file:///trace.sip';

/** The start line of the definition found from the first occurrence of `from` in the text. */
function definitionLine(text: string, from: string, nth = 0): number | undefined {
  const a = analyse(text);
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(from, offset + 1);
  }
  assert.ok(offset >= 0, `${from} not in text`);
  const result = findDefinition(a.trace, a.lines, offset, URI);
  assert.ok(result.length <= 1);
  return result[0]?.range.start.line;
}

function lineOf(text: string, needle: string, nth = 0): number {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
  }
  return text.slice(0, offset).split('\n').length - 1;
}

describe('findDefinition', () => {
  it('goes from a 200 to the INVITE it answers', () => {
    assert.equal(definitionLine(CALL_FLOW, 'SIP/2.0 200 OK'), 0);
  });

  it('goes from the 200 of a BYE to the BYE, not to the INVITE', () => {
    assert.equal(definitionLine(CALL_FLOW, 'SIP/2.0 200 OK', 1), lineOf(CALL_FLOW, 'BYE sip:'));
  });

  it('goes from the CSeq header of a response as well as from its start line', () => {
    assert.equal(definitionLine(INVITE + TRYING, 'CSeq: 1 INVITE', 1), 0);
  });

  it('goes from an ACK for a 2xx (a new branch) to the INVITE by Call-ID and CSeq number', () => {
    assert.equal(definitionLine(CALL_FLOW, 'ACK sip:'), 0);
  });

  it('goes from a CANCEL to the INVITE with the same branch', () => {
    const cancel = msg(
      'CANCEL sip:bob@biloxi.example.com SIP/2.0',
      'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds8',
      'Max-Forwards: 70',
      'To: Bob <sip:bob@biloxi.example.com>',
      'From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
      'Call-ID: 3848276298220188511@atlanta.example.com',
      'CSeq: 1 CANCEL',
      'Content-Length: 0',
    );
    assert.equal(definitionLine(INVITE + TRYING + cancel, 'CANCEL sip:'), 0);
  });

  it('keeps each response on its own hop when a proxy forwards the request with a new branch', () => {
    const forwarded = INVITE.replace('Via: SIP/2.0/UDP 192.0.2.10', 'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKproxy1\r\nVia: SIP/2.0/UDP 192.0.2.10');
    const okDownstream = OK.replace('Via: SIP/2.0/UDP 192.0.2.10', 'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKproxy1\r\nVia: SIP/2.0/UDP 192.0.2.10');
    const text = INVITE + forwarded + okDownstream + OK;
    assert.equal(definitionLine(text, 'SIP/2.0 200 OK', 0), lineOf(text, 'INVITE sip:', 1));
    assert.equal(definitionLine(text, 'SIP/2.0 200 OK', 1), 0);
  });

  it('goes from a PRACK to the reliable provisional response its RAck names', () => {
    const reliable = msg(
      'SIP/2.0 183 Session Progress',
      'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds8',
      'To: Bob <sip:bob@biloxi.example.com>;tag=8321234356',
      'From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
      'Call-ID: 3848276298220188511@atlanta.example.com',
      'CSeq: 1 INVITE',
      'Require: 100rel',
      'RSeq: 989',
      'Content-Length: 0',
    );
    const prack = msg(
      'PRACK sip:bob@192.0.2.4 SIP/2.0',
      'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKprack1',
      'Max-Forwards: 70',
      'To: Bob <sip:bob@biloxi.example.com>;tag=8321234356',
      'From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
      'Call-ID: 3848276298220188511@atlanta.example.com',
      'CSeq: 2 PRACK',
      'RAck: 989 1 INVITE',
      'Content-Length: 0',
    );
    const text = INVITE + RINGING + reliable + prack;
    assert.equal(definitionLine(text, 'PRACK sip:'), lineOf(text, 'SIP/2.0 183'));
    assert.equal(definitionLine(text, 'RAck: 989'), lineOf(text, 'SIP/2.0 183'));
  });

  it('goes from a tag to the first message that carries it', () => {
    const text = INVITE + TRYING + RINGING + OK + ACK + BYE + BYE_OK;
    assert.equal(definitionLine(text, '8321234356', 2), lineOf(text, '8321234356', 0));
  });

  it('finds nothing for a request that starts a transaction', () => {
    assert.equal(definitionLine(CALL_FLOW, 'INVITE sip:'), undefined);
  });
});
