/**
 * The SIP language server: wires LSP requests to the core feature functions. Handlers stay thin:
 * look up the document's analysis (one per version), convert the position, call the core.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  MessageType,
  TextDocumentContentChangeEvent,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import type { Connection, Diagnostic, InitializeParams, InitializeResult, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  doHover,
  findDefinition,
  findDocumentHighlights,
  findDocumentSymbols,
  findReferences,
  getCodeActions,
  getFoldingRanges,
  toLspDiagnostic,
} from '../core/features';
import type { LineLookup } from '../core/features';
import type { Language } from '../core/knowledge/types';
import { allRules } from '../core/lint';
import { FIX_ALL_KIND, STATUS_CHANGED_NOTIFICATION, STATUS_REQUEST } from '../core/protocol';
import type { TraceStatus, TraceStatusParams } from '../core/protocol';
import { AnalysisCache } from './analysis';
import type { Analysis, ChangeHint } from './analysis';
import { DEFAULT_SETTINGS, readSettings } from './settings';
import { serverText } from './texts';

export interface ServerInfo {
  readonly version: string;
}

/** The language of messages for an LSP locale such as `zh-CN` or `en-us`. */
export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** Sets up every handler on a connection; the caller then calls `connection.listen()`. */
export function startServer(connection: Connection, info: ServerInfo): void {
  // The editor's change ranges, kept for the analysis of the version they produce: the exact
  // range of an edit spares comparing two large texts to find it.
  const hints = new Map<string, ChangeHint>();
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document, changes, version) => {
      hints.delete(document.uri);
      const only = changes.length === 1 ? changes[0] : undefined;
      if (only && TextDocumentContentChangeEvent.isIncremental(only)) {
        const a = document.offsetAt(only.range.start);
        const b = document.offsetAt(only.range.end);
        const start = Math.min(a, b);
        hints.set(document.uri, { version, start, oldEnd: Math.max(a, b), newEnd: start + only.text.length });
      }
      return TextDocument.update(document, changes, version);
    },
  });
  const cache = new AnalysisCache(DEFAULT_SETTINGS, 'en');
  let lang: Language = 'en';
  let pullConfiguration = false;
  let registerConfigurationChange = false;
  let settingsReady: Promise<void> = Promise.resolve();
  const shownProblems = new Set<string>();
  const tooLargeShown = new Set<string>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    lang = languageOf(params.locale);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    registerConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const pushed = settingsFromOptions(params.initializationOptions);
    applySettings(pushed);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        documentSymbolProvider: { label: 'SIP' },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'sip-trace-server', version: info.version },
    };
  });

  connection.onInitialized(() => {
    if (registerConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sipTrace' });
    }
    if (pullConfiguration) {
      settingsReady = pullSettings();
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (pullConfiguration) {
      settingsReady = pullSettings();
    } else {
      applySettings(settingsFromOptions(change.settings));
    }
    void settingsReady.then(() => {
      for (const document of documents.all()) {
        schedule(document.uri);
      }
    });
  });

  /** Reads `sipTrace` through workspace/configuration; a failure keeps the current settings. */
  async function pullSettings(): Promise<void> {
    try {
      const [raw] = (await connection.workspace.getConfiguration([{ section: 'sipTrace' }])) as unknown[];
      applySettings(raw);
    } catch (error) {
      connection.console.error(`Reading the sipTrace settings failed: ${errorText(error)}`);
    }
  }

  function applySettings(raw: unknown): void {
    const { settings, problems } = readSettings(raw, new Set(allRules().map((r) => r.code)), lang);
    for (const problem of problems) {
      if (!shownProblems.has(problem)) {
        shownProblems.add(problem);
        void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: problem });
      }
    }
    cache.configure(settings, lang);
  }

  // Analysis is scheduled rather than run in the change handler: several quick edits coalesce
  // into one analysis of the latest version.
  const pending = new Set<string>();
  let scheduled = false;

  function schedule(uri: string): void {
    pending.add(uri);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        void settingsReady.then(flush);
      });
    }
  }

  function flush(): void {
    for (const uri of [...pending]) {
      pending.delete(uri);
      validate(uri);
    }
  }

  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document) {
      return;
    }
    let analysis: Analysis;
    try {
      analysis = cache.get(uri, document.version, () => document.getText(), () => linesOf(document), hints.get(uri));
    } catch (error) {
      // The core never throws on input; if it does anyway, say so and keep serving.
      connection.console.error(serverText('analysisFailed', lang, uri, errorText(error)));
      return;
    }
    const diagnostics: Diagnostic[] = analysis.findings.map((d) => toLspDiagnostic(d, analysis.lines, uri));
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    if (analysis.reason === 'too-large' && !tooLargeShown.has(uri)) {
      tooLargeShown.add(uri);
      const mb = (analysis.text.length / (1024 * 1024)).toFixed(1);
      const limit = cache.settings.maxFileSizeMB;
      void connection.sendNotification('window/showMessage', {
        type: MessageType.Info,
        message: serverText('tooLarge', lang, fileName(uri), mb, limit),
      });
    }
    void connection.sendNotification(STATUS_CHANGED_NOTIFICATION, statusOf(analysis));
  }

  function analysisOf(uri: string): Analysis | undefined {
    const document = documents.get(uri);
    if (!document) {
      return undefined;
    }
    const analysis = cache.get(uri, document.version, () => document.getText(), () => linesOf(document), hints.get(uri));
    return analysis.analyzed ? analysis : undefined;
  }

  function offsetOf(analysis: Analysis, position: Position): number {
    return analysis.lines.offsetAt(position);
  }

  documents.onDidChangeContent((change) => schedule(change.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    pending.delete(uri);
    hints.delete(uri);
    cache.delete(uri);
    tooLargeShown.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover((params) => {
    const a = analysisOf(params.textDocument.uri);
    return a ? doHover(a.trace, a.lines, offsetOf(a, params.position), cache.language) : null;
  });

  connection.onDocumentSymbol((params) => {
    const a = analysisOf(params.textDocument.uri);
    return a ? findDocumentSymbols(a.trace, a.lines, cache.language) : [];
  });

  connection.onFoldingRanges((params) => {
    const a = analysisOf(params.textDocument.uri);
    return a ? getFoldingRanges(a.trace, a.lines) : [];
  });

  connection.onDefinition((params) => {
    const a = analysisOf(params.textDocument.uri);
    return a ? findDefinition(a.trace, a.lines, offsetOf(a, params.position), params.textDocument.uri) : [];
  });

  connection.onReferences((params) => {
    const a = analysisOf(params.textDocument.uri);
    return a ? findReferences(a.trace, a.lines, offsetOf(a, params.position), params.textDocument.uri) : [];
  });

  connection.onDocumentHighlight((params) => {
    const a = analysisOf(params.textDocument.uri);
    return a ? findDocumentHighlights(a.trace, a.lines, offsetOf(a, params.position)) : [];
  });

  connection.onCodeAction((params) => {
    const a = analysisOf(params.textDocument.uri);
    if (!a) {
      return [];
    }
    const ctx = { trace: a.trace, text: a.text, lines: a.lines, lang: cache.language };
    return getCodeActions(
      ctx,
      { uri: params.textDocument.uri, range: params.range, diagnostics: params.context.diagnostics, only: params.context.only },
      a.findings,
    );
  });

  connection.onRequest(STATUS_REQUEST, (params: TraceStatusParams): TraceStatus | null => {
    const document = documents.get(params.uri);
    if (!document) {
      return null;
    }
    return statusOf(cache.get(params.uri, document.version, () => document.getText(), () => linesOf(document), hints.get(params.uri)));
  });

  documents.listen(connection);
}

/**
 * Positions through the document itself: TextDocuments keeps its line starts up to date on each
 * incremental change, where a fresh index would scan the whole text again. Only valid while the
 * document stays at the analysed version, which is how every handler uses it.
 */
function linesOf(document: TextDocument): LineLookup {
  return {
    positionAt: (offset) => document.positionAt(offset),
    offsetAt: (position) => document.offsetAt(position),
    lineStart: (line) => document.offsetAt({ line, character: 0 }),
    get lineCount() {
      return document.lineCount;
    },
  };
}

function statusOf(analysis: Analysis): TraceStatus {
  if (!analysis.analyzed) {
    return { uri: analysis.uri, analyzed: false, reason: analysis.reason, messages: 0, calls: 0, errors: 0, warnings: 0 };
  }
  let errors = 0;
  let warnings = 0;
  for (const d of analysis.findings) {
    if (d.severity === 'error') {
      errors++;
    } else if (d.severity === 'warning') {
      warnings++;
    }
  }
  const trace = analysis.trace;
  return { uri: analysis.uri, analyzed: true, messages: trace.messages.length, calls: analysis.callCounts.size, errors, warnings, format: trace.format };
}

/** The `sipTrace` section of pushed settings (initializationOptions or didChangeConfiguration). */
function settingsFromOptions(options: unknown): unknown {
  if (typeof options === 'object' && options !== null && 'sipTrace' in options) {
    return (options).sipTrace;
  }
  return undefined;
}

function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
