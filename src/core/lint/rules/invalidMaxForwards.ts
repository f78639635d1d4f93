import { K } from '../keys';
import type { MessageContext, MessageRule, Report } from '../rule';
import { isDigits } from '../sipText';

/** Max-Forwards = 1*DIGIT, 0 to 255 (RFC 3261 §20.22, §8.1.1.6). RFC 4475 scalar02 uses 300. */
export const invalidMaxForwards: MessageRule = {
  info: {
    code: 'invalid-max-forwards',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §20.22',
    summary: 'Max-Forwards is not an integer from 0 to 255.',
  },
  check(ctx: MessageContext, report: Report): void {
    const fields = ctx.fields;
    const count = fields.countOf(K.maxForwards);
    for (let k = 0; k < count; k++) {
      const i = fields.nth(K.maxForwards, k);
      const text = fields.valueText(i).trim();
      if (isDigits(text) && Number(text) <= 255) {
        continue;
      }
      const h = fields.header(i);
      report({
        code: 'invalid-max-forwards',
        severity: 'error',
        messageId: 'maxForwardsInvalid',
        params: { value: text },
        span: h.value.span,
      });
    }
  },
};
