import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../../../src/core/model';
import { syntaxReasonText } from '../../../src/core/lint/syntaxReasons';
import type { SyntaxReason } from '../../../src/core/parser/reasons';
import { parseNameAddr, parseVia } from '../../../src/core/parser/uri';

/** A reason's English text ('' for none), as the linter words it. */
function en(r: SyntaxReason | undefined): string {
  return r ? syntaxReasonText(r, 'en') : '';
}

function at(text: string, span: Span | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}

void describe('parseNameAddr', () => {
  void it('reads a quoted display name with escaped quotes, the URI and header params', () => {
    const text = '"J Rosenberg \\\\\\"" <sip:jdrosen@example.com> ; tag = 98asjd8';
    const na = parseNameAddr(text);
    assert.equal(na.error, undefined);
    assert.equal(at(text, na.displayName?.span), '"J Rosenberg \\\\\\""');
    assert.equal(na.displayText, 'J Rosenberg \\"');
    assert.equal(at(text, na.uri.span), 'sip:jdrosen@example.com');
    assert.equal(na.bracketed, true);
    assert.deepEqual(
      na.params.map((p) => [at(text, p.name.span), at(text, p.value?.span)]),
      [['tag', '98asjd8']],
    );
  });

  void it('accepts a token display name without space before < (RFC 4475 lwsdisp)', () => {
    const na = parseNameAddr('caller<sip:caller@example.com>;tag=323');
    assert.equal(na.error, undefined);
    assert.equal(na.displayName?.text, 'caller');
    assert.equal(na.uri.text, 'sip:caller@example.com');
  });

  void it('accepts token display names of several words with unusual token characters (RFC 4475 intmeth)', () => {
    const text = 'token1~` token2\'+_ token3*%!.- <sip:mundane@example.com>;fromParam\'\'~+*_!.-%="работающий";tag=_token~1\'+`*%!-.';
    const na = parseNameAddr(text);
    assert.equal(na.error, undefined);
    assert.equal(na.displayName?.text, "token1~` token2'+_ token3*%!.-");
    assert.deepEqual(
      na.params.map((p) => p.name.text),
      ["fromParam''~+*_!.-%", 'tag'],
    );
  });

  void it('ends a bare addr-spec at the first ; : the rest are header params (RFC 3261 §20.10)', () => {
    const text = 'sip:+19725552222@gw1.example.net;unknownparam;tag=1';
    const na = parseNameAddr(text);
    assert.equal(na.error, undefined);
    assert.equal(na.bracketed, false);
    assert.equal(at(text, na.uri.span), 'sip:+19725552222@gw1.example.net');
    assert.deepEqual(
      na.params.map((p) => p.name.text),
      ['unknownparam', 'tag'],
    );
  });

  void it('keeps URI params inside <> apart from header params (RFC 4475 cparam02)', () => {
    const na = parseNameAddr('<sip:+19725552222@gw1.example.net;unknownparam>;expires=60');
    assert.equal(na.error, undefined);
    assert.equal(na.uri.text, 'sip:+19725552222@gw1.example.net;unknownparam');
    assert.deepEqual(
      na.params.map((p) => [p.name.text, p.value?.text]),
      [['expires', '60']],
    );
  });

  void it('reads quoted header param values that hold ; and IPv6 host values', () => {
    const na = parseNameAddr('<sip:a@b.example.com>;+sip.instance="<urn:uuid:1;2>";received=[2001:db8::1]');
    assert.equal(na.error, undefined);
    assert.deepEqual(
      na.params.map((p) => p.value?.text),
      ['"<urn:uuid:1;2>"', '[2001:db8::1]'],
    );
  });

  void it('reads the Contact value * as a star', () => {
    const na = parseNameAddr(' * ');
    assert.equal(na.star, true);
    assert.equal(na.error, undefined);
  });

  void it('accepts unknown schemes in brackets or bare (RFC 4475 unksm2)', () => {
    assert.equal(parseNameAddr('isbn:2983792873').error, undefined);
    assert.equal(parseNameAddr('<http://www.example.com>;tag=3234233').error, undefined);
    assert.equal(parseNameAddr('<name:John_Smith>').error, undefined);
  });

  const broken: [string, string, RegExp][] = [
    ['an unterminated quoted display name (RFC 4475 quotbal)', '"Mr. J. User <sip:j.user@example.com>', /unterminated quoted string/],
    ['spaces inside the angle brackets (RFC 4475 badaspec)', '"Watson, Thomas" < sip:t.watson@example.org >', /whitespace inside "<>"/],
    ['an unquoted display name with a comma (RFC 4475 baddn)', 'Bell, Alexander <sip:a.g.bell@example.com>;tag=43', /must be quoted/],
    ['a bare URI with ?headers (RFC 4475 regbadct)', 'sip:user@example.com?Route=%3Csip:sip.example.com%3E', /must be enclosed in "<>"/],
    ['empty header params (RFC 4475 badinv01)', '"Joe" <sip:joe@example.org>;;;;', /empty header parameter/],
    ['a missing >', '<sip:a@b.example.com', /missing ">"/],
    ['text after >', '<sip:a@b.example.com> junk', /unexpected "j" after ">"/],
    ['a quoted name with no <URI>', '"Alice" sip:a@b.example.com', /followed by "<URI>"/],
    ['an invalid URI inside <>', '"Caller" <sip:caller@2001:db8::1>', /IPv6 address without/],
    ['a value with no scheme', 'poo <bear@iptel.org>', /not a URI/],
    ['a param with = and no value', 'sip:blb@iptel.org;tag=', /no value/],
    ['a param value needing quotes', 'sip:a@b.example.com;tag=76^', /needs quoting/],
    ['an empty value', '   ', /empty/],
  ];
  for (const [what, text, reason] of broken) {
    void it(`reports ${what}`, () => {
      const na = parseNameAddr(text);
      assert.ok(na.error, 'an error');
      assert.match(en(na.error), reason);
    });
  }

  void it('reports the URI reason separately as uriError', () => {
    const na = parseNameAddr('<sip:user@[2001:db8:::192.0.2.1]>');
    assert.match(en(na.uriError), /three colons/);
    assert.equal(na.error, na.uriError);
  });
});

void describe('parseVia', () => {
  void it('reads protocol, transport, sent-by and the well-known params with spans', () => {
    const text = 'SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds;rport;received=198.51.100.7;maddr=224.2.0.1;ttl=16';
    const v = parseVia(text);
    assert.equal(v.error, undefined);
    assert.equal(at(text, v.protocolName.span), 'SIP');
    assert.equal(at(text, v.protocolVersion.span), '2.0');
    assert.equal(at(text, v.transport.span), 'UDP');
    assert.equal(at(text, v.host.span), '192.0.2.1');
    assert.equal(v.hostKind, 'ipv4');
    assert.equal(v.portNumber, 5060);
    assert.equal(v.branch, 'z9hG4bK776asdhds');
    assert.equal(v.rport, true);
    assert.equal(v.received, '198.51.100.7');
    assert.equal(v.maddr, '224.2.0.1');
    assert.equal(v.ttl, '16');
  });

  void it('accepts whitespace around / : ; and = (RFC 4475 wsinv)', () => {
    const v = parseVia('SIP  /   2.0 /UDP 192.0.2.2 : 5070 ; branch = 390skdjuw');
    assert.equal(v.error, undefined);
    assert.equal(v.transport.text, 'UDP');
    assert.equal(v.portNumber, 5070);
    assert.equal(v.branch, '390skdjuw');
  });

  void it('accepts IPv6 sent-by and received with or without brackets (RFC 5118 §4.5)', () => {
    const a = parseVia('SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3;received=[2001:db8::9:255]');
    assert.equal(a.error, undefined);
    assert.equal(a.host.text, '[2001:db8::9:1]');
    assert.equal(a.hostKind, 'ipv6');
    assert.equal(a.portNumber, 6050);
    const b = parseVia('SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3');
    assert.equal(b.error, undefined);
    assert.equal(b.received, '2001:db8::9:255');
    assert.equal(parseVia('SIP/2.0/UDP [::ffff:192.0.2.10]:19823;branch=z9hG4bKbh19').error, undefined);
  });

  void it('accepts unknown transports and other versions (their meaning is for the lint rules)', () => {
    assert.equal(parseVia('SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en').error, undefined);
    const v = parseVia('SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw');
    assert.equal(v.error, undefined);
    assert.equal(v.protocolVersion.text, '7.0');
  });

  const broken: [string, string, RegExp][] = [
    ['an empty element', '', /empty/],
    ['a lone ; (RFC 4475 badinv01)', ';', /missing sent-protocol/],
    ['empty params (RFC 4475 badinv01)', 'SIP/2.0/UDP 192.0.2.15;;', /empty header parameter/],
    ['a missing transport', 'SIP/2.0 host.example.com', /expected "\/" and a transport/],
    ['a missing host', 'SIP/2.0/UDP', /missing sent-by/],
    ['a bad port', 'SIP/2.0/UDP host.example.com:50x0', /not a port number/],
    ['a bare IPv6 sent-by', 'SIP/2.0/UDP 2001:db8::1;branch=z9hG4bK1', /without the "\[ \]"/],
    ['a ttl over 255', 'SIP/2.0/UDP h.example.com;ttl=300', /ttl/],
    ['an empty rport value', 'SIP/2.0/UDP h.example.com;rport=', /no value/],
    ['a received that is not an address', 'SIP/2.0/UDP h.example.com;received=example.com', /not an IPv4 or IPv6/],
    ['a branch without value', 'SIP/2.0/UDP h.example.com;branch', /branch/],
    ['junk after sent-by', 'SIP/2.0/UDP h.example.com junk', /after sent-by/],
  ];
  for (const [what, text, reason] of broken) {
    void it(`reports ${what}`, () => {
      const v = parseVia(text);
      assert.ok(v.error, 'an error');
      assert.match(en(v.error), reason);
    });
  }
});
