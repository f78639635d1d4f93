/**
 * The figures the status bar shows for a trace: messages, calls, errors, warnings.
 */
import { summarize } from '../lint/summary';
import type { LintDiagnostic } from '../lint/types';
import type { Trace } from '../model';

export interface TraceSummary {
  readonly messages: number;
  /** Distinct Call-IDs (messages without one are not counted as a call). */
  readonly calls: number;
  readonly errors: number;
  readonly warnings: number;
  readonly format: string;
}

/** Counts messages, distinct Call-IDs and findings by severity. */
export function summarizeTrace(trace: Trace, diagnostics: readonly LintDiagnostic[]): TraceSummary {
  const callIds = new Set<string>();
  for (const message of trace.messages) {
    // The lint engine's per-parse summary: already made for the trace rules, so nearly free here.
    const callId = summarize(message.parsed).callId;
    if (callId !== undefined) {
      callIds.add(callId);
    }
  }
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') {
      errors++;
    } else if (d.severity === 'warning') {
      warnings++;
    }
  }
  return { messages: trace.messages.length, calls: callIds.size, errors, warnings, format: trace.format };
}
