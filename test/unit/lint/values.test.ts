import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INVITE, OPTIONS, crlf, replaceLine, response, withCode } from './helpers';

void describe('cseq-method-mismatch', () => {
  void it('flags an OPTIONS whose CSeq says INVITE (RFC 4475 mismatch01)', () => {
    const text = replaceLine(OPTIONS, 'CSeq: 63104 OPTIONS', 'CSeq: 63104 INVITE');
    const [d] = withCode(text, 'cseq-method-mismatch');
    assert.equal(d.severity, 'error');
    assert.equal(text.slice(d.span.start, d.span.end), 'INVITE');
    assert.deepEqual(d.data, { expected: 'OPTIONS' });
  });

  void it('compares methods case-sensitively', () => {
    assert.equal(withCode(replaceLine(OPTIONS, 'CSeq: 63104 OPTIONS', 'CSeq: 63104 options'), 'cseq-method-mismatch').length, 1);
  });

  void it('accepts a matching CSeq, even folded over two lines (RFC 4475 wsinv)', () => {
    assert.deepEqual(withCode(OPTIONS, 'cseq-method-mismatch'), []);
    assert.deepEqual(withCode(replaceLine(OPTIONS, 'CSeq: 63104 OPTIONS', 'CSeq: 0009\r\n  OPTIONS'), 'cseq-method-mismatch'), []);
  });
});

void describe('invalid-cseq', () => {
  void it('flags a CSeq number of 2^31 or more (RFC 4475 scalar02)', () => {
    const [d] = withCode(replaceLine(OPTIONS, 'CSeq: 63104 OPTIONS', 'CSeq: 36893488147419103232 OPTIONS'), 'invalid-cseq');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /below 2\^31/);
    assert.equal(withCode(replaceLine(OPTIONS, 'CSeq: 63104 OPTIONS', 'CSeq: 2147483648 OPTIONS'), 'invalid-cseq').length, 1);
  });

  void it('flags a CSeq without a method or with a non-numeric number', () => {
    assert.equal(withCode(replaceLine(OPTIONS, 'CSeq: 63104 OPTIONS', 'CSeq: 101'), 'invalid-cseq').length, 1);
    assert.equal(withCode(replaceLine(OPTIONS, 'CSeq: 63104 OPTIONS', 'CSeq: x1 OPTIONS'), 'invalid-cseq').length, 1);
  });

  void it('accepts 2^31-1', () => {
    assert.deepEqual(withCode(replaceLine(OPTIONS, 'CSeq: 63104 OPTIONS', 'CSeq: 2147483647 OPTIONS'), 'invalid-cseq'), []);
  });
});

void describe('invalid-max-forwards', () => {
  void it('flags 300 and a non-number', () => {
    for (const v of ['300', '-1', 'seventy']) {
      const [d] = withCode(replaceLine(OPTIONS, 'Max-Forwards: 70', `Max-Forwards: ${v}`), 'invalid-max-forwards');
      assert.equal(d?.severity, 'error', v);
    }
  });

  void it('accepts 0, 255 and a zero-padded 0068 (RFC 4475 wsinv)', () => {
    for (const v of ['0', '255', '0068']) {
      assert.deepEqual(withCode(replaceLine(OPTIONS, 'Max-Forwards: 70', `Max-Forwards: ${v}`), 'invalid-max-forwards'), [], v);
    }
  });
});

void describe('invalid-date', () => {
  void it('flags a Date in EST (RFC 4475 baddate)', () => {
    const [d] = withCode(replaceLine(OPTIONS, 'Accept: application/sdp', 'Date: Fri, 01 Jan 2010 16:00:00 EST'), 'invalid-date');
    assert.equal(d.severity, 'error');
  });

  void it('accepts an RFC 1123 date in GMT', () => {
    assert.deepEqual(withCode(replaceLine(OPTIONS, 'Accept: application/sdp', 'Date: Sat, 13 Nov 2010 23:29:00 GMT'), 'invalid-date'), []);
  });
});

void describe('invalid-header-value', () => {
  void it('flags an Expires beyond 2^32-1 and a Contact expires beyond it (RFC 4475 scalar02)', () => {
    const text = replaceLine(
      replaceLine(INVITE, 'Supported: timer', 'Supported: timer\r\nExpires: 10000000000000000000'),
      'Contact: <sip:alice@pc33.atlanta.example.com>',
      'Contact: <sip:alice@pc33.atlanta.example.com>;expires=280297596632815',
    );
    const ds = withCode(text, 'invalid-header-value');
    assert.deepEqual(ds.map((d) => d.data?.header).sort(), ['Contact', 'Expires']);
  });

  void it('flags a huge Retry-After and a four-digit Warning code (RFC 4475 scalarlg)', () => {
    const text = response('SIP/2.0 503 Service Unavailable', 'INVITE', ['Retry-After: 949302838503028349304023988', 'Warning: 1812 overture "In Progress"']);
    assert.deepEqual(withCode(text, 'invalid-header-value').map((d) => d.data?.header).sort(), ['Retry-After', 'Warning']);
  });

  void it('flags a Content-Type that is not type/subtype', () => {
    assert.equal(withCode(replaceLine(INVITE, 'Content-Type: application/sdp', 'Content-Type: sdp'), 'invalid-header-value').length, 1);
  });

  void it('accepts ordinary values: Expires 3600, Retry-After with a comment, Warning 399', () => {
    const text = response('SIP/2.0 503 Service Unavailable', 'INVITE', ['Expires: 3600', 'Retry-After: 120 (maintenance);duration=60', 'Warning: 399 proxy.example.com "Overloaded"']);
    assert.deepEqual(withCode(text, 'invalid-header-value'), []);
  });
});

void describe('content-length-mismatch', () => {
  void it('flags a Content-Length larger than the body (RFC 4475 clerr), with the actual length as data', () => {
    const text = replaceLine(INVITE, 'Content-Length: 19', 'Content-Length: 9999');
    const [d] = withCode(text, 'content-length-mismatch');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.data, { expected: 19 });
  });

  void it('flags a negative Content-Length (RFC 4475 ncl)', () => {
    const [d] = withCode(replaceLine(INVITE, 'Content-Length: 19', 'Content-Length: -999'), 'content-length-mismatch');
    assert.equal(d.severity, 'error');
  });

  void it('flags a missing Content-Length over TCP', () => {
    const text = replaceLine(
      replaceLine(INVITE, 'Content-Length: 19', undefined),
      'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
      'Via: SIP/2.0/TCP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
    );
    const [d] = withCode(text, 'content-length-mismatch');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.data, { expected: 19 });
  });

  void it('counts octets, not characters', () => {
    const text = replaceLine(INVITE, 'Content-Length: 19', 'Content-Length: 20').replace('o=- 0 0 IN -', 'o=é 0 0 IN -');
    assert.equal(withCode(text.replace('Content-Length: 20', 'Content-Length: 21'), 'content-length-mismatch').length, 1);
    assert.deepEqual(withCode(text, 'content-length-mismatch'), []);
  });

  void it('accepts a length counted with CRLF when a log turned the line ends into LF', () => {
    const lf = INVITE.replace(/\r\n/g, '\n');
    assert.deepEqual(withCode(lf, 'content-length-mismatch'), []);
  });

  void it('accepts a correct length and trailing line ends after the body', () => {
    assert.deepEqual(withCode(INVITE, 'content-length-mismatch'), []);
    assert.deepEqual(withCode(`${OPTIONS}\r\n\r\n`, 'content-length-mismatch'), []);
  });
});

void describe('missing-branch-cookie', () => {
  void it('informs about a branch without z9hG4bK and about a missing branch', () => {
    const noCookie = replaceLine(OPTIONS, 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=390skdjuw');
    const noBranch = replaceLine(OPTIONS, 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877', 'Via: SIP/2.0/UDP pc33.atlanta.example.com');
    for (const text of [noCookie, noBranch]) {
      const [d] = withCode(text, 'missing-branch-cookie');
      assert.equal(d.severity, 'information');
    }
  });

  void it('informs about a branch that is only the cookie (RFC 4475 badbranch)', () => {
    const text = replaceLine(OPTIONS, 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK');
    assert.match(withCode(text, 'missing-branch-cookie')[0].message, /only the magic cookie/);
  });

  void it('accepts an RFC 3261 branch', () => {
    assert.deepEqual(withCode(OPTIONS, 'missing-branch-cookie'), []);
    assert.deepEqual(withCode(crlf(OPTIONS), 'missing-branch-cookie'), []);
  });
});
