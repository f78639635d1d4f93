import type { Header, HeaderValue } from '../../model';
import { parseUri, validateUri } from '../../parser/uri';
import type { MessageContext, MessageRule, Report } from '../rule';

/** Headers whose values are `( name-addr / addr-spec ) *( SEMI param )` (RFC 3261 §20.10, §20.20, §20.39, ...). */
const ADDRESS_HEADERS: ReadonlySet<string> = new Set(['from', 'to', 'contact', 'reply-to', 'route', 'record-route']);
/** Of those, the ones that only allow the name-addr form (`<...>` required). */
const NAME_ADDR_ONLY: ReadonlySet<string> = new Set(['route', 'record-route']);

/**
 * URIs: the Request-URI (RFC 3261 §7.1, §19.1.1: no `<>`, no whitespace, no `?headers`, and no
 * user part in a REGISTER, §10.2) and the addresses of From, To, Contact, Reply-To, Route and
 * Record-Route: display name quoting, `<>` balance, no whitespace inside `<>`, a bare addr-spec
 * with `?` or `,` (F6, §20), and the URI grammar through the parser's `validateUri`.
 * RFC 4475 ltgtruri, escruri, quotbal, regbadct, badaspec, baddn; RFC 5118 ipv6-bad.
 */
export const invalidUri: MessageRule = {
  info: {
    code: 'invalid-uri',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.1, §19.1, §20.10, §25',
    summary: 'The Request-URI or an address in From, To, Contact, Route, Record-Route or Reply-To breaks the URI or name-addr grammar.',
  },
  check(ctx: MessageContext, report: Report): void {
    const line = ctx.parsed.startLine;
    if (line.kind === 'request' && ctx.parsed.problems.every((p) => p.code !== 'request-uri-whitespace')) {
      checkRequestUri(line.method.text, line.uri.text, line.uri.span, report);
    }
    for (const h of ctx.parsed.headers) {
      if (!ADDRESS_HEADERS.has(h.key)) {
        continue;
      }
      for (const value of h.values) {
        checkAddress(h, value, report);
      }
    }
  },
};

function checkRequestUri(method: string, uri: string, span: { start: number; end: number }, report: Report): void {
  if (uri.startsWith('<')) {
    report({ code: 'invalid-uri', severity: 'error', messageId: 'requestUriBracketed', span });
    return;
  }
  const reason = validateUri(uri, 'request-uri');
  if (reason) {
    report({ code: 'invalid-uri', severity: 'error', messageId: 'requestUriInvalid', params: { reason }, span });
    return;
  }
  if (method === 'REGISTER') {
    const parsed = parseUri(uri);
    if ((parsed?.kind === 'sip' || parsed?.kind === 'sips') && parsed.user) {
      report({ code: 'invalid-uri', severity: 'error', messageId: 'registerUriUser', span });
    }
  }
}

/** Returns the index after a quoted string starting at `i` (at the `"`), or -1 when unterminated. */
function quotedEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
    } else if (c === '"') {
      return j + 1;
    }
  }
  return -1;
}

/** display-name = *(token LWS) / quoted-string; a token run may not hold `,` `;` `"` `<` `@` `:` etc. */
function isTokenRun(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum && c !== 32 && c !== 9 && !"-.!%*_+`'~".includes(text[i])) {
      return false;
    }
  }
  return true;
}

function checkAddress(h: Header, value: HeaderValue, report: Report): void {
  const main = value.main;
  const text = main.text.trim();
  const header = h.canonical;
  const span = value.span;
  if (text === '' || (h.key === 'contact' && text === '*')) {
    return;
  }
  const bad = (messageId: 'displayNameUnquoted' | 'quoteUnterminated' | 'spaceInsideBrackets' | 'angleUnbalanced', extra?: Record<string, string>): void =>
    report({ code: 'invalid-uri', severity: 'error', messageId, params: { header, ...extra }, span });
  // Find the display name and the `<...>` part, honouring quoted strings.
  let i = 0;
  if (text[0] === '"') {
    const end = quotedEnd(text, 0);
    if (end < 0) {
      bad('quoteUnterminated');
      return;
    }
    i = end;
  }
  const lt = text.indexOf('<', i);
  if (lt < 0) {
    if (i > 0 || text.includes('>')) {
      bad('angleUnbalanced');
      return;
    }
    if (NAME_ADDR_ONLY.has(h.key)) {
      bad('angleUnbalanced');
      return;
    }
    checkAddrSpec(header, text, span, report);
    return;
  }
  const display = text.slice(i, lt);
  if (i === 0 && !isTokenRun(display)) {
    if (display.includes('"')) {
      bad('quoteUnterminated');
    } else {
      bad('displayNameUnquoted');
    }
    return;
  }
  if (i > 0 && display.trim() !== '') {
    bad('displayNameUnquoted');
    return;
  }
  const gt = text.indexOf('>', lt);
  if (gt < 0 || text.slice(gt + 1).trim() !== '' || (text.indexOf('<', lt + 1) >= 0 && text.indexOf('<', lt + 1) < gt)) {
    bad('angleUnbalanced');
    return;
  }
  const inner = text.slice(lt + 1, gt);
  if (inner !== inner.trim()) {
    bad('spaceInsideBrackets');
    return;
  }
  const reason = validateUri(inner, 'header');
  if (reason) {
    report({ code: 'invalid-uri', severity: 'error', messageId: 'headerUriInvalid', params: { header, reason }, span });
  }
}

/**
 * A bare addr-spec: its `;` start header parameters (the parser already split them off), and
 * a `?` or `,` in it means the URI had to be enclosed in `<>` (RFC 3261 §20, RFC 4475 regbadct).
 */
function checkAddrSpec(header: string, text: string, span: { start: number; end: number }, report: Report): void {
  for (const ch of ['?', ',']) {
    if (text.includes(ch)) {
      report({ code: 'invalid-uri', severity: 'error', messageId: 'uriNeedsBrackets', params: { header, char: ch }, span });
      return;
    }
  }
  const reason = validateUri(text, 'header');
  if (reason) {
    report({ code: 'invalid-uri', severity: 'error', messageId: 'headerUriInvalid', params: { header, reason }, span });
  }
}
