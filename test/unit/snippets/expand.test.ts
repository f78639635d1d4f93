import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expandSnippet } from './expand';

void describe('snippet expander', () => {
  void it('inserts placeholder defaults, first choices and mirrors', () => {
    const r = expandSnippet(['To: <sip:${1:bob@example.com}>', 'From: <sip:$1>;tag=${2|a,b|}', 'CSeq: ${3} INVITE$0']);
    assert.equal(r.text, 'To: <sip:bob@example.com>\nFrom: <sip:bob@example.com>;tag=a\nCSeq:  INVITE');
    assert.equal(r.finalCursor, r.text.length);
    assert.deepEqual(r.tabStops, [1, 1, 2, 3, 0]);
  });

  void it('expands variables, nested in placeholders too', () => {
    const r = expandSnippet('branch=z9hG4bK${1:$RANDOM_HEX};id=${UUID}', { RANDOM_HEX: 'abc123', UUID: 'u-1' });
    assert.equal(r.text, 'branch=z9hG4bKabc123;id=u-1');
  });

  void it('honours escapes of $, } and \\ and escaped commas in choices', () => {
    const r = expandSnippet('cost \\$5 \\} \\\\ ${1|a\\,b,c|}');
    assert.equal(r.text, 'cost $5 } \\ a,b');
  });

  void it('nests placeholders inside placeholders', () => {
    assert.equal(expandSnippet('${1:<sip:${2:bob}@${3:example.com}>}').text, '<sip:bob@example.com>');
  });

  void it('places the final cursor at $0', () => {
    const r = expandSnippet(['line one', '$0', 'after']);
    assert.equal(r.finalCursor, 'line one\n'.length);
  });

  void it('refuses unknown variables and unterminated placeholders', () => {
    assert.throws(() => expandSnippet('$NOT_A_VARIABLE'), /unknown snippet variable/);
    assert.throws(() => expandSnippet('${1:open'), /unterminated/);
  });
});
