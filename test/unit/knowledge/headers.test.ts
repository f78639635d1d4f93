import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CANONICAL_HEADER_NAMES,
  COMPACT_FORMS,
  allHeaders,
  formatRef,
  lookupHeader,
  resolveHeaderName,
} from '../../../src/core/knowledge';

const CJK = /[\u4e00-\u9fff]/;

/** Every header of sip-rules.md §1 (presence tables and text rules) and §4 (compact forms). */
const REFERENCE_HEADERS = [
  'Accept', 'Accept-Encoding', 'Accept-Language', 'Alert-Info', 'Allow', 'Allow-Events',
  'Authentication-Info', 'Authorization', 'Call-ID', 'Call-Info', 'Contact', 'Content-Disposition',
  'Content-Encoding', 'Content-Language', 'Content-Length', 'Content-Type', 'CSeq', 'Date',
  'Error-Info', 'Event', 'Expires', 'From', 'In-Reply-To', 'Max-Forwards', 'MIME-Version',
  'Min-Expires', 'Organization', 'Priority', 'Proxy-Authenticate', 'Proxy-Authorization',
  'Proxy-Require', 'RAck', 'Record-Route', 'Refer-To', 'Reply-To', 'Require', 'Retry-After', 'Route',
  'RSeq', 'Server', 'SIP-ETag', 'SIP-If-Match', 'Subject', 'Subscription-State', 'Supported',
  'Timestamp', 'To', 'Unsupported', 'User-Agent', 'Via', 'Warning', 'WWW-Authenticate',
  'Accept-Contact', 'Referred-By', 'Request-Disposition', 'Reject-Contact', 'Identity-Info',
  'Session-Expires', 'Identity', 'Info-Package', 'Recv-Info',
];

/** sip-rules.md §5.7 F2: single-value headers. */
const SINGLE = [
  'Call-ID', 'CSeq', 'From', 'To', 'Max-Forwards', 'Content-Length', 'Content-Type',
  'Content-Disposition', 'Date', 'Expires', 'Min-Expires', 'MIME-Version', 'Organization', 'Priority',
  'Reply-To', 'Retry-After', 'Server', 'Subject', 'Timestamp', 'User-Agent', 'RAck', 'RSeq', 'Event',
  'Subscription-State', 'Refer-To', 'SIP-ETag', 'SIP-If-Match',
];

/** sip-rules.md §5.7 F1 and F3: list headers and the repeatable authentication headers. */
const LIST = [
  'Accept', 'Accept-Encoding', 'Accept-Language', 'Alert-Info', 'Allow', 'Authentication-Info',
  'Call-Info', 'Contact', 'Content-Encoding', 'Content-Language', 'Error-Info', 'In-Reply-To',
  'Proxy-Require', 'Record-Route', 'Require', 'Route', 'Supported', 'Unsupported', 'Via', 'Warning',
  'Allow-Events', 'WWW-Authenticate', 'Authorization', 'Proxy-Authenticate', 'Proxy-Authorization',
];

void describe('headers', () => {
  void it('describes every header named in the rules reference', () => {
    for (const name of REFERENCE_HEADERS) {
      assert.equal(lookupHeader(name)?.name, name, name);
    }
  });

  void it('resolves compact forms to their headers', () => {
    assert.equal(lookupHeader('i')?.name, 'Call-ID');
    assert.equal(lookupHeader('k')?.name, 'Supported');
    assert.equal(lookupHeader('m')?.name, 'Contact');
    assert.equal(lookupHeader('V')?.name, 'Via');
    assert.equal(lookupHeader('x')?.name, 'Session-Expires');
    for (const [letter, canonical] of Object.entries(COMPACT_FORMS)) {
      const h = lookupHeader(letter);
      assert.equal(h?.name, canonical, letter);
      assert.equal(h.compact, letter, `${canonical} lacks its compact form`);
    }
  });

  void it('ignores case and surrounding spaces in header names', () => {
    assert.equal(lookupHeader('call-id')?.name, 'Call-ID');
    assert.equal(lookupHeader('CSEQ')?.name, 'CSeq');
    assert.equal(lookupHeader(' www-authenticate ')?.name, 'WWW-Authenticate');
    assert.equal(lookupHeader('X-Custom-Header'), undefined);
    assert.equal(lookupHeader(''), undefined);
    assert.equal(lookupHeader('q'), undefined);
  });

  void it('gives no compact form to headers that have none', () => {
    assert.equal(lookupHeader('CSeq')?.compact, undefined);
    assert.equal(lookupHeader('Max-Forwards')?.compact, undefined);
  });

  void it('marks single-value and list headers as the grammar does', () => {
    for (const name of SINGLE) {
      assert.equal(lookupHeader(name)?.multi, false, name);
    }
    for (const name of LIST) {
      assert.equal(lookupHeader(name)?.multi, true, name);
    }
  });

  void it('cites RFC 3261 §20 for the base headers', () => {
    assert.equal(formatRef(lookupHeader('Accept')!.ref), 'RFC 3261 §20.1');
    assert.equal(formatRef(lookupHeader('Via')!.ref), 'RFC 3261 §20.42');
    assert.equal(formatRef(lookupHeader('WWW-Authenticate')!.ref), 'RFC 3261 §20.44');
    assert.equal(formatRef(lookupHeader('RSeq')!.ref), 'RFC 3262 §7.1');
    const base = allHeaders().filter((h) => h.ref.rfc === 3261);
    assert.equal(base.length, 44);
    assert.equal(new Set(base.map((h) => h.ref.section)).size, 44);
  });

  void it('describes every header in English and Chinese', () => {
    for (const h of allHeaders()) {
      assert.ok(h.description.en.length >= 20, h.name);
      assert.match(h.description['zh-cn'], CJK, h.name);
      assert.notEqual(h.description.en, h.description['zh-cn']);
    }
  });

  void it('lists each header once', () => {
    const names = allHeaders().map((h) => h.name.toLowerCase());
    assert.equal(new Set(names).size, names.length);
  });

  void it('keeps the parser’s canonical name list and the header table in step', () => {
    const described = new Set(allHeaders().map((h) => h.name));
    const canonical = new Set(CANONICAL_HEADER_NAMES);
    assert.deepEqual([...described].filter((n) => !canonical.has(n)), []);
    assert.deepEqual([...canonical].filter((n) => !described.has(n)), []);
    for (const h of allHeaders()) {
      const resolved = resolveHeaderName(h.name.toUpperCase());
      assert.equal(resolved.canonical, h.name);
      assert.equal(resolved.known, true);
    }
  });
});
