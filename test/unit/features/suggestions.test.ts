import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { suggestHeaderValues } from '../../../src/core/features/headerSuggestions';
import { INVITE, analyse, msg } from './traces';

/** A response to the INVITE of the shared fixtures, with extra headers. */
function responseTo(status: string, ...extra: string[]): string {
  return msg(
    `SIP/2.0 ${status}`,
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds8',
    'To: Bob <sip:bob@biloxi.example.com>;tag=8321234356',
    'From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
    'Call-ID: 3848276298220188511@atlanta.example.com',
    'CSeq: 1 INVITE',
    ...extra,
    'Content-Length: 0',
  );
}

function suggest(text: string, index: number, header: string): string[] | undefined {
  const a = analyse(text);
  return suggestHeaderValues(a.trace, a.trace.messages[index], header);
}

describe('suggestHeaderValues', () => {
  it('lists in a 420 the option tags the request required', () => {
    const invite = INVITE.replace('Max-Forwards: 70', 'Max-Forwards: 70\r\nRequire: 100rel, precondition');
    assert.deepEqual(suggest(invite + responseTo('420 Bad Extension'), 1, 'Unsupported'), ['100rel, precondition']);
  });

  it('offers a Digest challenge for the realm of the Request-URI', () => {
    const [value] = suggest(INVITE + responseTo('401 Unauthorized'), 1, 'WWW-Authenticate') ?? [];
    assert.match(value, /^Digest realm="biloxi\.example\.com", nonce="[0-9a-f]{16}", algorithm=MD5, qop="auth"$/);
    const [proxy] = suggest(INVITE + responseTo('407 Proxy Authentication Required'), 1, 'Proxy-Authenticate') ?? [];
    assert.match(proxy, /^Digest realm="biloxi\.example\.com"/);
  });

  it('gives a 2xx the Request-URI as Contact, and a 423 a Min-Expires', () => {
    assert.deepEqual(suggest(INVITE + responseTo('200 OK'), 1, 'Contact'), ['<sip:bob@biloxi.example.com>']);
    assert.deepEqual(suggest(INVITE + responseTo('423 Interval Too Brief'), 1, 'Min-Expires'), ['3600']);
  });

  it('copies every Via of the request, in order, into a response that lacks them', () => {
    const forwarded = INVITE.replace('Via: SIP/2.0/UDP 192.0.2.10', 'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKp1\r\nVia: SIP/2.0/UDP 192.0.2.10');
    const response = responseTo('486 Busy Here').replace('Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds8\r\n', 'Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKp1\r\n');
    const values = suggest(forwarded + response, 1, 'Via');
    assert.deepEqual(values, ['SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKp1', 'SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds8']);
  });

  it('has no value for a header it cannot know', () => {
    assert.equal(suggest(INVITE, 0, 'Supported'), undefined);
    assert.equal(suggest(INVITE, 0, 'X-Custom'), undefined);
  });
});
