import type { MessageContext, MessageRule, Report } from '../rule';
import { isDigits } from '../sipText';

/** Status-Code = 3DIGIT with a first digit 1-6 (RFC 3261 §7.2, §25); RFC 4475 bigcode. */
export const invalidStatusCode: MessageRule = {
  info: {
    code: 'invalid-status-code',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.2',
    summary: 'The status code is not three digits from 100 to 699.',
  },
  check(ctx: MessageContext, report: Report): void {
    const line = ctx.parsed.startLine;
    if (line.kind !== 'response') {
      return;
    }
    const code = line.code.text;
    if (code.length === 3 && isDigits(code) && code[0] >= '1' && code[0] <= '6') {
      return;
    }
    report({
      code: 'invalid-status-code',
      severity: 'error',
      messageId: 'statusCodeInvalid',
      params: { code },
      span: line.code.span,
    });
  },
};
