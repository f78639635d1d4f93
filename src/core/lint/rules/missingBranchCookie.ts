import { K } from '../keys';
import type { MessageContext, MessageRule, Report } from '../rule';

const COOKIE = 'z9hG4bK';

/**
 * The top Via branch of an RFC 3261 element begins with the magic cookie z9hG4bK (§8.1.1.7);
 * without it (or without a branch) the peer is an RFC 2543 one and transactions are matched the
 * old way (§17.2.3). That is legal interworking, hence information. A branch that is only the
 * cookie carries no transaction identifier (RFC 4475 §3.2.1 badbranch).
 */
export const missingBranchCookie: MessageRule = {
  info: {
    code: 'missing-branch-cookie',
    defaultSeverity: 'information',
    reference: 'RFC 3261 §8.1.1.7, §17.2.3',
    summary: 'The top Via branch is missing, lacks the z9hG4bK magic cookie, or is only the cookie.',
  },
  check(ctx: MessageContext, report: Report): void {
    const text = ctx.summary.topBranch;
    if (text !== undefined && text.length > COOKIE.length && text.startsWith(COOKIE)) {
      return;
    }
    const fields = ctx.fields;
    const top = fields.first(K.via);
    if (top < 0 || fields.isBlankValue(top)) {
      return;
    }
    const span = fields.header(top).value.span;
    if (text === undefined) {
      report({ code: 'missing-branch-cookie', severity: 'information', messageId: 'branchMissing', span });
      return;
    }
    if (!text.startsWith(COOKIE)) {
      report({
        code: 'missing-branch-cookie',
        severity: 'information',
        messageId: 'branchNoCookie',
        params: { branch: text },
        span,
      });
    } else if (text.length === COOKIE.length) {
      report({ code: 'missing-branch-cookie', severity: 'information', messageId: 'branchCookieOnly', span });
    }
  },
};
