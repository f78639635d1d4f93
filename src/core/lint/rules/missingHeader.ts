import { sharedRequestRequirements, sharedResponseRequirements } from '../../knowledge/presence';
import type { HeaderRequirement } from '../../knowledge/types';
import { refText } from '../refs';
import { sharedFinding } from '../rule';
import type { MessageContext, MessageFinding, MessageRule, Report } from '../rule';
import { keyId } from '../fieldIndex';
import { K } from '../keys';

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
    const fields = ctx.fields;
    const has = (name: string): boolean => fields.has(lowerName(name));
    if (ctx.requestMethod !== undefined) {
      const required = sharedRequestRequirements(ctx.requestMethod);
      const ids = idsOf(required);
      for (let k = 0; k < required.length; k++) {
        if (fields.countOf(ids[k]) === 0) {
          const r = required[k];
          reportMissing(ctx, report, required, k, r.level === 'must' ? 'requestMustCarry' : 'requestShouldCarry');
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
    const required = sharedResponseRequirements(status, method);
    const ids = idsOf(required);
    for (let k = 0; k < required.length; k++) {
      if (fields.countOf(ids[k]) > 0) {
        continue;
      }
      const r = required[k];
      const id =
        methodMatters && method
          ? r.level === 'must' ? 'responseToMustCarry' : 'responseToShouldCarry'
          : r.level === 'must' ? 'responseMustCarry' : 'responseShouldCarry';
      reportMissing(ctx, report, required, k, id);
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

/**
 * The key ids of a requirement list's headers, in list order. The presence module hands out the
 * same list object for the same method (and status), so the ids are resolved once per list.
 */
const idsByList = new WeakMap<readonly HeaderRequirement[], Int32Array>();

function idsOf(list: readonly HeaderRequirement[]): Int32Array {
  let ids = idsByList.get(list);
  if (ids === undefined) {
    ids = Int32Array.from(list, (r) => keyId(lowerName(r.header)));
    idsByList.set(list, ids);
  }
  return ids;
}

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

type MissingMessageId = 'requestMustCarry' | 'requestShouldCarry' | 'responseMustCarry' | 'responseShouldCarry' | 'responseToMustCarry' | 'responseToShouldCarry';

/**
 * The last finding made for each requirement of a list. A trace repeats the same omission in
 * message after message (every 200 to OPTIONS of a device lacking Supported): the finding is
 * immutable, so a message whose finding would be equal (same requirement, wording and
 * start-line span) reports the same object, and the linter words it once (see sharedFinding).
 */
const lastFindings = new WeakMap<readonly HeaderRequirement[], (MessageFinding | undefined)[]>();

function reportMissing(ctx: MessageContext, report: Report, list: readonly HeaderRequirement[], k: number, messageId: MissingMessageId): void {
  const r = list[k];
  const method = ctx.requestMethod ?? ctx.cseqMethod ?? '';
  const status = ctx.status ?? '';
  const span = ctx.startSpan;
  let last = lastFindings.get(list);
  const previous = last?.[k];
  if (
    previous !== undefined &&
    previous.messageId === messageId &&
    previous.span.start === span.start &&
    previous.span.end === span.end &&
    previous.params?.method === method &&
    previous.params.status === status
  ) {
    report(previous);
    return;
  }
  const finding = sharedFinding({
    code: 'missing-header',
    severity: r.level === 'must' ? 'error' : 'warning',
    messageId,
    params: { method, status, header: r.header, ref: refText(r.ref) },
    span,
    data: { header: r.header },
  });
  if (last === undefined) {
    last = [];
    lastFindings.set(list, last);
  }
  last[k] = finding;
  report(finding);
}

/** A 1xx other than 100 is reliable when it carries RSeq or `Require: 100rel`; then it needs both (RFC 3262 §3). */
function checkReliableProvisional(ctx: MessageContext, report: Report, status: number): void {
  if (status <= 100 || status >= 200) {
    return;
  }
  const hasRseq = ctx.fields.countOf(K.rseq) > 0;
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
  if (status <= 100 || status >= 200 || method !== 'INVITE' || ctx.fields.countOf(K.contact) > 0) {
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
