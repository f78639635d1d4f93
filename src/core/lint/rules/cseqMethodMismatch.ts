import type { MessageContext, MessageRule, Report } from '../rule';
import { readCSeq } from '../sipText';

/**
 * The CSeq method equals the request method (RFC 3261 §8.1.1.5; methods are case-sensitive,
 * §7.1). RFC 4475 mismatch01/mismatch02. The response side (a response's CSeq method vs the
 * request it answers) is checked across the trace by the engine's trace rules.
 */
export const cseqMethodMismatch: MessageRule = {
  info: {
    code: 'cseq-method-mismatch',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §8.1.1.5, §8.2.6.2',
    summary: "The CSeq method differs from the request method (or, for a response, from the method of the request it answers).",
  },
  check(ctx: MessageContext, report: Report): void {
    const method = ctx.requestMethod;
    const cseqMethod = ctx.cseqMethod;
    if (method === undefined || cseqMethod === undefined || cseqMethod.includes(' ') || cseqMethod === method) {
      return;
    }
    const header = ctx.headers.get('cseq')?.[0];
    const cseq = header ? readCSeq(header, ctx.content) : undefined;
    if (cseq) {
      report({
        code: 'cseq-method-mismatch',
        severity: 'error',
        messageId: 'cseqMethodMismatch',
        params: { cseqMethod, method },
        span: cseq.methodSpan,
        data: { expected: method },
      });
    }
  },
};
