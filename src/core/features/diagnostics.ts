/**
 * Lint findings as LSP diagnostics. The rule code travels as `code`, a link to the rule's page as
 * `codeDescription`, and what a quick fix needs (the finding's `data` plus its message index) as
 * `data`, so fixes are chosen by code and data, never by the translated message text.
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { LintDiagnostic } from '../lint/types';
import type { Severity } from '../model';
import { ruleDocsUrl } from '../protocol';
import type { LineLookup } from './locate';
import { toRange } from './locate';

/** Shown as the diagnostic's source in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'sip';

/** What every diagnostic of this server carries in `data`. */
export interface DiagnosticData {
  readonly messageIndex: number;
  readonly [key: string]: string | number | boolean;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One lint finding as an LSP diagnostic of the document `uri`. */
export function toLspDiagnostic(d: LintDiagnostic, lines: LineLookup, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(d.span, lines),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleDocsUrl(d.code) },
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
    data: { ...(d.data ?? {}), messageIndex: d.messageIndex } satisfies DiagnosticData,
  };
  if (d.related && d.related.length > 0) {
    diagnostic.relatedInformation = d.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: toRange(r.span, lines) }, message: r.message }),
    );
  }
  return diagnostic;
}

/** Reads the message index back from a diagnostic's data (as a client returns it in a code action request). */
export function messageIndexOf(diagnostic: Diagnostic): number | undefined {
  const data: unknown = diagnostic.data;
  if (typeof data === 'object' && data !== null && 'messageIndex' in data) {
    const n = (data).messageIndex;
    return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
  }
  return undefined;
}
