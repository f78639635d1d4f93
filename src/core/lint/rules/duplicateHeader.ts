import type { MessageContext, MessageRule, Report } from '../rule';
import { keyId } from '../fieldIndex';

/**
 * Headers whose grammar has no `*(COMMA ...)`: a second row is a violation (RFC 3261 §7.3.1 and
 * the §25 ABNF; extension headers per their RFCs' ABNF). sip-rules.md §5.7 F2. RFC 4475 multi01, mcl01.
 */
const SINGLE_VALUED: ReadonlyMap<number, string> = new Map(
  [
    'Call-ID', 'CSeq', 'From', 'To', 'Max-Forwards', 'Content-Length', 'Content-Type',
    'Content-Disposition', 'Date', 'Expires', 'Min-Expires', 'MIME-Version', 'Organization',
    'Priority', 'Reply-To', 'Retry-After', 'Server', 'Subject', 'Timestamp', 'User-Agent', 'RAck',
    'RSeq', 'Event', 'Subscription-State', 'Refer-To', 'SIP-ETag', 'SIP-If-Match',
  ].map((name) => [keyId(name.toLowerCase()), name]),
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
    const fields = ctx.fields;
    for (const id of fields.repeatedIds()) {
      const name = SINGLE_VALUED.get(id);
      if (name === undefined) {
        continue;
      }
      const count = fields.countOf(id);
      for (let k = 1; k < count; k++) {
        report({
          code: 'duplicate-header',
          severity: 'error',
          messageId: 'headerDuplicate',
          params: { header: name },
          span: fields.header(fields.nth(id, k)).span,
          data: { header: name },
        });
      }
    }
  },
};
