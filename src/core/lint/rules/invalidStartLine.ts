import type { MessageContext, MessageRule, Report } from '../rule';

/**
 * A start line that is neither a request line nor a status line (RFC 3261 §7.1, §7.2). The
 * parser reports the finer breaches itself under their own codes (`start-line-whitespace` for
 * RFC 4475 lwsstart/trws, `request-uri-whitespace` for lwsruri, `invalid-method`,
 * `invalid-sip-version`); this rule makes sure an unreadable start line is always reported, and
 * the engine drops the duplicate when the parser reported it too.
 */
export const invalidStartLine: MessageRule = {
  info: {
    code: 'invalid-start-line',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.1, §7.2',
    summary: 'The start line is neither a request line nor a status line.',
  },
  check(ctx: MessageContext, report: Report): void {
    const line = ctx.parsed.startLine;
    if (line.kind === 'invalid') {
      report({ code: 'invalid-start-line', severity: 'error', messageId: 'startLineUnreadable', span: line.span });
    }
  },
};
