import { K } from '../keys';
import type { Span } from '../../model';
import type { MessageContext, MessageRule, Report } from '../rule';
import { bodyOctetStats, isDigits, isStreamTransport } from '../sipText';

/**
 * The octets a body may have been on the wire, given the text we hold. Two things make the
 * count uncertain, and both are the log's doing, not the device's: a logger or editor may have
 * turned CRLF into LF (each bare LF may have been two octets), and bytes that were not UTF-8
 * were decoded as U+FFFD (each stood for one to three octets).
 */
function octetRange(body: string): { min: number; max: number; exact: number } {
  const { octets: exact, replacements, bareLf } = bodyOctetStats(body);
  // A U+FFFD counts 3 octets in `exact`; the original may have been 1 to 3.
  return { exact, min: exact - 2 * replacements, max: exact + bareLf };
}

function onlyLineEnds(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 13 && c !== 10) {
      return false;
    }
  }
  return true;
}

/**
 * Content-Length against the body (RFC 3261 §18.3, §20.14): a declared length larger than the
 * body, a malformed value, no Content-Length over a stream transport; a body longer than declared
 * is a warning (over UDP the extra octets are discarded, §18.3). Also reports, under
 * `missing-header`, a Content-Length missing over UDP or an unknown transport (table value "t":
 * SHOULD be sent).
 */
export const contentLengthMismatch: MessageRule = {
  info: {
    code: 'content-length-mismatch',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §18.3, §20.14',
    summary: 'Content-Length disagrees with the body, is not a number, or is missing over a stream transport.',
  },
  check(ctx: MessageContext, report: Report): void {
    if (ctx.parsed.startLine.kind === 'invalid') {
      return;
    }
    const body = ctx.content.slice(Math.min(ctx.parsed.headerEnd, ctx.content.length));
    const range = octetRange(body);
    const fields = ctx.fields;
    const field = fields.first(K.contentLength);
    if (field < 0) {
      if (!ctx.headersComplete) {
        // A header block cut short may have lost its Content-Length with the rest.
        return;
      }
      if (isStreamTransport(ctx.transport)) {
        report({
          code: 'content-length-mismatch',
          severity: 'error',
          messageId: 'contentLengthMissingStream',
          params: { transport: ctx.transport ?? '', actual: range.exact },
          span: ctx.startSpan,
          data: { expected: range.exact },
        });
      } else if (ctx.requestMethod !== 'REFER' && ctx.cseqMethod !== 'REFER') {
        report({
          code: 'missing-header',
          severity: 'warning',
          messageId: 'contentLengthShould',
          params: { ref: 'RFC 3261 §20.14' },
          span: ctx.startSpan,
          data: { header: 'Content-Length' },
        });
      }
      return;
    }
    const text = fields.valueText(field).trim();
    const valueSpan = (): Span => fields.header(field).value.span;
    if (!isDigits(text)) {
      report({
        code: 'content-length-mismatch',
        severity: 'error',
        messageId: 'contentLengthInvalid',
        params: { value: text },
        span: valueSpan(),
        data: { expected: range.exact },
      });
      return;
    }
    const declared = Number(text);
    if (declared >= range.min && declared <= range.max) {
      return;
    }
    if (declared > range.max) {
      report({
        code: 'content-length-mismatch',
        severity: 'error',
        messageId: 'contentLengthTooLarge',
        params: { declared, actual: range.exact },
        span: valueSpan(),
        data: { expected: range.exact },
      });
      return;
    }
    // Fewer octets declared than present. Trailing line ends are tolerated: a stream may carry
    // CRLF keep-alives between messages (§7.5) and tools append a line end to the last message.
    const extraText = sliceAfterOctets(body, declared);
    if (onlyLineEnds(extraText)) {
      return;
    }
    report({
      code: 'content-length-mismatch',
      severity: 'warning',
      messageId: 'contentLengthTooSmall',
      params: { declared, actual: range.exact, extra: range.exact - declared },
      span: valueSpan(),
      data: { expected: range.exact },
    });
  },
};

/** The text after the first `octets` UTF-8 octets of `text`. */
function sliceAfterOctets(text: string, octets: number): string {
  let n = 0;
  let i = 0;
  while (i < text.length && n < octets) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      n += 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else {
      n += 3;
    }
    i++;
  }
  return text.slice(i);
}
