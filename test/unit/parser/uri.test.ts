import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../../../src/core/model';
import { isIPv4, isIPv6, parseUri, unescapeUri, validateUri } from '../../../src/core/parser/uri';
import { syntaxReasonText } from '../../../src/core/lint/syntaxReasons';
import type { SyntaxReason } from '../../../src/core/parser/reasons';

/** A reason's English text ('' for none), as the linter words it. */
function en(r: SyntaxReason | undefined): string {
  return r ? syntaxReasonText(r, 'en') : '';
}

function at(text: string, span: Span | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}

void describe('parseUri', () => {
  void it('splits a SIP URI into user, password, host, port, params and headers with spans', () => {
    const text = 'sips:alice:secret@atlanta.example.com:5061;transport=tls;lr?subject=project%20x&priority=urgent';
    const u = parseUri(text);
    assert.ok(u);
    assert.equal(u.error, undefined);
    assert.equal(u.kind, 'sips');
    assert.equal(at(text, u.scheme.span), 'sips');
    assert.equal(at(text, u.user?.span), 'alice');
    assert.equal(at(text, u.password?.span), 'secret');
    assert.equal(at(text, u.host?.span), 'atlanta.example.com');
    assert.equal(u.hostKind, 'hostname');
    assert.equal(at(text, u.port?.span), '5061');
    assert.equal(u.portNumber, 5061);
    assert.deepEqual(
      u.params.map((p) => [p.name.text, p.value?.text]),
      [
        ['transport', 'tls'],
        ['lr', undefined],
      ],
    );
    assert.deepEqual(
      u.headers.map((h) => [at(text, h.name.span), at(text, h.value?.span)]),
      [
        ['subject', 'project%20x'],
        ['priority', 'urgent'],
      ],
    );
  });

  void it('reads an IPv6 reference with and without a port', () => {
    const a = parseUri('sip:[2001:db8::10]:5070');
    assert.equal(a?.host?.text, '[2001:db8::10]');
    assert.equal(a?.hostKind, 'ipv6');
    assert.equal(a?.portNumber, 5070);
    const b = parseUri('sip:[2001:db8::10:5070]');
    assert.equal(b?.host?.text, '[2001:db8::10:5070]', 'the port-ambiguous form is one address');
    assert.equal(b?.port, undefined);
  });

  void it('takes the first @ as the end of a user part full of ; ? and / (RFC 4475 semiuri, intmeth)', () => {
    const semi = parseUri('sip:user;par=u%40example.net@example.com');
    assert.equal(semi?.user?.text, 'user;par=u%40example.net');
    assert.equal(semi?.host?.text, 'example.com');
    assert.deepEqual(semi?.params, []);
    const odd = "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com";
    const u = parseUri(odd);
    assert.equal(u?.error, undefined);
    assert.equal(u?.user?.text, "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
    assert.equal(u?.password?.text, "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
  });

  void it('reads tel URIs and other schemes', () => {
    const tel = parseUri('tel:+1-201-555-0123;ext=42');
    assert.equal(tel?.kind, 'tel');
    assert.equal(tel?.user?.text, '+1-201-555-0123');
    assert.equal(tel?.params[0].name.text, 'ext');
    const other = parseUri('soap.beep://192.0.2.103:3002');
    assert.equal(other?.kind, 'other');
    assert.equal(other?.scheme.text, 'soap.beep');
    assert.equal(other?.rest?.text, '//192.0.2.103:3002');
  });

  void it('returns undefined for text without a scheme', () => {
    assert.equal(parseUri('bob@example.com'), undefined);
    assert.equal(parseUri(''), undefined);
    assert.equal(parseUri('1sip:a@b'), undefined);
  });
});

void describe('validateUri', () => {
  const valid = [
    'sip:alice@example.com',
    'SIP:alice@Example.COM',
    'sips:bob@192.0.2.4:5061',
    'sip:example.com',
    'sip:example.com.',
    'sip:vivekg@chair-dnrc.example.com;unknownparam',
    'sip:services.example.com;lr;unknownwith=value;unknown-no-value',
    'sip:sips%3Auser%40example.com@example.net',
    'sip:%75se%72@example.com',
    'sip:I%20have%20spaces@example.net',
    'sip:null-%00-null@example.com',
    'sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31',
    'sip:user@example.com?Route=%3Csip:sip.example.com%3E',
    'sip:+19725552222@gw1.example.net;user=phone',
    'sip:[2001:db8::10]',
    'sip:[2001:db8::10]:5070',
    'sip:[2001:db8::10:5070]',
    'sip:ted@[::ffff:192.0.2.2]',
    'sip:user@[2001:db8::192.0.2.1]',
    'sip:caller@[2001:db8::1]',
    'tel:+1-201-555-0123',
    'tel:7042;phone-context=example.com',
    'nobodyKnowsThisScheme:totallyopaquecontent',
    'soap.beep://192.0.2.103:3002',
    'isbn:2983792873',
    'http://www.example.com',
    'name:John_Smith',
    'urn:service:sos',
  ];
  for (const uri of valid) {
    void it(`accepts ${uri}`, () => {
      assert.equal(validateUri(uri), undefined);
    });
  }

  const invalid: [string, RegExp][] = [
    ['sip:2001:db8::10', /IPv6 address without the "\[ \]"/],
    ['sip:user@[2001:db8:::192.0.2.1]', /three colons/],
    ['sip:user@[2001:db8::10', /closing "\]"/],
    ['sip:user@[2001:db8::1::2]', /not a valid IPv6/],
    ['sip:user@example.com;;lr', /empty parameter/],
    ['sip:user@example.com;', /empty parameter/],
    ['sip:user@example.com;=x', /no name/],
    ['sip:user@exa mple.com', /whitespace/],
    ['sip:@example.com', /user part .* empty/],
    ['sip:user@', /host is empty/],
    ['sip:user@host.example.com:99999', /out of range/],
    ['sip:user@host.example.com:50a', /not a number/],
    ['sip:us%zzer@example.com', /"%"/],
    ['sip:a@b@example.com', /more than one "@"/],
    ['sip:user@-bad-.example.com', /not a valid hostname/],
    ['sip:user@192.0.2.256', /not a valid hostname or IPv4/],
    ['sip:user@example.com?Route', /no "=value"/],
    ['sip:user"x@example.com', /user part contains/],
    ['tel:+', /no digits/],
    ['tel:7042', /phone-context/],
    ['mailto:', /nothing follows/],
    ['http://example.com/a b', /whitespace/],
    ['<sip:user@example.com>', /enclosed in "<>"/],
    ['', /empty/],
  ];
  for (const [uri, reason] of invalid) {
    void it(`rejects ${JSON.stringify(uri)} with a reason`, () => {
      const r = validateUri(uri);
      assert.ok(r, 'a reason');
      assert.match(en(r), reason);
    });
  }

  void it('applies the Request-URI rules in that context (RFC 4475 ltgtruri, lwsruri, escruri)', () => {
    assert.match(en(validateUri('<sip:user@example.com>', 'request-uri')), /must not be enclosed in "<>"/);
    assert.match(en(validateUri('sip:user@example.com; lr', 'request-uri')), /Request-URI contains whitespace/);
    assert.match(en(validateUri('sip:user@example.com?Route=%3Csip:example.com%3E', 'request-uri')), /must not contain URI headers/);
    assert.equal(validateUri('sip:user@example.com?Route=%3Csip:example.com%3E'), undefined, 'headers are fine elsewhere');
    assert.equal(validateUri('sip:[2001:db8::10]', 'request-uri'), undefined);
  });
});

void describe('IP address checks', () => {
  void it('accepts IPv6 text by RFC 4291 and rejects the three-colon form', () => {
    for (const a of ['::', '::1', '2001:db8::10', '2001:db8:0:0:0:0:2:1', '::ffff:192.0.2.10', '2001:db8::192.0.2.1', 'fe80::1:2:3:4:5:6']) {
      assert.ok(isIPv6(a), a);
    }
    for (const a of ['2001:db8:::192.0.2.1', '1:2:3:4:5:6:7:8:9', '2001:db8::g', ':1:2', '1::2::3', '12345::', '::192.0.2.256', '']) {
      assert.ok(!isIPv6(a), a);
    }
  });

  void it('accepts dotted quads up to 255 only', () => {
    assert.ok(isIPv4('255.255.255.255'));
    assert.ok(isIPv4('0.0.0.0'));
    assert.ok(!isIPv4('256.1.1.1'));
    assert.ok(!isIPv4('1.2.3'));
    assert.ok(!isIPv4('1.2.3.4.5'));
    assert.ok(!isIPv4('1.2.3.1234'));
  });
});

void describe('unescapeUri', () => {
  void it('decodes %XX as UTF-8 and keeps malformed escapes', () => {
    assert.equal(unescapeUri('I%20have%20spaces'), 'I have spaces');
    assert.equal(unescapeUri('Zo%C3%AB'), 'Zoë');
    assert.equal(unescapeUri('%Z%45'), '%ZE');
    assert.equal(unescapeUri('plain'), 'plain');
  });
});
