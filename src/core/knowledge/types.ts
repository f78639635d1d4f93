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

/**
 * How a fact was sourced, mirroring the labels of the project's rules reference: checked against
 * the RFC text, taken from a third-party quotation of the RFC, or not verified at all. A checker
 * should not raise an error on anything weaker than `rfc-text`.
 */
export type Evidence = 'rfc-text' | 'second-hand' | 'unverified';

/**
 * Circumstances a per-code requirement depends on that the status code and CSeq method alone do
 * not tell. A checker enforces a requirement carrying one only if it can establish the
 * circumstance from the trace (e.g. the response carries `RSeq`, the request had Record-Route).
 */
export type RequirementCircumstance =
  /** The provisional response is sent reliably (RFC 3262): it carries `Require: 100rel` or `RSeq`. */
  | 'reliable-provisional'
  /** The response creates a dialog (answers a dialog-creating request sent outside a dialog). */
  | 'creates-dialog'
  /** The request being answered carried Record-Route. */
  | 'request-has-record-route'
  /** The server considers the condition temporary. */
  | 'temporary-condition'
  /** The request body's media type was not understood. */
  | 'body-type-not-understood'
  /** The request body's content coding was not understood. */
  | 'body-encoding-not-understood'
  /** The request body's language was not understood. */
  | 'body-language-not-understood'
  /** The registrar still holds bindings for the address of record. */
  | 'bindings-exist'
  /** A re-INVITE's session description is rejected. */
  | 'reinvite-offer-rejected'
  /**
   * The request arrived on a dialog while the UAS had not yet answered an earlier request of the
   * same kind (INVITE, UPDATE), or an UPDATE offer arrived while the UAS still owed an answer.
   */
  | 'overlapping-request';

/** A header a message must (or should) carry, and why. */
export interface HeaderRequirement {
  /** Canonical header name, e.g. `Allow`. */
  readonly header: string;
  readonly level: RequirementLevel;
  readonly ref: RfcRef;
  /** When the requirement is conditional, the condition in words (for the diagnostic and hover). */
  readonly condition?: Localized;
  /**
   * The requirement applies only to a response to one of these methods (CSeq method, compared
   * case-sensitively). Absent: any method.
   */
  readonly methods?: readonly string[];
  /** Further circumstances that must all hold (see {@link RequirementCircumstance}). Absent: none. */
  readonly when?: readonly RequirementCircumstance[];
  /** How the requirement is sourced. Absent means `rfc-text`. */
  readonly evidence?: Evidence;
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
  /** Further sections worth reading (an earlier or companion definition). */
  readonly seeAlso?: readonly RfcRef[];
}

export interface MethodInfo {
  readonly name: string;
  readonly ref: RfcRef;
  readonly purpose: Localized;
  /** Further sections worth reading (an earlier or companion definition). */
  readonly seeAlso?: readonly RfcRef[];
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
  /** Further sections worth reading (an earlier or companion definition). */
  readonly seeAlso?: readonly RfcRef[];
}
