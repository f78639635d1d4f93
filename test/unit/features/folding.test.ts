import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getFoldingRanges } from '../../../src/core/features/folding';
import { INVITE, NOT_ALLOWED, SUBSCRIBE, analyse } from './traces';

describe('getFoldingRanges', () => {
  it('folds each message to its last line and each body from the blank line before it', () => {
    const a = analyse(INVITE + SUBSCRIBE + NOT_ALLOWED);
    // INVITE: start line 0, headers to line 9, blank line 10, SDP lines 11-13.
    assert.deepEqual(getFoldingRanges(a.trace, a.lines), [
      { startLine: 0, endLine: 13 },
      { startLine: 10, endLine: 13 },
      { startLine: 14, endLine: 23 },
      { startLine: 25, endLine: 31 },
    ]);
  });

  it('folds nothing in a text with no message', () => {
    const a = analyse('just some text\nwithout SIP\n');
    assert.deepEqual(getFoldingRanges(a.trace, a.lines), []);
  });

  it('stops at maxItems ranges', () => {
    const a = analyse(INVITE + SUBSCRIBE + NOT_ALLOWED);
    assert.ok(getFoldingRanges(a.trace, a.lines, 2).length <= 2);
  });
});
