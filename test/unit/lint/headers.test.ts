import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INVITE, OK, OPTIONS, crlf, replaceLine, response, withCode } from './helpers';

void describe('missing-header', () => {
  void it('flags a 405 without Allow, as an error naming RFC 3261 §21.4.6', () => {
    const [d, ...rest] = withCode(response('SIP/2.0 405 Method Not Allowed'), 'missing-header');
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 'error');
    assert.equal(d.message, '405 response must carry Allow (RFC 3261 §21.4.6)');
    assert.deepEqual(d.data, { header: 'Allow' });
  });

  void it('accepts a 405 with Allow', () => {
    assert.deepEqual(withCode(response('SIP/2.0 405 Method Not Allowed', 'INVITE', ['Allow: INVITE, ACK, BYE']), 'missing-header'), []);
  });

  void it('flags each of the six headers every request needs (RFC 3261 §8.1.1)', () => {
    for (const line of ['Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877', 'Max-Forwards: 70', 'To: <sip:carol@chicago.example.com>', 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', 'Call-ID: a84b4c76e66710', 'CSeq: 63104 OPTIONS']) {
      const ds = withCode(replaceLine(OPTIONS, line, undefined), 'missing-header');
      const header = line.slice(0, line.indexOf(':'));
      assert.deepEqual(ds.map((d) => d.data?.header), [header], line);
      assert.equal(ds[0].severity, 'error');
    }
  });

  void it('flags an INVITE without Contact and accepts one with it', () => {
    const ds = withCode(replaceLine(INVITE, 'Contact: <sip:alice@pc33.atlanta.example.com>', undefined), 'missing-header');
    assert.deepEqual(ds.map((d) => d.message), ['INVITE request must carry Contact (RFC 3261 §8.1.1.8)']);
    assert.deepEqual(withCode(INVITE, 'missing-header'), []);
  });

  void it('warns (SHOULD) about an INVITE without Supported', () => {
    const [d] = withCode(replaceLine(INVITE, 'Supported: timer', undefined), 'missing-header');
    assert.equal(d.severity, 'warning');
    assert.equal(d.data?.header, 'Supported');
  });

  void it('flags a 401 without WWW-Authenticate and a 407 without Proxy-Authenticate', () => {
    assert.equal(withCode(response('SIP/2.0 401 Unauthorized'), 'missing-header')[0]?.data?.header, 'WWW-Authenticate');
    assert.equal(withCode(response('SIP/2.0 407 Proxy Authentication Required'), 'missing-header')[0]?.data?.header, 'Proxy-Authenticate');
    assert.deepEqual(withCode(response('SIP/2.0 401 Unauthorized', 'REGISTER', ['WWW-Authenticate: Digest realm="a", nonce="b"']), 'missing-header'), []);
  });

  void it('flags a 200 to INVITE without Contact, and warns about its missing Allow and Supported', () => {
    const ds = withCode(response('SIP/2.0 200 OK'), 'missing-header');
    assert.deepEqual(ds.map((d) => `${d.severity} ${d.data?.header}`).sort(), ['error Contact', 'warning Allow', 'warning Supported']);
    assert.deepEqual(withCode(OK, 'missing-header'), []);
  });

  void it('needs Min-Expires in a 423 to REGISTER but not in a 423 to INVITE', () => {
    assert.equal(withCode(response('SIP/2.0 423 Interval Too Brief', 'REGISTER'), 'missing-header')[0]?.data?.header, 'Min-Expires');
    assert.deepEqual(withCode(response('SIP/2.0 423 Interval Too Brief', 'INVITE'), 'missing-header'), []);
  });

  void it('flags a reliable 180 (RSeq) without Require: 100rel, and accepts it with both', () => {
    const rseqOnly = response('SIP/2.0 180 Ringing', 'INVITE', ['Contact: <sip:bob@192.0.2.4>', 'RSeq: 1']);
    assert.deepEqual(withCode(rseqOnly, 'missing-header').map((d) => d.data?.header), ['Require']);
    const both = response('SIP/2.0 180 Ringing', 'INVITE', ['Contact: <sip:bob@192.0.2.4>', 'RSeq: 1', 'Require: 100rel']);
    assert.deepEqual(withCode(both, 'missing-header'), []);
  });

  void it('flags a 180 that opens an early dialog (To tag) without Contact', () => {
    assert.deepEqual(withCode(response('SIP/2.0 180 Ringing'), 'missing-header').map((d) => d.data?.header), ['Contact']);
    assert.deepEqual(withCode(response('SIP/2.0 180 Ringing', 'INVITE', ['Contact: <sip:bob@192.0.2.4>']), 'missing-header'), []);
  });

  void it('flags a 415 with none of Accept, Accept-Encoding, Accept-Language', () => {
    assert.deepEqual(withCode(response('SIP/2.0 415 Unsupported Media Type'), 'missing-header').map((d) => d.data?.header), ['Accept']);
    assert.deepEqual(withCode(response('SIP/2.0 415 Unsupported Media Type', 'INVITE', ['Accept: application/sdp']), 'missing-header'), []);
  });

  void it('warns about a missing Content-Length over UDP (SHOULD)', () => {
    const [d] = withCode(replaceLine(OPTIONS, 'Content-Length: 0', undefined), 'missing-header');
    assert.equal(d.severity, 'warning');
    assert.equal(d.data?.header, 'Content-Length');
  });

  void it('says it in Chinese', () => {
    const [d] = withCode(response('SIP/2.0 405 Method Not Allowed'), 'missing-header', { language: 'zh-cn' });
    assert.equal(d.message, '405 响应必须携带 Allow 头（RFC 3261 §21.4.6）');
  });
});

void describe('duplicate-header', () => {
  void it('flags a second Content-Length, From and Call-ID', () => {
    for (const line of ['Content-Length: 0', 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', 'Call-ID: a84b4c76e66710']) {
      const text = replaceLine(OPTIONS, line, `${line}\r\n${line}`);
      const ds = withCode(text, 'duplicate-header');
      assert.equal(ds.length, 1, line);
      assert.equal(ds[0].severity, 'error');
      assert.equal(text.slice(ds[0].span.start, ds[0].span.end), line);
    }
  });

  void it('accepts repeated list headers (Via, Route, Supported)', () => {
    const text = replaceLine(OPTIONS, 'Accept: application/sdp', 'Accept: application/sdp\r\nSupported: timer\r\nSupported: 100rel\r\nRoute: <sip:p1.example.com;lr>\r\nRoute: <sip:p2.example.com;lr>');
    assert.deepEqual(withCode(text, 'duplicate-header'), []);
  });

  void it('counts a compact form and the full name as the same header', () => {
    const text = replaceLine(OPTIONS, 'Call-ID: a84b4c76e66710', 'Call-ID: a84b4c76e66710\r\ni: other');
    assert.equal(withCode(text, 'duplicate-header')[0]?.data?.header, 'Call-ID');
  });
});

void describe('malformed-header', () => {
  void it('flags extraneous ";" and "," separators in Via and Contact (RFC 4475 badinv01)', () => {
    const text = replaceLine(
      replaceLine(INVITE, 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds', 'Via: SIP/2.0/UDP 192.0.2.15;;,;,,'),
      'Contact: <sip:alice@pc33.atlanta.example.com>',
      'Contact: "Joe" <sip:joe@example.org>;;;;',
    );
    const ds = withCode(text, 'malformed-header');
    assert.deepEqual(ds.map((d) => d.severity), ['error', 'error']);
  });

  void it('flags a header line without a colon', () => {
    const text = replaceLine(OPTIONS, 'Accept: application/sdp', 'Foobar roobar');
    assert.equal(withCode(text, 'malformed-header').length, 1);
  });

  void it('ignores odd separators in an unknown header (RFC 4475 wsinv)', () => {
    const text = replaceLine(OPTIONS, 'Accept: application/sdp', 'UnknownHeaderWithUnusualValue: ;;,,;;,;');
    assert.deepEqual(withCode(text, 'malformed-header'), []);
  });

  void it('accepts separators inside quoted strings and <>', () => {
    const text = replaceLine(INVITE, 'To: Bob <sip:bob@biloxi.example.com>', 'To: "Bob;;,," <sip:bob@biloxi.example.com;;x>');
    assert.deepEqual(withCode(text, 'malformed-header'), []);
  });
});

void describe('missing-tag', () => {
  void it('flags a request whose From has no tag', () => {
    const text = replaceLine(OPTIONS, 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', 'From: Alice <sip:alice@atlanta.example.com>');
    const [d] = withCode(text, 'missing-tag');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.data, { header: 'From' });
  });

  void it('flags a 180 whose To has no tag, but not a 100 Trying', () => {
    assert.deepEqual(withCode(response('SIP/2.0 180 Ringing', 'INVITE', ['Contact: <sip:b@h>'], ''), 'missing-tag').map((d) => d.data?.header), ['To']);
    assert.deepEqual(withCode(response('SIP/2.0 100 Trying', 'INVITE', [], ''), 'missing-tag'), []);
  });

  void it('does not take a ";tag=" inside a quoted display name for a tag', () => {
    const text = replaceLine(OPTIONS, 'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', 'From: "A;tag=x" <sip:alice@atlanta.example.com>');
    assert.equal(withCode(text, 'missing-tag').length, 1);
  });

  void it('accepts tags in From and To', () => {
    assert.deepEqual(withCode(OK, 'missing-tag'), []);
  });
});

void describe('body-without-content-type', () => {
  void it('flags a body without Content-Type', () => {
    const [d] = withCode(replaceLine(INVITE, 'Content-Type: application/sdp', undefined), 'body-without-content-type');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.data, { header: 'Content-Type' });
  });

  void it('accepts a body with Content-Type, and no body without one', () => {
    assert.deepEqual(withCode(INVITE, 'body-without-content-type'), []);
    assert.deepEqual(withCode(crlf(OPTIONS), 'body-without-content-type'), []);
  });
});

void describe('missing-header on a truncated message', () => {
  void it('stays silent when no empty line ended the header block (the rest may have been cut off)', () => {
    const cut = OPTIONS.slice(0, OPTIONS.indexOf('Call-ID'));
    assert.deepEqual(withCode(cut, 'missing-header'), []);
    assert.deepEqual(withCode(cut, 'content-length-mismatch'), []);
  });
});

void describe('missing-contact-expires', () => {
  void it('flags a binding without expires in a 200 to REGISTER', () => {
    const text = response('SIP/2.0 200 OK', 'REGISTER', ['Contact: <sip:alice@192.0.2.4>;expires=3600, <sip:alice@198.51.100.1>']);
    const ds = withCode(text, 'missing-contact-expires');
    assert.equal(ds.length, 1);
    assert.equal(text.slice(ds[0].span.start, ds[0].span.end), '<sip:alice@198.51.100.1>');
  });

  void it('accepts bindings with expires, and Contacts of other responses', () => {
    assert.deepEqual(withCode(response('SIP/2.0 200 OK', 'REGISTER', ['Contact: <sip:alice@192.0.2.4>;q=0.5;EXPIRES=3600']), 'missing-contact-expires'), []);
    assert.deepEqual(withCode(OK, 'missing-contact-expires'), []);
  });
});
