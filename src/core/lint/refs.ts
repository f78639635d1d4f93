import type { RfcRef } from '../knowledge/types';

/** "RFC 3261 §21.4.6" — the same spelling as the knowledge base's formatRef. */
export function refText(ref: RfcRef): string {
  return ref.section ? `RFC ${ref.rfc} §${ref.section}` : `RFC ${ref.rfc}`;
}
