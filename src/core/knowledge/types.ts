/**
 * Shapes of the SIP knowledge base. Explanations are written for this project, in English and
 * Simplified Chinese; facts carry the RFC section they come from.
 */

/** A text in each language the extension speaks. */
export interface Localized {
  readonly en: string;
  readonly 'zh-cn': string;
}

export type Language = keyof Localized;

/** An RFC reference, e.g. `{ rfc: 3261, section: '21.4.6' }`, shown as "RFC 3261 §21.4.6". */
export interface RfcRef {
  readonly rfc: number;
  readonly section?: string;
}

/** How firmly a header is required. */
export type RequirementLevel = 'must' | 'should';

/** A header a message must (or should) carry, and why. */
export interface HeaderRequirement {
  /** Canonical header name, e.g. `Allow`. */
  readonly header: string;
  readonly level: RequirementLevel;
  readonly ref: RfcRef;
  /** When the requirement is conditional, the condition in words (for the diagnostic and hover). */
  readonly condition?: Localized;
}

export interface ResponseCodeInfo {
  readonly code: number;
  /** Canonical reason phrase from the IANA registry. */
  readonly phrase: string;
  /** 1 to 6. */
  readonly responseClass: number;
  readonly ref: RfcRef;
  /** What the code means and when it is sent. */
  readonly meaning: Localized;
  /** What the receiver (usually the UAC) should do next. */
  readonly nextStep: Localized;
  /** Headers this code requires beyond those every response carries. */
  readonly requires: readonly HeaderRequirement[];
  /** False for a class fallback made up for an unregistered code. */
  readonly registered: boolean;
}

export interface MethodInfo {
  readonly name: string;
  readonly ref: RfcRef;
  readonly purpose: Localized;
}

export interface HeaderInfo {
  /** Canonical spelling, e.g. `Call-ID`. */
  readonly name: string;
  /** Compact form, e.g. `i`. */
  readonly compact?: string;
  readonly ref: RfcRef;
  /** True when the header may hold a comma-separated list (or appear several times). */
  readonly multi: boolean;
  readonly description: Localized;
}
