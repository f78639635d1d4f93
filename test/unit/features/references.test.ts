import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { findDocumentHighlights, findReferences } from '../../../src/core/features/references';
import { CALL_FLOW, CALL_ID, NOT_ALLOWED, SUBSCRIBE, analyse } from './traces';

const URI = 'file:///trace.sip';

describe('findReferences and findDocumentHighlights', () => {
  it('finds the Call-ID value in every message of the call and nowhere else', () => {
    const text = CALL_FLOW + SUBSCRIBE + NOT_ALLOWED;
    const a = analyse(text);
    const refs = findReferences(a.trace, a.lines, text.indexOf(CALL_ID) + 3, URI);
    assert.equal(refs.length, 7);
    for (const ref of refs) {
      const start = a.lines.offsetAt(ref.range.start);
      const end = a.lines.offsetAt(ref.range.end);
      assert.equal(text.slice(start, end), CALL_ID);
      assert.equal(ref.uri, URI);
    }
  });

  it('treats a tag in From and in To as the same identifier', () => {
    const text = CALL_FLOW;
    const a = analyse(text);
    const refs = findReferences(a.trace, a.lines, text.indexOf('8321234356'), URI);
    // 180, 200, ACK, BYE (From), 200 to BYE (From): the callee's tag.
    assert.equal(refs.length, 5);
    assert.ok(refs.every((r) => text.slice(a.lines.offsetAt(r.range.start), a.lines.offsetAt(r.range.end)) === '8321234356'));
  });

  it('follows a branch across a request and its responses only', () => {
    const text = CALL_FLOW;
    const a = analyse(text);
    const refs = findReferences(a.trace, a.lines, text.indexOf('z9hG4bKnashds10'), URI);
    assert.equal(refs.length, 2);
  });

  it('highlights the first occurrence as the write and the others as reads', () => {
    const text = CALL_FLOW;
    const a = analyse(text);
    const highlights = findDocumentHighlights(a.trace, a.lines, text.lastIndexOf(CALL_ID));
    assert.equal(highlights.length, 7);
    assert.equal(highlights[0].kind, DocumentHighlightKind.Write);
    assert.ok(highlights.slice(1).every((h) => h.kind === DocumentHighlightKind.Read));
  });

  it('finds nothing away from an identifier', () => {
    const a = analyse(CALL_FLOW);
    assert.deepEqual(findReferences(a.trace, a.lines, CALL_FLOW.indexOf('Max-Forwards'), URI), []);
    assert.deepEqual(findDocumentHighlights(a.trace, a.lines, 0), []);
  });
});
