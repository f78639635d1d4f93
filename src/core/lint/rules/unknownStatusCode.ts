import { lookupResponseCode } from '../../knowledge';
import type { MessageContext, MessageRule, Report } from '../rule';
import { isDigits } from '../sipText';

/** A well-formed code that IANA has not registered: a UAC treats it as x00 (RFC 3261 §8.1.3.2). */
export const unknownStatusCode: MessageRule = {
  info: {
    code: 'unknown-status-code',
    defaultSeverity: 'information',
    reference: 'RFC 3261 §8.1.3.2',
    summary: 'The status code is well-formed but not registered; receivers treat it as the x00 of its class.',
  },
  check(ctx: MessageContext, report: Report): void {
    const line = ctx.parsed.startLine;
    if (line.kind !== 'response' || line.code.text.length !== 3 || !isDigits(line.code.text)) {
      return;
    }
    const status = Number(line.code.text);
    if (status < 100 || status > 699) {
      return;
    }
    const info = lookupResponseCode(status);
    if (info && info.registered) {
      return;
    }
    // An unknown 1xx other than 100 is treated as 183 (§8.1.3.2); any other as x00.
    const fallback = status > 100 && status < 200 ? 183 : Math.floor(status / 100) * 100;
    report({
      code: 'unknown-status-code',
      severity: 'information',
      messageId: 'statusCodeUnknown',
      params: { code: status, fallback },
      span: line.code.span,
    });
  },
};
