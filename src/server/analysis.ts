/**
 * One analysis per document version: the parse, the positions and the lint findings every
 * feature reads. After an edit only the messages around it are read, parsed and linted again
 * (./incremental); when that cannot be done safely the whole text is read again, and still every
 * unchanged message keeps its parse (reparseTrace) and the lint engine's per-parse findings.
 */
import type { LineLookup } from '../core/features';
import type { Language } from '../core/knowledge/types';
import { lintTrace } from '../core/lint';
import type { LintDiagnostic } from '../core/lint/types';
import { summarize } from '../core/lint/summary';
import type { Trace, TraceMessage } from '../core/model';
import { LineIndex } from '../core/text/lineIndex';
import { reparseTrace } from '../core/trace';
import { changedRange, spliceFindings, spliceTrace } from './incremental';
import type { ChangedRange, SplicedTrace } from './incremental';
import type { ServerSettings } from './settings';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** Positions of this version's text (valid while the document is at this version). */
  readonly lines: LineLookup;
  readonly trace: Trace;
  readonly findings: readonly LintDiagnostic[];
  /** False when the document was not analysed; `trace` is then empty. */
  readonly analyzed: boolean;
  readonly reason?: 'disabled' | 'too-large';
  /** Messages per Call-ID (kept up to date across edits: the status bar counts calls). */
  readonly callCounts: ReadonlyMap<string, number>;
}

/** What the editor said it changed: `[start, oldEnd)` of version `version - 1` became `[start, newEnd)`. */
export interface ChangeHint extends ChangedRange {
  readonly version: number;
}

const EMPTY_TRACE: Trace = { format: 'raw', messages: [], problems: [] };
const NO_LINES: LineLookup = new LineIndex('');

/** Bytes per MB for the size limit (text length in UTF-16 units stands in for bytes). */
const MB = 1024 * 1024;

interface Entry {
  analysis: Analysis;
  /** Settings generation the analysis was made with. */
  generation: number;
}

/** Caches the analysis of each open document by version. */
export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  /** How many analyses took the incremental path (for tests and the bench). */
  incrementalCount = 0;

  constructor(
    private current: ServerSettings,
    private lang: Language,
  ) {}

  get settings(): ServerSettings {
    return this.current;
  }

  /** New settings or language: every cached analysis is redone on next use (parses are still reused). */
  configure(settings: ServerSettings, lang: Language): void {
    this.current = settings;
    this.lang = lang;
    this.generation++;
  }

  get language(): Language {
    return this.lang;
  }

  /**
   * The analysis of a document version, computed on first use. `lines` gives the positions of
   * that text when the caller already keeps them (an LSP TextDocument updates its line starts
   * incrementally; indexing a 10 MB text again costs tens of milliseconds per edit).
   */
  get(uri: string, version: number, text: () => string, lines?: () => LineLookup, hint?: ChangeHint): Analysis {
    const entry = this.entries.get(uri);
    if (entry && entry.analysis.version === version && entry.generation === this.generation) {
      return entry.analysis;
    }
    const previous = entry?.analysis.analyzed && entry.generation === this.generation ? entry.analysis : undefined;
    // The editor's own change range is exact and free; it only applies to the version right after.
    const content = text();
    const change =
      hint && previous && hint.version === version && previous.version === version - 1 && content.length - previous.text.length === hint.newEnd - hint.oldEnd
        ? hint
        : undefined;
    const analysis = this.analyze(uri, version, content, previous, entry?.analysis.trace, lines, change);
    this.entries.set(uri, { analysis, generation: this.generation });
    return analysis;
  }

  /** The cached analysis of a document, whatever its version. */
  peek(uri: string): Analysis | undefined {
    return this.entries.get(uri)?.analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  private analyze(
    uri: string,
    version: number,
    text: string,
    previous: Analysis | undefined,
    previousTrace: Trace | undefined,
    linesOf: (() => LineLookup) | undefined,
    hint: ChangedRange | undefined,
  ): Analysis {
    if (!this.current.enable || text.length > this.current.maxFileSizeMB * MB) {
      // Nothing will be looked up in an unanalysed document: skip indexing its lines.
      const reason = this.current.enable ? 'too-large' : 'disabled';
      return { uri, version, text, lines: NO_LINES, trace: EMPTY_TRACE, findings: [], analyzed: false, reason, callCounts: new Map() };
    }
    const lines = linesOf ? linesOf() : new LineIndex(text);
    const options = { rules: this.current.rules, language: this.lang };
    if (previous) {
      const change = hint ?? changedRange(previous.text, text);
      if (!change) {
        return { ...previous, version, text, lines };
      }
      const spliced = spliceTrace(previous.trace, text, previous.text.length, change);
      if (spliced) {
        this.incrementalCount++;
        const findings = spliceFindings(previous.findings, previous.trace, spliced, options);
        const callCounts = spliceCallCounts(previous, spliced);
        return { uri, version, text, lines, trace: spliced.trace, findings, analyzed: true, callCounts };
      }
    }
    const trace = reparseTrace(text, previousTrace);
    const findings = lintTrace(trace, options);
    return { uri, version, text, lines, trace, findings, analyzed: true, callCounts: countCalls(trace.messages, new Map(), 1) };
  }
}

/** Adds `sign` (1 or -1) per message to its Call-ID's count; a count that drops to 0 goes. */
function countCalls(messages: readonly TraceMessage[], counts: Map<string, number>, sign: 1 | -1): Map<string, number> {
  for (const m of messages) {
    const callId = summarize(m.parsed).callId;
    if (callId !== undefined) {
      const n = (counts.get(callId) ?? 0) + sign;
      if (n > 0) {
        counts.set(callId, n);
      } else {
        counts.delete(callId);
      }
    }
  }
  return counts;
}

/** The previous counts with the re-read window's old messages taken out and its new ones put in. */
function spliceCallCounts(previous: Analysis, spliced: SplicedTrace): Map<string, number> {
  const counts = new Map(previous.callCounts);
  countCalls(previous.trace.messages.slice(spliced.first, spliced.first + spliced.removed), counts, -1);
  return countCalls(spliced.trace.messages.slice(spliced.first, spliced.first + spliced.added), counts, 1);
}
