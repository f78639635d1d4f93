import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { requestRequirements, responseRequirements } from '../../../src/core/knowledge/presence';

function names(rs: { header: string; level: string }[]): string[] {
  return rs.map((r) => `${r.header}:${r.level}`).sort();
}

void describe('requestRequirements', () => {
  void it('gives an unknown method the RFC 3261 §8.1.1 baseline', () => {
    assert.deepEqual(names(requestRequirements('NEWMETHOD')), ['CSeq:must', 'Call-ID:must', 'From:must', 'Max-Forwards:must', 'To:must', 'Via:must']);
    assert.equal(requestRequirements('NEWMETHOD')[0].ref.rfc, 3261);
  });

  void it('treats method names case-sensitively (invite is an extension method)', () => {
    assert.ok(!requestRequirements('invite').some((r) => r.header === 'Contact'));
  });

  void it('adds Contact (must) and Supported (should) for INVITE', () => {
    const rs = names(requestRequirements('INVITE'));
    assert.ok(rs.includes('Contact:must'));
    assert.ok(rs.includes('Supported:should'));
  });

  void it('adds the extension tables: RAck for PRACK, Event for SUBSCRIBE, Subscription-State for NOTIFY, Refer-To for REFER', () => {
    assert.ok(names(requestRequirements('PRACK')).includes('RAck:must'));
    assert.ok(names(requestRequirements('SUBSCRIBE')).includes('Event:must'));
    assert.ok(names(requestRequirements('NOTIFY')).includes('Subscription-State:must'));
    assert.ok(names(requestRequirements('REFER')).includes('Refer-To:must'));
    assert.ok(names(requestRequirements('PUBLISH')).includes('Event:must'));
  });

  void it('returns a copy the caller may change', () => {
    requestRequirements('INVITE').length = 0;
    assert.ok(requestRequirements('INVITE').length > 6);
  });
});

void describe('responseRequirements', () => {
  void it('gives every response the five copied headers (RFC 3261 §8.2.6.2)', () => {
    assert.deepEqual(names(responseRequirements(486, 'INVITE')), ['CSeq:must', 'Call-ID:must', 'From:must', 'To:must', 'Via:must']);
  });

  void it('adds Allow to a 405 and WWW-Authenticate to a 401 whatever the method', () => {
    assert.ok(names(responseRequirements(405, 'BYE')).includes('Allow:must'));
    assert.ok(names(responseRequirements(405, 'FOO')).includes('Allow:must'));
    assert.ok(names(responseRequirements(401, 'REGISTER')).includes('WWW-Authenticate:must'));
  });

  void it('needs Contact in a 2xx to INVITE but not in a 2xx to BYE', () => {
    assert.ok(names(responseRequirements(200, 'INVITE')).includes('Contact:must'));
    assert.ok(!names(responseRequirements(200, 'BYE')).some((n) => n.startsWith('Contact')));
  });

  void it('needs Expires and SIP-ETag in a 200 to PUBLISH, and Expires in a 202 to SUBSCRIBE', () => {
    const pub = names(responseRequirements(200, 'PUBLISH'));
    assert.ok(pub.includes('Expires:must') && pub.includes('SIP-ETag:must'));
    assert.ok(names(responseRequirements(202, 'SUBSCRIBE')).includes('Expires:must'));
  });

  void it('binds Min-Expires to a 423 for REGISTER, SUBSCRIBE and PUBLISH only', () => {
    assert.ok(names(responseRequirements(423, 'REGISTER')).includes('Min-Expires:must'));
    assert.ok(!names(responseRequirements(423, 'INVITE')).some((n) => n.startsWith('Min-Expires')));
  });

  void it('asks (SHOULD) for Allow, Accept, Accept-Encoding, Accept-Language and Supported in a 200 to OPTIONS', () => {
    const rs = names(responseRequirements(200, 'OPTIONS'));
    for (const h of ['Allow', 'Accept', 'Accept-Encoding', 'Accept-Language', 'Supported']) {
      assert.ok(rs.includes(`${h}:should`), h);
    }
  });

  void it('takes unconditional per-code requirements from the knowledge base (Unsupported in a 420, Min-SE in a 422)', () => {
    assert.ok(names(responseRequirements(420, 'INVITE')).includes('Unsupported:must'));
    assert.ok(names(responseRequirements(422, 'INVITE')).includes('Min-SE:must'));
  });

  void it('enforces a knowledge-base requirement bound to methods only for those methods (Date in a 200 to REGISTER)', () => {
    assert.ok(names(responseRequirements(200, 'REGISTER')).includes('Date:should'));
    assert.ok(!names(responseRequirements(200, 'INVITE')).some((n) => n.startsWith('Date')));
    assert.ok(names(responseRequirements(302, 'INVITE')).includes('Contact:should'));
    assert.ok(!names(responseRequirements(302, 'BYE')).some((n) => n.startsWith('Contact')));
  });

  void it('leaves out requirements that hang on circumstances one message does not show', () => {
    assert.ok(!names(responseRequirements(413, 'INVITE')).some((n) => n.startsWith('Retry-After')));
    assert.ok(!names(responseRequirements(500, 'INVITE')).some((n) => n.startsWith('Retry-After')));
    assert.ok(!names(responseRequirements(200, 'INVITE')).some((n) => n.startsWith('Record-Route')));
    assert.ok(!names(responseRequirements(183, 'INVITE')).some((n) => n.startsWith('RSeq') || n.startsWith('Require')));
  });

  void it('does not enforce requirements whose strength the reference could not verify (417, 470, 494)', () => {
    assert.ok(!names(responseRequirements(417, 'INVITE')).some((n) => n.startsWith('Accept-Resource-Priority')));
    assert.ok(!names(responseRequirements(470, 'INVITE')).some((n) => n.startsWith('Permission-Missing')));
    assert.ok(!names(responseRequirements(494, 'INVITE')).some((n) => n.startsWith('Security-Server')));
  });

  void it('binds 423 Min-Expires and 489 Allow-Events to their methods, never to an extension method', () => {
    assert.ok(names(responseRequirements(489, 'PUBLISH')).includes('Allow-Events:must'));
    assert.ok(!names(responseRequirements(489, 'INVITE')).some((n) => n.startsWith('Allow-Events')));
    assert.ok(!names(responseRequirements(423, 'FOO')).some((n) => n.startsWith('Min-Expires')));
  });

  void it('applies 420 Unsupported to an extension method but not where the tables say "o" (SUBSCRIBE)', () => {
    assert.ok(names(responseRequirements(420, 'FOO')).includes('Unsupported:must'));
    assert.ok(!names(responseRequirements(420, 'SUBSCRIBE')).some((n) => n.startsWith('Unsupported')));
    assert.ok(!names(responseRequirements(405, 'CANCEL')).some((n) => n.startsWith('Allow')));
  });
});
