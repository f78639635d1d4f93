import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { composableCodes, composeResponse } from '../../../src/core/compose';
import { parseTrace } from '../../../src/core/trace';
import { lintTrace } from '../../../src/core/lint';
import type { TraceMessage } from '../../../src/core/model';

const CRLF = '\r\n';

function request(method: string, extra: string[] = [], toTag = ''): string {
  return [
    `${method} sip:bob@biloxi.example.com:5062 SIP/2.0`,
    'Via: SIP/2.0/UDP proxy.atlanta.example.com;branch=z9hG4bK2d4790.1',
    'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;received=192.0.2.1',
    'Max-Forwards: 69',
    `To: Bob <sip:bob@biloxi.example.com>${toTag}`,
    'From: "Alice" <sip:alice@atlanta.example.com>;tag=1928301774',
    'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
    `CSeq: 314159 ${method}`,
    'Contact: <sip:alice@pc33.atlanta.example.com>',
    ...extra,
    'Content-Length: 0',
    '',
    '',
  ].join(CRLF);
}

/** Extra headers a request of that method needs to be well-formed itself. */
const METHOD_EXTRAS: Record<string, string[]> = {
  SUBSCRIBE: ['Event: presence', 'Expires: 600'],
  NOTIFY: ['Event: presence', 'Subscription-State: active;expires=599'],
  REFER: ['Refer-To: <sip:carol@chicago.example.com>'],
  PRACK: ['RAck: 1 314158 INVITE'],
  PUBLISH: ['Event: presence', 'Expires: 3600'],
  REGISTER: ['Expires: 7200'],
};
const IN_DIALOG = new Set(['BYE', 'NOTIFY', 'PRACK', 'INFO', 'UPDATE', 'REFER']);

function firstMessage(text: string): TraceMessage {
  const m = parseTrace(text).messages[0];
  assert.ok(m, 'no message parsed');
  return m;
}

function requestFor(method: string): string {
  return request(method, METHOD_EXTRAS[method] ?? [], IN_DIALOG.has(method) ? ';tag=a6c85cf' : '');
}

void describe('composeResponse', () => {
  void it('offers the registered codes with phrases and explanations in both languages', () => {
    const codes = composableCodes();
    assert.ok(codes.length >= 25, `${codes.length} codes`);
    for (const wanted of [100, 180, 183, 200, 202, 301, 302, 401, 403, 404, 405, 407, 408, 415, 420, 423, 480, 481, 486, 487, 488, 491, 500, 503, 603]) {
      assert.ok(codes.some((c) => c.code === wanted), `missing ${wanted}`);
    }
    const c405 = codes.find((c) => c.code === 405);
    assert.equal(c405?.phrase, 'Method Not Allowed');
    assert.ok((c405?.summary.en.length ?? 0) > 10 && (c405?.summary['zh-cn'].length ?? 0) > 5);
    assert.deepEqual(codes.map((c) => c.code), [...codes.map((c) => c.code)].sort((a, b) => a - b));
  });

  for (const method of ['INVITE', 'REGISTER', 'OPTIONS', 'BYE', 'CANCEL', 'SUBSCRIBE', 'NOTIFY', 'REFER', 'MESSAGE', 'PUBLISH', 'PRACK', 'UPDATE', 'INFO']) {
    void it(`answers a ${method} with every composable code, lint-clean`, () => {
      const req = requestFor(method);
      const failures: string[] = [];
      for (const { code } of composableCodes()) {
        const response = composeResponse(firstMessage(req), code);
        const trace = parseTrace(req + CRLF + response);
        assert.equal(trace.messages.length, 2, `${code}: ${trace.messages.length} messages`);
        for (const d of lintTrace(trace)) {
          if (d.severity === 'error' && d.messageIndex === 1) {
            failures.push(`${code} ${d.code}: ${d.message}`);
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  void it('copies every Via in order, From, Call-ID and CSeq, and adds a To tag', () => {
    const response = composeResponse(firstMessage(requestFor('INVITE')), 486, { toTag: 'b7c9' });
    const lines = response.split(CRLF);
    assert.equal(lines[0], 'SIP/2.0 486 Busy Here');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('Via:')),
      ['Via: SIP/2.0/UDP proxy.atlanta.example.com;branch=z9hG4bK2d4790.1', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;received=192.0.2.1'],
    );
    assert.ok(lines.includes('From: "Alice" <sip:alice@atlanta.example.com>;tag=1928301774'));
    assert.ok(lines.includes('To: Bob <sip:bob@biloxi.example.com>;tag=b7c9'));
    assert.ok(lines.includes('Call-ID: a84b4c76e66710@pc33.atlanta.example.com'));
    assert.ok(lines.includes('CSeq: 314159 INVITE'));
    assert.ok(response.endsWith(`Content-Length: 0${CRLF}${CRLF}`));
  });

  void it('keeps an existing To tag and gives a 100 Trying none', () => {
    const inDialog = composeResponse(firstMessage(requestFor('BYE')), 200, { toTag: 'new' });
    assert.match(inDialog, /^To: Bob <sip:bob@biloxi\.example\.com>;tag=a6c85cf\r$/m);
    const trying = composeResponse(firstMessage(requestFor('INVITE')), 100);
    assert.match(trying, /^To: Bob <sip:bob@biloxi\.example\.com>\r$/m);
  });

  void it('makes up a new random To tag per response unless told one', () => {
    const req = firstMessage(requestFor('INVITE'));
    const tagOf = (s: string): string | undefined => /^To: .*;tag=([^\r]+)/m.exec(s)?.[1];
    const a = tagOf(composeResponse(req, 180));
    const b = tagOf(composeResponse(req, 180));
    assert.ok(a && b && a !== b);
  });

  void it('adds the headers the code requires, with sensible values', () => {
    const invite = firstMessage(requestFor('INVITE'));
    assert.match(composeResponse(invite, 405), /^Allow: (?!.*\bINVITE\b).*\bOPTIONS\b.*\r$/m);
    assert.match(composeResponse(invite, 405, { allow: ['OPTIONS', 'BYE'] }), /^Allow: OPTIONS, BYE\r$/m);
    assert.match(composeResponse(invite, 401), /^WWW-Authenticate: Digest realm="biloxi\.example\.com", nonce="[0-9a-f]{32}", algorithm=MD5, qop="auth"\r$/m);
    assert.match(composeResponse(invite, 407), /^Proxy-Authenticate: Digest realm="biloxi\.example\.com"/m);
    assert.match(composeResponse(invite, 200), /^Contact: <sip:bob@biloxi\.example\.com:5062>\r$/m);
    assert.match(composeResponse(invite, 302), /^Contact: </m);
    assert.match(composeResponse(firstMessage(requestFor('REGISTER')), 423), /^Min-Expires: 3600\r$/m);
    assert.match(composeResponse(invite, 415), /^Accept: application\/sdp\r$/m);
  });

  void it('copies Require and Proxy-Require tags into Unsupported for a 420', () => {
    const req = firstMessage(request('INVITE', ['Require: 100rel, foo', 'Proxy-Require: bar']));
    assert.match(composeResponse(req, 420), /^Unsupported: 100rel, foo, bar\r$/m);
  });

  void it('copies Record-Route into a response that creates a dialog, not into a failure', () => {
    const req = firstMessage(request('INVITE', ['Record-Route: <sip:p2.example.com;lr>', 'Record-Route: <sip:p1.example.com;lr>']));
    const ok = composeResponse(req, 200);
    assert.ok(ok.indexOf('Record-Route: <sip:p2.example.com;lr>') < ok.indexOf('Record-Route: <sip:p1.example.com;lr>'));
    assert.doesNotMatch(composeResponse(req, 486), /Record-Route/);
  });

  void it('uses the requested line ending', () => {
    const lf = composeResponse(firstMessage(requestFor('OPTIONS')), 200, { lineEnding: '\n' });
    assert.doesNotMatch(lf, /\r/);
    assert.ok(lf.endsWith('Content-Length: 0\n\n'));
  });

  void it('refuses to answer an ACK or a response, and out-of-range codes', () => {
    assert.throws(() => composeResponse(firstMessage(requestFor('ACK')), 200), RangeError);
    assert.throws(() => composeResponse(firstMessage(`SIP/2.0 200 OK${CRLF}Content-Length: 0${CRLF}${CRLF}`), 200), RangeError);
    assert.throws(() => composeResponse(firstMessage(requestFor('INVITE')), 700), RangeError);
  });
});
