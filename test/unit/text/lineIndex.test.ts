import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/text/lineIndex';

describe('LineIndex', () => {
  it('counts LF, CRLF and lone CR as line ends, as VS Code does', () => {
    const index = new LineIndex('a\nb\r\nc\rd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
  });

  it('round-trips every offset of a mixed text', () => {
    const text = 'INVITE sip:a@b SIP/2.0\r\nVia: x\n\r\nbody\r';
    const index = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = index.positionAt(o);
      // An offset between CR and LF has no position of its own; VS Code puts it at the line end.
      if (text[o - 1] === '\r' && text[o] === '\n') {
        continue;
      }
      assert.equal(index.offsetAt(p), o, `offset ${o}`);
    }
  });

  it('clamps positions beyond the text', () => {
    const index = new LineIndex('ab\ncd');
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 5);
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
    assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
  });
});
