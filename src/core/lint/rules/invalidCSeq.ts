import { K } from '../keys';
import type { MessageContext, MessageRule, Report } from '../rule';
import { CSEQ_LIMIT, isDigits, isToken, splitCSeq } from '../sipText';

/**
 * CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16, §25), the number below 2^31 (§8.1.1.5).
 * RFC 4475 scalar02 and scalarlg carry numbers far above 2^32.
 */
export const invalidCSeq: MessageRule = {
  info: {
    code: 'invalid-cseq',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §8.1.1.5, §20.16',
    summary: 'CSeq is not "number method", or its number is 2^31 or more.',
  },
  check(ctx: MessageContext, report: Report): void {
    const fields = ctx.fields;
    const count = fields.countOf(K.cseq);
    for (let k = 0; k < count; k++) {
      const i = fields.nth(K.cseq, k);
      // The first CSeq was already split for the summary.
      const first = k === 0 && ctx.summary.cseqNumber !== undefined;
      const numberText = first ? ctx.summary.cseqNumber : splitCSeq(fields.valueText(i)).numberText;
      const method = first ? ctx.summary.cseqMethod : splitCSeq(fields.valueText(i)).method;
      if (method === undefined || !isDigits(numberText) || !isToken(method)) {
        const h = fields.header(i);
        report({ code: 'invalid-cseq', severity: 'error', messageId: 'cseqInvalid', params: { value: h.value.text.trim() }, span: h.value.span });
        continue;
      }
      // Compare by length first: no Number() of a 20-digit string on the common path.
      if (numberText.length > 10 || Number(numberText) >= CSEQ_LIMIT) {
        report({ code: 'invalid-cseq', severity: 'error', messageId: 'cseqTooLarge', params: { value: numberText }, span: fields.header(i).value.span });
      }
    }
  },
};
