import type { MessageContext, MessageRule, Report } from '../rule';

/**
 * Headers whose grammar has no `*(COMMA ...)`: a second row is a violation (RFC 3261 §7.3.1 and
 * the §25 ABNF; extension headers per their RFCs' ABNF). sip-rules.md §5.7 F2. RFC 4475 multi01, mcl01.
 */
const SINGLE_VALUED: ReadonlyMap<string, string> = new Map(
  [
    'Call-ID', 'CSeq', 'From', 'To', 'Max-Forwards', 'Content-Length', 'Content-Type',
    'Content-Disposition', 'Date', 'Expires', 'Min-Expires', 'MIME-Version', 'Organization',
    'Priority', 'Reply-To', 'Retry-After', 'Server', 'Subject', 'Timestamp', 'User-Agent', 'RAck',
    'RSeq', 'Event', 'Subscription-State', 'Refer-To', 'SIP-ETag', 'SIP-If-Match',
  ].map((name) => [name.toLowerCase(), name]),
);

export const duplicateHeader: MessageRule = {
  info: {
    code: 'duplicate-header',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.3.1',
    summary: 'A single-valued header (Call-ID, CSeq, From, To, Max-Forwards, Content-Length, ...) appears more than once.',
  },
  check(ctx: MessageContext, report: Report): void {
    // Only keys seen more than once can hold a duplicate; most messages have none but Via.
    for (const key of ctx.headers.repeatedKeys()) {
      const name = SINGLE_VALUED.get(key);
      const all = name === undefined ? undefined : ctx.headers.get(key);
      if (name === undefined || all === undefined) {
        continue;
      }
      for (let i = 1; i < all.length; i++) {
        report({
          code: 'duplicate-header',
          severity: 'error',
          messageId: 'headerDuplicate',
          params: { header: name },
          span: all[i].span,
          data: { header: name },
        });
      }
    }
  },
};
