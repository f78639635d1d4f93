import { K } from '../keys';
import type { MessageContext, MessageRule, Report } from '../rule';
import { utf8Length } from '../sipText';

/** A non-empty body MUST be described by Content-Type (RFC 3261 §20.15, §7.4.1). */
export const bodyWithoutContentType: MessageRule = {
  info: {
    code: 'body-without-content-type',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §20.15',
    summary: 'The message has a body but no Content-Type.',
  },
  check(ctx: MessageContext, report: Report): void {
    const body = ctx.parsed.body;
    if (!body || ctx.fields.countOf(K.contentType) > 0) {
      return;
    }
    // Content-Length frames the body (§18.3): with `Content-Length: 0` whatever follows is not
    // this message's body (RFC 4475 dblreq: a second request in the same datagram).
    const length = ctx.fields.first(K.contentLength);
    const declared = length >= 0 ? ctx.fields.valueText(length).trim() : undefined;
    if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) === 0) {
      return;
    }
    // Line ends alone are not a body: they are the framing's CRLFs, not content (§7.5).
    if (body.text.trim() === '') {
      return;
    }
    report({
      code: 'body-without-content-type',
      severity: 'error',
      messageId: 'bodyWithoutContentType',
      params: { length: utf8Length(body.text) },
      span: ctx.startSpan,
      data: { header: 'Content-Type' },
    });
  },
};
