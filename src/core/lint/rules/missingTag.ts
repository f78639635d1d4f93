import { K } from '../keys';
import type { MessageContext, MessageRule, Report } from '../rule';

/**
 * From carries a tag in every request (RFC 3261 §8.1.1.3) and so in every response (copied,
 * §8.2.6.2); To carries a tag in every response but 100 Trying (§8.2.6.2). A missing From or
 * To header is `missing-header`'s business, not this rule's.
 */
export const missingTag: MessageRule = {
  info: {
    code: 'missing-tag',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §8.1.1.3, §8.2.6.2',
    summary: 'From has no tag, or To has no tag in a response other than 100.',
  },
  check(ctx: MessageContext, report: Report): void {
    if (ctx.parsed.startLine.kind === 'invalid') {
      return;
    }
    const fields = ctx.fields;
    const from = fields.first(K.from);
    if (from >= 0 && ctx.summary.fromTag === undefined && !fields.isBlankValue(from)) {
      report({
        code: 'missing-tag',
        severity: 'error',
        messageId: 'fromTagMissing',
        span: fields.header(from).span,
        data: { header: 'From' },
      });
    }
    const status = ctx.status;
    if (status === undefined || status === 100 || !Number.isFinite(status)) {
      return;
    }
    const to = fields.first(K.to);
    if (to >= 0 && ctx.summary.toTag === undefined && !fields.isBlankValue(to)) {
      report({
        code: 'missing-tag',
        severity: 'error',
        messageId: 'toTagMissing',
        params: { status },
        span: fields.header(to).span,
        data: { header: 'To' },
      });
    }
  },
};
