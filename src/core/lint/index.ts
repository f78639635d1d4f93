/**
 * The lint engine: runs every rule over a parsed trace and returns diagnostics in source
 * offsets, in the requested language, with the user's severity overrides applied.
 *
 * Per-message rules are pure functions of a message's parse, its content and its transport, so
 * their findings are cached by ParsedMessage identity: re-linting a trace made by `reparseTrace`
 * (which keeps the parse of every unchanged message) runs the rules only on changed messages.
 * Cached findings hold content-relative spans and message ids; source offsets and text are made
 * at the end, because an unchanged message may have moved and the language may differ.
 */
import type { Language } from '../knowledge/types';
import type { Header, ParsedMessage, ParseProblem, Severity, Span, Trace, TraceMessage } from '../model';
import { FieldIndex } from './fieldIndex';
import { K } from './keys';
import { formatMessage, parseProblemText } from './messages';
import { PARSE_RULES } from './parseCodes';
import { hasProblem, isSharedFinding } from './rule';
import type { MessageContext, MessageFinding, TraceFinding } from './rule';
import { MESSAGE_RULES } from './rules';
import { TRACE_RULES } from './rules/traceRules';
import { forgetSearches, sentProtocolTransport, viaTransport } from './sipText';
import { existingSlot, lintSlot, TransactionGrouper } from './summary';
import type { LintSlot, MessageSummary, TransactionGroups } from './summary';
import type { LintDiagnostic, LintOptions, RelatedLocation, RuleInfo, RuleSetting } from './types';

export type { LintDiagnostic, LintOptions, RuleInfo, RuleSetting } from './types';

/** How many messages the message rules actually ran on (cache misses), for tests and benches. */
let rulesRunCount = 0;

/** Number of messages the message rules have run on since start (cache misses only). */
export function lintRunCount(): number {
  return rulesRunCount;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One field index for every message: re-filled per message, emptied after each lint. */
const sharedIndex = new FieldIndex();

/**
 * The context handed to the rules, re-filled per message (rules do not keep it). `headerList`
 * builds every field's Header object, so it is made only when a rule reads it.
 */
class LintContext implements MessageContext {
  parsed!: ParsedMessage;
  content = '';
  transport: string | undefined;
  readonly fields: FieldIndex = sharedIndex;
  readonly headers: FieldIndex = sharedIndex;
  requestMethod: string | undefined;
  status: number | undefined;
  cseqMethod: string | undefined;
  summary!: MessageSummary;
  headersComplete = true;
  startSpan: Span = { start: 0, end: 0 };

  get headerList(): readonly Header[] {
    return this.fields.headers();
  }
}

const sharedContext = new LintContext();

/** Fills the shared context for `parsed`, whose fields `sharedIndex` already indexes. */
function fillContext(ctx: LintContext, parsed: ParsedMessage, summary: MessageSummary, content: string, framingTransport: string | undefined): void {
  const line = parsed.startLine;
  let transport = framingTransport === undefined ? undefined : upperTransport(framingTransport);
  if (transport === undefined) {
    const topVia = sharedIndex.first(K.via);
    transport = topVia >= 0 ? (sentProtocolTransport(sharedIndex.valueText(topVia)) ?? viaTransport(sharedIndex.header(topVia).values[0])) : undefined;
  }
  ctx.parsed = parsed;
  ctx.content = content;
  ctx.transport = transport;
  ctx.requestMethod = line.kind === 'request' ? line.method.text : undefined;
  ctx.status = line.kind === 'response' ? line.status : undefined;
  ctx.summary = summary;
  ctx.cseqMethod = summary.cseqMethod;
  ctx.headersComplete = !hasProblem(parsed, 'missing-header-terminator');
  ctx.startSpan = line.span;
}

/** Upper-cased framing transports: a trace names two or three, so no new string per message. */
const upperTransports = new Map<string, string>();

/** The last transport upper-cased (consecutive messages travel on the same one). */
let lastTransport = '';
let lastUpperTransport = '';

function upperTransport(transport: string): string {
  if (transport === lastTransport) {
    return lastUpperTransport;
  }
  let upper = upperTransports.get(transport);
  if (upper === undefined) {
    upper = transport.toUpperCase();
    if (upperTransports.size < 64) {
      upperTransports.set(transport, upper);
    }
  }
  lastTransport = transport;
  lastUpperTransport = upper;
  return upper;
}

function problemFinding(p: ParseProblem): MessageFinding {
  return { code: p.code, severity: p.severity, messageId: 'parseProblem', params: { text: p.message }, span: p.span };
}

const NO_FINDINGS: readonly MessageFinding[] = [];

/** The one-element findings list of each shared finding ({@link sharedFinding}). */
const loneLists = new WeakMap<MessageFinding, readonly MessageFinding[]>();

function loneFindingList(f: MessageFinding): readonly MessageFinding[] {
  let list = loneLists.get(f);
  if (list === undefined) {
    list = [f];
    loneLists.set(f, list);
  }
  return list;
}

/** The findings the rules report for the message being linted (reset per message). */
const collected: MessageFinding[] = [];
/** The parse problems of the message being linted. */
let currentProblems: readonly ParseProblem[] = [];

/**
 * The one report function every rule gets (no closure per message). A rule finding that
 * repeats a parse problem (same code and span) is dropped: the parser and a rule may both see
 * an unreadable start line. Rules may report several findings on one span (e.g. every missing
 * header on the start line); only repeats of parse problems go.
 */
function collect(f: MessageFinding): void {
  for (const p of currentProblems) {
    if (p.code === f.code && p.span.start === f.span.start && p.span.end === f.span.end) {
      return;
    }
  }
  collected.push(f);
}

/**
 * The linter's slot of a message, with its findings (parse problems and message rules,
 * content-relative) for the transport it travelled on: cached, or found now.
 */
function lintedSlot(m: TraceMessage): LintSlot {
  const parsed = m.parsed;
  const transportKey = m.segment.framing.transport ?? '';
  // Findings are kept per parse, with the transport they were found for: a message travels on
  // one transport, but the stream-transport checks depend on it.
  const cached = existingSlot(parsed);
  if (cached?.findings !== undefined && cached.transport === transportKey) {
    return cached;
  }
  rulesRunCount++;
  sharedIndex.reset(parsed, m.segment.content);
  const slot = cached ?? lintSlot(parsed, sharedIndex);
  fillContext(sharedContext, parsed, slot.summary, m.segment.content, m.segment.framing.transport);
  currentProblems = parsed.problems;
  for (const rule of MESSAGE_RULES) {
    try {
      rule.check(sharedContext, collect);
    } catch {
      // A rule must never take the linter down on odd input; the other rules still report.
    }
  }
  let findings: readonly MessageFinding[] = NO_FINDINGS;
  if (parsed.problems.length > 0) {
    findings = [...parsed.problems.map(problemFinding), ...collected];
    collected.length = 0;
  } else if (collected.length === 1 && isSharedFinding(collected[0])) {
    // A lone shared finding (the common case: one SHOULD header missing) gets one list for
    // every message that has it, not a list per message to keep.
    findings = loneFindingList(collected[0]);
    collected.length = 0;
  } else if (collected.length > 0) {
    // An exact-size copy: the collecting list has grown room for 16 and is kept for the next
    // message, while the findings live as long as the parse.
    findings = collected.slice();
    collected.length = 0;
  }
  currentProblems = [];
  slot.transport = transportKey;
  slot.findings = findings;
  return slot;
}

/** The wording of shared findings ({@link sharedFinding}) in this lint, in its language. */
const wordings = new Map<MessageFinding, string>();

/** A finding's message in `language`; a shared finding is worded once per lint. */
function findingText(f: MessageFinding, language: Language): string {
  if (f.messageId === 'parseProblem') {
    return parseProblemText(f.code, String(f.params?.text ?? ''), language);
  }
  if (!isSharedFinding(f)) {
    return formatMessage(f.messageId, language, f.params);
  }
  let text = wordings.get(f);
  if (text === undefined) {
    text = formatMessage(f.messageId, language, f.params);
    wordings.set(f, text);
  }
  return text;
}

function effectiveSeverity(code: string, severity: Severity, rules: Readonly<Record<string, RuleSetting>> | undefined): Severity | undefined {
  const setting = rules?.[code];
  if (setting === 'off') {
    return undefined;
  }
  return setting ?? severity;
}

/** Appends the diagnostics of one message (source offsets, in `language`) to `out`. */
function lintMessage(
  m: TraceMessage,
  findings: readonly MessageFinding[],
  language: Language,
  rules: Readonly<Record<string, RuleSetting>> | undefined,
  out: LintDiagnostic[],
): void {
  for (const f of findings) {
    const severity = effectiveSeverity(f.code, f.severity, rules);
    if (!severity) {
      continue;
    }
    const message = findingText(f, language);
    const diagnostic: Mutable<LintDiagnostic> = {
      code: f.code,
      severity,
      message,
      span: m.segment.map.spanToSource(f.span),
      messageIndex: m.index,
    };
    if (f.data) {
      diagnostic.data = f.data;
    }
    out.push(diagnostic);
  }
}

/** The trace rules' findings of a trace, with the message summaries they were found from. */
interface TraceSlot {
  readonly messages: readonly TraceMessage[];
  readonly summaries: readonly MessageSummary[];
  readonly findings: readonly TraceFinding[];
}

/**
 * Trace-rule findings per Trace object. A Trace and its messages are immutable, so the same
 * Trace whose every message still has the same summary (the same parse) yields the same
 * findings: re-linting it (new severity overrides or language, the same document linted again)
 * skips the grouping and the trace rules. Findings are kept before severity and language are
 * applied, like the message findings.
 */
const traceCache = new WeakMap<Trace, TraceSlot>();

function sameSummaries(a: readonly MessageSummary[], b: readonly MessageSummary[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

function traceFindings(trace: Trace, summaries: readonly MessageSummary[], groups: TransactionGroups): readonly TraceFinding[] {
  const cached = traceCache.get(trace);
  if (cached !== undefined && cached.messages === trace.messages && sameSummaries(cached.summaries, summaries)) {
    return cached.findings;
  }
  const findings: TraceFinding[] = [];
  const report = (f: TraceFinding): void => {
    findings.push(f);
  };
  for (const rule of TRACE_RULES) {
    try {
      rule.check(trace, summaries, groups, report);
    } catch {
      // As for message rules: one rule's failure must not hide the others' findings.
    }
  }
  traceCache.set(trace, { messages: trace.messages, summaries, findings });
  return findings;
}

/**
 * Lints a parsed trace. Returns diagnostics (source offsets) ordered by position. Parse and
 * reader problems are included, under their own codes, with the same overrides.
 */
export function lintTrace(trace: Trace, options: LintOptions = {}): LintDiagnostic[] {
  const language: Language = options.language ?? 'en';
  const rules = options.rules;
  const out: LintDiagnostic[] = [];
  for (const p of trace.problems) {
    const severity = effectiveSeverity(p.code, p.severity, rules);
    if (severity) {
      out.push({ code: p.code, severity, message: parseProblemText(p.code, p.message, language), span: p.span, messageIndex: -1 });
    }
  }
  const summaries: MessageSummary[] = [];
  const grouper = new TransactionGrouper();
  try {
    for (const m of trace.messages) {
      const slot = lintedSlot(m);
      summaries.push(slot.summary);
      grouper.add(slot.summary);
      lintMessage(m, slot.findings ?? NO_FINDINGS, language, rules, out);
    }
  } finally {
    sharedIndex.clear();
    wordings.clear();
    forgetSearches();
    lastTransport = '';
    lastUpperTransport = '';
  }
  if (trace.messages.length > 1) {
    for (const f of traceFindings(trace, summaries, grouper.groups())) {
      const severity = effectiveSeverity(f.code, f.severity, rules);
      if (!severity) {
        continue;
      }
      const related: RelatedLocation[] | undefined = f.related?.map((r) => ({
        span: r.span,
        message: formatMessage(r.messageId, language, r.params),
      }));
      out.push({
        code: f.code,
        severity,
        message: formatMessage(f.messageId, language, f.params),
        span: f.span,
        messageIndex: f.messageIndex,
        ...(related ? { related } : {}),
        ...(f.data ? { data: f.data } : {}),
      });
    }
  }
  out.sort(bySpan);
  return out;
}

function bySpan(a: { span: Span; messageIndex: number }, b: { span: Span; messageIndex: number }): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

let rulesCache: readonly RuleInfo[] | undefined;

/** Every code the linter can report (rules, and reader/parser problem codes), sorted by code. */
export function allRules(): RuleInfo[] {
  if (!rulesCache) {
    const byCode = new Map<string, RuleInfo>();
    for (const info of [...MESSAGE_RULES.map((r) => r.info), ...TRACE_RULES.flatMap((r) => r.infos), ...PARSE_RULES]) {
      if (!byCode.has(info.code)) {
        byCode.set(info.code, info);
      }
    }
    rulesCache = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  }
  return [...rulesCache];
}

/** The description of a code, or undefined when no rule reports it. */
export function ruleInfo(code: string): RuleInfo | undefined {
  return allRules().find((r) => r.code === code);
}
