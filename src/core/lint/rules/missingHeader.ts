import { sharedRequestRequirements, sharedResponseRequirements } from '../../knowledge/presence';
import type { HeaderRequirement } from '../../knowledge/types';
import { refText } from '../refs';
import type { MessageContext, MessageRule, Report } from '../rule';

/**
 * Mandatory headers by method and status code (RFC 3261 §20 tables and the extension tables,
 * through the presence module), plus the per-code and per-situation MUSTs the tables cannot
 * express: reliable provisional responses (RFC 3262 §3), early-dialog Contact (RFC 3261 §12.1.1)
 * and the 415 Accept family (RFC 3261 §8.2.3). Silent on a message whose header block never
 * ended (a truncated log): what is absent may just have been cut off.
 */
export const missingHeader: MessageRule = {
  info: {
    code: 'missing-header',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §8.1.1, §8.2.6.2, §20',
    summary: 'A header the RFCs require for this method or status code is missing (MUST: error, SHOULD: warning).',
  },
  check(ctx: MessageContext, report: Report): void {
    if (!ctx.headersComplete) {
      return;
    }
    const has = (name: string): boolean => ctx.headers.has(lowerName(name));
    if (ctx.requestMethod !== undefined) {
      for (const r of sharedRequestRequirements(ctx.requestMethod)) {
        if (!has(r.header)) {
          reportMissing(ctx, report, r, r.level === 'must' ? 'requestMustCarry' : 'requestShouldCarry');
        }
      }
      return;
    }
    const status = ctx.status;
    if (status === undefined || !Number.isInteger(status) || status < 100 || status > 699) {
      return;
    }
    const method = ctx.cseqMethod ?? '';
    const methodMatters = status < 400;
    for (const r of sharedResponseRequirements(status, method)) {
      if (has(r.header)) {
        continue;
      }
      const id =
        methodMatters && method
          ? r.level === 'must' ? 'responseToMustCarry' : 'responseToShouldCarry'
          : r.level === 'must' ? 'responseMustCarry' : 'responseShouldCarry';
      reportMissing(ctx, report, r, id);
    }
    checkReliableProvisional(ctx, report, status);
    checkEarlyDialogContact(ctx, report, status, method);
    if (status === 415 && !has('Accept') && !has('Accept-Encoding') && !has('Accept-Language')) {
      report({
        code: 'missing-header',
        severity: 'error',
        messageId: 'unsupportedMediaMustCarry',
        params: { ref: 'RFC 3261 §8.2.3' },
        span: ctx.startSpan,
        data: { header: 'Accept' },
      });
    }
  },
};

/** Lower-cased canonical names; the requirement lists use a few dozen names, so this stays small. */
const lowered = new Map<string, string>();

function lowerName(name: string): string {
  let lower = lowered.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    lowered.set(name, lower);
  }
  return lower;
}

function reportMissing(
  ctx: MessageContext,
  report: Report,
  r: HeaderRequirement,
  messageId: 'requestMustCarry' | 'requestShouldCarry' | 'responseMustCarry' | 'responseShouldCarry' | 'responseToMustCarry' | 'responseToShouldCarry',
): void {
  report({
    code: 'missing-header',
    severity: r.level === 'must' ? 'error' : 'warning',
    messageId,
    params: {
      method: ctx.requestMethod ?? ctx.cseqMethod ?? '',
      status: ctx.status ?? '',
      header: r.header,
      ref: refText(r.ref),
    },
    span: ctx.startSpan,
    data: { header: r.header },
  });
}

/** A 1xx other than 100 is reliable when it carries RSeq or `Require: 100rel`; then it needs both (RFC 3262 §3). */
function checkReliableProvisional(ctx: MessageContext, report: Report, status: number): void {
  if (status <= 100 || status >= 200) {
    return;
  }
  const hasRseq = ctx.headers.has('rseq');
  const requires100rel = (ctx.headers.get('require') ?? []).some((h) =>
    h.values.some((v) => v.main.text.trim().toLowerCase() === '100rel'),
  );
  if (hasRseq === requires100rel) {
    return;
  }
  const header = hasRseq ? 'Require' : 'RSeq';
  report({
    code: 'missing-header',
    severity: 'error',
    messageId: 'reliableMustCarry',
    params: { status, header, ref: 'RFC 3262 §3' },
    span: ctx.startSpan,
    data: { header },
  });
}

/** A 101-199 to INVITE with a To tag creates an early dialog, so the UAS MUST add Contact (RFC 3261 §12.1.1). */
function checkEarlyDialogContact(ctx: MessageContext, report: Report, status: number, method: string): void {
  if (status <= 100 || status >= 200 || method !== 'INVITE' || ctx.headers.has('contact')) {
    return;
  }
  if (ctx.summary.toTag === undefined) {
    return;
  }
  report({
    code: 'missing-header',
    severity: 'error',
    messageId: 'dialogMustCarry',
    params: { status, ref: 'RFC 3261 §12.1.1' },
    span: ctx.startSpan,
    data: { header: 'Contact' },
  });
}
