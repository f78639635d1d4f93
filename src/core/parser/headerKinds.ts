/**
 * How the parser splits a header's value, by lower-case canonical key. The grammar of each
 * header (RFC 3261 §25 and the extension RFCs) decides: only a header whose ABNF is a comma list
 * may be split on commas (RFC 3261 §7.3.1), and only a header with `*( SEMI param )` has header
 * parameters. Splitting anything else would cut values such as `Date: Sat, 13 Nov 2010` or
 * `Authorization: Digest a="x", b="y"` apart.
 */

/** Headers whose value is a comma-separated list (RFC 3261 §25 `*(COMMA ...)` and extensions). */
export const LIST_HEADERS: ReadonlySet<string> = new Set([
  'accept',
  'accept-contact',
  'accept-encoding',
  'accept-language',
  'accept-resource-priority',
  'alert-info',
  'allow',
  'allow-events',
  'call-info',
  'contact',
  'content-encoding',
  'content-language',
  'error-info',
  'history-info',
  'in-reply-to',
  'p-asserted-identity',
  'p-associated-uri',
  'p-preferred-identity',
  'p-visited-network-id',
  'path',
  'proxy-require',
  'reason',
  'record-route',
  'reject-contact',
  'request-disposition',
  'require',
  'resource-priority',
  'route',
  'security-client',
  'security-server',
  'security-verify',
  'service-route',
  'supported',
  'unsupported',
  'via',
  'warning',
]);

/**
 * Headers with no `;` header parameters, or whose characters include `"`, `<` or `;` in ways
 * that are not quoting or parameters (Call-ID `word` allows `"` and `<`; Subject and
 * User-Agent are free text; auth headers separate their parameters with commas).
 */
export const PLAIN_HEADERS: ReadonlySet<string> = new Set([
  'authentication-info',
  'authorization',
  'call-id',
  'content-length',
  'cseq',
  'date',
  'expires',
  'in-reply-to',
  'max-breadth',
  'max-forwards',
  'mime-version',
  'min-expires',
  'organization',
  'priority',
  'proxy-authenticate',
  'proxy-authorization',
  'rack',
  'rseq',
  'server',
  'sip-etag',
  'sip-if-match',
  'subject',
  'timestamp',
  'user-agent',
  'www-authenticate',
]);

/** Headers whose value may carry an RFC 3261 `comment` `( ... )` before its parameters. */
export const COMMENT_HEADERS: ReadonlySet<string> = new Set(['retry-after']);

/** Bit flags of how a header's value splits: see {@link headerShape}. */
export const SHAPE_LIST = 1;
export const SHAPE_PLAIN = 2;
export const SHAPE_COMMENTS = 4;

/** The split flags of the header with lower-case canonical `key` (computed once per name by the parser). */
export function headerShape(key: string): number {
  return (
    (LIST_HEADERS.has(key) ? SHAPE_LIST : 0) |
    (PLAIN_HEADERS.has(key) ? SHAPE_PLAIN : 0) |
    (COMMENT_HEADERS.has(key) ? SHAPE_COMMENTS : 0)
  );
}
