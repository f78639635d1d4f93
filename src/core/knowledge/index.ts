/**
 * The SIP knowledge base: response codes, methods and headers with their RFC references and
 * explanations in English and Simplified Chinese. Pure data and look-ups; no I/O.
 */

import { HEADERS } from './headers';
import * as headerNames from './headerNames';
import { METHODS } from './methods';
import * as responseCodes from './responseCodes';
import type { HeaderInfo, Language, Localized, MethodInfo, ResponseCodeInfo, RfcRef } from './types';

export type * from './types';
export type { ResolvedHeaderName } from './headerNames';

// Re-exported as plain values, not `export ... from`: compiled to CommonJS, that form makes each
// name a getter on the module object, which every call (the linter's per message) then pays.
export const COMPACT_FORMS = headerNames.COMPACT_FORMS;
export const CANONICAL_HEADER_NAMES = headerNames.CANONICAL_HEADER_NAMES;
export const compactFormOf = headerNames.compactFormOf;
export const resolveHeaderName = headerNames.resolveHeaderName;
export const lookupResponseCode = responseCodes.lookupResponseCode;
export const responseClassName = responseCodes.responseClassName;
const REGISTERED_CODES = responseCodes.REGISTERED_CODES;

/** The 75 codes of the IANA registry, ascending (class fallbacks are not listed). */
export function allResponseCodes(): readonly ResponseCodeInfo[] {
  return REGISTERED_CODES;
}

const METHOD_BY_NAME: ReadonlyMap<string, MethodInfo> = new Map(METHODS.map((m) => [m.name, m]));

/**
 * A method by name. The match is case-sensitive because SIP method names are (RFC 3261 §25, the
 * ABNF spells INVITE as %x49.4E.56.49.54.45): `invite` is an unknown extension method, not INVITE.
 */
export function lookupMethod(name: string): MethodInfo | undefined {
  return METHOD_BY_NAME.get(name);
}

/** Every method known here: RFC 3261's six and the extension methods. */
export function allMethods(): readonly MethodInfo[] {
  return METHODS;
}

const HEADER_BY_KEY: ReadonlyMap<string, HeaderInfo> = new Map(HEADERS.map((h) => [h.name.toLowerCase(), h]));

/**
 * A header by name, in any case, full or compact (`i` and `CALL-ID` both give Call-ID); header
 * names are case-insensitive (RFC 3261 §7.3.1). Surrounding whitespace is ignored.
 */
export function lookupHeader(nameOrCompact: string): HeaderInfo | undefined {
  const trimmed = nameOrCompact.trim();
  if (trimmed === '') {
    return undefined;
  }
  return HEADER_BY_KEY.get(resolveHeaderName(trimmed).key);
}

/** Every header described here, in the order of the table (RFC 3261 §20 first). */
export function allHeaders(): readonly HeaderInfo[] {
  return HEADERS;
}

/** "RFC 3261 §21.4.6", or "RFC 3261" when the reference has no section. */
export function formatRef(ref: RfcRef): string {
  return ref.section === undefined ? `RFC ${ref.rfc}` : `RFC ${ref.rfc} §${ref.section}`;
}

/** The RFC Editor's HTML page for a reference, anchored at the section when there is one. */
export function rfcUrl(ref: RfcRef): string {
  const page = `https://www.rfc-editor.org/rfc/rfc${ref.rfc}`;
  return ref.section === undefined ? page : `${page}#section-${ref.section}`;
}

/** The text in the requested language. */
export function localize(text: Localized, lang: Language): string {
  return text[lang];
}
