/**
 * Which headers a request or response must (or should) carry, by method and status code.
 *
 * Transcribed from the RFC 3261 §20 Tables 2/3 and the extension RFCs' tables (RFC 3262 §6–7,
 * RFC 3265 §7.1–7.2, RFC 3311 §7, RFC 3428 §9, RFC 3515 §2.2, RFC 3903 §11), as merged in the
 * project's reference notes (sip-rules.md §1.3/§1.4). Only the "m" (mandatory -> `must`) and "m*"
 * (SHOULD be sent -> `should`) cells are kept: "o", "c", "t" and "*" cells cannot be checked from
 * the table alone ("t" and "*" are the Content-Length and Content-Type rules, checked elsewhere).
 * The data is TypeScript on purpose: nothing reads the reference files at run time.
 */
import { lookupResponseCode } from './index';
import type { HeaderRequirement, RfcRef } from './types';

/** Table column names, as the RFC tables abbreviate the methods. */
type Column = 'ACK' | 'BYE' | 'CAN' | 'INV' | 'OPT' | 'REG' | 'PRA' | 'SUB' | 'NOT' | 'UPD' | 'MES' | 'REF' | 'PUB';

const COLUMN_OF_METHOD: Readonly<Record<string, Column>> = {
  ACK: 'ACK', BYE: 'BYE', CANCEL: 'CAN', INVITE: 'INV', OPTIONS: 'OPT', REGISTER: 'REG',
  PRACK: 'PRA', SUBSCRIBE: 'SUB', NOTIFY: 'NOT', UPDATE: 'UPD', MESSAGE: 'MES', REFER: 'REF',
  PUBLISH: 'PUB',
};

const ALL: readonly Column[] = ['ACK', 'BYE', 'CAN', 'INV', 'OPT', 'REG', 'PRA', 'SUB', 'NOT', 'UPD', 'MES', 'REF', 'PUB'];
/** Every column but ACK and CANCEL (no response to an ACK; the table gives "-" for CANCEL). */
const ANSWERED: readonly Column[] = ['BYE', 'INV', 'OPT', 'REG', 'PRA', 'SUB', 'NOT', 'UPD', 'MES', 'REF', 'PUB'];

/**
 * Where a row applies, as in the tables' "where" column: `R` requests, `c`/`rc` requests and
 * (copied) responses, or a response code / class such as `2xx`, `405`.
 */
interface PresenceRow {
  readonly header: string;
  readonly where: string;
  readonly ref: RfcRef;
  /** Columns with "m". */
  readonly m?: readonly Column[];
  /** Columns with "m*". */
  readonly mStar?: readonly Column[];
}

/** The m / m* cells of sip-rules.md §1.3 (each row cites the table it comes from). */
const ROWS: readonly PresenceRow[] = [
  { header: 'Accept', where: 'R', ref: { rfc: 3261, section: '11.1' }, mStar: ['OPT'] },
  { header: 'Accept', where: '2xx', ref: { rfc: 3261, section: '11.2' }, mStar: ['OPT'] },
  { header: 'Accept', where: '415', ref: { rfc: 3428, section: '9' }, mStar: ['MES'] },
  { header: 'Accept', where: '415', ref: { rfc: 3903, section: '11.1.1' }, mStar: ['PUB'] },
  { header: 'Accept-Encoding', where: '2xx', ref: { rfc: 3261, section: '11.2' }, mStar: ['OPT'] },
  { header: 'Accept-Encoding', where: '415', ref: { rfc: 3428, section: '9' }, mStar: ['MES'] },
  { header: 'Accept-Encoding', where: '415', ref: { rfc: 3903, section: '11.1.1' }, mStar: ['PUB'] },
  { header: 'Accept-Language', where: '2xx', ref: { rfc: 3261, section: '11.2' }, mStar: ['OPT'] },
  { header: 'Accept-Language', where: '415', ref: { rfc: 3428, section: '9' }, mStar: ['MES'] },
  { header: 'Accept-Language', where: '415', ref: { rfc: 3903, section: '11.1.1' }, mStar: ['PUB'] },
  { header: 'Allow', where: '2xx', ref: { rfc: 3261, section: '13.3.1.4' }, mStar: ['INV', 'OPT'] },
  { header: 'Allow', where: '405', ref: { rfc: 3261, section: '21.4.6' }, m: ANSWERED },
  { header: 'Allow-Events', where: '489', ref: { rfc: 3265, section: '7.2' }, m: ['SUB', 'NOT'] },
  { header: 'Allow-Events', where: '489', ref: { rfc: 3903, section: '11.1.1' }, m: ['PUB'] },
  { header: 'Call-ID', where: 'c', ref: { rfc: 3261, section: '8.1.1' }, m: ALL },
  { header: 'Contact', where: 'R', ref: { rfc: 3261, section: '8.1.1.8' }, m: ['INV'] },
  { header: 'Contact', where: 'R', ref: { rfc: 3265, section: '7.1' }, m: ['SUB', 'NOT'] },
  { header: 'Contact', where: 'R', ref: { rfc: 3311, section: '7' }, m: ['UPD'] },
  { header: 'Contact', where: 'R', ref: { rfc: 3515, section: '2.2' }, m: ['REF'] },
  { header: 'Contact', where: '2xx', ref: { rfc: 3261, section: '13.3.1.4' }, m: ['INV'] },
  { header: 'Contact', where: '2xx', ref: { rfc: 3265, section: '7.1' }, m: ['SUB'] },
  { header: 'Contact', where: '2xx', ref: { rfc: 3311, section: '7' }, m: ['UPD'] },
  { header: 'Contact', where: '2xx', ref: { rfc: 3515, section: '2.2' }, m: ['REF'] },
  { header: 'Contact', where: '3xx', ref: { rfc: 3265, section: '7.1' }, m: ['SUB', 'NOT'] },
  { header: 'CSeq', where: 'c', ref: { rfc: 3261, section: '8.1.1' }, m: ALL },
  { header: 'Event', where: 'R', ref: { rfc: 3265, section: '7.2' }, m: ['SUB', 'NOT'] },
  { header: 'Event', where: 'R', ref: { rfc: 3903, section: '11.1.1' }, m: ['PUB'] },
  { header: 'Expires', where: '2xx', ref: { rfc: 3265, section: '3.1.1' }, m: ['SUB'] },
  { header: 'Expires', where: '2xx', ref: { rfc: 3903, section: '6' }, m: ['PUB'] },
  { header: 'From', where: 'c', ref: { rfc: 3261, section: '8.1.1' }, m: ALL },
  { header: 'Max-Forwards', where: 'R', ref: { rfc: 3261, section: '8.1.1' }, m: ALL },
  { header: 'Min-Expires', where: '423', ref: { rfc: 3261, section: '10.3' }, m: ['REG'] },
  { header: 'Min-Expires', where: '423', ref: { rfc: 3265, section: '7.1' }, m: ['SUB'] },
  { header: 'Min-Expires', where: '423', ref: { rfc: 3903, section: '6' }, m: ['PUB'] },
  { header: 'Proxy-Authenticate', where: '407', ref: { rfc: 3261, section: '22.3' }, m: ANSWERED },
  { header: 'RAck', where: 'R', ref: { rfc: 3262, section: '7' }, m: ['PRA'] },
  { header: 'Refer-To', where: 'R', ref: { rfc: 3515, section: '2.4.1' }, m: ['REF'] },
  { header: 'SIP-ETag', where: '2xx', ref: { rfc: 3903, section: '6' }, m: ['PUB'] },
  { header: 'Subscription-State', where: 'R', ref: { rfc: 3265, section: '3.2.2' }, m: ['NOT'] },
  { header: 'Supported', where: 'R', ref: { rfc: 3261, section: '20.37' }, mStar: ['INV'] },
  { header: 'Supported', where: '2xx', ref: { rfc: 3261, section: '13.3.1.4' }, mStar: ['INV'] },
  { header: 'Supported', where: '2xx', ref: { rfc: 3261, section: '11.2' }, mStar: ['OPT'] },
  { header: 'To', where: 'c', ref: { rfc: 3261, section: '8.1.1' }, m: ALL },
  { header: 'Unsupported', where: '420', ref: { rfc: 3261, section: '21.4.15' }, m: ['BYE', 'INV', 'OPT', 'REG', 'PRA', 'UPD'] },
  { header: 'Via', where: 'c', ref: { rfc: 3261, section: '8.1.1' }, m: ALL },
  { header: 'WWW-Authenticate', where: '401', ref: { rfc: 3261, section: '22.2' }, m: ANSWERED },
];

/**
 * The headers RFC 3261 §8.1.1 requires in every request, whatever its method: what an unknown
 * extension method must carry at least.
 */
const BASELINE_REQUEST: readonly HeaderRequirement[] = ['To', 'From', 'CSeq', 'Call-ID', 'Max-Forwards', 'Via'].map(
  (header) => ({ header, level: 'must', ref: { rfc: 3261, section: '8.1.1' } }),
);

/** RFC 3261 §8.2.6.2: what every response copies from its request (To gets a tag added). */
const EVERY_RESPONSE: readonly HeaderRequirement[] = ['To', 'From', 'CSeq', 'Call-ID', 'Via'].map((header) => ({
  header,
  level: 'must',
  ref: { rfc: 3261, section: '8.2.6.2' },
}));

/**
 * Per-code requirements the knowledge base states for any method (no `methods`), but which the
 * tables bind to some method columns only: the RFC 3261 Tables 2/3 give "-" for a 4xx to CANCEL
 * and "o" for a 420 to SUBSCRIBE, NOTIFY, MESSAGE, REFER and PUBLISH. An extension method (no
 * column) is not covered by the tables, so RFC 3261's per-code text (§21.4.x, §22) applies to it
 * in full. Requirements that name their `methods` (423 Min-Expires, 489 Allow-Events ...) need
 * no entry here: `methods` already says which requests they bind, and an extension method is
 * never among them.
 */
const CODE_HEADER_COLUMNS: Readonly<Record<string, readonly Column[]>> = {
  '420 unsupported': ['BYE', 'INV', 'OPT', 'REG', 'PRA', 'UPD'],
  '405 allow': ANSWERED,
  '401 www-authenticate': ANSWERED,
  '407 proxy-authenticate': ANSWERED,
};

/**
 * Whether a knowledge-base per-code requirement is enforced on a response to `method`.
 * - `when`: it depends on circumstances one message does not show (a temporary condition, a
 *   dialog being created, what the request carried); the linter checks the checkable ones
 *   itself (reliable provisional responses, early-dialog Contact, the 415 Accept family).
 * - `evidence: 'unverified'` (417 Accept-Resource-Priority, 470 Permission-Missing, 494
 *   Security-Server): the project's reference could not confirm that the RFC requires the header
 *   at all, nor at which strength, so it is not enforced; hover still shows it.
 * - `methods`: it binds only responses to those methods (case-sensitive, as method names are).
 * A `condition` alone is a description of the `methods` restriction (e.g. "In a 2xx to INVITE")
 * and does not stop the check.
 */
function appliesTo(requirement: HeaderRequirement, status: number, method: string, column: Column | undefined): boolean {
  if (requirement.when || requirement.evidence === 'unverified' || method === 'ACK') {
    // ACK is never answered.
    return false;
  }
  if (requirement.methods) {
    return requirement.methods.includes(method);
  }
  const columns = CODE_HEADER_COLUMNS[`${status} ${requirement.header.toLowerCase()}`];
  return !columns || !column || columns.includes(column);
}

function toRequirement(row: PresenceRow, column: Column): HeaderRequirement | undefined {
  if (row.m?.includes(column)) {
    return { header: row.header, level: 'must', ref: row.ref };
  }
  if (row.mStar?.includes(column)) {
    return { header: row.header, level: 'should', ref: row.ref };
  }
  return undefined;
}

/** Adds a requirement unless the header is already listed; a `must` replaces a `should`. */
function merge(into: HeaderRequirement[], requirement: HeaderRequirement): void {
  const key = requirement.header.toLowerCase();
  const i = into.findIndex((r) => r.header.toLowerCase() === key);
  if (i < 0) {
    into.push(requirement);
  } else if (into[i].level === 'should' && requirement.level === 'must') {
    into[i] = requirement;
  }
}

function rowMatchesStatus(where: string, status: number): boolean {
  if (where === 'c' || where === 'r') {
    return true;
  }
  if (/^\dxx$/.test(where)) {
    return Math.floor(status / 100) === Number(where[0]);
  }
  return String(status) === where;
}

const requestCache = new Map<string, readonly HeaderRequirement[]>();

/**
 * {@link requestRequirements} without the defensive copy, for the linter's hot path. The
 * returned array is shared: do not modify it.
 */
export function sharedRequestRequirements(method: string): readonly HeaderRequirement[] {
  return requestCache.get(method) ?? requestRequirements(method);
}

/**
 * The headers a request of `method` must carry ("m" cells, level `must`) or should carry ("m*",
 * level `should`). Method names are case-sensitive (RFC 3261 §7.1), so `invite` is an unknown
 * extension method and gets the RFC 3261 §8.1.1 baseline: To, From, CSeq, Call-ID, Max-Forwards, Via.
 */
export function requestRequirements(method: string): HeaderRequirement[] {
  const cached = requestCache.get(method);
  if (cached) {
    return [...cached];
  }
  const column = COLUMN_OF_METHOD[method];
  const result: HeaderRequirement[] = [];
  if (!column) {
    result.push(...BASELINE_REQUEST);
  } else {
    for (const row of ROWS) {
      if (row.where === 'R' || row.where === 'c') {
        const requirement = toRequirement(row, column);
        if (requirement) {
          merge(result, requirement);
        }
      }
    }
  }
  if (requestCache.size < 256) {
    requestCache.set(method, result);
  }
  return [...result];
}

const responseCache = new Map<string, readonly HeaderRequirement[]>();
/** Per status, per method: the hot path avoids building a string key per message. */
const responseByStatus = new Map<number, Map<string, readonly HeaderRequirement[]>>();

/**
 * {@link responseRequirements} without the defensive copy, for the linter's hot path. The
 * returned array is shared: do not modify it.
 */
export function sharedResponseRequirements(status: number, method: string): readonly HeaderRequirement[] {
  let byMethod = responseByStatus.get(status);
  const hit = byMethod?.get(method);
  if (hit) {
    return hit;
  }
  const computed: readonly HeaderRequirement[] = responseRequirements(status, method);
  if (!byMethod) {
    byMethod = new Map();
    if (responseByStatus.size < 1024) {
      responseByStatus.set(status, byMethod);
    }
  }
  if (byMethod.size < 64) {
    byMethod.set(method, computed);
  }
  return computed;
}

/**
 * The headers a response with `status` to a request of `method` must or should carry: the
 * headers every response copies from its request (RFC 3261 §8.2.6.2), the table cells for that
 * method and code, and the knowledge base's per-code requirements (`lookupResponseCode(status).requires`)
 * that apply to that method (see `appliesTo`). Requirements that hang on circumstances one message
 * does not show (`when`, e.g. Retry-After "if the condition is temporary") and those whose source
 * is unverified are left out.
 */
export function responseRequirements(status: number, method: string): HeaderRequirement[] {
  const cacheKey = `${status} ${method}`;
  const cached = responseCache.get(cacheKey);
  if (cached) {
    return [...cached];
  }
  const result: HeaderRequirement[] = [...EVERY_RESPONSE];
  const column = COLUMN_OF_METHOD[method];
  if (column) {
    for (const row of ROWS) {
      if (row.where !== 'R' && rowMatchesStatus(row.where, status)) {
        const requirement = toRequirement(row, column);
        if (requirement) {
          merge(result, requirement);
        }
      }
    }
  }
  const info = Number.isInteger(status) ? lookupResponseCode(status) : undefined;
  for (const requirement of info?.requires ?? []) {
    if (appliesTo(requirement, status, method, column)) {
      merge(result, requirement);
    }
  }
  if (responseCache.size < 1024) {
    responseCache.set(cacheKey, result);
  }
  return [...result];
}
