/**
 * URI parsing and validation: SIP/SIPS URIs by RFC 3261 §19.1 / §25.1, TEL URIs by RFC 3966
 * (roughly: number, then parameters), any other scheme by the generic `absoluteURI` syntax of
 * RFC 3261 §25.1 (RFC 2396). Spans are offsets into the text passed in.
 *
 * Name-addr and Via value parsers live in ./nameAddr and ./via and are re-exported here, so
 * callers find every value-level parser in one module.
 */
import type { Param, Span, Token } from '../model';
import {
  AMP,
  COLON,
  EQUAL,
  PERCENT,
  QUESTION,
  SEMI,
  isAlnum,
  isAlpha,
  isDigit,
  isHex,
  isHnvUnreserved,
  isParamUnreserved,
  isPasswordExtra,
  isReserved,
  isSchemeChar,
  isUnreserved,
  isUserUnreserved,
} from './chars';
import { classifyHost, type HostKind } from './host';
import { reason, type SyntaxReason, type UriPart } from './reasons';

export { parseNameAddr, type NameAddr } from './nameAddr';
export { parseVia, type ViaValue } from './via';
export { isIPv4, isIPv6, isHostname, classifyHost, type HostKind, type HostCheck } from './host';

export type UriKind = 'sip' | 'sips' | 'tel' | 'other';

/** A URI split into its parts. Every token's span is relative to the parsed text. */
export interface ParsedUri {
  readonly kind: UriKind;
  /** The scheme as written (without the colon). */
  readonly scheme: Token;
  /** SIP/SIPS: the user part (escapes kept as written); TEL: the number. */
  readonly user?: Token;
  readonly password?: Token;
  /** SIP/SIPS: the host as written; an IPv6 reference keeps its brackets. */
  readonly host?: Token;
  readonly hostKind?: HostKind;
  readonly port?: Token;
  /** Numeric port (NaN when the port is not digits). */
  readonly portNumber?: number;
  /** URI parameters (`;lr`, `;transport=tcp`; TEL: `;phone-context=...`). */
  readonly params: readonly Param[];
  /** SIP/SIPS `?name=value&...` headers. */
  readonly headers: readonly Param[];
  /** Other schemes: everything after the colon. */
  readonly rest?: Token;
  readonly span: Span;
  /** Why the text breaks the URI grammar (a code; the linter words it); absent when valid. */
  readonly error?: SyntaxReason;
}

/** Where a URI appears: the Request-URI forbids more than a header field does (RFC 3261 §19.1.1). */
export type UriContext = 'request-uri' | 'header';

const NO_PARAMS: readonly Param[] = [];

function tok(text: string, start: number, end: number): Token {
  return { text: text.slice(start, end), span: { start, end } };
}

/** Offset just after a valid `%XX` at `i`, or -1. */
function escapeEnd(text: string, i: number): number {
  return i + 2 < text.length && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2)) ? i + 3 : -1;
}

/**
 * Checks that every char of `[start, end)` is allowed by `allowed` or is a `%XX` escape.
 * Returns a reason or undefined.
 */
function checkChars(
  text: string,
  start: number,
  end: number,
  allowed: (c: number) => boolean,
  part: UriPart,
  name?: string,
): SyntaxReason | undefined {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === PERCENT) {
      const e = escapeEnd(text, i);
      if (e < 0 || e > end) {
        return reason('bad-escape', name === undefined ? { part } : { part, name });
      }
      i = e;
    } else if (allowed(c)) {
      i++;
    } else {
      return reason('bad-char', name === undefined ? { part, char: c } : { part, name, char: c });
    }
  }
  return undefined;
}

function isParamChar(c: number): boolean {
  return isParamUnreserved(c) || isUnreserved(c);
}
function isUserChar(c: number): boolean {
  return isUnreserved(c) || isUserUnreserved(c);
}
function isPasswordChar(c: number): boolean {
  return isUnreserved(c) || isPasswordExtra(c);
}
function isHnvChar(c: number): boolean {
  return isHnvUnreserved(c) || isUnreserved(c);
}
function isUric(c: number): boolean {
  return isReserved(c) || isUnreserved(c);
}

/** Parses `;name[=value]` pieces of `[start, end)` (`end` excluded, first char is `;`). */
function parseUriParams(
  text: string,
  start: number,
  end: number,
  nameOk: (c: number) => boolean,
  valueOk: (c: number) => boolean,
  params: Param[],
): SyntaxReason | undefined {
  let i = start;
  while (i < end) {
    const ns = i + 1;
    let j = ns;
    while (j < end && text.charCodeAt(j) !== SEMI && text.charCodeAt(j) !== EQUAL) {
      j++;
    }
    if (j === ns) {
      return reason(j < end && text.charCodeAt(j) === EQUAL ? 'uri-param-no-name' : 'uri-param-empty');
    }
    const nameError = checkChars(text, ns, j, nameOk, 'param-name', text.slice(ns, j));
    if (nameError) {
      return nameError;
    }
    if (j < end && text.charCodeAt(j) === EQUAL) {
      const vs = j + 1;
      let k = vs;
      while (k < end && text.charCodeAt(k) !== SEMI) {
        k++;
      }
      if (k === vs) {
        return reason('uri-param-no-value', { name: text.slice(ns, j) });
      }
      const valueError = checkChars(text, vs, k, valueOk, 'param-value', text.slice(ns, j));
      if (valueError) {
        return valueError;
      }
      params.push({ name: tok(text, ns, j), value: tok(text, vs, k), span: { start: ns, end: k } });
      i = k;
    } else {
      params.push({ name: tok(text, ns, j), span: { start: ns, end: j } });
      i = j;
    }
  }
  return undefined;
}

/** Parses `?hname=hvalue&...` of `[start, end)` (first char is `?`). */
function parseUriHeaders(text: string, start: number, end: number, headers: Param[]): SyntaxReason | undefined {
  let i = start;
  while (i < end) {
    const ns = i + 1;
    let j = ns;
    while (j < end && text.charCodeAt(j) !== AMP && text.charCodeAt(j) !== EQUAL) {
      j++;
    }
    if (j === ns) {
      return reason('uri-header-no-name');
    }
    const nameError = checkChars(text, ns, j, isHnvChar, 'header-name', text.slice(ns, j));
    if (nameError) {
      return nameError;
    }
    if (j >= end || text.charCodeAt(j) !== EQUAL) {
      return reason('uri-header-no-value', { name: text.slice(ns, j) });
    }
    const vs = j + 1;
    let k = vs;
    while (k < end && text.charCodeAt(k) !== AMP) {
      k++;
    }
    const valueError = checkChars(text, vs, k, isHnvChar, 'header-value', text.slice(ns, j));
    if (valueError) {
      return valueError;
    }
    headers.push({ name: tok(text, ns, j), value: tok(text, vs, k), span: { start: ns, end: k } });
    i = k;
  }
  return undefined;
}

function parseSipUri(text: string, kind: 'sip' | 'sips', scheme: Token): ParsedUri {
  const n = text.length;
  const params: Param[] = [];
  const headers: Param[] = [];
  let user: Token | undefined;
  let password: Token | undefined;
  let host: Token | undefined = undefined;
  let hostKind: HostKind | undefined = undefined;
  let port: Token | undefined;
  let portNumber: number | undefined;
  const span = { start: 0, end: n };
  const done = (error?: SyntaxReason): ParsedUri => ({
    kind,
    scheme,
    user,
    password,
    host,
    hostKind,
    port,
    portNumber,
    params,
    headers,
    span,
    ...(error === undefined ? {} : { error }),
  });
  let i = scheme.span.end + 1;
  // userinfo: only its "@" may appear unescaped anywhere in a SIP URI, so the first "@" ends it.
  const at = text.indexOf('@', i);
  if (at >= 0) {
    if (text.indexOf('@', at + 1) >= 0) {
      return done(reason('multiple-at'));
    }
    let colon = text.indexOf(':', i);
    if (colon > at) {
      colon = -1;
    }
    const userEnd = colon < 0 ? at : colon;
    user = tok(text, i, userEnd);
    if (userEnd === i) {
      return done(reason('empty-user'));
    }
    const userError = checkChars(text, i, userEnd, isUserChar, 'user');
    if (userError) {
      return done(userError);
    }
    if (colon >= 0) {
      password = tok(text, colon + 1, at);
      const passwordError = checkChars(text, colon + 1, at, isPasswordChar, 'password');
      if (passwordError) {
        return done(passwordError);
      }
    }
    i = at + 1;
  }
  // host
  const hostStart = i;
  if (i < n && text.charCodeAt(i) === 91) {
    const close = text.indexOf(']', i);
    i = close < 0 ? n : close + 1;
  } else {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === COLON || c === SEMI || c === QUESTION) {
        break;
      }
      i++;
    }
  }
  host = tok(text, hostStart, i);
  if (host.text.charCodeAt(0) !== 91) {
    const hostportEnd = firstOf(text, hostStart, ';?');
    const hostport = text.slice(hostStart, hostportEnd);
    if (hostport.indexOf(':') !== hostport.lastIndexOf(':')) {
      // "sip:2001:db8::10" (RFC 5118 §4.2) would otherwise read as host "2001" with a bad port.
      return done(reason('ipv6-unbracketed', { text: hostport }));
    }
  }
  const check = classifyHost(host.text);
  if (check.kind === undefined) {
    return done(check.error);
  }
  hostKind = check.kind;
  if (i < n && text.charCodeAt(i) === COLON) {
    const ps = i + 1;
    let j = ps;
    while (j < n && text.charCodeAt(j) !== SEMI && text.charCodeAt(j) !== QUESTION) {
      j++;
    }
    port = tok(text, ps, j);
    let allDigits = j > ps;
    for (let k = ps; k < j; k++) {
      if (!isDigit(text.charCodeAt(k))) {
        allDigits = false;
      }
    }
    portNumber = allDigits ? Number(port.text) : NaN;
    if (!allDigits) {
      return done(port.text.length === 0 ? reason('port-empty') : reason('port-not-number', { text: port.text }));
    }
    if (portNumber > 65535) {
      return done(reason('port-out-of-range', { text: port.text }));
    }
    i = j;
  }
  if (i < n && text.charCodeAt(i) !== SEMI && text.charCodeAt(i) !== QUESTION) {
    return done(reason('char-after-host', { char: text.charCodeAt(i) }));
  }
  const q = text.indexOf('?', i);
  const paramsEnd = q < 0 ? n : q;
  const paramError = parseUriParams(text, i, paramsEnd, isParamChar, isParamChar, params);
  if (paramError) {
    return done(paramError);
  }
  if (q >= 0) {
    const headerError = parseUriHeaders(text, q, n, headers);
    if (headerError) {
      return done(headerError);
    }
  }
  return done();
}

function firstOf(text: string, from: number, chars: string): number {
  for (let i = from; i < text.length; i++) {
    if (chars.includes(text[i])) {
      return i;
    }
  }
  return text.length;
}

/** RFC 3966: `tel:` global-number (`+` digits) or local-number (needs `;phone-context=`). */
function parseTelUri(text: string, scheme: Token): ParsedUri {
  const n = text.length;
  const start = scheme.span.end + 1;
  const semi = text.indexOf(';', start);
  const numberEnd = semi < 0 ? n : semi;
  const number = tok(text, start, numberEnd);
  const params: Param[] = [];
  const done = (error?: SyntaxReason): ParsedUri => ({
    kind: 'tel',
    scheme,
    user: number,
    params,
    headers: NO_PARAMS,
    span: { start: 0, end: n },
    ...(error === undefined ? {} : { error }),
  });
  if (number.text.length === 0) {
    return done(reason('tel-empty'));
  }
  const global = number.text.charCodeAt(0) === 43;
  let digits = 0;
  for (let i = global ? 1 : 0; i < number.text.length; i++) {
    const c = number.text.charCodeAt(i);
    const visual = c === 45 || c === 46 || c === 40 || c === 41;
    const ok = global ? isDigit(c) || visual : isHex(c) || c === 42 || c === 35 || visual;
    if (!ok) {
      return done(reason('tel-bad-char', { char: c }));
    }
    if (isDigit(c) || isHex(c)) {
      digits++;
    }
  }
  if (digits === 0) {
    return done(reason('tel-no-digits'));
  }
  const telParamName = (c: number): boolean => isAlnum(c) || c === 45;
  const paramError = parseUriParams(text, numberEnd, n, telParamName, isParamChar, params);
  if (paramError) {
    return done(paramError);
  }
  if (!global && !params.some((p) => p.name.text.toLowerCase() === 'phone-context')) {
    return done(reason('tel-needs-context'));
  }
  return done();
}

/**
 * Parses a URI. Returns undefined only when the text does not even start with `scheme:`;
 * otherwise the parts found so far, with `error` set when the grammar is broken.
 */
export function parseUri(text: string): ParsedUri | undefined {
  const n = text.length;
  if (n === 0 || !isAlpha(text.charCodeAt(0))) {
    return undefined;
  }
  let i = 1;
  while (i < n && isSchemeChar(text.charCodeAt(i))) {
    i++;
  }
  if (i >= n || text.charCodeAt(i) !== COLON) {
    return undefined;
  }
  const scheme = tok(text, 0, i);
  const lower = scheme.text.toLowerCase();
  if (lower === 'sip' || lower === 'sips') {
    return parseSipUri(text, lower, scheme);
  }
  if (lower === 'tel') {
    return parseTelUri(text, scheme);
  }
  const rest = tok(text, i + 1, n);
  const base = { kind: 'other' as const, scheme, rest, params: NO_PARAMS, headers: NO_PARAMS, span: { start: 0, end: n } };
  if (rest.text.length === 0) {
    return { ...base, error: reason('nothing-after-scheme') };
  }
  const error = checkChars(text, i + 1, n, isUric, 'uri');
  return error ? { ...base, error } : base;
}

/**
 * Checks a URI as written (no surrounding `<>`, no whitespace). Returns undefined when valid,
 * else a short English reason. In the `request-uri` context it also applies RFC 3261 §7.1 and
 * §19.1.1 Table 1: no enclosing `<>`, no whitespace, no `?headers`.
 */
export function validateUri(text: string, context: UriContext = 'header'): SyntaxReason | undefined {
  if (text.length === 0) {
    return reason('uri-empty');
  }
  if (text.charCodeAt(0) === 60) {
    return context === 'request-uri'
      ? reason('request-uri-bracketed')
      : reason('uri-bracketed');
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      return context === 'request-uri'
        ? reason('request-uri-whitespace')
        : reason('uri-whitespace');
    }
  }
  const parsed = parseUri(text);
  if (!parsed) {
    return reason('not-a-uri', { text: text.length > 40 ? text.slice(0, 40) + '…' : text });
  }
  if (parsed.error) {
    return parsed.error;
  }
  if (context === 'request-uri' && parsed.headers.length > 0) {
    return reason('request-uri-headers');
  }
  return undefined;
}

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** Decodes `%XX` escapes as UTF-8 (invalid sequences become U+FFFD); malformed escapes stay as written. */
export function unescapeUri(text: string): string {
  if (!text.includes('%')) {
    return text;
  }
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const e = c === PERCENT ? escapeEnd(text, i) : -1;
    if (e > 0) {
      bytes.push(parseInt(text.slice(i + 1, e), 16));
      i = e - 1;
    } else if (c < 128) {
      bytes.push(c);
    } else {
      const cp = text.codePointAt(i) ?? c;
      const ch = String.fromCodePoint(cp);
      for (const b of utf8Encoder.encode(ch)) {
        bytes.push(b);
      }
      i += ch.length - 1;
    }
  }
  return utf8.decode(new Uint8Array(bytes));
}
