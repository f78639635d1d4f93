import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SourceMap } from '../../../src/core/text/sourceMap';

describe('SourceMap', () => {
  it('shifts every offset of verbatim content by its start', () => {
    const map = SourceMap.identity(100);
    assert.equal(map.toSource(0), 100);
    assert.equal(map.toSource(42), 142);
    assert.deepEqual(map.spanToSource({ start: 3, end: 9 }), { start: 103, end: 109 });
    assert.equal(map.pieces, 1);
  });

  it('maps content stitched from indented lines past the dropped indentation', () => {
    // Source: "   AB\n   CD" (FreeSWITCH style); content: "AB\nCD".
    const source = '   AB\n   CD';
    const map = new SourceMap();
    map.add(0, 3);
    map.add(3, 9);
    const content = 'AB\nCD';
    for (let i = 0; i < content.length; i++) {
      assert.equal(source[map.toSource(i)], content[i], `offset ${i}`);
    }
    // "CD" ends at the source end, and "AB\n" does not swallow the next line's indentation.
    assert.deepEqual(map.spanToSource({ start: 3, end: 5 }), { start: 9, end: 11 });
    assert.deepEqual(map.spanToSource({ start: 0, end: 3 }), { start: 3, end: 6 });
  });

  it('ends a span before the framing dropped after its last character', () => {
    // ngrep style: "Via: x.\nTo: y." -> content "Via: x\r\nTo: y\r\n" is not verbatim; model the value only.
    const map = new SourceMap();
    map.add(0, 0); // "Via: x" at 0..6
    map.add(6, 7); // next piece starts after the '.'
    assert.deepEqual(map.spanToSource({ start: 5, end: 6 }), { start: 5, end: 6 });
  });

  it('merges a piece that continues the previous one', () => {
    const map = new SourceMap();
    map.add(0, 10);
    map.add(5, 15);
    assert.equal(map.pieces, 1);
  });

  it('maps a source offset back to content, and not inside dropped framing', () => {
    const map = new SourceMap();
    map.add(0, 3);
    map.add(3, 9);
    assert.equal(map.toContent(4, 5), 1);
    assert.equal(map.toContent(10, 5), 4);
    assert.equal(map.toContent(7, 5), undefined);
  });

  it('keeps an empty span empty', () => {
    const map = SourceMap.identity(7);
    assert.deepEqual(map.spanToSource({ start: 2, end: 2 }), { start: 9, end: 9 });
  });
});
