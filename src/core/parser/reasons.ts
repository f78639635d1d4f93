/**
 * Why a URI, name-addr or Via value breaks its grammar, as a stable code with parameters
 * instead of English text: the linter words it in the user's language (the texts live in the
 * lint message catalogue, src/core/lint/syntaxReasons.ts).
 */

/** The stable reason codes. */
export type SyntaxReasonCode =
  // URI (RFC 3261 §19.1, §25; RFC 3966)
  | 'bad-escape'
  | 'bad-char'
  | 'uri-param-no-name'
  | 'uri-param-empty'
  | 'uri-param-no-value'
  | 'uri-header-no-name'
  | 'uri-header-no-value'
  | 'multiple-at'
  | 'empty-user'
  | 'ipv6-unbracketed'
  | 'port-empty'
  | 'port-not-number'
  | 'port-out-of-range'
  | 'char-after-host'
  | 'tel-empty'
  | 'tel-bad-char'
  | 'tel-no-digits'
  | 'tel-needs-context'
  | 'nothing-after-scheme'
  | 'uri-empty'
  | 'request-uri-bracketed'
  | 'uri-bracketed'
  | 'request-uri-whitespace'
  | 'uri-whitespace'
  | 'not-a-uri'
  | 'request-uri-headers'
  // host
  | 'host-empty'
  | 'ipv6-unclosed'
  | 'ipv6-three-colons'
  | 'ipv6-invalid'
  | 'host-invalid'
  // quoted strings, name-addr and generic parameters
  | 'quoted-line-break'
  | 'quoted-bad-char'
  | 'quoted-unterminated'
  | 'param-no-name'
  | 'param-empty'
  | 'param-name-not-token'
  | 'param-needs-quoting'
  | 'param-no-value'
  | 'value-empty'
  | 'display-name-needs-uri'
  | 'display-name-unquoted'
  | 'missing-raquot'
  | 'whitespace-in-brackets'
  | 'char-after-raquot'
  | 'bare-uri-needs-brackets'
  | 'raquot-without-laquot'
  // Via (RFC 3261 §20.42)
  | 'via-empty'
  | 'via-no-protocol'
  | 'via-no-slash'
  | 'via-no-version'
  | 'via-no-transport-slash'
  | 'via-no-transport'
  | 'via-no-host'
  | 'via-char-after-transport'
  | 'via-ipv6-unbracketed'
  | 'via-bad-port'
  | 'via-char-after-sent-by'
  | 'via-branch'
  | 'via-received-missing'
  | 'via-received-invalid'
  | 'via-ttl'
  | 'via-maddr'
  | 'via-rport';

/** Which part of a URI a `bad-escape` / `bad-char` is in. */
export type UriPart = 'uri' | 'user' | 'password' | 'param-name' | 'param-value' | 'header-name' | 'header-value';

/** Where a nested reason occurred (its text gets a prefix). */
export type ReasonContext = 'display-name' | 'parameter' | 'sent-by';

/** A reason: a code and the parameters its texts name. */
export interface SyntaxReason {
  readonly code: SyntaxReasonCode;
  readonly part?: UriPart;
  /** A parameter or header name. */
  readonly name?: string;
  /** The offending character (a UTF-16 code unit). */
  readonly char?: number;
  /** The offending text as written (a host, a port, a value). */
  readonly text?: string;
  /** Set when the reason is about a part of a larger value (e.g. a parameter's quoted value). */
  readonly context?: ReasonContext;
}

/** Makes a reason (a small helper so call sites stay one line). */
export function reason(code: SyntaxReasonCode, details?: Omit<SyntaxReason, 'code'>): SyntaxReason {
  return details === undefined ? { code } : { code, ...details };
}

/** The same reason, noted as occurring inside `context` (e.g. a parameter `name`). */
export function within(inner: SyntaxReason, context: ReasonContext, name?: string): SyntaxReason {
  return name === undefined ? { ...inner, context } : { ...inner, context, name };
}
