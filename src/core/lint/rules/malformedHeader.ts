import { BACKSLASH, COMMA, DQUOTE as QUOTE, LAQUOT as LT, RAQUOT as GT, SEMI } from '../../parser/chars';
import type { Header } from '../../model';
import { keyIdSet } from '../fieldIndex';
import type { MessageContext, MessageRule, Report } from '../rule';

/**
 * Known headers whose grammar is `element *(SEMI param)` and/or `element *(COMMA element)`: in
 * these an empty parameter (`;;`) or an empty list element (`,,`) breaks the grammar (RFC 3261
 * §25; unlike HTTP's #rule, SIP lists have no empty elements). RFC 4475 badinv01. Unknown
 * headers are opaque and never checked (RFC 4475 wsinv carries `;;,,;;,;` in one, validly).
 */
const SEPARATED_HEADERS = keyIdSet([
  'via', 'contact', 'from', 'to', 'route', 'record-route', 'reply-to', 'path', 'service-route',
  'accept', 'accept-encoding', 'accept-language', 'allow', 'supported', 'require', 'proxy-require',
  'unsupported', 'content-type', 'content-disposition', 'event', 'allow-events', 'subscription-state',
  'refer-to', 'referred-by', 'p-asserted-identity', 'p-preferred-identity',
]);

/**
 * Finds suspicious separators in the values of one message: a value that starts with a
 * separator, or has a separator followed, after optional whitespace, by another separator or by
 * the end. Quotes and `<>` are not considered: a hit only means the careful scan must run.
 * Separators are found with native searches whose positions are kept between values (values
 * come in content order), so the message is searched once per separator kind, not walked char
 * by char in JavaScript.
 */
class SeparatorScan {
  private nextSemi = -2;
  private nextComma = -2;
  private content = '';

  /** Starts on a new message (one scanner serves every message of a lint). */
  reset(content: string): void {
    this.content = content;
    this.nextSemi = -2;
    this.nextComma = -2;
  }

  suspicious(start: number, end: number): boolean {
    if (start >= end) {
      return false;
    }
    const first = this.content.charCodeAt(start);
    if (first === SEMI || first === COMMA) {
      return true;
    }
    if (this.nextSemi !== -1 && this.nextSemi < start) {
      this.nextSemi = this.content.indexOf(';', start);
    }
    while (this.nextSemi >= 0 && this.nextSemi < end) {
      if (this.badAfter(this.nextSemi, end)) {
        return true;
      }
      this.nextSemi = this.content.indexOf(';', this.nextSemi + 1);
    }
    if (this.nextComma !== -1 && this.nextComma < start) {
      this.nextComma = this.content.indexOf(',', start);
    }
    while (this.nextComma >= 0 && this.nextComma < end) {
      if (this.badAfter(this.nextComma, end)) {
        return true;
      }
      this.nextComma = this.content.indexOf(',', this.nextComma + 1);
    }
    return false;
  }

  /** Whether the separator at `i` is followed, after whitespace, by another one or by `end`. */
  private badAfter(i: number, end: number): boolean {
    const content = this.content;
    let j = i + 1;
    while (j < end) {
      const c = content.charCodeAt(j);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 10) {
        return c === SEMI || c === COMMA;
      }
      j++;
    }
    return true;
  }
}

const scan = new SeparatorScan();

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
    let started = false;
    const fields = ctx.fields;
    for (let i = 0; i < fields.count; i++) {
      // A quick scan of the raw value (no Header object is built) keeps the careful scan for
      // the rare suspicious value.
      if (SEPARATED_HEADERS[fields.id(i)] !== 1) {
        continue;
      }
      if (!started) {
        scan.reset(ctx.content);
        started = true;
      }
      if (scan.suspicious(fields.valueStart(i), fields.valueEnd(i))) {
        checkSeparators(fields.header(i), ctx.content, report);
      }
    }
    if (started) {
      // Not keep the message (and the text it points into) alive until the next lint.
      scan.reset('');
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

/** Any other significant character. */
const OTHER = 1;
