import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allMethods, formatRef, lookupMethod } from '../../../src/core/knowledge';

const CJK = /[\u4e00-\u9fff]/;

void describe('methods', () => {
  void it('knows the six RFC 3261 methods and the eight extension methods', () => {
    assert.deepEqual(
      allMethods().map((m) => m.name).sort(),
      [
        'ACK', 'BYE', 'CANCEL', 'INFO', 'INVITE', 'MESSAGE', 'NOTIFY', 'OPTIONS',
        'PRACK', 'PUBLISH', 'REFER', 'REGISTER', 'SUBSCRIBE', 'UPDATE',
      ],
    );
  });

  void it('looks up INVITE with its RFC 3261 section', () => {
    const invite = lookupMethod('INVITE');
    assert.ok(invite);
    assert.equal(invite.name, 'INVITE');
    assert.equal(formatRef(invite.ref), 'RFC 3261 §13');
  });

  void it('matches method names case-sensitively, as SIP does', () => {
    assert.equal(lookupMethod('invite'), undefined);
    assert.equal(lookupMethod('Invite'), undefined);
    assert.equal(lookupMethod('NEWMETHOD'), undefined);
    assert.equal(lookupMethod(''), undefined);
  });

  void it('cites the defining RFC of each extension method', () => {
    const refs = Object.fromEntries(allMethods().map((m) => [m.name, formatRef(m.ref)]));
    assert.equal(refs.PRACK, 'RFC 3262 §6');
    assert.equal(refs.UPDATE, 'RFC 3311 §7');
    assert.equal(refs.MESSAGE, 'RFC 3428 §9');
    assert.equal(refs.REFER, 'RFC 3515 §2');
    assert.equal(refs.PUBLISH, 'RFC 3903 §11.1.1');
    assert.equal(refs.SUBSCRIBE, 'RFC 6665');
    assert.equal(refs.INFO, 'RFC 6086');
    assert.deepEqual(lookupMethod('NOTIFY')?.seeAlso?.map(formatRef), ['RFC 3265 §7.1.2']);
  });

  void it('explains every method in English and Chinese', () => {
    for (const m of allMethods()) {
      assert.ok(m.purpose.en.length >= 40, m.name);
      assert.match(m.purpose['zh-cn'], CJK, m.name);
      assert.notEqual(m.purpose.en, m.purpose['zh-cn']);
    }
  });
});
