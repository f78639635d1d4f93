/**
 * Rules across the messages of a trace: responses against the requests they answer
 * (RFC 3261 §8.2.6.2), retransmissions, transactions left without a final response.
 */
import type { Trace, TraceMessage } from '../../model';
import type { RuleInfo } from '../types';
import type { TraceReport } from '../rule';
import type { MessageSummary, TransactionGroups } from '../summary';

type MismatchMessageId =
  | 'responseCseqNumberMismatch'
  | 'responseFromTagMismatch'
  | 'responseToTagMismatch'
  | 'responseViaMismatch'
  | 'responseRecordRouteMismatch';

export interface TraceRule {
  /** The codes this rule reports, described (a code may be shared with a message rule). */
  readonly infos: readonly RuleInfo[];
  check(trace: Trace, summaries: readonly MessageSummary[], groups: TransactionGroups, report: TraceReport): void;
}

/** Methods whose 101-299 responses create a dialog (RFC 3261 §12.1; RFC 3265 §3.1.4; RFC 3515 §2.4). */
const DIALOG_METHODS: ReadonlySet<string> = new Set(['INVITE', 'SUBSCRIBE', 'REFER']);

const COOKIE = 'z9hG4bK';

/** A branch that can identify a transaction: RFC 3261 style with something after the cookie. */
function usableBranch(branch: string | undefined): branch is string {
  return branch !== undefined && branch.length > COOKIE.length && branch.startsWith(COOKIE);
}

function sourceStart(m: TraceMessage, s: MessageSummary): { start: number; end: number } {
  return m.segment.map.spanToSource(s.startSpan);
}

/**
 * A response whose Call-ID and top Via branch name a request of the trace must copy its CSeq,
 * From, To tag (when the request had one), Via, and, for a 100, Timestamp (RFC 3261 §8.2.6.2,
 * §8.2.6.1). The CANCEL and the non-2xx ACK share their INVITE's branch, so the request matched
 * is the one with the response's CSeq method; only when none has it is the method wrong.
 */
export const responseMatching: TraceRule = {
  infos: [
    {
      code: 'response-mismatch',
      defaultSeverity: 'error',
      reference: 'RFC 3261 §8.2.6.2',
      summary: 'A response carries the Call-ID and branch of a request in the trace but does not copy its CSeq number, From tag, To tag, Via or (creating a dialog) Record-Route.',
    },
  ],
  check(trace, summaries, groups, report): void {
    for (let i = 0; i < summaries.length; i++) {
      const s = summaries[i];
      if (s.kind !== 'response' || s.callId === undefined || !s.cseqMethod || !usableBranch(s.topBranch)) {
        continue;
      }
      const sameBranch = groups.ofMessage[i];
      if (sameBranch === undefined) {
        continue;
      }
      // The requests (not ACK) of the transaction; the one with the response's CSeq method is
      // matched, else the first is named in a method mismatch.
      let first = -1;
      let matched = -1;
      for (const r of sameBranch) {
        const rs = summaries[r];
        if (rs.kind === 'request' && rs.method !== 'ACK') {
          if (first < 0) {
            first = r;
          }
          if (rs.method === s.cseqMethod) {
            matched = r;
            break;
          }
        }
      }
      if (first < 0) {
        continue;
      }
      const m = trace.messages[i];
      if (matched < 0) {
        const r = first;
        const rs = summaries[r];
        report({
          code: 'cseq-method-mismatch',
          severity: 'error',
          messageIndex: i,
          messageId: 'responseCseqMethodMismatch',
          params: { cseqMethod: s.cseqMethod ?? '', method: rs.method ?? '', request: r + 1 },
          span: sourceStart(m, s),
          related: [{ span: sourceStart(trace.messages[r], rs), messageId: 'relatedRequest' }],
          data: { expected: rs.method ?? '' },
        });
        continue;
      }
      const rs = summaries[matched];
      const status = s.status ?? 0;
      const createsDialog = status > 100 && status < 300 && DIALOG_METHODS.has(rs.method ?? '');
      if (
        (rs.cseqNumber === undefined || s.cseqNumber === undefined || rs.cseqNumber === s.cseqNumber) &&
        (rs.fromTag === undefined || s.fromTag === rs.fromTag) &&
        (rs.toTag === undefined || s.toTag === rs.toTag) &&
        s.viaCount === rs.viaCount &&
        (!createsDialog || s.recordRouteCount === rs.recordRouteCount) &&
        !(s.status === 100 && rs.hasTimestamp && !s.hasTimestamp)
      ) {
        // The usual case: everything copied; no source span is computed.
        continue;
      }
      const span = sourceStart(m, s);
      const related = [{ span: sourceStart(trace.messages[matched], rs), messageId: 'relatedRequest' as const }];
      const request = matched + 1;
      // Each field the response failed to copy is its own finding, pointing at the request.
      const mismatch = (messageId: MismatchMessageId, field: string, params: Readonly<Record<string, string | number>> = {}): void =>
        report({
          code: 'response-mismatch',
          severity: 'error',
          messageIndex: i,
          messageId,
          params: { ...params, request },
          span,
          related,
          data: { field },
        });
      if (rs.cseqNumber !== undefined && s.cseqNumber !== undefined && rs.cseqNumber !== s.cseqNumber) {
        mismatch('responseCseqNumberMismatch', 'CSeq', { actual: s.cseqNumber, expected: rs.cseqNumber });
      }
      if (rs.fromTag !== undefined && s.fromTag !== rs.fromTag) {
        mismatch('responseFromTagMismatch', 'From');
      }
      if (rs.toTag !== undefined && s.toTag !== rs.toTag) {
        mismatch('responseToTagMismatch', 'To');
      }
      if (s.viaCount !== rs.viaCount) {
        mismatch('responseViaMismatch', 'Via', { actual: s.viaCount, expected: rs.viaCount });
      }
      // A response that creates a dialog copies the request's Record-Route values (RFC 3261
      // §12.1.1); only their number is compared, as a proxy may rewrite its own entry (§16.7).
      if (createsDialog && s.recordRouteCount !== rs.recordRouteCount) {
        mismatch('responseRecordRouteMismatch', 'Record-Route', { actual: s.recordRouteCount, expected: rs.recordRouteCount });
      }
      if (s.status === 100 && rs.hasTimestamp && !s.hasTimestamp) {
        report({
          code: 'missing-header',
          severity: 'error',
          messageIndex: i,
          messageId: 'timestampNotCopied',
          params: { ref: 'RFC 3261 §8.2.6.1' },
          span,
          related,
          data: { header: 'Timestamp' },
        });
      }
    }
  },
};

/** True when two summaries describe the same transmission (group: same Call-ID and branch). */
function sameTransmission(a: MessageSummary, b: MessageSummary): boolean {
  return (
    a.kind === b.kind &&
    a.method === b.method &&
    a.status === b.status &&
    a.cseqNumber === b.cseqNumber &&
    a.cseqMethod === b.cseqMethod &&
    a.viaCount === b.viaCount &&
    a.fromTag === b.fromTag &&
    (a.kind === 'request' || a.toTag === b.toTag)
  );
}

/** The same request or response seen again (RFC 3261 §17 timers A, E, G). */
export const retransmission: TraceRule = {
  infos: [
    {
      code: 'retransmission',
      defaultSeverity: 'information',
      reference: 'RFC 3261 §17.1.1.2, §17.1.2.2, §17.2.1',
      summary: 'A message repeats an earlier one of the trace (same start line, Call-ID, CSeq, branch, tags and Via count).',
    },
  ],
  check(trace, summaries, groups, report): void {
    for (let i = 0; i < summaries.length; i++) {
      const s = summaries[i];
      if (s.callId === undefined || s.cseqNumber === undefined || s.kind === 'invalid') {
        continue;
      }
      const group = groups.ofMessage[i];
      if (group === undefined) {
        continue;
      }
      let earlier = -1;
      // The group lists message indexes in order: only those before i can be earlier copies.
      for (const j of group) {
        if (j >= i) {
          break;
        }
        if (sameTransmission(summaries[j], s)) {
          earlier = j;
          break;
        }
      }
      if (earlier < 0) {
        continue;
      }
      report({
        code: 'retransmission',
        severity: 'information',
        messageIndex: i,
        messageId: 'retransmission',
        params: { first: earlier + 1 },
        span: sourceStart(trace.messages[i], s),
        related: [{ span: sourceStart(trace.messages[earlier], summaries[earlier]), messageId: 'relatedFirstTransmission' }],
        data: { first: earlier },
      });
    }
  },
};

/**
 * A request (not ACK, which has no response) with no final response in the trace. Only when the
 * trace holds at least one response: a capture of requests alone says nothing about answers.
 */
export const unansweredTransaction: TraceRule = {
  infos: [
    {
      code: 'unanswered-transaction',
      defaultSeverity: 'information',
      reference: 'RFC 3261 §17.1.1.2, §17.1.2.2',
      summary: 'A request (other than ACK) has no final response in the trace.',
    },
  ],
  check(trace, summaries, groups, report): void {
    if (!summaries.some((s) => s.kind === 'response' && s.callId !== undefined)) {
      return;
    }
    const reported = new Set<number>();
    for (let i = 0; i < summaries.length; i++) {
      const s = summaries[i];
      if (s.kind !== 'request' || s.method === 'ACK' || s.callId === undefined || s.cseqNumber === undefined) {
        continue;
      }
      const group = groups.ofMessage[i] ?? NO_MESSAGES;
      let answered = false;
      // Report a transaction once, on its first transmission.
      let first = -1;
      for (const j of group) {
        const r = summaries[j];
        if (r.kind === 'response') {
          if ((r.status ?? 0) >= 200 && r.cseqNumber === s.cseqNumber && r.cseqMethod === s.cseqMethod) {
            answered = true;
            break;
          }
        } else if (first < 0 && r.kind === 'request' && r.method === s.method && r.cseqNumber === s.cseqNumber) {
          first = j;
        }
      }
      const key = first < 0 ? i : first;
      if (answered || reported.has(key)) {
        continue;
      }
      reported.add(key);
      report({
        code: 'unanswered-transaction',
        severity: 'information',
        messageIndex: i,
        messageId: 'unanswered',
        params: { method: s.method ?? '' },
        span: sourceStart(trace.messages[i], s),
      });
    }
  },
};

const NO_MESSAGES: readonly number[] = [];

export const TRACE_RULES: readonly TraceRule[] = [responseMatching, retransmission, unansweredTransaction];
