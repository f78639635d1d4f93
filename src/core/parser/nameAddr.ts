/**
 * `name-addr / addr-spec` values with header parameters, as in From, To, Contact, Route,
 * Record-Route, Reply-To, Refer-To, P-Asserted-Identity (RFC 3261 §20.10, §25.1):
 *
 *   name-addr   = [ display-name ] LAQUOT addr-spec RAQUOT
 *   display-name = *(token LWS) / quoted-string
 *
 * plus `*( SEMI generic-param )`. A bare addr-spec ends at the first `;` (what follows is a
 * header parameter), which is why a URI holding `;`, `?` or `,` must be in `<>`.
 */
import type { Param, Span, Token } from '../model';
import { BACKSLASH, DQUOTE, EQUAL, LAQUOT, RAQUOT, SEMI, isToken, isTokenText, isWsp } from './chars';
import { reason, within, type SyntaxReason } from './reasons';
import { validateUri } from './uri';

/** A parsed name-addr or addr-spec; spans are relative to the text passed in. */
export interface NameAddr {
  /** The display name as written (a quoted one keeps its quotes). */
  readonly displayName?: Token;
  /** The display name unquoted and unescaped. */
  readonly displayText?: string;
  /** The URI as written, without `<>`. */
  readonly uri: Token;
  /** True when the URI was in `<>`. */
  readonly bracketed: boolean;
  /** True for the Contact value `*`. */
  readonly star: boolean;
  /** Header parameters after the name-addr (`;tag=...`, `;expires=...`). */
  readonly params: readonly Param[];
  readonly span: Span;
  /** Why the value breaks the name-addr grammar, or else why its URI is invalid; absent when valid. */
  readonly error?: SyntaxReason;
  /** Why the URI itself is invalid (also reflected in `error`). */
  readonly uriError?: SyntaxReason;
}

function tok(text: string, start: number, end: number): Token {
  return { text: text.slice(start, end), span: { start, end } };
}

function skipWs(text: string, i: number, end: number): number {
  while (i < end && isWsp(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

function trimEndWs(text: string, start: number, end: number): number {
  while (end > start && isWsp(text.charCodeAt(end - 1))) {
    end--;
  }
  return end;
}

/**
 * Scans a quoted string opening at `i`. Returns its end (after the closing quote) and a reason
 * if it never closes or holds a raw control character.
 */
export function scanQuotedString(text: string, i: number, end: number): { end: number; error?: SyntaxReason } {
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) {
      if (j + 1 >= end) {
        break;
      }
      const d = text.charCodeAt(j + 1);
      if (d === 10 || d === 13) {
        return { end: j + 2, error: reason('quoted-line-break') };
      }
      j += 2;
    } else if (c === DQUOTE) {
      return { end: j + 1 };
    } else if ((c < 32 && c !== 9) || c === 127) {
      return { end: j + 1, error: reason('quoted-bad-char', { char: c }) };
    } else {
      j++;
    }
  }
  return { end, error: reason('quoted-unterminated') };
}

function unquote(quoted: string): string {
  let out = '';
  for (let i = 1; i < quoted.length - 1; i++) {
    if (quoted.charCodeAt(i) === BACKSLASH && i + 1 < quoted.length - 1) {
      i++;
    }
    out += quoted[i];
  }
  return out;
}

/** `gen-value = token / host / quoted-string`: token chars plus the IPv6 reference chars. */
function isGenValueChar(c: number): boolean {
  return isToken(c) || c === 58 || c === 91 || c === 93;
}

/**
 * Parses `*( SEMI generic-param )` in `[i, end)` of `text` (first char `;`), pushing params.
 * Returns a reason on the first breach.
 */
export function parseGenericParams(text: string, i: number, end: number, params: Param[]): SyntaxReason | undefined {
  while (i < end) {
    const ns = skipWs(text, i + 1, end);
    let j = ns;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === SEMI || c === EQUAL) {
        break;
      }
      j++;
    }
    const ne = trimEndWs(text, ns, j);
    if (ne === ns) {
      return reason(j < end && text.charCodeAt(j) === EQUAL ? 'param-no-name' : 'param-empty');
    }
    const name = text.slice(ns, ne);
    if (!isTokenText(name)) {
      return reason('param-name-not-token', { name });
    }
    if (j < end && text.charCodeAt(j) === EQUAL) {
      const vs = skipWs(text, j + 1, end);
      let ve: number;
      if (vs < end && text.charCodeAt(vs) === DQUOTE) {
        const q = scanQuotedString(text, vs, end);
        if (q.error) {
          return within(q.error, 'parameter', name);
        }
        ve = q.end;
      } else {
        ve = vs;
        while (ve < end && isGenValueChar(text.charCodeAt(ve))) {
          ve++;
        }
        if (ve === vs) {
          return vs < end && text.charCodeAt(vs) !== SEMI
            ? reason('param-needs-quoting', { name, char: text.charCodeAt(vs) })
            : reason('param-no-value', { name });
        }
      }
      const after = skipWs(text, ve, end);
      if (after < end && text.charCodeAt(after) !== SEMI) {
        return reason('param-needs-quoting', { name, char: text.charCodeAt(after) });
      }
      params.push({ name: tok(text, ns, ne), value: tok(text, vs, ve), span: { start: ns, end: ve } });
      i = after;
    } else {
      params.push({ name: tok(text, ns, ne), span: { start: ns, end: ne } });
      i = j;
    }
  }
  return undefined;
}

/**
 * Parses one name-addr or addr-spec element (as found in a header value, folding collapsed)
 * with its header parameters, and validates it, including its URI (see `validateUri`).
 * Catches: unterminated quoted display names (RFC 4475 quotbal), unquoted display names with
 * non-token characters (baddn), spaces inside `<>` (badaspec), a bare URI with `?` or `,`
 * that should have been in `<>` (regbadct), empty parameters (badinv01).
 */
export function parseNameAddr(text: string): NameAddr {
  const n = text.length;
  const params: Param[] = [];
  const i = skipWs(text, 0, n);
  const end = trimEndWs(text, i, n);
  const span = { start: i, end };
  let displayName: Token | undefined;
  let displayText: string | undefined;
  let uri: Token = { text: '', span: { start: i, end: i } };
  let bracketed = false;
  let uriError: SyntaxReason | undefined;
  const result = (error?: SyntaxReason): NameAddr => {
    const out: NameAddr = { displayName, displayText, uri, bracketed, star: false, params, span };
    const reason = error ?? uriError;
    return reason === undefined ? out : { ...out, error: reason, ...(uriError === undefined ? {} : { uriError }) };
  };
  if (i >= end) {
    return result(reason('value-empty'));
  }
  if (text.charCodeAt(i) === 42 && skipWs(text, i + 1, end) === end) {
    uri = tok(text, i, i + 1);
    return { uri, bracketed: false, star: true, params, span };
  }
  let lt = -1;
  if (text.charCodeAt(i) === DQUOTE) {
    const q = scanQuotedString(text, i, end);
    displayName = tok(text, i, q.end);
    if (q.error) {
      return result(within(q.error, 'display-name'));
    }
    displayText = unquote(displayName.text);
    lt = skipWs(text, q.end, end);
    if (lt >= end || text.charCodeAt(lt) !== LAQUOT) {
      return result(reason('display-name-needs-uri'));
    }
  } else {
    lt = text.indexOf('<', i);
    if (lt >= end) {
      lt = -1;
    }
    if (lt > i) {
      const de = trimEndWs(text, i, lt);
      displayName = tok(text, i, de);
      displayText = displayName.text;
      for (let k = i; k < de; k++) {
        const c = text.charCodeAt(k);
        if (!isToken(c) && !isWsp(c)) {
          return result(reason('display-name-unquoted', { text: displayName.text, char: c }));
        }
      }
    }
  }
  let rest: number;
  if (lt >= 0) {
    bracketed = true;
    const gt = text.indexOf('>', lt + 1);
    if (gt < 0 || gt >= end) {
      uri = tok(text, lt + 1, end);
      return result(reason('missing-raquot'));
    }
    uri = tok(text, lt + 1, gt);
    if (gt > lt + 1 && (isWsp(text.charCodeAt(lt + 1)) || isWsp(text.charCodeAt(gt - 1)))) {
      return result(reason('whitespace-in-brackets'));
    }
    uriError = validateUri(uri.text);
    rest = skipWs(text, gt + 1, end);
    if (rest < end && text.charCodeAt(rest) !== SEMI) {
      return result(reason('char-after-raquot', { char: text.charCodeAt(rest) }));
    }
  } else {
    let j = i;
    while (j < end && text.charCodeAt(j) !== SEMI) {
      j++;
    }
    uri = tok(text, i, trimEndWs(text, i, j));
    rest = j;
    for (let k = i; k < uri.span.end; k++) {
      const c = text.charCodeAt(k);
      if (c === 63 || c === 44) {
        return result(reason('bare-uri-needs-brackets', { char: c }));
      }
      if (c === RAQUOT) {
        return result(reason('raquot-without-laquot'));
      }
    }
    uriError = validateUri(uri.text);
  }
  const paramError = parseGenericParams(text, rest, end, params);
  return result(paramError);
}
