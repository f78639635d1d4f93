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
    // Keys of single-valued headers seen so far; a second sighting is the finding.
    let seen: Set<string> | undefined;
    for (const h of ctx.parsed.headers) {
      const name = SINGLE_VALUED.get(h.key);
      if (!name) {
        continue;
      }
      seen ??= new Set();
      if (!seen.has(h.key)) {
        seen.add(h.key);
        continue;
      }
      report({
        code: 'duplicate-header',
        severity: 'error',
        messageId: 'headerDuplicate',
        params: { header: name },
        span: h.span,
        data: { header: name },
      });
    }
  },
};
