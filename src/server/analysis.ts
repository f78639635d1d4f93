/**
 * One analysis per document version: the parse, the line index and the lint findings every
 * feature reads. An edit reparses with the previous trace so unchanged messages keep their parse
 * (and the lint engine's per-parse cache).
 */
import type { LineLookup } from '../core/features';
import type { Language } from '../core/knowledge/types';
import { lintTrace } from '../core/lint';
import type { LintDiagnostic } from '../core/lint/types';
import type { Trace } from '../core/model';
import { LineIndex } from '../core/text/lineIndex';
import { reparseTrace } from '../core/trace';
import { changedRange, spliceFindings, spliceTrace } from './incremental';
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
  get(uri: string, version: number, text: () => string, lines?: () => LineLookup): Analysis {
    const entry = this.entries.get(uri);
    if (entry && entry.analysis.version === version && entry.generation === this.generation) {
      return entry.analysis;
    }
    const previous = entry?.analysis.analyzed && entry.generation === this.generation ? entry.analysis : undefined;
    const analysis = this.analyze(uri, version, text(), previous, entry?.analysis.trace, lines);
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
  ): Analysis {
    if (!this.current.enable || text.length > this.current.maxFileSizeMB * MB) {
      // Nothing will be looked up in an unanalysed document: skip indexing its lines.
      const reason = this.current.enable ? 'too-large' : 'disabled';
      return { uri, version, text, lines: NO_LINES, trace: EMPTY_TRACE, findings: [], analyzed: false, reason };
    }
    const lines = linesOf ? linesOf() : new LineIndex(text);
    const options = { rules: this.current.rules, language: this.lang };
    if (previous) {
      const change = changedRange(previous.text, text);
      if (!change) {
        return { ...previous, version, text, lines };
      }
      const spliced = spliceTrace(previous.trace, text, previous.text.length, change);
      if (spliced) {
        this.incrementalCount++;
        const findings = spliceFindings(previous.findings, previous.trace, spliced, options);
        return { uri, version, text, lines, trace: spliced.trace, findings, analyzed: true };
      }
    }
    const trace = reparseTrace(text, previousTrace);
    const findings = lintTrace(trace, options);
    return { uri, version, text, lines, trace, findings, analyzed: true };
  }
}
