import { lookupResponseCode } from '../../knowledge';
import type { MessageContext, MessageRule, Report } from '../rule';
import { isDigits } from '../sipText';

/**
 * A reason phrase other than the registered one. Reason phrases are free text ("implementations
 * MAY choose other text", RFC 3261 §7.2), so this is only a hint naming the canonical phrase.
 */
export const reasonPhraseMismatch: MessageRule = {
  info: {
    code: 'reason-phrase-mismatch',
    defaultSeverity: 'hint',
    reference: 'RFC 3261 §7.2, §21',
    summary: 'The reason phrase differs from the registered phrase of the code (allowed; shown as a hint).',
  },
  check(ctx: MessageContext, report: Report): void {
    const line = ctx.parsed.startLine;
    if (line.kind !== 'response' || line.code.text.length !== 3 || !isDigits(line.code.text)) {
      return;
    }
    const info = lookupResponseCode(Number(line.code.text));
    if (!info || !info.registered) {
      return;
    }
    const written = line.reason.text;
    if (written === info.phrase) {
      // The usual case, compared without a lower-case copy of either.
      return;
    }
    const reason = written.trim();
    if (reason.toLowerCase() === info.phrase.toLowerCase()) {
      return;
    }
    report({
      code: 'reason-phrase-mismatch',
      severity: 'hint',
      messageId: reason === '' ? 'reasonPhraseEmpty' : 'reasonPhraseDiffers',
      params: { reason, canonical: info.phrase, code: info.code },
      span: reason === '' ? line.code.span : line.reason.span,
      data: { canonical: info.phrase },
    });
  },
};
