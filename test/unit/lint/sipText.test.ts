import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstElementParam, headerParam } from '../../../src/core/lint/sipText';
import { parseMessage } from '../../../src/core/parser';

function headerOf(lines: string[], key: string): ReturnType<typeof parseMessage>['headers'][number] {
  const h = parseMessage(['OPTIONS sip:a@example.com SIP/2.0', ...lines, '', ''].join('\r\n')).headers.find((x) => x.key === key);
  assert.ok(h, key);
  return h;
}

void describe('header parameters read in place', () => {
  void it('reads the same parameter in place as from the value text, quotes and <> honoured', () => {
    const values = [
      '"Alice; the <first>" <sip:alice@example.com;tag=inuri>;tag=a1',
      '<sip:bob@example.com> ; TAG = b2 ;x',
      'sip:carol@example.com;tag',
      'sip:dave@example.com;tag=d1, sip:eve@example.com;tag=e1',
      '<sip:frank@example.com>;x="q;tag=no";tag=f1',
      '<sip:grace@example.com>',
    ];
    for (const value of values) {
      const h = headerOf([`From: ${value}`], 'from');
      assert.equal(headerParam(h, 'tag'), firstElementParam(h.value.text, 'tag'), value);
    }
    assert.equal(headerParam(headerOf(['From: <sip:a@b>;tag=a1'], 'from'), 'tag'), 'a1');
  });

  void it('reads a folded value as its collapsed text', () => {
    const h = headerOf(['From: "Alice"', ' <sip:alice@example.com>;tag=', ' t1;x=1'], 'from');
    assert.equal(headerParam(h, 'tag'), firstElementParam(h.value.text, 'tag'));
    const v = headerOf(['Via: SIP/2.0/UDP h.example.com', ' ;branch=z9hG4bK77'], 'via');
    assert.equal(headerParam(v, 'branch'), 'z9hG4bK77');
  });
});
