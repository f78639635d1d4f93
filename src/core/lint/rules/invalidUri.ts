import type { Header, Span } from '../../model';
import type { SyntaxReason } from '../../parser/reasons';
import { parseUri, validateUri } from '../../parser/uri';
import { reasonParams } from '../syntaxReasons';
import { hasProblem } from '../rule';
import type { MessageContext, MessageFinding, MessageRule, Report } from '../rule';
import { detach, mainPartEnd, matchesAt, nextComma, nextGt, nextLt, nextQuote, nextSemi, topLevelIndexOf } from '../sipText';
import { keyIdSet } from '../fieldIndex';
import type { FieldIndex } from '../fieldIndex';

/**
 * validateUri results by URI text. The same URIs recur in every message of a dialog, so this
 * saves most of the URI parsing of a long trace; bounded so a huge trace cannot grow it forever.
 */
const validated = { header: new Map<string, SyntaxReason | null>(), 'request-uri': new Map<string, SyntaxReason | null>() };

function validateCached(uri: string, context: 'request-uri' | 'header'): SyntaxReason | undefined {
  const cache = validated[context];
  const known = cache.get(uri);
  if (known !== undefined) {
    return known ?? undefined;
  }
  const reason = validateUri(uri, context);
  if (cache.size >= 20000) {
    cache.clear();
  }
  cache.set(detach(uri), reason ?? null);
  return reason;
}

type Verdict = readonly Omit<MessageFinding, 'span'>[];

/** A checked address main part (a copy detached from the message) and its verdict. */
interface Checked {
  readonly main: string;
  readonly verdict: Verdict;
}

/**
 * Verdicts on single-element address values by header key, then main part (empty = valid). The
 * same From/To/Contact/Route values recur in every message of a dialog; keyed by header because
 * Contact allows `*` and Route/Record-Route require `<>`. Each map is bounded.
 */
const addressVerdicts = new Map<string, Map<string, Checked>>();

function verdictsOf(key: string): Map<string, Checked> {
  let verdicts = addressVerdicts.get(key);
  if (verdicts === undefined) {
    verdicts = new Map();
    addressVerdicts.set(key, verdicts);
  }
  return verdicts;
}

/** A stand-in span while a verdict is computed: the finding's real span is set when reporting. */
const NO_SPAN: Span = { start: 0, end: 0 };

/** Headers whose values are `( name-addr / addr-spec ) *( SEMI param )` (RFC 3261 §20.10, §20.20, §20.39, ...). */
const ADDRESS_HEADERS = keyIdSet(['from', 'to', 'contact', 'reply-to', 'route', 'record-route']);
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
    if (line.kind === 'request' && !hasProblem(ctx.parsed, 'request-uri-whitespace')) {
      checkRequestUri(line.method.text, line.uri.text, line.uri.span, report);
    }
    const fields = ctx.fields;
    for (let i = 0; i < fields.count; i++) {
      if (ADDRESS_HEADERS[fields.id(i)] !== 1) {
        continue;
      }
      const id = fields.id(i);
      const mainEnd = singleElementMainEnd(fields, i);
      if (mainEnd >= 0) {
        // One element (the usual case): read in place, without splitting the value, and reuse
        // the verdict on the same text. Keyed by the main part (what is checked): `;tag=` and
        // other parameters differ per dialog, the address does not. The last address of each
        // header is compared in place first: a trace repeats the same From and To over and over
        // (a native comparison of a slice: it profiled several times cheaper here than V8's
        // startsWith with a position, or a char loop).
        const start = fields.valueStart(i);
        const last = lastAddress[id];
        if (!fields.folded(i) && last !== undefined && last.main.length === mainEnd - start && matchesAt(fields.content, start, last.main)) {
          for (const f of last.verdict) {
            report({ ...f, span: fields.header(i).value.span });
          }
          continue;
        }
        const main = fields.folded(i) ? fields.valueText(i).slice(0, mainEnd) : fields.content.slice(start, mainEnd);
        const verdicts = verdictsOf(fields.key(i));
        let checked = verdicts.get(main);
        if (checked === undefined) {
          const found: Omit<MessageFinding, 'span'>[] = [];
          checkAddress(fields.header(i), main, NO_SPAN, (f) => {
            found.push({ code: f.code, severity: f.severity, messageId: f.messageId, params: f.params });
          });
          if (verdicts.size >= 20000) {
            verdicts.clear();
          }
          checked = { main: detach(main), verdict: found };
          verdicts.set(checked.main, checked);
        }
        lastAddress[id] = checked;
        for (const f of checked.verdict) {
          report({ ...f, span: fields.header(i).value.span });
        }
        continue;
      }
      const h = fields.header(i);
      for (const value of h.values) {
        checkAddress(h, value.main.text, value.span, report);
      }
    }
  },
};

/** The last single-element address checked per header key id, with its verdict. */
const lastAddress: (Checked | undefined)[] = [];

/**
 * The end of the main part (up to the first top-level `;`) of field `i`'s value when the value
 * holds no comma at all, else -1 (a list, or a comma somewhere: the caller splits the value).
 * Read in place; for a folded value, an offset into its collapsed text.
 */
function singleElementMainEnd(fields: FieldIndex, i: number): number {
  if (fields.folded(i)) {
    const text = fields.valueText(i);
    return text.includes(',') ? -1 : mainPartEnd(text);
  }
  const content = fields.content;
  const start = fields.valueStart(i);
  const end = fields.valueEnd(i);
  // Native searches, remembered across the message's fields (see NextChar).
  const comma = nextComma.in(content, start);
  if (comma >= 0 && comma < end) {
    return -1;
  }
  const quote = nextQuote.in(content, start);
  return quote >= 0 && quote < end ? quotedMainEnd(content, start, end) : unquotedMainEnd(content, start, end);
}

/**
 * The end of the main part of a value without quotes: the first `;` outside `<...>`. Found by
 * jumping between `<`, `>` and `;`; a nested `<` inside `<...>` goes to the careful scan.
 */
function unquotedMainEnd(content: string, start: number, end: number): number {
  let pos = start;
  for (;;) {
    const semi = nextSemi.in(content, pos);
    const lt = nextLt.in(content, pos);
    if (semi < 0 || semi >= end) {
      return end;
    }
    if (lt < 0 || lt > semi) {
      return semi;
    }
    const gt = nextGt.in(content, lt + 1);
    if (gt < 0 || gt >= end) {
      // The `<` never closes: no `;` after it is top level.
      return end;
    }
    const nested = nextLt.in(content, lt + 1);
    if (nested >= 0 && nested < gt) {
      return quotedMainEnd(content, start, end);
    }
    pos = gt + 1;
  }
}

/** The end of the main part: the first `;` outside quoted strings and `<...>`, char by char. */
function quotedMainEnd(content: string, start: number, end: number): number {
  return topLevelIndexOf(content, 59, end, start);
}

function checkRequestUri(method: string, uri: string, span: { start: number; end: number }, report: Report): void {
  if (uri.startsWith('<')) {
    report({ code: 'invalid-uri', severity: 'error', messageId: 'requestUriBracketed', span });
    return;
  }
  const reason = validateCached(uri, 'request-uri');
  if (reason) {
    if (isToleratedIpv6(uri, 'request-uri')) {
      report({ code: 'invalid-uri', severity: 'warning', messageId: 'ipv6ThreeColons', params: { header: 'Request-URI' }, span });
    } else {
      report({ code: 'invalid-uri', severity: 'error', messageId: 'requestUriInvalid', params: reasonParams(reason), span });
    }
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

function checkAddress(h: Header, main: string, span: Span, report: Report): void {
  const text = main.trim();
  const header = h.canonical;
  if (text === '' || (h.key === 'contact' && text === '*')) {
    return;
  }
  const bad = (messageId: 'displayNameUnquoted' | 'quoteUnterminated' | 'spaceInsideBrackets' | 'angleUnbalanced' | 'textAfterAddress'): void =>
    report({ code: 'invalid-uri', severity: 'error', messageId, params: { header }, span });
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
  if (gt < 0 || (text.indexOf('<', lt + 1) >= 0 && text.indexOf('<', lt + 1) < gt)) {
    bad('angleUnbalanced');
    return;
  }
  if (text.slice(gt + 1).trim() !== '') {
    bad('textAfterAddress');
    return;
  }
  const inner = text.slice(lt + 1, gt);
  if (inner !== inner.trim()) {
    bad('spaceInsideBrackets');
    return;
  }
  reportUri(header, inner, span, report);
}

/**
 * RFC 5118 §4.10: the RFC 3261 ABNF lets an IPv6 reference have three colons in a row
 * (`[2001:db8:::192.0.2.1]`), which RFC 4291 does not; receivers must tolerate both. Such a URI
 * is a warning, not an error, when it is valid once `:::` reads `::`.
 */
function isToleratedIpv6(uri: string, context: 'request-uri' | 'header'): boolean {
  const open = uri.indexOf('[');
  const close = uri.indexOf(']', open);
  if (open < 0 || close < 0 || !uri.slice(open, close).includes(':::')) {
    return false;
  }
  const fixed = uri.slice(0, open) + uri.slice(open, close).replace(':::', '::') + uri.slice(close);
  return validateUri(fixed, context) === undefined;
}

function reportUri(header: string, uri: string, span: { start: number; end: number }, report: Report): void {
  const reason = validateCached(uri, 'header');
  if (!reason) {
    return;
  }
  if (isToleratedIpv6(uri, 'header')) {
    report({ code: 'invalid-uri', severity: 'warning', messageId: 'ipv6ThreeColons', params: { header }, span });
  } else {
    report({ code: 'invalid-uri', severity: 'error', messageId: 'headerUriInvalid', params: { header, ...reasonParams(reason) }, span });
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
  reportUri(header, text, span, report);
}
