import { K } from '../keys';
import { keyId } from '../fieldIndex';
import type { Header } from '../../model';
import type { MessageContext, MessageRule, Report } from '../rule';
import { MAX_UINT32, findParam, firstElementParam, isDigits, isToken, isTokenChar, mainPartEnd } from '../sipText';

/** Headers whose value is delta-seconds (`1*DIGIT`, at most 2^32-1) before any parameters or comment. */
const DELTA_SECONDS: readonly { id: number; name: string; ref: string }[] = [
  { id: keyId('expires'), name: 'Expires', ref: 'RFC 3261 §20.19' },
  { id: keyId('min-expires'), name: 'Min-Expires', ref: 'RFC 3261 §20.23' },
  { id: keyId('retry-after'), name: 'Retry-After', ref: 'RFC 3261 §20.33' },
  { id: K.rseq, name: 'RSeq', ref: 'RFC 3262 §7.1' },
];

/**
 * Scalar and simple-grammar header values: Expires, Min-Expires, Retry-After, RSeq and the
 * Contact `expires` parameter as delta-seconds within 32 bits (RFC 3261 §20.19, §20.23, §20.33,
 * §10.2.1.1); Warning codes as 3DIGIT (§20.43); Content-Type as type/subtype (§20.15).
 * RFC 4475 scalar02 and scalarlg.
 */
export const invalidHeaderValue: MessageRule = {
  info: {
    code: 'invalid-header-value',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §20.15, §20.19, §20.33, §20.43',
    summary: 'An Expires, Min-Expires, Retry-After, RSeq, Contact expires, Warning or Content-Type value breaks its grammar or range.',
  },
  check(ctx: MessageContext, report: Report): void {
    // Look up the few headers concerned instead of visiting every header.
    const fields = ctx.fields;
    for (const delta of DELTA_SECONDS) {
      const count = fields.countOf(delta.id);
      for (let k = 0; k < count; k++) {
        const i = fields.nth(delta.id, k);
        // Retry-After may carry a comment and parameters after the number.
        const text = fields.valueText(i).trim();
        const end = text.search(/[\s;(]/);
        const number = end < 0 ? text : text.slice(0, end);
        if (!isDeltaSeconds(number)) {
          reportDelta(report, fields.header(i), delta.name, delta.ref, text);
        }
      }
    }
    const contacts = fields.countOf(K.contact);
    for (let k = 0; k < contacts; k++) {
      const i = fields.nth(K.contact, k);
      const value = fields.valueText(i);
      if (!hasExpires(value)) {
        continue;
      }
      const h = fields.header(i);
      if (!value.includes(',')) {
        // One binding (the usual case): a valid expires needs no split of the value.
        const expires = firstElementParam(value, 'expires');
        if (expires !== undefined && expires !== '' && isDeltaSeconds(expires)) {
          continue;
        }
      }
      for (const v of h.values) {
        const expires = findParam(v, 'expires');
        const text = expires?.value?.text.trim();
        if (expires && text !== undefined && !isDeltaSeconds(text)) {
          report({
            code: 'invalid-header-value',
            severity: 'error',
            messageId: 'deltaSecondsInvalid',
            params: { header: 'Contact expires', value: text, ref: 'RFC 3261 §20.10' },
            span: expires.span,
            data: { header: 'Contact' },
          });
        }
      }
    }
    const warnings = fields.countOf(K.warning);
    for (let k = 0; k < warnings; k++) {
      const h = fields.header(fields.nth(K.warning, k));
      for (const v of h.values) {
        const code = v.text.trim().split(/\s+/)[0];
        if (code.length !== 3 || !isDigits(code)) {
          report({
            code: 'invalid-header-value',
            severity: 'error',
            messageId: 'warningCodeInvalid',
            params: { value: code },
            span: v.span,
            data: { header: 'Warning' },
          });
        }
      }
    }
    const types = fields.countOf(K.contentType);
    for (let k = 0; k < types; k++) {
      const i = fields.nth(K.contentType, k);
      const value = fields.valueText(i);
      if (isPlainMediaType(value)) {
        continue;
      }
      const h = fields.header(i);
      const main = value.slice(0, mainPartEnd(value)).trim();
      const slash = main.indexOf('/');
      if (slash < 0 || !isToken(main.slice(0, slash).trim()) || !isToken(main.slice(slash + 1).trim())) {
        report({
          code: 'invalid-header-value',
          severity: 'error',
          messageId: 'contentTypeInvalid',
          params: { value: main },
          span: h.value.span,
          data: { header: 'Content-Type' },
        });
      }
    }
  },
};

/** Fast path: `token/token`, optionally followed by `;` parameters (not checked here). */
function isPlainMediaType(text: string): boolean {
  let slash = -1;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 47) {
      if (slash >= 0) {
        return false;
      }
      slash = i;
    } else if (c === 59) {
      break;
    } else if (!isTokenChar(c)) {
      return false;
    }
  }
  return slash > 0 && slash < i - 1;
}

function isDeltaSeconds(text: string): boolean {
  return isDigits(text) && Number(text) <= MAX_UINT32;
}

function reportDelta(report: Report, h: Header, header: string, ref: string, value: string): void {
  report({
    code: 'invalid-header-value',
    severity: 'error',
    messageId: 'deltaSecondsInvalid',
    params: { header, value, ref },
    span: h.value.span,
    data: { header },
  });
}

/** Whether `expires` occurs in the text in any letter case (a native search, no lower-case copy). */
function hasExpires(text: string): boolean {
  return EXPIRES.test(text);
}

const EXPIRES = /expires/i;
