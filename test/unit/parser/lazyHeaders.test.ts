import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { attachToParse, canAttachToParse, parseAttachment, parseMessage, transientHeaders } from '../../../src/core/parser';
import type { Header, ParsedMessage } from '../../../src/core/model';

const MESSAGE = [
  'INVITE sip:bob@example.org SIP/2.0',
  'Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds',
  'Subject: first line',
  '  continued',
  'Call-ID: a84b4c76e66710',
  '',
  '',
].join('\r\n');

describe('header fields kept as offsets until read', () => {
  it('builds the headers on first read and returns the same objects afterwards', () => {
    const p = parseMessage(MESSAGE);
    const first = p.headers;
    assert.equal(p.headers, first);
    assert.deepEqual(
      first.map((h) => [h.name.text, h.value.text]),
      [
        ['Via', 'SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds'],
        ['Subject', 'first line continued'],
        ['Call-ID', 'a84b4c76e66710'],
      ],
    );
    assert.deepEqual(first[1].span, { start: MESSAGE.indexOf('Subject'), end: MESSAGE.indexOf('\r\nCall-ID') });
    assert.deepEqual(first[0].name.span, { start: MESSAGE.indexOf('Via'), end: MESSAGE.indexOf('Via') + 3 });
  });

  it('gives transient headers equal to the cached ones without keeping them', () => {
    const p = parseMessage(MESSAGE);
    const a = transientHeaders(p);
    const b = transientHeaders(p);
    assert.notEqual(a, b);
    const plain = (h: Header): unknown => ({ name: h.name, key: h.key, span: h.span, value: h.value, values: h.values });
    assert.deepEqual(a.map(plain), p.headers.map(plain));
    // Once `headers` was read, the transient list is that same list.
    assert.equal(transientHeaders(p), p.headers);
  });

  it('keeps headers in JSON and in deep equality of parses', () => {
    const p = parseMessage(MESSAGE);
    const json = JSON.parse(JSON.stringify(p)) as { headers: { canonical: string }[] };
    assert.deepEqual(
      json.headers.map((h) => h.canonical),
      ['Via', 'Subject', 'Call-ID'],
    );
    assert.deepEqual(parseMessage(MESSAGE), parseMessage(MESSAGE));
    assert.notDeepEqual(parseMessage(MESSAGE), parseMessage(MESSAGE.replace('Call-ID: a84', 'Call-ID:  a84')));
  });

  it('stores one attachment with a parser-made parse only', () => {
    const p = parseMessage(MESSAGE);
    assert.equal(parseAttachment(p), undefined);
    assert.ok(canAttachToParse(p));
    assert.ok(attachToParse(p, 42));
    assert.equal(parseAttachment(p), 42);
    const plain: ParsedMessage = { startLine: p.startLine, headers: [], headerEnd: 0, problems: [] };
    assert.equal(canAttachToParse(plain), false);
    assert.equal(attachToParse(plain, 1), false);
    assert.equal(parseAttachment(plain), undefined);
  });
});
