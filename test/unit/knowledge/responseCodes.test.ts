import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  allResponseCodes,
  formatRef,
  localize,
  lookupHeader,
  lookupResponseCode,
  responseClassName,
} from '../../../src/core/knowledge';
import type { HeaderRequirement, ResponseCodeInfo } from '../../../src/core/knowledge';

/**
 * The IANA registry as of the project's reference (75 codes), written out here so that this test
 * stands on its own; the optional cross-check below compares it with the shared reference file.
 */
const REGISTRY: ReadonlyArray<readonly [number, string]> = [
  [100, 'Trying'],
  [180, 'Ringing'],
  [181, 'Call Is Being Forwarded'],
  [182, 'Queued'],
  [183, 'Session Progress'],
  [199, 'Early Dialog Terminated'],
  [200, 'OK'],
  [202, 'Accepted (Deprecated)'],
  [204, 'No Notification'],
  [300, 'Multiple Choices'],
  [301, 'Moved Permanently'],
  [302, 'Moved Temporarily'],
  [305, 'Use Proxy'],
  [380, 'Alternative Service'],
  [400, 'Bad Request'],
  [401, 'Unauthorized'],
  [402, 'Payment Required'],
  [403, 'Forbidden'],
  [404, 'Not Found'],
  [405, 'Method Not Allowed'],
  [406, 'Not Acceptable'],
  [407, 'Proxy Authentication Required'],
  [408, 'Request Timeout'],
  [410, 'Gone'],
  [412, 'Conditional Request Failed'],
  [413, 'Request Entity Too Large'],
  [414, 'Request-URI Too Long'],
  [415, 'Unsupported Media Type'],
  [416, 'Unsupported URI Scheme'],
  [417, 'Unknown Resource-Priority'],
  [420, 'Bad Extension'],
  [421, 'Extension Required'],
  [422, 'Session Interval Too Small'],
  [423, 'Interval Too Brief'],
  [424, 'Bad Location Information'],
  [425, 'Bad Alert Message'],
  [428, 'Use Identity Header'],
  [429, 'Provide Referrer Identity'],
  [430, 'Flow Failed'],
  [433, 'Anonymity Disallowed'],
  [436, 'Bad Identity Info'],
  [437, 'Unsupported Credential'],
  [438, 'Invalid Identity Header'],
  [439, 'First Hop Lacks Outbound Support'],
  [440, 'Max-Breadth Exceeded'],
  [469, 'Bad Info Package'],
  [470, 'Consent Needed'],
  [480, 'Temporarily Unavailable'],
  [481, 'Call/Transaction Does Not Exist'],
  [482, 'Loop Detected'],
  [483, 'Too Many Hops'],
  [484, 'Address Incomplete'],
  [485, 'Ambiguous'],
  [486, 'Busy Here'],
  [487, 'Request Terminated'],
  [488, 'Not Acceptable Here'],
  [489, 'Bad Event'],
  [491, 'Request Pending'],
  [493, 'Undecipherable'],
  [494, 'Security Agreement Required'],
  [500, 'Server Internal Error'],
  [501, 'Not Implemented'],
  [502, 'Bad Gateway'],
  [503, 'Service Unavailable'],
  [504, 'Server Time-out'],
  [505, 'Version Not Supported'],
  [513, 'Message Too Large'],
  [555, 'Push Notification Service Not Supported'],
  [580, 'Precondition Failure'],
  [600, 'Busy Everywhere'],
  [603, 'Decline'],
  [604, 'Does Not Exist Anywhere'],
  [606, 'Not Acceptable'],
  [607, 'Unwanted'],
  [608, 'Rejected'],
];

const CJK = /[\u4e00-\u9fff]/;

function info(code: number): ResponseCodeInfo {
  const found = lookupResponseCode(code);
  assert.ok(found, `no entry for ${code}`);
  return found;
}

function requirement(code: number, header: string, method?: string): HeaderRequirement {
  const found = info(code).requires.find(
    (r) => r.header === header && (method === undefined || r.methods === undefined || r.methods.includes(method)),
  );
  assert.ok(found, `${code} does not require ${header}${method ? ` for ${method}` : ''}`);
  return found;
}

/** Repository root, found from the compiled test's location (out/test/unit/knowledge). */
function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) {
      return process.cwd();
    }
    dir = up;
  }
  return dir;
}

void describe('response code registry', () => {
  void it('lists exactly the 75 registered codes, ascending, with the IANA phrases', () => {
    const codes = allResponseCodes();
    assert.equal(codes.length, 75);
    assert.deepEqual(
      codes.map((c) => [c.code, c.phrase]),
      REGISTRY.map(([code, phrase]) => [code, phrase]),
    );
  });

  void it('gives every registered code its class from the first digit and marks it registered', () => {
    for (const c of allResponseCodes()) {
      assert.equal(c.responseClass, Math.floor(c.code / 100), `${c.code}`);
      assert.equal(c.registered, true, `${c.code}`);
    }
  });

  void it('matches the shared reference registry file when it is available', (t) => {
    const file = path.join(repoRoot(), '..', 'shared', 'reference', 'response-codes.txt');
    if (!fs.existsSync(file)) {
      t.skip('../shared/reference/response-codes.txt is not present');
      return;
    }
    const rows = fs
      .readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('|'));
    assert.equal(rows.length, allResponseCodes().length);
    for (const [code, phrase, ref] of rows) {
      const entry = info(Number(code));
      assert.equal(entry.registered, true, code);
      assert.equal(entry.phrase, phrase, code);
      assert.equal(`RFC${entry.ref.rfc}`, ref, `defining RFC of ${code}`);
    }
  });

  void it('cites the RFC 3261 §21 section of every RFC 3261 code', () => {
    const classSection: Record<number, number> = { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6 };
    for (const c of allResponseCodes().filter((x) => x.ref.rfc === 3261)) {
      assert.match(c.ref.section ?? '', new RegExp(`^21\\.${classSection[c.responseClass]}\\.\\d+$`), `${c.code}`);
    }
    assert.equal(formatRef(info(405).ref), 'RFC 3261 §21.4.6');
    assert.equal(formatRef(info(603).ref), 'RFC 3261 §21.6.2');
    assert.equal(formatRef(info(412).ref), 'RFC 3903 §11.2.1');
  });

  void it('explains every code in English and Chinese, meaning and next step alike', () => {
    for (const c of allResponseCodes()) {
      for (const text of [c.meaning, c.nextStep]) {
        assert.ok(text.en.trim().length >= 30, `${c.code} en too short: ${text.en}`);
        assert.ok(text['zh-cn'].trim().length >= 10, `${c.code} zh-cn too short`);
        assert.match(text['zh-cn'], CJK, `${c.code} zh-cn has no Chinese characters`);
        assert.doesNotMatch(text.en, CJK, `${c.code} en has Chinese characters`);
        assert.notEqual(text.en, text['zh-cn']);
        assert.ok(text.en.length <= 420, `${c.code} en longer than a hover should be (${text.en.length})`);
      }
      assert.notEqual(c.meaning.en, c.nextStep.en, `${c.code} meaning repeats next step`);
    }
  });

  void it('keeps every English explanation to at most three sentences', () => {
    // Abbreviations and section numbers contain dots that do not end a sentence.
    const sentences = (text: string): number =>
      text
        .replace(/e\.g\.|i\.e\.|§[\d.]+|\d\.\d/g, 'X')
        .split(/[.!?](?:\s|$)/)
        .filter((s) => s.trim() !== '').length;
    for (const c of allResponseCodes()) {
      assert.ok(sentences(c.meaning.en) <= 3, `${c.code} meaning`);
      assert.ok(sentences(c.nextStep.en) <= 3, `${c.code} next step`);
    }
    assert.equal(sentences('One. Two, e.g. a §21.4.6 ref. Three.'), 3);
  });

  void it('gives each code its own explanation', () => {
    const seen = new Map<string, number>();
    for (const c of allResponseCodes()) {
      const other = seen.get(c.meaning.en);
      assert.equal(other, undefined, `${c.code} has the same meaning text as ${other}`);
      seen.set(c.meaning.en, c.code);
    }
  });

  void it('returns the text in the requested language', () => {
    const ok = info(200);
    assert.equal(localize(ok.meaning, 'en'), ok.meaning.en);
    assert.equal(localize(ok.meaning, 'zh-cn'), ok.meaning['zh-cn']);
  });
});

void describe('class fallback for unregistered codes', () => {
  void it('answers an unregistered 499 with the 4xx class meaning', () => {
    const c = info(499);
    assert.equal(c.registered, false);
    assert.equal(c.responseClass, 4);
    assert.equal(c.code, 499);
    assert.equal(c.phrase, 'Unknown client failure (4xx)');
    assert.match(c.meaning.en, /400/);
    assert.match(c.meaning['zh-cn'], CJK);
    assert.equal(formatRef(c.ref), 'RFC 3261 §21.4');
  });

  void it('treats an unknown provisional code as 183 and keeps the reliable-1xx rules', () => {
    const c = info(150);
    assert.equal(c.registered, false);
    assert.equal(c.responseClass, 1);
    assert.match(c.meaning.en, /183/);
    assert.ok(c.requires.some((r) => r.header === 'RSeq' && r.when?.includes('reliable-provisional')));
  });

  void it('has a fallback for every class 1 to 6 and none outside 100-699', () => {
    for (const code of [101, 299, 399, 418, 599, 699]) {
      const c = info(code);
      assert.equal(c.registered, false, `${code}`);
      assert.equal(c.responseClass, Math.floor(code / 100));
    }
    for (const code of [99, 700, 0, -404, 1000, 404.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.equal(lookupResponseCode(code), undefined, `${code}`);
    }
  });

  void it('still returns the registered entry for registered codes', () => {
    assert.equal(info(486).phrase, 'Busy Here');
    assert.equal(info(486).registered, true);
  });

  void it('names the response classes in both languages', () => {
    assert.equal(responseClassName(4, 'en'), 'Client failure');
    assert.equal(responseClassName(2, 'zh-cn'), '成功');
    assert.equal(responseClassName(7, 'en'), undefined);
    assert.equal(responseClassName(0, 'en'), undefined);
  });
});

void describe('headers required by response code', () => {
  void it('requires Allow in a 405 (RFC 3261 §21.4.6, MUST)', () => {
    const r = requirement(405, 'Allow');
    assert.equal(r.level, 'must');
    assert.equal(formatRef(r.ref), 'RFC 3261 §21.4.6');
    assert.equal(r.methods, undefined);
    assert.equal(r.when, undefined);
  });

  void it('requires WWW-Authenticate in a 401 and Proxy-Authenticate in a 407', () => {
    assert.equal(requirement(401, 'WWW-Authenticate').level, 'must');
    assert.equal(formatRef(requirement(401, 'WWW-Authenticate').ref), 'RFC 3261 §22.2');
    assert.equal(requirement(407, 'Proxy-Authenticate').level, 'must');
    assert.equal(formatRef(requirement(407, 'Proxy-Authenticate').ref), 'RFC 3261 §22.3');
  });

  void it('requires Min-Expires in a 423 to REGISTER, PUBLISH and SUBSCRIBE', () => {
    assert.equal(requirement(423, 'Min-Expires', 'REGISTER').level, 'must');
    assert.equal(formatRef(requirement(423, 'Min-Expires', 'REGISTER').ref), 'RFC 3261 §10.3');
    assert.equal(formatRef(requirement(423, 'Min-Expires', 'PUBLISH').ref), 'RFC 3903 §6');
    assert.equal(formatRef(requirement(423, 'Min-Expires', 'SUBSCRIBE').ref), 'RFC 3265 §7.1');
  });

  void it('requires Unsupported in a 420 and Require in a 421', () => {
    assert.equal(formatRef(requirement(420, 'Unsupported').ref), 'RFC 3261 §21.4.15');
    assert.equal(requirement(420, 'Unsupported').level, 'must');
    assert.equal(formatRef(requirement(421, 'Require').ref), 'RFC 3261 §21.4.16');
  });

  void it('requires the Accept headers in a 415 only for what was not understood', () => {
    const accept = requirement(415, 'Accept');
    assert.equal(accept.level, 'must');
    assert.deepEqual(accept.when, ['body-type-not-understood']);
    assert.equal(formatRef(accept.ref), 'RFC 3261 §8.2.3');
    const message = info(415).requires.find((r) => r.header === 'Accept-Language' && r.methods?.includes('MESSAGE'));
    assert.equal(message?.level, 'should');
    assert.equal(message?.when, undefined);
  });

  void it('requires Contact in a 2xx to INVITE but not in a 2xx to OPTIONS', () => {
    const contact = requirement(200, 'Contact', 'INVITE');
    assert.equal(contact.level, 'must');
    assert.deepEqual(contact.methods, ['INVITE']);
    const forOptions = info(200).requires.filter(
      (r) => r.header === 'Contact' && (r.methods === undefined || r.methods.includes('OPTIONS')),
    );
    assert.deepEqual(forOptions, []);
    assert.equal(requirement(202, 'Expires', 'SUBSCRIBE').level, 'must');
    assert.equal(requirement(200, 'SIP-ETag', 'PUBLISH').level, 'must');
  });

  void it('asks 2xx to INVITE for Allow and Supported as SHOULD', () => {
    assert.equal(requirement(200, 'Allow', 'INVITE').level, 'should');
    assert.equal(requirement(200, 'Supported', 'INVITE').level, 'should');
  });

  void it('requires Require and RSeq only in reliable provisional responses', () => {
    for (const code of [180, 181, 182, 183]) {
      for (const header of ['Require', 'RSeq']) {
        const r = requirement(code, header);
        assert.equal(r.level, 'must');
        assert.deepEqual(r.when, ['reliable-provisional']);
        assert.equal(formatRef(r.ref), 'RFC 3262 §3');
      }
    }
    assert.deepEqual(info(100).requires, []);
  });

  void it('requires Contact in 305 (MUST) and asks for it in 300 (SHOULD)', () => {
    assert.equal(requirement(305, 'Contact').level, 'must');
    const r300 = info(300).requires.find((r) => r.header === 'Contact' && r.methods === undefined);
    assert.equal(r300?.level, 'should');
    assert.equal(formatRef(r300.ref), 'RFC 3261 §21.3.1');
  });

  void it('requires Allow-Events in a 489 and Min-SE in a 422', () => {
    assert.equal(requirement(489, 'Allow-Events', 'SUBSCRIBE').level, 'must');
    assert.equal(requirement(489, 'Allow-Events', 'PUBLISH').level, 'must');
    const minSe = requirement(422, 'Min-SE');
    assert.equal(minSe.level, 'must');
    assert.equal(minSe.evidence, 'second-hand');
  });

  void it('does not turn a MAY into a requirement (Retry-After in 503, 486, 600)', () => {
    for (const code of [503, 480, 486, 600, 603]) {
      assert.equal(
        info(code).requires.some((r) => r.header === 'Retry-After'),
        false,
        `${code}`,
      );
    }
    const glare = requirement(500, 'Retry-After', 'INVITE');
    assert.deepEqual(glare.when, ['overlapping-request']);
  });

  void it('marks the requirements the reference could not verify as SHOULD with unverified evidence', () => {
    for (const [code, header] of [[494, 'Security-Server'], [417, 'Accept-Resource-Priority'], [470, 'Permission-Missing']] as const) {
      const r = requirement(code, header);
      assert.equal(r.evidence, 'unverified', `${code}`);
      assert.equal(r.level, 'should', `${code}`);
    }
  });

  void it('names only known headers, with a condition text whenever a requirement is conditional', () => {
    const all = [...allResponseCodes(), ...[150, 250, 350].map(info)];
    for (const c of all) {
      for (const r of c.requires) {
        assert.equal(lookupHeader(r.header)?.name, r.header, `${c.code} requires unknown header ${r.header}`);
        assert.ok(r.level === 'must' || r.level === 'should');
        if (r.when !== undefined || r.methods !== undefined) {
          assert.ok(r.condition, `${c.code} ${r.header} is conditional but has no condition text`);
          assert.match(r.condition['zh-cn'], CJK);
        }
        if (r.ref.rfc === 3261) {
          assert.ok(r.ref.section, `${c.code} ${r.header} cites RFC 3261 without a section`);
        }
      }
    }
  });
});
