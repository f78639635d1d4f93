import type { Header } from '../../model';
import type { MessageContext, MessageRule, Report } from '../rule';

/**
 * Known headers whose grammar is `element *(SEMI param)` and/or `element *(COMMA element)`: in
 * these an empty parameter (`;;`) or an empty list element (`,,`) breaks the grammar (RFC 3261
 * §25; unlike HTTP's #rule, SIP lists have no empty elements). RFC 4475 badinv01. Unknown
 * headers are opaque and never checked (RFC 4475 wsinv carries `;;,,;;,;` in one, validly).
 */
const SEPARATED_HEADERS: ReadonlySet<string> = new Set([
  'via', 'contact', 'from', 'to', 'route', 'record-route', 'reply-to', 'path', 'service-route',
  'accept', 'accept-encoding', 'accept-language', 'allow', 'supported', 'require', 'proxy-require',
  'unsupported', 'content-type', 'content-disposition', 'event', 'allow-events', 'subscription-state',
  'refer-to', 'referred-by', 'p-asserted-identity', 'p-preferred-identity',
]);

/**
 * True when the field's value (after the colon) starts with a separator, or has a separator
 * followed, after optional whitespace, by another separator or by the end. Quotes and `<>` are
 * not considered here: a hit only means the careful scan must run.
 */
function suspicious(content: string, start: number, end: number): boolean {
  let i = content.indexOf(':', start);
  if (i < 0 || i >= end) {
    return false;
  }
  // 0 = start of the value, 1 = after a separator, 2 = after anything else.
  let state = 0;
  for (i++; i < end; i++) {
    const c = content.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      continue;
    }
    if (c === SEMI || c === COMMA) {
      if (state !== 2) {
        return true;
      }
      state = 1;
    } else {
      state = 2;
    }
  }
  return state === 1;
}

/**
 * Header field syntax the parser accepts but the grammar does not: a name that is not a token
 * (RFC 3261 §7.3.1) and extraneous `;` / `,` separators in a known header's value. Lines without
 * a colon and bad folding are reported by the parser under the same code.
 */
export const malformedHeader: MessageRule = {
  info: {
    code: 'malformed-header',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.3.1, §25',
    summary: 'A header line is not a valid header field: no colon, a name that is not a token, bad folding, or stray separators.',
  },
  check(ctx: MessageContext, report: Report): void {
    // Names that are not tokens, lines without a colon and stray continuation lines are the
    // parser's findings (same code); this rule adds what needs the header's grammar.
    for (const h of ctx.parsed.headers) {
      // A quick scan of the raw field (no value token is built) keeps the careful scan for the
      // rare suspicious value.
      if (SEPARATED_HEADERS.has(h.key) && suspicious(ctx.content, h.span.start, h.span.end)) {
        checkSeparators(h, ctx.content, report);
      }
    }
  },
};

/**
 * Scans the raw value outside quoted strings and `<...>` for `;` or `,` followed (after optional
 * whitespace) by another separator or the end of the value, or a value starting with one.
 */
function checkSeparators(h: Header, content: string, report: Report): void {
  const start = h.value.span.start;
  const end = h.value.span.end;
  let inQuote = false;
  let angle = 0;
  // The previous significant character: 0 at the start, so a leading separator counts.
  let previous = 0;
  let previousAt = start;
  for (let i = start; i < end; i++) {
    const c = content.charCodeAt(i);
    if (inQuote) {
      if (c === BACKSLASH) {
        i++;
      } else if (c === QUOTE) {
        inQuote = false;
      }
      previous = OTHER;
      continue;
    }
    if (c === QUOTE) {
      inQuote = true;
      previous = OTHER;
      continue;
    }
    if (c === LT) {
      angle++;
    } else if (c === GT && angle > 0) {
      angle--;
      previous = OTHER;
      continue;
    }
    if (angle > 0) {
      previous = OTHER;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      continue;
    }
    if (c === SEMI || c === COMMA) {
      if (previous === 0 || previous === SEMI || previous === COMMA) {
        report({
          code: 'malformed-header',
          severity: 'error',
          messageId: 'headerEmptyElement',
          params: { header: h.canonical, separator: String.fromCharCode(c) },
          span: { start: previous === 0 ? i : previousAt, end: i + 1 },
        });
        return;
      }
      previous = c;
      previousAt = i;
      continue;
    }
    previous = OTHER;
  }
  if (previous === SEMI || previous === COMMA) {
    report({
      code: 'malformed-header',
      severity: 'error',
      messageId: 'headerEmptyElement',
      params: { header: h.canonical, separator: String.fromCharCode(previous) },
      span: { start: previousAt, end: previousAt + 1 },
    });
  }
}

const BACKSLASH = 92;
const QUOTE = 34;
const LT = 60;
const GT = 62;
const SEMI = 59;
const COMMA = 44;
/** Any other significant character. */
const OTHER = 1;
