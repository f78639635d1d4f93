import { K } from '../keys';
import { firstElementParam } from '../sipText';
import type { MessageContext, MessageRule, Report } from '../rule';

/**
 * A 2xx to REGISTER lists the current bindings, and "each Contact value MUST feature an
 * 'expires' parameter indicating its expiration interval" (RFC 3261 §10.3 step 8), whatever the
 * Expires header says.
 */
export const missingContactExpires: MessageRule = {
  info: {
    code: 'missing-contact-expires',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §10.3',
    summary: 'A Contact of a 2xx response to REGISTER has no expires parameter.',
  },
  check(ctx: MessageContext, report: Report): void {
    const status = ctx.status;
    if (status === undefined || status < 200 || status > 299 || ctx.cseqMethod !== 'REGISTER') {
      return;
    }
    const fields = ctx.fields;
    const count = fields.countOf(K.contact);
    for (let k = 0; k < count; k++) {
      const i = fields.nth(K.contact, k);
      const value = fields.valueText(i);
      if (!value.includes(',') && firstElementParam(value, 'expires') !== undefined) {
        // One binding with an expires parameter (the usual case): no split of the value.
        continue;
      }
      for (const v of fields.header(i).values) {
        if (v.main.text.trim() === '*' || v.params.some((p) => p.name.text.toLowerCase() === 'expires')) {
          continue;
        }
        report({
          code: 'missing-contact-expires',
          severity: 'error',
          messageId: 'contactExpiresMissing',
          span: v.span,
          data: { header: 'Contact' },
        });
      }
    }
  },
};
