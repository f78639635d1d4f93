import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INVITE, OPTIONS, replaceLine, withCode } from './helpers';

function withStartLine(message: string, line: string): string {
  return line + message.slice(message.indexOf('\r\n'));
}

const TO = 'To: <sip:carol@chicago.example.com>';

void describe('invalid-uri', () => {
  void it('flags a Request-URI enclosed in <> (RFC 4475 ltgtruri)', () => {
    const [d] = withCode(withStartLine(OPTIONS, 'OPTIONS <sip:carol@chicago.example.com> SIP/2.0'), 'invalid-uri');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /must not be enclosed/);
  });

  void it('flags headers in a Request-URI (RFC 4475 escruri)', () => {
    const [d] = withCode(withStartLine(OPTIONS, 'OPTIONS sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0'), 'invalid-uri');
    assert.equal(d.severity, 'error');
  });

  void it('flags an IPv6 Request-URI without brackets (RFC 5118 ipv6-bad)', () => {
    assert.equal(withCode(withStartLine(OPTIONS, 'OPTIONS sip:2001:db8::10 SIP/2.0'), 'invalid-uri')[0]?.severity, 'error');
  });

  void it('only warns about an IPv6 reference with three colons, which RFC 5118 §4.10 asks to tolerate', () => {
    const [d] = withCode(withStartLine(OPTIONS, 'OPTIONS sip:[2001:db8:::192.0.2.1] SIP/2.0'), 'invalid-uri');
    assert.equal(d.severity, 'warning');
  });

  void it('flags a user part in a REGISTER Request-URI', () => {
    const register = withStartLine(OPTIONS, 'REGISTER sip:alice@atlanta.example.com SIP/2.0').replace('CSeq: 63104 OPTIONS', 'CSeq: 63104 REGISTER');
    assert.match(withCode(register, 'invalid-uri')[0]?.message ?? '', /REGISTER Request-URI must not contain a user part/);
    assert.deepEqual(withCode(register.replace('REGISTER sip:alice@', 'REGISTER sip:'), 'invalid-uri'), []);
  });

  void it('flags an unterminated quoted display name (RFC 4475 quotbal)', () => {
    const [d] = withCode(replaceLine(OPTIONS, TO, 'To: "Mr. J. User <sip:j.user@example.com>'), 'invalid-uri');
    assert.match(d.message, /Unterminated quoted string in To/);
  });

  void it('flags an unquoted display name with a comma (RFC 4475 baddn)', () => {
    const [d] = withCode(replaceLine(OPTIONS, TO, 'To: Watson, Thomas <sip:t.watson@example.org>'), 'invalid-uri');
    assert.match(d.message, /display name in To/);
  });

  void it('flags spaces inside <> (RFC 4475 badaspec)', () => {
    const [d] = withCode(replaceLine(OPTIONS, TO, 'To: "Watson, Thomas" < sip:t.watson@example.org >'), 'invalid-uri');
    assert.match(d.message, /No whitespace is allowed inside "<>"/);
  });

  void it('flags a bare Contact URI with "?" headers (RFC 4475 regbadct)', () => {
    const text = replaceLine(INVITE, 'Contact: <sip:alice@pc33.atlanta.example.com>', 'Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E');
    assert.match(withCode(text, 'invalid-uri')[0]?.message ?? '', /must be enclosed in "<>"/);
  });

  void it('flags a From address without a scheme', () => {
    const text = replaceLine(OPTIONS, 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', 'From: <alice@atlanta.example.com>;tag=1928301774');
    assert.equal(withCode(text, 'invalid-uri').length, 1);
  });

  void it('accepts display names without space before <, unknown schemes and Contact *', () => {
    const lines: [string, string][] = [
      [TO, 'To: caller<sip:carol@chicago.example.com>'],
      [TO, 'To: isbn:2983792873'],
      [TO, 'To: "Quoted \\"Name\\"" <sip:carol@chicago.example.com>'],
      ['Accept: application/sdp', 'Contact: *'],
      ['Accept: application/sdp', 'Contact: <sip:a@example.com>, "B, C" <sip:b@example.com>;expires=60'],
      ['Accept: application/sdp', 'Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>'],
    ];
    for (const [line, replacement] of lines) {
      assert.deepEqual(withCode(replaceLine(OPTIONS, line, replacement), 'invalid-uri'), [], replacement);
    }
  });
});

void describe('invalid-uri on repeated values', () => {
  void it('names the right header when From and To share a bad value, and reports it in every message', () => {
    const bad = '<alice@atlanta.example.com>';
    const one = replaceLine(
      replaceLine(OPTIONS, 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', `From: ${bad};tag=1`),
      TO,
      `To: ${bad};tag=1`,
    );
    const ds = withCode(one + one.replace('CSeq: 63104', 'CSeq: 63105'), 'invalid-uri');
    assert.deepEqual(ds.map((d) => d.message.match(/in (From|To)/)?.[1]), ['To', 'From', 'To', 'From']);
  });
});

void describe('invalid-uri in Chinese', () => {
  /** Latin letters that are not part of a URI, header name or RFC reference betray English text. */
  function englishWords(message: string): string[] {
    const stripped = message.replace(/“[^”]*”|"[^"]*"|RFC \d+|§[\d.]+|\b(URI|Request-URI|To|From|Contact|IPv6|IPv4|sent-by)\b/g, '');
    return stripped.match(/[A-Za-z]{3,}/g) ?? [];
  }

  void it('words the URI grammar reason in Chinese, not only the frame around it', () => {
    const cases = [
      withStartLine(OPTIONS, 'OPTIONS sip:carol@chicago.example.com:99999 SIP/2.0'),
      withStartLine(OPTIONS, 'OPTIONS sip:carol@chicago.example.com?Route=x SIP/2.0'),
      replaceLine(OPTIONS, TO, 'To: <sip:carol@chicago.example.com:port>'),
      replaceLine(OPTIONS, TO, 'To: <sip:carol@chi cago.example.com>'),
    ];
    for (const text of cases) {
      const [zh] = withCode(text, 'invalid-uri', { language: 'zh-cn' });
      const [en] = withCode(text, 'invalid-uri');
      assert.ok(zh && en, text.split('\r\n').find((l) => l.includes('carol')));
      assert.notEqual(zh.message, en.message);
      assert.deepEqual(englishWords(zh.message), [], zh.message);
      assert.match(zh.message, /[\u4e00-\u9fff]/);
    }
  });

  void it('keeps the English reason in English', () => {
    const [d] = withCode(withStartLine(OPTIONS, 'OPTIONS sip:carol@chicago.example.com:99999 SIP/2.0'), 'invalid-uri');
    assert.match(d.message, /the port 99999 is out of range \(0-65535\)/);
  });
});
