import { K } from '../keys';
import type { MessageContext, MessageRule, Report } from '../rule';

/**
 * Date = rfc1123-date: `wkday "," SP 2DIGIT SP month SP 4DIGIT SP time SP "GMT"` (RFC 3261
 * §20.17, §25; ABNF literals are case-insensitive). Only GMT is allowed: RFC 4475 baddate
 * uses EST. One regex, run only on Date headers.
 */
const RFC1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/i;

export const invalidDate: MessageRule = {
  info: {
    code: 'invalid-date',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §20.17',
    summary: 'Date is not an RFC 1123 date in GMT.',
  },
  check(ctx: MessageContext, report: Report): void {
    const fields = ctx.fields;
    const count = fields.countOf(K.date);
    for (let k = 0; k < count; k++) {
      const i = fields.nth(K.date, k);
      const text = fields.valueText(i).trim();
      if (!RFC1123.test(text)) {
        report({ code: 'invalid-date', severity: 'error', messageId: 'dateInvalid', params: { value: text }, span: fields.header(i).value.span });
      }
    }
  },
};
