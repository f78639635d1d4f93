import { K } from '../keys';
import { isSipVersion } from '../../parser';
import { isPlainSipVia } from '../sipText';
import type { MessageContext, MessageRule, Report } from '../rule';

/**
 * A well-formed SIP-Version other than SIP/2.0 (a malformed one is the parser's `invalid-sip-version`) (case-insensitive comparison, RFC 3261 §7.1; 505 per §21.5.6),
 * in the start line or in a Via sent-protocol (§8.1.1.7, §20.42). RFC 4475 badvers.
 */
export const unsupportedVersion: MessageRule = {
  info: {
    code: 'unsupported-version',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.1, §8.1.1.7, §21.5.6',
    summary: 'The SIP version in the start line or a Via is not SIP/2.0.',
  },
  check(ctx: MessageContext, report: Report): void {
    const line = ctx.parsed.startLine;
    const version = line.kind === 'invalid' ? 'SIP/2.0' : line.version.text;
    if (version !== 'SIP/2.0' && line.kind !== 'invalid' && isSipVersion(version) && version.toUpperCase() !== 'SIP/2.0') {
      report({
        code: 'unsupported-version',
        severity: 'error',
        messageId: 'versionUnsupported',
        params: { version: line.version.text },
        span: line.version.span,
      });
    }
    const fields = ctx.fields;
    const count = fields.countOf(K.via);
    for (let k = 0; k < count; k++) {
      const i = fields.nth(K.via, k);
      // The common case, one well-spelled value per line, needs no split (nor copy) of the value.
      if (fields.isPlainSipVia(i)) {
        continue;
      }
      for (const value of fields.header(i).values) {
        if (isPlainSipVia(value.main.text)) {
          continue;
        }
        // SLASH = SWS "/" SWS: `SIP / 2.0 / TCP` is legal (RFC 4475 wsinv).
        const main = value.main.text.trim().replace(/\s*\/\s*/g, '/');
        if (main === '') {
          continue;
        }
        const end = main.search(/\s/);
        const protocol = end < 0 ? main : main.slice(0, end);
        const parts = protocol.split('/');
        const ok = parts.length === 3 && parts[0].trim().toUpperCase() === 'SIP' && parts[1].trim() === '2.0' && parts[2].trim() !== '';
        if (!ok) {
          report({
            code: 'unsupported-version',
            severity: 'error',
            messageId: 'viaVersionUnsupported',
            params: { protocol },
            span: value.main.span,
          });
        }
      }
    }
  },
};
