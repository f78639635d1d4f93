import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintTrace } from '../../../src/core/lint';
import type { Trace } from '../../../src/core/model';
import { parseMessage } from '../../../src/core/parser';
import { SourceMap } from '../../../src/core/text/sourceMap';
import { toTraceMessage } from '../../../src/core/trace';
import { INVITE, OPTIONS, crlf, response, withCode } from './helpers';

/**
 * A one-message trace built without the reader: the reader only cuts messages at real start
 * lines, so an unreadable start line reaches the linter only through framings that announce a
 * message; here the message is given directly.
 */
function traceOf(content: string): Trace {
  const segment = { content, map: SourceMap.identity(0), framing: { format: 'raw' as const } };
  return { format: 'raw', messages: [toTraceMessage(0, segment, parseMessage(content))], problems: [] };
}

function withStartLine(message: string, line: string): string {
  return line + message.slice(message.indexOf('\r\n'));
}

void describe('invalid-start-line', () => {
  void it('flags a start line that is neither a request nor a status line', () => {
    const ds = lintTrace(traceOf(withStartLine(OPTIONS, 'HELLO THERE'))).filter((d) => d.code === 'invalid-start-line');
    assert.equal(ds.length, 1, 'reported once, though the parser and the rule both see it');
    assert.equal(ds[0].severity, 'error');
    assert.deepEqual(ds[0].span, { start: 0, end: 'HELLO THERE'.length });
  });

  void it('accepts request and status lines', () => {
    assert.deepEqual(withCode(OPTIONS, 'invalid-start-line'), []);
    assert.deepEqual(withCode(response('SIP/2.0 486 Busy Here'), 'invalid-start-line'), []);
  });

  void it('leaves double spaces to start-line-whitespace (RFC 4475 lwsstart)', () => {
    const text = withStartLine(OPTIONS, 'OPTIONS  sip:carol@chicago.example.com  SIP/2.0');
    assert.equal(withCode(text, 'start-line-whitespace').length > 0, true);
    assert.deepEqual(withCode(text, 'invalid-start-line'), []);
  });
});

void describe('invalid-status-code', () => {
  void it('flags a status code of more than three digits (RFC 4475 bigcode)', () => {
    const ds = withCode(response('SIP/2.0 4294967301 Better Not Break The Receiver'), 'invalid-status-code');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'error');
  });

  void it('flags 099 and 700', () => {
    assert.equal(withCode(response('SIP/2.0 099 Low'), 'invalid-status-code').length, 1);
    assert.equal(withCode(response('SIP/2.0 700 High'), 'invalid-status-code').length, 1);
  });

  void it('accepts 100 and 699', () => {
    assert.deepEqual(withCode(response('SIP/2.0 100 Trying', 'INVITE', [], ''), 'invalid-status-code'), []);
    assert.deepEqual(withCode(response('SIP/2.0 699 Whatever'), 'invalid-status-code'), []);
  });
});

void describe('unknown-status-code', () => {
  void it('informs about an unregistered code and names the x00 it is treated as', () => {
    const [d] = withCode(response('SIP/2.0 499 Odd'), 'unknown-status-code');
    assert.equal(d.severity, 'information');
    assert.match(d.message, /treats it as 400/);
  });

  void it('treats an unknown 1xx as 183', () => {
    const [d] = withCode(response('SIP/2.0 188 Odd', 'INVITE', ['Contact: <sip:b@h>']), 'unknown-status-code');
    assert.match(d.message, /as 183/);
  });

  void it('stays silent about registered codes', () => {
    assert.deepEqual(withCode(response('SIP/2.0 486 Busy Here'), 'unknown-status-code'), []);
  });
});

void describe('reason-phrase-mismatch', () => {
  void it('hints at the canonical phrase when another is used', () => {
    const [d] = withCode(response('SIP/2.0 486 Busy'), 'reason-phrase-mismatch');
    assert.equal(d.severity, 'hint');
    assert.deepEqual(d.data, { canonical: 'Busy Here' });
  });

  void it('accepts the canonical phrase in any case', () => {
    assert.deepEqual(withCode(response('SIP/2.0 486 busy here'), 'reason-phrase-mismatch'), []);
  });

  void it('hints on an empty reason phrase (RFC 4475 noreason is valid: hint only)', () => {
    const [d] = withCode(response('SIP/2.0 100 ', 'INVITE', [], ''), 'reason-phrase-mismatch');
    assert.equal(d.severity, 'hint');
  });
});

void describe('unsupported-version', () => {
  void it('flags SIP/7.0 in the request line and the Via (RFC 4475 badvers)', () => {
    const text = crlf(`OPTIONS sip:t.watson@example.org SIP/7.0
Via:     SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw
Max-Forwards:     70
From:    A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe
To:      T. Watson <sip:t.watson@example.org>
Call-ID: badvers.31417@c.example.com
CSeq:    1 OPTIONS
l: 0

`);
    const ds = withCode(text, 'unsupported-version');
    assert.equal(ds.length, 2);
    assert.ok(ds.every((d) => d.severity === 'error'));
  });

  void it('accepts SIP/2.0 in any case and a Via with spaces around the slashes', () => {
    const text = withStartLine(INVITE, 'INVITE sip:bob@biloxi.example.com sip/2.0').replace(
      'Via: SIP/2.0/UDP pc33',
      'Via: SIP / 2.0 / UDP pc33',
    );
    assert.deepEqual(withCode(text, 'unsupported-version'), []);
  });
});
