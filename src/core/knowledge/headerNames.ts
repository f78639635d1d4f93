/**
 * Canonical header names and compact forms (RFC 3261 §7.3.3 and the extension RFCs; all in
 * ../shared/reference/sip-rules.md §4). The parser needs these to resolve `v:` to Via; the
 * fuller header descriptions live in the knowledge base.
 */

/** Compact form -> canonical name. */
export const COMPACT_FORMS: Readonly<Record<string, string>> = {
  a: 'Accept-Contact',
  b: 'Referred-By',
  c: 'Content-Type',
  d: 'Request-Disposition',
  e: 'Content-Encoding',
  f: 'From',
  i: 'Call-ID',
  j: 'Reject-Contact',
  k: 'Supported',
  l: 'Content-Length',
  m: 'Contact',
  n: 'Identity-Info',
  o: 'Event',
  r: 'Refer-To',
  s: 'Subject',
  t: 'To',
  u: 'Allow-Events',
  v: 'Via',
  x: 'Session-Expires',
  y: 'Identity',
};

/**
 * Canonical spellings of the headers this project knows by name. Kept here (not derived from
 * knowledge/headers.ts) so that the parser does not load the descriptions; a unit test checks
 * that both lists name the same headers.
 */
export const CANONICAL_HEADER_NAMES: readonly string[] = [
  'Accept', 'Accept-Contact', 'Accept-Encoding', 'Accept-Language', 'Accept-Resource-Priority',
  'Alert-Info', 'Allow', 'Allow-Events', 'Answer-Mode', 'Authentication-Info', 'Authorization',
  'Call-ID', 'Call-Info', 'Contact', 'Content-Disposition', 'Content-Encoding',
  'Content-Language', 'Content-Length', 'Content-Type', 'CSeq', 'Date', 'Error-Info', 'Event',
  'Expires', 'Flow-Timer', 'From', 'History-Info', 'Identity', 'Identity-Info', 'In-Reply-To',
  'Info-Package', 'Join', 'Max-Breadth', 'Max-Forwards', 'MIME-Version', 'Min-Expires', 'Min-SE', 'Organization',
  'P-Asserted-Identity', 'P-Preferred-Identity', 'P-Charging-Vector', 'P-Access-Network-Info',
  'P-Called-Party-ID', 'P-Associated-URI', 'P-Visited-Network-ID', 'Path', 'Permission-Missing',
  'Priority', 'Privacy', 'Proxy-Authenticate', 'Proxy-Authorization', 'Proxy-Require', 'RAck', 'Reason',
  'Record-Route', 'Recv-Info', 'Refer-Sub', 'Refer-To', 'Referred-By', 'Reject-Contact', 'Replaces',
  'Reply-To', 'Request-Disposition', 'Require', 'Resource-Priority', 'Retry-After', 'Route',
  'RSeq', 'Security-Client', 'Security-Server', 'Security-Verify', 'Server', 'Service-Route',
  'Session-Expires', 'SIP-ETag', 'SIP-If-Match', 'Subject', 'Subscription-State', 'Supported',
  'Target-Dialog', 'Timestamp', 'To', 'Unsupported', 'User-Agent', 'Via', 'Warning',
  'WWW-Authenticate',
];

const CANONICAL_BY_KEY: ReadonlyMap<string, string> = new Map(CANONICAL_HEADER_NAMES.map((n) => [n.toLowerCase(), n]));

export interface ResolvedHeaderName {
  /** Canonical full name, e.g. `Call-ID`; an unknown name keeps its spelling. */
  readonly canonical: string;
  /** Lower-cased canonical name, the key for look-ups. */
  readonly key: string;
  /** True when the name was a compact form. */
  readonly compact: boolean;
  /** True when the header is one this project knows by name. */
  readonly known: boolean;
}

const cache = new Map<string, ResolvedHeaderName>();

/** Resolves a header name as written (any case, compact or full) to its canonical form. */
export function resolveHeaderName(written: string): ResolvedHeaderName {
  const hit = cache.get(written);
  if (hit) {
    return hit;
  }
  const lower = written.toLowerCase();
  let resolved: ResolvedHeaderName;
  const full = lower.length === 1 ? COMPACT_FORMS[lower] : undefined;
  if (full) {
    resolved = { canonical: full, key: full.toLowerCase(), compact: true, known: true };
  } else {
    const canonical = CANONICAL_BY_KEY.get(lower);
    resolved = canonical
      ? { canonical, key: lower, compact: false, known: true }
      : { canonical: written, key: lower, compact: false, known: false };
  }
  // Header names in real traces come from a small vocabulary; bound the cache anyway.
  if (cache.size < 4096) {
    cache.set(written, resolved);
  }
  return resolved;
}

/** The compact form of a canonical name, if it has one. */
export function compactFormOf(canonical: string): string | undefined {
  const key = canonical.toLowerCase();
  for (const [c, full] of Object.entries(COMPACT_FORMS)) {
    if (full.toLowerCase() === key) {
      return c;
    }
  }
  return undefined;
}
