import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { doHover } from '../../../src/core/features/hover';
import { CALL_FLOW, CALL_ID, NOT_ALLOWED, SUBSCRIBE, analyse, caret, msg } from './traces';

function hoverText(marked: string, lang: 'en' | 'zh-cn' = 'en'): string | undefined {
  const { text, offset } = caret(marked);
  const a = analyse(text);
  const hover = doHover(a.trace, a.lines, offset, lang);
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

describe('doHover', () => {
  it('explains a 405 status line: phrase, class, what it must carry, a link to its RFC section', () => {
    const value = hoverText(SUBSCRIBE + NOT_ALLOWED.replace('405 Method', '4|05 Method'));
    assert.ok(value);
    assert.match(value, /\*\*405 Method Not Allowed\*\*/);
    assert.match(value, /4xx/);
    assert.match(value, /Response to SUBSCRIBE/);
    assert.match(value, /`Allow`/);
    assert.match(value, /Next step/);
    assert.match(value, /https:\/\/www\.rfc-editor\.org\/rfc\/rfc3261#section-21\.4\.6/);
    assert.doesNotMatch(value, /differs from the registered/);
  });

  it('notes a reason phrase that differs from the registered one', () => {
    const value = hoverText(msg('SIP/2.0 200 Okay|', 'CSeq: 1 OPTIONS', 'Call-ID: x', 'Content-Length: 0'));
    assert.ok(value);
    assert.match(value, /"Okay" differs from the registered "OK"/);
  });

  it('answers in Simplified Chinese when the language is zh-cn', () => {
    const value = hoverText(SUBSCRIBE + NOT_ALLOWED.replace('Method Not', 'Method| Not'), 'zh-cn');
    assert.ok(value);
    assert.match(value, /下一步/);
    assert.match(value, /[\u4e00-\u9fff]/);
  });

  it('explains the method of a request line with the headers that request must carry', () => {
    const value = hoverText(`SUB|${SUBSCRIBE.slice(3)}`);
    assert.ok(value);
    assert.match(value, /\*\*SUBSCRIBE\*\*/);
    assert.match(value, /`Event`/);
    assert.match(value, /RFC 3265/);
  });

  it('names the full header behind a compact form', () => {
    const value = hoverText(msg('OPTIONS sip:a@b SIP/2.0', '|i: abc@host', 'CSeq: 1 OPTIONS', 'Content-Length: 0'));
    assert.ok(value);
    assert.match(value, /`i` is the compact form of \*\*Call-ID\*\*/);
    assert.match(value, /RFC 3261 §20\.8/);
  });

  it('describes a header by its full name and gives its compact form', () => {
    const value = hoverText(SUBSCRIBE.replace('Via:', 'V|ia:'));
    assert.ok(value);
    assert.match(value, /\*\*Via\*\*/);
    assert.match(value, /Compact form: `v`/);
  });

  it('lists every message that carries a Call-ID, with its line', () => {
    const value = hoverText(CALL_FLOW.replace(`Call-ID: ${CALL_ID}`, `Call-ID: 3848|${CALL_ID.slice(4)}`));
    assert.ok(value);
    assert.match(value, /Carried by 7 message/);
    assert.match(value, /#1, line 1: `INVITE sip:bob@biloxi\.example\.com`/);
    assert.match(value, /`200 OK` \(BYE\)/);
  });

  it('counts the messages of a From tag wherever the tag appears, From or To', () => {
    const value = hoverText(CALL_FLOW.replace('tag=9fxced76sl', 'tag=9fx|ced76sl'));
    assert.ok(value);
    assert.match(value, /Carried by 7 message/);
  });

  it('has nothing to say on a Request-URI or between messages', () => {
    assert.equal(hoverText(SUBSCRIBE.replace('sip:bob@', 'sip:b|ob@')), undefined);
    assert.equal(hoverText(`|\r\n\r\n${SUBSCRIBE}`), undefined);
  });
});
