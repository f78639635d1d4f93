import type { MessageContext, MessageRule, Report } from '../rule';
import { isBlank } from '../sipText';
import { headerValueText } from '../../parser';

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
    const from = ctx.headers.get('from')?.[0];
    if (from && !isBlank(headerValueText(from)) && ctx.summary.fromTag === undefined) {
      report({
        code: 'missing-tag',
        severity: 'error',
        messageId: 'fromTagMissing',
        span: from.span,
        data: { header: 'From' },
      });
    }
    const status = ctx.status;
    if (status === undefined || status === 100 || !Number.isFinite(status)) {
      return;
    }
    const to = ctx.headers.get('to')?.[0];
    if (to && !isBlank(headerValueText(to)) && ctx.summary.toTag === undefined) {
      report({
        code: 'missing-tag',
        severity: 'error',
        messageId: 'toTagMissing',
        params: { status },
        span: to.span,
        data: { header: 'To' },
      });
    }
  },
};
