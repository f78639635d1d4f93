import type { Language } from '../knowledge/types';
import type { Severity, Span } from '../model';

/** A rule's severity setting: a severity, or off. */
export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** Per-rule overrides by code, e.g. `{ 'missing-branch-cookie': 'off' }`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Language of the messages; English when absent. */
  readonly language?: Language;
}

/** Another place that explains a diagnostic (e.g. the request a response fails to match). */
export interface RelatedLocation {
  /** Source offsets. */
  readonly span: Span;
  readonly message: string;
}

/**
 * A lint finding. `span` is in source offsets of the trace file. `data` carries what a quick fix
 * needs (e.g. `{ header: 'Allow' }`), so fixes are chosen by `code` and `data`, never by message text.
 */
export interface LintDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** Index of the message in the trace the finding belongs to; -1 for a trace-level finding. */
  readonly messageIndex: number;
  readonly related?: readonly RelatedLocation[];
  readonly data?: Readonly<Record<string, string | number | boolean>>;
}

/** Static description of a rule, for docs, `--rule` validation and settings. */
export interface RuleInfo {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** e.g. `RFC 3261 §8.1.1` */
  readonly reference: string;
  readonly summary: string;
}
