import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatRef, localize, rfcUrl } from '../../../src/core/knowledge';

void describe('RFC references', () => {
  void it('formats a reference with a section as "RFC n §s"', () => {
    assert.equal(formatRef({ rfc: 3261, section: '21.4.6' }), 'RFC 3261 §21.4.6');
  });

  void it('formats a reference without a section as "RFC n"', () => {
    assert.equal(formatRef({ rfc: 6665 }), 'RFC 6665');
  });

  void it('links to the RFC Editor page, anchored at the section', () => {
    assert.equal(rfcUrl({ rfc: 3261, section: '21.4.6' }), 'https://www.rfc-editor.org/rfc/rfc3261#section-21.4.6');
    assert.equal(rfcUrl({ rfc: 8224 }), 'https://www.rfc-editor.org/rfc/rfc8224');
  });

  void it('picks the text of the requested language', () => {
    const text = { en: 'Busy', 'zh-cn': '忙' };
    assert.equal(localize(text, 'en'), 'Busy');
    assert.equal(localize(text, 'zh-cn'), '忙');
  });
});
