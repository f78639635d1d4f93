/** Small constructors shared by the knowledge tables, so the tables read as data. */

import type { HeaderRequirement, Localized, ResponseCodeInfo, RfcRef } from './types';

/** A text in English and Simplified Chinese. */
export function t(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}

/** An RFC reference; the section is left out when the RFC text was not available to check it. */
export function rfc(number: number, section?: string): RfcRef {
  return section === undefined ? { rfc: number } : { rfc: number, section };
}

export interface CodeEntry {
  readonly phrase: string;
  readonly ref: RfcRef;
  readonly meaning: Localized;
  readonly nextStep: Localized;
  readonly requires?: readonly HeaderRequirement[];
  readonly seeAlso?: readonly RfcRef[];
}

/** Builds a registered response code's entry; the class is derived from the first digit. */
export function registered(code: number, entry: CodeEntry): ResponseCodeInfo {
  const info: ResponseCodeInfo = {
    code,
    phrase: entry.phrase,
    responseClass: Math.floor(code / 100),
    ref: entry.ref,
    meaning: entry.meaning,
    nextStep: entry.nextStep,
    requires: entry.requires ?? [],
    registered: true,
  };
  return entry.seeAlso === undefined ? info : { ...info, seeAlso: entry.seeAlso };
}
