import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readTrace } from '../../../src/core/framing';

void describe('source maps of whole ngrep datagrams', () => {
  void it('maps each whole ngrep datagram from its own payload start', () => {
    const packet = (n: number): string =>
      `U 2026/11/21 05:30:35.28944${n} 127.0.0.1:15061 -> 127.0.0.1:15060 #${n}\n` +
      `OPTIONS sip:a@b SIP/2.0.\nCall-ID: ${n}.\nContent-Length: 0.\n.\n\n`;
    const text = `${packet(1)}${packet(2)}`;
    const { segments } = readTrace(text);
    assert.equal(segments.length, 2);
    const second = text.indexOf('OPTIONS', text.indexOf('#2'));
    assert.equal(segments[0].map.toSource(0), text.indexOf('OPTIONS'));
    assert.equal(segments[1].map.toSource(0), second);
    assert.equal(segments[1].map.toSource(8), second + 8);
    assert.equal(segments[1].content, 'OPTIONS sip:a@b SIP/2.0\r\nCall-ID: 2\r\nContent-Length: 0\r\n\r\n');
  });
});
