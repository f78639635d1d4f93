/**
 * References and highlights of a Call-ID, Via branch or tag value: every place in the trace that
 * carries the same value.
 */
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import type { DocumentHighlight, Location } from 'vscode-languageserver-types';
import type { Trace } from '../model';
import type { LineLookup } from './locate';
import { identifierAt, occurrencesOf } from './identifiers';
import { contentRange } from './locate';

/** Every occurrence of the identifier at a source offset; empty when the caret is on none. */
export function findReferences(trace: Trace, lines: LineLookup, offset: number, uri: string): Location[] {
  const id = identifierAt(trace, offset);
  if (!id) {
    return [];
  }
  return occurrencesOf(trace, id.cls, id.value).map((o) => ({ uri, range: contentRange(o.message, o.span, lines) }));
}

/**
 * Highlights of the identifier at a source offset. The first occurrence (where the value was
 * chosen) is marked as a write, the others as reads.
 */
export function findDocumentHighlights(trace: Trace, lines: LineLookup, offset: number): DocumentHighlight[] {
  const id = identifierAt(trace, offset);
  if (!id) {
    return [];
  }
  return occurrencesOf(trace, id.cls, id.value).map((o, i) => ({
    range: contentRange(o.message, o.span, lines),
    kind: i === 0 ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
