import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Header, ParsedMessage, Span } from '../../../src/core/model';
import { parseMessage } from '../../../src/core/parser';

/** The text a span covers. */
function at(content: string, span: Span): string {
  return content.slice(span.start, span.end);
}

function crlf(lines: string[]): string {
  return lines.join('\r\n');
}

const OPTIONS = crlf([
  'OPTIONS sip:bob@example.org SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa1',
  'Max-Forwards: 70',
  'From: "Alice" <sip:alice@example.com>;tag=f1',
  'To: <sip:bob@example.org>',
  'Call-ID: c1@192.0.2.1',
  'CSeq: 1 OPTIONS',
  'Content-Length: 0',
  '',
  '',
]);

function header(p: ParsedMessage, key: string, n = 0): Header {
  const h = p.headers.filter((x) => x.key === key)[n];
  assert.ok(h, `header ${key}#${n} present`);
  return h;
}

function codes(p: ParsedMessage): string[] {
  return p.problems.map((x) => x.code);
}

void describe('parseMessage: start line', () => {
  void it('reads a request line into method, Request-URI and version with exact spans', () => {
    const p = parseMessage(OPTIONS);
    assert.equal(p.startLine.kind, 'request');
    if (p.startLine.kind !== 'request') {
      return;
    }
    assert.equal(p.startLine.method.text, 'OPTIONS');
    assert.equal(at(OPTIONS, p.startLine.method.span), 'OPTIONS');
    assert.equal(at(OPTIONS, p.startLine.uri.span), 'sip:bob@example.org');
    assert.equal(at(OPTIONS, p.startLine.version.span), 'SIP/2.0');
    assert.deepEqual(p.startLine.span, { start: 0, end: 'OPTIONS sip:bob@example.org SIP/2.0'.length });
    assert.deepEqual(p.problems, []);
  });

  void it('reads a status line into version, code, numeric status and reason phrase', () => {
    const content = 'SIP/2.0 486 Busy Here\r\nContent-Length: 0\r\n\r\n';
    const p = parseMessage(content);
    assert.equal(p.startLine.kind, 'response');
    if (p.startLine.kind !== 'response') {
      return;
    }
    assert.equal(p.startLine.status, 486);
    assert.equal(at(content, p.startLine.code.span), '486');
    assert.equal(p.startLine.reason.text, 'Busy Here');
    assert.equal(at(content, p.startLine.reason.span), 'Busy Here');
    assert.deepEqual(p.problems, []);
  });

  void it('gives an empty reason phrase a zero-length span at the line end (RFC 4475 noreason)', () => {
    const content = 'SIP/2.0 100 \r\nContent-Length: 0\r\n\r\n';
    const p = parseMessage(content);
    assert.equal(p.startLine.kind, 'response');
    if (p.startLine.kind === 'response') {
      assert.equal(p.startLine.reason.text, '');
      assert.deepEqual(p.startLine.reason.span, { start: 12, end: 12 });
    }
    assert.deepEqual(p.problems, []);
  });

  void it('keeps a UTF-8 reason phrase whole', () => {
    const content = 'SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять - простое\r\n\r\n';
    const p = parseMessage(content);
    assert.equal(p.startLine.kind === 'response' && p.startLine.reason.text, '= 2**3 * 5**2 но сто девяносто девять - простое');
  });

  void it('flags a status code of more than three digits but keeps its tokens (RFC 4475 bigcode)', () => {
    const content = 'SIP/2.0 4294967301 better not break the receiver\r\n\r\n';
    const p = parseMessage(content);
    assert.equal(p.startLine.kind, 'response');
    if (p.startLine.kind === 'response') {
      assert.equal(p.startLine.status, 4294967301);
      assert.equal(p.startLine.reason.text, 'better not break the receiver');
    }
    assert.deepEqual(codes(p), ['invalid-status-code']);
    assert.equal(at(content, p.problems[0].span), '4294967301');
  });

  void it('gives NaN as the status of a non-numeric code', () => {
    const p = parseMessage('SIP/2.0 2x0 OK\r\n\r\n');
    assert.ok(p.startLine.kind === 'response' && Number.isNaN(p.startLine.status));
    assert.deepEqual(codes(p), ['invalid-status-code']);
  });

  void it('flags doubled spaces between request-line elements and still reads them (RFC 4475 lwsstart)', () => {
    const content = 'INVITE  sip:user@example.com  SIP/2.0\r\n\r\n';
    const p = parseMessage(content);
    assert.equal(p.startLine.kind, 'request');
    if (p.startLine.kind === 'request') {
      assert.equal(p.startLine.uri.text, 'sip:user@example.com');
      assert.equal(p.startLine.version.text, 'SIP/2.0');
    }
    assert.deepEqual(codes(p), ['start-line-whitespace', 'start-line-whitespace']);
    assert.deepEqual(
      p.problems.map((x) => x.span),
      [
        { start: 6, end: 8 },
        { start: 28, end: 30 },
      ],
    );
  });

  void it('flags trailing spaces after SIP-Version (RFC 4475 trws)', () => {
    const content = 'OPTIONS sip:remote-target@example.com SIP/2.0  \r\n\r\n';
    const p = parseMessage(content);
    assert.equal(p.startLine.kind === 'request' && p.startLine.version.text, 'SIP/2.0');
    assert.deepEqual(codes(p), ['start-line-whitespace']);
    assert.equal(at(content, p.problems[0].span), '  ');
  });

  void it('reads a Request-URI with embedded whitespace as one token and flags it (RFC 4475 lwsruri)', () => {
    const content = 'INVITE sip:user@example.com; lr SIP/2.0\r\n\r\n';
    const p = parseMessage(content);
    assert.equal(p.startLine.kind === 'request' && p.startLine.uri.text, 'sip:user@example.com; lr');
    assert.deepEqual(codes(p), ['request-uri-whitespace']);
  });

  void it('keeps a Request-URI in angle brackets as written for the URI check (RFC 4475 ltgtruri)', () => {
    const p = parseMessage('INVITE <sip:user@example.com> SIP/2.0\r\n\r\n');
    assert.equal(p.startLine.kind === 'request' && p.startLine.uri.text, '<sip:user@example.com>');
    assert.deepEqual(p.problems, []);
  });

  void it('keeps a well-formed but unsupported version for the lint rule (RFC 4475 badvers)', () => {
    const p = parseMessage('OPTIONS sip:t.watson@example.org SIP/7.0\r\n\r\n');
    assert.equal(p.startLine.kind === 'request' && p.startLine.version.text, 'SIP/7.0');
    assert.deepEqual(p.problems, []);
  });

  void it('flags a SIP-Version that breaks the grammar', () => {
    const p = parseMessage('INVITE sip:x@y.z SIP/2.0/UDP\r\n\r\n');
    assert.equal(p.startLine.kind, 'request');
    assert.deepEqual(codes(p), ['invalid-sip-version']);
  });

  void it('flags a method with characters outside token', () => {
    const p = parseMessage('INV@ITE sip:x@y.z SIP/2.0\r\n\r\n');
    assert.deepEqual(codes(p), ['invalid-method']);
  });

  void it('accepts every token character in a method (RFC 4475 intmeth)', () => {
    const method = "!interesting-Method0123456789_*+`.%indeed'~";
    const p = parseMessage(`${method} sip:a@example.com SIP/2.0\r\n\r\n`);
    assert.equal(p.startLine.kind === 'request' && p.startLine.method.text, method);
    assert.deepEqual(p.problems, []);
  });

  void it('turns an unreadable first line into an invalid start line and still parses the headers', () => {
    const content = 'HELLO THERE\r\nCall-ID: x\r\n\r\n';
    const p = parseMessage(content);
    assert.equal(p.startLine.kind, 'invalid');
    assert.equal(p.startLine.kind === 'invalid' && p.startLine.text, 'HELLO THERE');
    assert.deepEqual(codes(p), ['invalid-start-line']);
    assert.deepEqual(p.problems[0].span, { start: 0, end: 11 });
    assert.equal(header(p, 'call-id').value.text, 'x');
  });

  void it('treats a request line without SIP-Version as invalid', () => {
    const p = parseMessage('INVITE sip:alan@jasomi.com\r\n\r\n');
    assert.equal(p.startLine.kind, 'invalid');
    assert.deepEqual(codes(p), ['invalid-start-line']);
  });

  void it('treats empty content as an invalid start line without throwing', () => {
    const p = parseMessage('');
    assert.equal(p.startLine.kind, 'invalid');
    assert.deepEqual(codes(p), ['invalid-start-line']);
    assert.deepEqual(p.headers, []);
    assert.equal(p.body, undefined);
    assert.equal(p.headerEnd, 0);
  });

  void it('ignores empty lines before the start line (RFC 3261 §7.5)', () => {
    const content = `\r\n\r\n${OPTIONS}`;
    const p = parseMessage(content);
    assert.equal(p.startLine.kind, 'request');
    assert.equal(at(content, p.startLine.span), 'OPTIONS sip:bob@example.org SIP/2.0');
    assert.deepEqual(p.problems, []);
  });
});

void describe('parseMessage: header fields', () => {
  void it('gives each header its name as written, canonical name, key and exact spans', () => {
    const p = parseMessage(OPTIONS);
    assert.deepEqual(
      p.headers.map((h) => h.canonical),
      ['Via', 'Max-Forwards', 'From', 'To', 'Call-ID', 'CSeq', 'Content-Length'],
    );
    const from = header(p, 'from');
    assert.equal(at(OPTIONS, from.name.span), 'From');
    assert.equal(at(OPTIONS, from.value.span), '"Alice" <sip:alice@example.com>;tag=f1');
    assert.equal(at(OPTIONS, from.span), 'From: "Alice" <sip:alice@example.com>;tag=f1');
    assert.equal(from.values.length, 1);
    assert.equal(at(OPTIONS, from.values[0].main.span), '"Alice" <sip:alice@example.com>');
    assert.equal(from.values[0].params[0].name.text, 'tag');
    assert.equal(at(OPTIONS, from.values[0].params[0].value?.span ?? { start: 0, end: 0 }), 'f1');
  });

  void it('resolves compact names and marks them compact', () => {
    const content = crlf(['INVITE sip:a@b.c SIP/2.0', 'v: SIP/2.0/UDP h;branch=z9hG4bK1', 'i: abc', 'm: <sip:a@h>', 'l: 0', 'f: <sip:x@y>;tag=1', 't: <sip:a@b.c>', 'k: timer', '', '']);
    const p = parseMessage(content);
    assert.deepEqual(
      p.headers.map((h) => [h.name.text, h.canonical, h.key, h.compact]),
      [
        ['v', 'Via', 'via', true],
        ['i', 'Call-ID', 'call-id', true],
        ['m', 'Contact', 'contact', true],
        ['l', 'Content-Length', 'content-length', true],
        ['f', 'From', 'from', true],
        ['t', 'To', 'to', true],
        ['k', 'Supported', 'supported', true],
      ],
    );
  });

  void it('accepts whitespace before the colon and any case in names (RFC 3261 HCOLON; RFC 4475 wsinv)', () => {
    const content = crlf(['INVITE sip:a@b.c SIP/2.0', 'TO :  <sip:a@b.c>', 'MaX-fOrWaRdS: 0068', 'Content-Length   : 0', '', '']);
    const p = parseMessage(content);
    assert.deepEqual(p.problems, []);
    assert.deepEqual(
      p.headers.map((h) => [h.name.text, h.canonical, h.value.text]),
      [
        ['TO', 'To', '<sip:a@b.c>'],
        ['MaX-fOrWaRdS', 'Max-Forwards', '0068'],
        ['Content-Length', 'Content-Length', '0'],
      ],
    );
    assert.equal(at(content, header(p, 'to').name.span), 'TO');
  });

  void it('keeps an unknown header with its own spelling, including % in the name (RFC 4475 esc02)', () => {
    const p = parseMessage('REGISTER sip:r.example.com SIP/2.0\r\nC%6Fntact: <sip:a@b.c>\r\n\r\n');
    assert.equal(p.headers[0].canonical, 'C%6Fntact');
    assert.equal(p.headers[0].key, 'c%6fntact');
    assert.equal(p.headers[0].compact, false);
  });

  void it('joins folded lines: text collapsed to one space, spans over the raw lines', () => {
    const content = crlf(['INVITE sip:a@b.c SIP/2.0', 'Subject: first   ', '   second', '\tthird', 'cseq: 0009', '  INVITE', 'Call-ID: x', '', '']);
    const p = parseMessage(content);
    const subject = header(p, 'subject');
    assert.equal(subject.value.text, 'first second third');
    assert.equal(at(content, subject.value.span), 'first   \r\n   second\r\n\tthird');
    assert.equal(at(content, subject.span), 'Subject: first   \r\n   second\r\n\tthird');
    assert.equal(header(p, 'cseq').value.text, '0009 INVITE');
    assert.equal(header(p, 'call-id').value.text, 'x');
    assert.deepEqual(p.problems, []);
  });

  void it('reads a value that starts on a continuation line (RFC 4475 wsinv "Route:")', () => {
    const content = 'INVITE sip:a@b.c SIP/2.0\r\nRoute:\r\n <sip:services.example.com;lr>\r\n\r\n';
    const p = parseMessage(content);
    const route = header(p, 'route');
    assert.equal(route.value.text, '<sip:services.example.com;lr>');
    assert.equal(at(content, route.value.span), '<sip:services.example.com;lr>');
    assert.deepEqual(route.values[0].params, [], 'the ;lr inside <> is a URI parameter');
  });

  void it('splits a folded Via list and its params across lines (RFC 4475 wsinv)', () => {
    const content = crlf([
      'INVITE sip:a@b.c SIP/2.0',
      'v:  SIP  / 2.0  / TCP     spindle.example.com   ;',
      '  branch  =   z9hG4bK9ikj8  ,',
      ' SIP  /    2.0   / UDP  192.168.255.111   ; branch=',
      ' z9hG4bK30239',
      '',
      '',
    ]);
    const p = parseMessage(content);
    const via = header(p, 'via');
    assert.equal(via.values.length, 2);
    assert.equal(via.values[0].main.text, 'SIP  / 2.0  / TCP     spindle.example.com');
    assert.equal(via.values[0].params[0].name.text, 'branch');
    assert.equal(via.values[0].params[0].value?.text, 'z9hG4bK9ikj8');
    assert.equal(via.values[1].params[0].value?.text, 'z9hG4bK30239');
    assert.equal(at(content, via.values[1].params[0].value?.span ?? { start: 0, end: 0 }), 'z9hG4bK30239');
    assert.equal(at(content, via.values[1].span), 'SIP  /    2.0   / UDP  192.168.255.111   ; branch=\r\n z9hG4bK30239');
  });

  void it('keeps each repeated header line as its own header', () => {
    const content = crlf(['INVITE sip:a@b.c SIP/2.0', 'Via: SIP/2.0/UDP a;branch=z9hG4bK1', 'Via: SIP/2.0/UDP b;branch=z9hG4bK2, SIP/2.0/UDP c;branch=z9hG4bK3', '', '']);
    const p = parseMessage(content);
    const vias = p.headers.filter((h) => h.key === 'via');
    assert.equal(vias.length, 2);
    assert.deepEqual(
      vias.flatMap((h) => h.values.map((v) => v.params[0].value?.text)),
      ['z9hG4bK1', 'z9hG4bK2', 'z9hG4bK3'],
    );
  });

  void it('does not split on commas inside quoted strings or angle brackets', () => {
    const content = crlf([
      'INVITE sip:a@b.c SIP/2.0',
      'Contact: "Doe, John \\"JD\\", Jr" <sip:jd@h.example.com;x=1,2>;q=0.5, <sip:other@h2.example.com>',
      '',
      '',
    ]);
    const p = parseMessage(content);
    const values = header(p, 'contact').values;
    assert.equal(values.length, 2);
    assert.equal(values[0].main.text, '"Doe, John \\"JD\\", Jr" <sip:jd@h.example.com;x=1,2>');
    assert.deepEqual(
      values[0].params.map((x) => [x.name.text, x.value?.text]),
      [['q', '0.5']],
    );
    assert.equal(at(content, values[1].span), '<sip:other@h2.example.com>');
  });

  void it('never splits single-valued and auth headers on commas', () => {
    const content = crlf([
      'INVITE sip:a@b.c SIP/2.0',
      'Date: Sat, 13 Nov 2010 23:29:00 GMT',
      'Authorization: Digest username="bob", realm="example.com", uri="sip:a@b.c"',
      'Subject: one, two; three',
      'Call-ID: a"b<c;d',
      'Retry-After: 120 (in a meeting; back soon);duration=60',
      'Allow: INVITE, ACK,BYE',
      '',
      '',
    ]);
    const p = parseMessage(content);
    assert.equal(header(p, 'date').values.length, 1);
    assert.equal(header(p, 'date').values[0].text, 'Sat, 13 Nov 2010 23:29:00 GMT');
    assert.equal(header(p, 'authorization').values.length, 1);
    assert.deepEqual(header(p, 'authorization').values[0].params, []);
    assert.deepEqual(header(p, 'subject').values[0].params, [], 'free text has no header params');
    assert.equal(header(p, 'call-id').values[0].main.text, 'a"b<c;d');
    const retry = header(p, 'retry-after').values[0];
    assert.equal(retry.main.text, '120 (in a meeting; back soon)', 'a comment may hold ";"');
    assert.deepEqual(
      retry.params.map((x) => [x.name.text, x.value?.text]),
      [['duration', '60']],
    );
    assert.deepEqual(
      header(p, 'allow').values.map((v) => v.text),
      ['INVITE', 'ACK', 'BYE'],
    );
  });

  void it('reads flags, quoted values and IPv6 references in params', () => {
    const content = crlf([
      'INVITE sip:a@b.c SIP/2.0',
      'Via: SIP/2.0/UDP [2001:db8::9:1]:6050;received=[2001:db8::9:255];rport;branch=z9hG4bKx',
      'Contact: <sip:a@[2001:db8::1]:5060;transport=tcp>;+sip.instance="<urn:uuid:1;2>";reg-id=1',
      '',
      '',
    ]);
    const p = parseMessage(content);
    const via = header(p, 'via').values;
    assert.equal(via.length, 1);
    assert.equal(via[0].main.text, 'SIP/2.0/UDP [2001:db8::9:1]:6050');
    assert.deepEqual(
      via[0].params.map((x) => [x.name.text, x.value?.text]),
      [
        ['received', '[2001:db8::9:255]'],
        ['rport', undefined],
        ['branch', 'z9hG4bKx'],
      ],
    );
    const contact = header(p, 'contact').values[0];
    assert.equal(contact.main.text, '<sip:a@[2001:db8::1]:5060;transport=tcp>');
    assert.deepEqual(
      contact.params.map((x) => [x.name.text, x.value?.text]),
      [
        ['+sip.instance', '"<urn:uuid:1;2>"'],
        ['reg-id', '1'],
      ],
    );
    assert.equal(at(content, contact.params[0].span), '+sip.instance="<urn:uuid:1;2>"');
  });

  void it('keeps empty list elements so a rule can point at them (RFC 4475 badinv01)', () => {
    const content = 'INVITE sip:a@b.c SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.15;;,;,,\r\n\r\n';
    const values = header(parseMessage(content), 'via').values;
    assert.deepEqual(
      values.map((v) => v.text),
      ['SIP/2.0/UDP 192.0.2.15;;', ';', '', ''],
    );
  });

  void it('gives an empty value no elements', () => {
    const content = 'INVITE sip:a@b.c SIP/2.0\r\ns :\r\nSubject:\r\n\r\n';
    const p = parseMessage(content);
    assert.equal(p.headers.length, 2);
    for (const h of p.headers) {
      assert.equal(h.value.text, '');
      assert.deepEqual(h.values, []);
    }
    assert.deepEqual(p.problems, []);
  });

  void it('keeps UTF-8 text and U+FFFD with spans in UTF-16 units', () => {
    const content = 'MESSAGE sip:a@b.c SIP/2.0\r\nSubject: Zoë \uFFFD 大停電 😀\r\nCall-ID: x\r\n\r\n';
    const p = parseMessage(content);
    const subject = header(p, 'subject');
    assert.equal(subject.value.text, 'Zoë \uFFFD 大停電 😀');
    assert.equal(at(content, subject.value.span), 'Zoë \uFFFD 大停電 😀');
    assert.equal(header(p, 'call-id').value.text, 'x');
  });

  void it('carries NUL and other control characters in values without stopping', () => {
    const content = 'MESSAGE sip:a@b.c SIP/2.0\r\nTo: "BEL:\\\x07 NUL:\\\x00 DEL:\\\x7f" <sip:a@b.c>\r\nCall-ID: x\x00y\r\n\r\nbody\x00';
    const p = parseMessage(content);
    assert.equal(header(p, 'to').values[0].main.text, '"BEL:\\\x07 NUL:\\\x00 DEL:\\\x7f" <sip:a@b.c>');
    assert.equal(header(p, 'call-id').value.text, 'x\x00y');
    assert.equal(p.body?.text, 'body\x00');
    assert.deepEqual(p.problems, []);
  });

  void it('flags a line without a colon and goes on with the next line', () => {
    const content = 'INVITE sip:a@b.c SIP/2.0\r\nFoobar roobar\r\nCall-ID: x\r\n\r\n';
    const p = parseMessage(content);
    assert.deepEqual(codes(p), ['malformed-header']);
    assert.equal(at(content, p.problems[0].span), 'Foobar roobar');
    assert.deepEqual(
      p.headers.map((h) => h.canonical),
      ['Call-ID'],
    );
  });

  void it('flags illegal characters in a header name, pointing at them', () => {
    const content = 'INVITE sip:a@b.c SIP/2.0\r\nBad Name: v\r\nX<y: v\r\n: v\r\nCall-ID: x\r\n\r\n';
    const p = parseMessage(content);
    assert.deepEqual(codes(p), ['malformed-header', 'malformed-header', 'malformed-header']);
    assert.equal(at(content, p.problems[0].span), ' Name');
    assert.equal(at(content, p.problems[1].span), '<y');
    assert.equal(at(content, p.problems[2].span), ':');
    assert.match(p.problems[2].message, /empty name/);
    assert.deepEqual(
      p.headers.map((h) => h.canonical),
      ['Call-ID'],
    );
  });

  void it('flags a continuation line right after the start line', () => {
    const content = 'INVITE sip:a@b.c SIP/2.0\r\n folded\r\nCall-ID: x\r\n\r\n';
    const p = parseMessage(content);
    assert.deepEqual(codes(p), ['malformed-header']);
    assert.equal(at(content, p.problems[0].span), ' folded');
    assert.equal(p.headers.length, 1);
  });

  void it('serialises headers with their values through toJSON', () => {
    const json = JSON.parse(JSON.stringify(parseMessage(OPTIONS))) as { headers: { canonical: string; values: { text: string }[] }[] };
    assert.equal(json.headers[0].canonical, 'Via');
    assert.equal(json.headers[0].values[0].text, 'SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa1');
  });

  void it('returns the same token objects on every access', () => {
    const h = parseMessage(OPTIONS).headers[0];
    assert.equal(h.values, h.values);
    assert.equal(h.value, h.value);
    assert.equal(h.name, h.name);
  });
});

void describe('parseMessage: header end and body', () => {
  void it('puts headerEnd after the empty line and the rest in the body, not cut to Content-Length', () => {
    const content = 'MESSAGE sip:a@b.c SIP/2.0\r\nContent-Length: 2\r\n\r\nhello\r\n';
    const p = parseMessage(content);
    assert.equal(p.headerEnd, content.indexOf('hello'));
    assert.equal(p.body?.text, 'hello\r\n');
    assert.deepEqual(p.body?.span, { start: p.headerEnd, end: content.length });
  });

  void it('has no body when nothing follows the empty line', () => {
    const p = parseMessage(OPTIONS);
    assert.equal(p.body, undefined);
    assert.equal(p.headerEnd, OPTIONS.length);
  });

  void it('warns when no empty line ends the headers, and has no body', () => {
    const content = 'OPTIONS sip:a@b.c SIP/2.0\r\nCall-ID: x\r\nContent-Length: 0';
    const p = parseMessage(content);
    assert.deepEqual(codes(p), ['missing-header-terminator']);
    assert.equal(p.problems[0].severity, 'warning');
    assert.equal(at(content, p.problems[0].span), 'Content-Length: 0');
    assert.equal(p.headerEnd, content.length);
    assert.equal(p.body, undefined);
    assert.equal(p.headers.length, 2);
  });

  void it('takes a whitespace-only line as the end of the headers, with a warning', () => {
    const content = 'OPTIONS sip:a@b.c SIP/2.0\r\nCall-ID: x\r\n  \r\nbody';
    const p = parseMessage(content);
    assert.deepEqual(codes(p), ['whitespace-blank-line']);
    assert.equal(p.body?.text, 'body');
  });

  void it('reads a CR CR LF line end as one line end with a stray-cr warning, so later headers are still headers', () => {
    const content =
      'INVITE sip:b@example.org SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@example.com>;tag=1\r\r\n' +
      'To: <sip:b@example.org>\r\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 4\r\n\r\nbody';
    const p = parseMessage(content);
    assert.deepEqual(codes(p), ['stray-cr', 'stray-cr']);
    assert.equal(p.problems[0].severity, 'warning');
    assert.equal(at(content, p.problems[0].span), '\r');
    assert.equal(p.problems[0].span.start, content.indexOf(';tag=1') + 6);
    assert.deepEqual(
      p.headers.map((h) => [h.key, h.value.text]),
      [
        ['via', 'SIP/2.0/UDP h;branch=z9hG4bK1'],
        ['from', '<sip:a@example.com>;tag=1'],
        ['to', '<sip:b@example.org>'],
        ['call-id', 'x'],
        ['cseq', '1 INVITE'],
        ['content-length', '4'],
      ],
    );
    assert.equal(p.body?.text, 'body');
  });

  void it('still reads CR CR (no LF) as two lone-CR line ends, ending the headers', () => {
    const content = 'OPTIONS sip:a@b.c SIP/2.0\rCall-ID: x\r\rbody';
    const p = parseMessage(content);
    assert.deepEqual(codes(p), []);
    assert.equal(p.headers.length, 1);
    assert.equal(p.body?.text, 'body');
  });

  void it('reads LF, lone CR and mixed line ends like CRLF', () => {
    const lines = ['OPTIONS sip:a@b.c SIP/2.0', 'Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'Subject: a', ' b', 'Call-ID: x', '', 'body'];
    const expected = parseMessage(lines.join('\r\n'));
    const ends = ['\n', '\r', ['\r\n', '\n', '\r', '\n', '\r\n', '\n']];
    for (const end of ends) {
      const content = typeof end === 'string' ? lines.join(end) : lines.map((l, i) => l + (end[i] ?? '')).join('');
      const p = parseMessage(content);
      assert.deepEqual(
        p.headers.map((h) => [h.canonical, h.value.text, at(content, h.name.span)]),
        expected.headers.map((h) => [h.canonical, h.value.text, h.name.text]),
        JSON.stringify(end),
      );
      assert.equal(p.body?.text, 'body', JSON.stringify(end));
      assert.deepEqual(p.problems, [], JSON.stringify(end));
    }
  });

  void it('ends the headers at LF LF', () => {
    const content = 'OPTIONS sip:a@b.c SIP/2.0\nCall-ID: x\n\nv=0\n';
    const p = parseMessage(content);
    assert.equal(p.headerEnd, content.indexOf('v=0'));
    assert.equal(p.body?.text, 'v=0\n');
  });
});

void describe('parseMessage: robustness', () => {
  void it('parses a 1 MB header line quickly', () => {
    const big = 'a'.repeat(1024 * 1024);
    const content = `OPTIONS sip:a@b.c SIP/2.0\r\nX-Big: ${big}\r\nCall-ID: x\r\n\r\n`;
    const t = Date.now();
    const p = parseMessage(content);
    const values = p.headers[0].values;
    assert.equal(p.headers[0].value.text.length, big.length);
    assert.equal(values[0].text.length, big.length);
    assert.equal(header(p, 'call-id').value.text, 'x');
    assert.ok(Date.now() - t < 1000, `took ${Date.now() - t} ms`);
  });

  void it('parses 100k short header lines and a 1 MB line of colons and quotes in linear time', () => {
    const many = `OPTIONS sip:a@b.c SIP/2.0\r\n${'X: y\r\n'.repeat(100000)}\r\n`;
    const hostile = `OPTIONS sip:a@b.c SIP/2.0\r\nContact: ${'"<;,:'.repeat(200000)}\r\n${'no colon here\r\n'.repeat(20000)}\r\n`;
    const t = Date.now();
    assert.equal(parseMessage(many).headers.length, 100000);
    const p = parseMessage(hostile);
    assert.equal(p.headers[0].values.length, 1, 'an unterminated quote swallows the commas');
    assert.equal(p.problems.length, 20000);
    assert.ok(Date.now() - t < 3000, `took ${Date.now() - t} ms`);
  });

  void it('never throws and keeps every span inside the content, whatever the input', () => {
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = ['\r', '\n', ' ', '\t', ':', ';', ',', '"', '\\', '<', '>', '[', ']', '=', 'a', 'Via', 'SIP/2.0', '\u0000', '\uFFFD', 'é', '(', ')'];
    for (let k = 0; k < 2000; k++) {
      let content = k % 2 === 0 ? OPTIONS.slice(0, rnd(OPTIONS.length)) : '';
      const len = rnd(80);
      for (let i = 0; i < len; i++) {
        content += alphabet[rnd(alphabet.length)];
      }
      const p = parseMessage(content);
      const spans: Span[] = [p.startLine.span, ...p.problems.map((x) => x.span)];
      for (const h of p.headers) {
        spans.push(h.span, h.name.span, h.value.span);
        for (const v of h.values) {
          spans.push(v.span, v.main.span, ...v.params.flatMap((x) => [x.span, x.name.span, ...(x.value ? [x.value.span] : [])]));
        }
      }
      for (const s of spans) {
        assert.ok(s.start >= 0 && s.start <= s.end && s.end <= content.length, `span ${JSON.stringify(s)} in ${JSON.stringify(content)}`);
      }
      assert.ok(p.headerEnd >= 0 && p.headerEnd <= content.length);
    }
  });
});
