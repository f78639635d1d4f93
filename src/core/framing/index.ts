/**
 * The trace reader: finds every SIP message in the text of a trace file, whatever tool wrote it,
 * and cuts it out with its framing. Detection is per framing header line, not per file, since
 * logs mix formats and interleave other lines; text outside any framing is read as raw SIP.
 */
import type { Framing, MessageSegment, ParseProblem, Span, TraceFormat } from '../model';
import { SourceMap } from '../text/sourceMap';
import { ContentBuilder } from './contentBuilder';
import { cutMessages, readContentLength, type CutMessage, type CutOptions } from './cutMessages';
import { asteriskPrefixEnd, detectHeader, isChanSipEnd, isPjsipEnd, isRule, type FrameHeader } from './frameHeaders';
import { restoreNgrepChunk } from './ngrepView';
import { ReaderCodes, problem } from './problems';
import { StartKind, findStartLineInLine, findStartNear, isBlank, lineEnd, nextLine, startLineKind, trimEnd } from './text';
import { rebuildWireshark, wiresharkTreeEnd, type WiresharkBody } from './wireshark';

export { ReaderCodes } from './problems';

/** What {@link readTrace} finds in a file. */
export interface ReadTraceResult {
  /** The most common framing among the messages found (`raw` when none). */
  readonly format: TraceFormat;
  /** The messages in file order. */
  readonly segments: MessageSegment[];
  /** Reader problems, in source offsets. */
  readonly problems: ParseProblem[];
}

/** What {@link iterateTrace} returns once every segment has been yielded. */
export interface TraceSummary {
  /** The most common framing among the messages found (`raw` when none). */
  readonly format: TraceFormat;
  /** Reader problems, in source offsets, sorted by start. */
  readonly problems: ParseProblem[];
}

/**
 * Finds every SIP message in the text of a trace file (raw SIP, ngrep, sngrep, Asterisk,
 * FreeSWITCH, Kamailio sipdump, SIPp, pjsip, Homer, tcpdump -A, Wireshark text, or SIP start
 * lines anywhere as a fallback). Never throws; linear in the size of the text.
 * Holds every segment at once: for huge files prefer {@link iterateTrace}.
 */
export function readTrace(text: string): ReadTraceResult {
  const reader = new TraceReader(text);
  const segments: MessageSegment[] = [];
  // Straight into the result: a generator resumed per message costs more than a raw SIP read.
  const failure = guarded(reader, () => {
    while (reader.step(segments)) {
      // each step appends the messages it finished
    }
  });
  const summary = failure ?? reader.summary();
  return { format: summary.format, segments, problems: summary.problems };
}

/**
 * The streaming form of {@link readTrace}: yields the same segments in the same (file) order
 * without keeping them, so a caller that parses and drops each message reads a trace of any
 * size in memory bounded by the text plus a few megabytes (and a TCP flow's unfinished message).
 * The generator's return value (seen by calling `next()` until `done`; a `for...of` loop drops
 * it) holds the format and the reader problems. Never throws.
 */
export function* iterateTrace(text: string): Generator<MessageSegment, TraceSummary, undefined> {
  const reader = new TraceReader(text);
  let ready: MessageSegment[] = [];
  for (;;) {
    const outcome = stepGuarded(reader, ready);
    if (ready.length > 0) {
      for (let i = 0; i < ready.length; i++) {
        yield ready[i];
      }
      // A new array rather than `length = 0`, which V8 handles outside compiled code.
      ready = [];
    }
    if (outcome !== true) {
      return outcome === false ? reader.summary() : outcome;
    }
  }
}

/**
 * Runs `read`, turning an exception into a summary holding one `reader-failure` problem: a bug
 * in the reader must not take the editor or the CLI down with it. Undefined when all went well.
 */
function guarded(reader: TraceReader, read: () => void): TraceSummary | undefined {
  try {
    read();
    return undefined;
  } catch (err) {
    return failureSummary(reader, err);
  }
}

/**
 * One {@link TraceReader.step} under {@link guarded}'s rule, without a closure per step (a
 * stream takes one step per frame): whether there is more, or the failure summary.
 */
function stepGuarded(reader: TraceReader, out: MessageSegment[]): boolean | TraceSummary {
  try {
    return reader.step(out);
  } catch (err) {
    return failureSummary(reader, err);
  }
}

function failureSummary(reader: TraceReader, err: unknown): TraceSummary {
  return {
    format: reader.summary().format,
    problems: [problem(ReaderCodes.readerFailure, `The trace reader failed: ${String(err)}`, { start: 0, end: 0 }, 'error')],
  };
}

/** Problems beyond this many are dropped so that memory stays bounded on hostile input. */
const MAX_PROBLEMS = 10000;
/** A TCP flow's unfinished message is given up (reported truncated) beyond this size. */
const MAX_PENDING_CHARS = 4 * 1024 * 1024;
const MAX_PENDING_PACKETS = 1000;

interface Found {
  readonly segment: MessageSegment;
  readonly sourceStart: number;
  readonly seq: number;
}

/** An unfinished message of a TCP flow waiting for its next packet. */
interface Pending {
  readonly builder: ContentBuilder;
  readonly framing: Framing;
  readonly start: number;
  packets: number;
}

function byFileOrder(a: Found, b: Found): number {
  return a.sourceStart - b.sourceStart || a.seq - b.seq;
}

/** Any ngrep packet header line (protocol letter, optional time, `src -> dst`). */
const NGREP_OTHER_HEADER = /[UTI?] [^\n]*? -> [^\n]*$/my;

/**
 * Characters of ngrep text restored at a time (see ngrepView). Small enough that the chunk is
 * still in the CPU cache when its packets are cut, and that V8 keeps it as an ordinary heap
 * string rather than an external one: about twice as fast as 4 MB chunks on big traces.
 */
const NGREP_CHUNK = 64 * 1024;

const PACKET: CutOptions = { raw: false, atEof: true, perChar: true };

class TraceReader {
  private readonly found: Found[] = [];
  private readonly problems: ParseProblem[] = [];
  private readonly pending = new Map<string, Pending>();
  /**
   * A segment found while {@link found} was empty, kept bare: most frames hold one message, which
   * then goes straight out without a {@link Found} record. Any other segment found first moves it
   * into {@link found} (see settle), so the order is the same.
   */
  private lone: MessageSegment | undefined;
  private loneStart = 0;
  private loneSeq = 0;
  private seq = 0;
  /** CR-restored copy of the text from {@link ngrepBase} on (see ngrepView). */
  private ngrepChunk = '';
  private ngrepBase = 0;
  /** Offsets of the newlines in the text that {@link ngrepChunk} covers (the first {@link ngrepLines}). */
  private ngrepLineEnds: Int32Array = new Int32Array(0);
  private ngrepLines = 0;
  /** Index in {@link ngrepLineEnds} of the last line end asked for (lines are read in order). */
  private lineCursor = 0;
  /** Cache of the next Kamailio `||||` marker (-1 once none is left), so lookups stay linear. */
  private kamailioMarker = -2;
  /**
   * The last header line detected: a frame's end is found by detecting the next frame's header,
   * which the main loop then asks for again at the same offset.
   */
  private detectedAt = -1;
  private detected: FrameHeader | undefined;
  /**
   * What the last ngrep block scan (see ngrepBlockEnd) saw of the header section of the packet
   * whose payload starts at {@link sectionOf}: the end (`\n`) of the first line after the start
   * line that is blank once ngrep's `.` is read as a CR (-1 if none), and the first Content-Length
   * before it (-1 if none). The cut of a whole datagram uses it instead of reading the lines again.
   */
  private sectionOf = -1;
  private sectionBlankEnd = -1;
  private sectionLength = -1;
  /** The end (`\n`, or the end of the text) of the packet's first line, from the same scan. */
  private sectionFirstEnd = -1;
  /**
   * The start and end of the line that ended the last ngrep block (the next packet's header
   * line), where {@link step} reads on: its end is then known without searching for it again.
   */
  private blockEndLine = -1;
  private blockEndLineEnd = -1;
  private emitted = 0;
  /** Where {@link step} goes on reading. */
  private pos = 0;
  private finished = false;
  /** Messages read per format, but for {@link runFormat}'s, which is {@link runCount}. */
  private readonly formatCounts = new Map<TraceFormat, number>();
  private runFormat: TraceFormat | undefined;
  private runCount = 0;
  private bestFormat: TraceFormat = 'raw';
  private bestCount = 0;
  /** NULs outside messages are reported at the end: only then are the message extents needed. */
  private readonly hasNul: boolean;
  /** Source start and end of every emitted segment, flat (only when {@link hasNul}). */
  private readonly extents: number[] = [];

  constructor(private readonly text: string) {
    this.hasNul = text.indexOf('\u0000') >= 0;
  }

  /**
   * Reads the next frame (or stretch of raw text) and appends to `out` the messages that are
   * now final, in file order; after the text, finishes what is left. False once all is done.
   */
  step(out: MessageSegment[]): boolean {
    const text = this.text;
    const n = text.length;
    const pos = this.pos;
    if (pos < n) {
      const le = pos === this.blockEndLine ? this.blockEndLineEnd : lineEnd(text, pos);
      const header = this.detect(pos, le);
      if (header) {
        this.pos = Math.max(this.readFrame(header), nextLine(text, le));
      } else {
        const regionEnd = this.nextHeader(nextLine(text, le), n);
        this.readRaw(pos, regionEnd);
        this.pos = regionEnd;
      }
      const lone = this.lone;
      if (lone !== undefined && this.found.length === 0 && this.pending.size === 0) {
        // Most frames hold one message and no TCP flow is waiting: no sort, no splice.
        this.lone = undefined;
        this.count(lone);
        out.push(lone);
      } else {
        this.settle();
        if (this.found.length > 0) {
          this.take(this.readyCount(), out);
        }
      }
      return true;
    }
    if (this.finished) {
      return false;
    }
    this.finished = true;
    for (const p of [...this.pending.values()]) {
      this.flushPending(p);
    }
    this.pending.clear();
    this.settle();
    if (this.emitted === 0 && this.found.length === 0) {
      this.readFallback();
      this.settle();
    }
    this.readyCount();
    this.take(this.found.length, out);
    this.reportBinary();
    return true;
  }

  /** Format and problems, once {@link run} is done. */
  summary(): TraceSummary {
    this.problems.sort((a, b) => a.span.start - b.span.start);
    return { format: this.bestFormat, problems: this.problems };
  }

  /**
   * How many of the found segments (sorted into file order here) no unfinished TCP message can
   * precede any more: a pending message is emitted late but belongs at its start.
   */
  private readyCount(): number {
    const found = this.found;
    if (found.length > 1) {
      found.sort(byFileOrder);
    }
    if (this.pending.size === 0) {
      return found.length;
    }
    let limit = Infinity;
    for (const p of this.pending.values()) {
      limit = Math.min(limit, p.builder.toSource(p.start));
    }
    let k = 0;
    while (k < found.length && found[k].sourceStart < limit) {
      k++;
    }
    return k;
  }

  /** Moves the first `k` found segments (tallied) to `out`, keeping the rest for later. */
  private take(k: number, out: MessageSegment[]): void {
    if (k === 0) {
      return;
    }
    const found = this.found;
    for (let i = 0; i < k; i++) {
      this.count(found[i].segment);
      out.push(found[i].segment);
    }
    if (k === found.length) {
      found.length = 0;
    } else {
      found.splice(0, k);
    }
  }

  /** Tallies formats for the summary and keeps each segment's source extent while NULs need it. */
  private count(segment: MessageSegment): void {
    this.emitted++;
    const format = segment.framing.format;
    if (format !== this.runFormat) {
      // Messages come in runs of one format: the map is touched only where the format changes.
      if (this.runFormat !== undefined) {
        this.formatCounts.set(this.runFormat, this.runCount);
      }
      this.runFormat = format;
      this.runCount = this.formatCounts.get(format) ?? 0;
    }
    const c = ++this.runCount;
    if (c > this.bestCount) {
      this.bestFormat = format;
      this.bestCount = c;
    }
    if (this.hasNul) {
      const span = segment.map.spanToSource({ start: 0, end: segment.content.length });
      this.extents.push(span.start, span.end);
    }
  }

  // ---------------------------------------------------------------- raw SIP

  private readRaw(from: number, to: number): void {
    const cut = cutMessages(this.text, from, to, { raw: true, atEof: to === this.text.length, perChar: false });
    for (const m of cut.messages) {
      const framing: Framing = { format: m.afterJunk ? 'fallback' : 'raw' };
      this.emitSlice(m, framing);
    }
    for (const j of cut.junk) {
      this.reportJunk(j.start, j.end);
    }
    for (const h of cut.headless) {
      // Without this the user sees nothing at all for a file of headers only: say why.
      this.addProblem(
        problem(
          ReaderCodes.unrecognizedMessage,
          'SIP header lines without a start line (request or status line) before them: not read as a message',
          h,
        ),
      );
    }
  }

  /**
   * Text left in a datagram after its last message (a Content-Length shorter than what was sent).
   * Not for TCP, whose packet may end in the first bytes of the next message, and not for a run
   * of dots only: ngrep prints each unprintable byte (NUL padding) as one. ngrep's `#` marks
   * and `exit` are never here: they end the packet's block (see ngrepMarks), so `#`s left in a
   * datagram after its message were sent in it.
   */
  private reportPacketRest(rest: { start: number; end: number } | undefined, framing: Framing, toSource: (o: number) => number, view: string): void {
    if (!rest || rest.end <= rest.start || framing.transport === 'TCP') {
      return;
    }
    NGREP_OTHER_HEADER.lastIndex = rest.start;
    if (NGREP_OTHER_HEADER.test(view)) {
      // A packet header ngrep printed that the reader does not frame (ICMP `type:code`): not junk.
      return;
    }
    let onlyDots = true;
    for (let i = rest.start; i < rest.end && onlyDots; i++) {
      const c = view.charCodeAt(i);
      onlyDots = c === 46 || c === 10 || c === 13 || c === 32;
    }
    if (onlyDots) {
      return;
    }
    const start = toSource(rest.start);
    this.addProblem(
      problem(
        ReaderCodes.unparsedText,
        'Text in the packet after the end of its SIP message (per its Content-Length) that belongs to no message',
        { start, end: Math.max(start, toSource(rest.end - 1) + 1) },
      ),
    );
  }

  private reportJunk(start: number, end: number): void {
    const span = { start, end };
    if (hasBinary(this.text, start, end)) {
      this.addProblem(problem(ReaderCodes.binaryData, 'Binary data after a SIP message, outside any message', span));
    } else {
      this.addProblem(
        problem(ReaderCodes.unparsedText, 'Text after the end of a SIP message (per its Content-Length) that belongs to no message', span),
      );
    }
  }

  /** Emits a message copied verbatim from the source (or from a same-length view of it starting at `base`). */
  private emitSlice(m: CutMessage, framing: Framing, view: string = this.text, base = 0): void {
    const segment: MessageSegment = {
      content: view.slice(m.start, m.end),
      map: SourceMap.identity(m.start + base),
      framing,
    };
    this.push(segment, m.start + base);
    if (m.truncated !== undefined || m.overrun === true) {
      this.reportCut(m, (o) => o + base);
    }
  }

  /** Emits a message stitched from pieces. */
  private emitBuilt(builder: ContentBuilder, content: string, m: CutMessage, framing: Framing): void {
    const segment: MessageSegment = {
      content: content.slice(m.start, m.end),
      map: builder.mapRange(m.start, m.end),
      framing,
    };
    this.push(segment, builder.toSource(m.start));
    if (m.truncated !== undefined || m.overrun === true) {
      this.reportCut(m, (o) => builder.toSource(o));
    }
  }

  private push(segment: MessageSegment, sourceStart: number): void {
    if (this.lone === undefined && this.found.length === 0) {
      this.lone = segment;
      this.loneStart = sourceStart;
      this.loneSeq = this.seq++;
      return;
    }
    this.settle();
    this.found.push({ segment, sourceStart, seq: this.seq++ });
  }

  /** Moves {@link lone} (if any) into {@link found}, ahead of anything found after it. */
  private settle(): void {
    if (this.lone !== undefined) {
      this.found.push({ segment: this.lone, sourceStart: this.loneStart, seq: this.loneSeq });
      this.lone = undefined;
    }
  }

  private reportCut(m: CutMessage, toSource: (contentOffset: number) => number): void {
    const lastLine = (): Span => {
      const start = toSource(m.lastLineStart);
      const end = Math.max(start, toSource(Math.max(m.lastLineStart, m.end - 1)) + 1);
      let e = Math.min(end, this.text.length);
      while (e > start && this.text.charCodeAt(e - 1) === 10) {
        e--;
      }
      return { start, end: trimEnd(this.text, start, e) };
    };
    if (m.truncated === 'content-length') {
      this.addProblem(
        problem(
          ReaderCodes.truncatedMessage,
          `Message cut off: Content-Length is ${m.contentLength ?? '?'} but the body that follows is shorter`,
          lastLine(),
        ),
      );
    } else if (m.truncated === 'eof') {
      this.addProblem(problem(ReaderCodes.truncatedMessage, 'Message cut off before the end of its header block', lastLine()));
    }
    if (m.overrun) {
      this.addProblem(
        problem(
          ReaderCodes.contentLengthMismatch,
          `Content-Length ${m.contentLength ?? '?'} runs into the next message; the body was cut at the next start line`,
          lastLine(),
        ),
      );
    }
  }

  private addProblem(p: ParseProblem): void {
    if (this.problems.length < MAX_PROBLEMS) {
      this.problems.push(p);
    }
  }

  // ---------------------------------------------------------------- framed messages

  private detect(pos: number, le: number): FrameHeader | undefined {
    if (pos !== this.detectedAt) {
      this.detectedAt = pos;
      this.detected = detectHeader(this.text, pos, le);
    }
    return this.detected;
  }

  /** Start of the next line at or after `from` that is a framing header (or `limit`). */
  private nextHeader(from: number, limit: number): number {
    const text = this.text;
    let pos = from;
    while (pos < limit) {
      const le = lineEnd(text, pos);
      if (this.detect(pos, le)) {
        return pos;
      }
      pos = nextLine(text, le);
    }
    return limit;
  }

  /** Where the message lines of a frame end, and where reading goes on after it. */
  private blockBounds(h: FrameHeader): { end: number; resume: number } {
    const text = this.text;
    const n = text.length;
    if (h.end === 'kamailio') {
      if (this.kamailioMarker !== -1 && this.kamailioMarker < h.bodyStart) {
        this.kamailioMarker = text.indexOf('||||||||||', h.bodyStart);
      }
      const marker = this.kamailioMarker;
      const next = this.nextHeader(h.bodyStart, marker >= 0 ? marker : n);
      if (marker >= 0 && next >= marker) {
        return { end: marker, resume: nextLine(text, lineEnd(text, marker)) };
      }
      return { end: next, resume: next };
    }
    if (h.end === 'indent-tree') {
      const end = wiresharkTreeEnd(text, h.framing.headerSpan?.start ?? h.bodyStart, h.bodyStart);
      return { end, resume: end };
    }
    if (h.format === 'ngrep') {
      const end = this.ngrepBlockEnd(h.bodyStart);
      return { end, resume: end };
    }
    let pos = h.bodyStart;
    while (pos < n) {
      const le = lineEnd(text, pos);
      if (
        (h.end === 'rule' && isRule(text, pos, le)) ||
        (h.end === 'pjsip-end' && isPjsipEnd(text, pos, le)) ||
        (h.end === 'chan-sip-end' && isChanSipEnd(text, pos, le))
      ) {
        return { end: pos, resume: nextLine(text, le) };
      }
      if (this.detect(pos, le)) {
        return { end: pos, resume: pos };
      }
      pos = nextLine(text, le);
    }
    return { end: n, resume: n };
  }

  /**
   * Where an ngrep packet's block ends: at the next line that is a framing header. Most lines of
   * a packet are SIP header or SDP lines, which no framing header starts like: after a non-empty
   * line those skip detection (a third of the reader's time went there). The same pass notes the
   * packet's header section for the cut (see {@link sectionOf}), so that a whole datagram's lines
   * are read once, not once here and once more by cutMessages.
   */
  private ngrepBlockEnd(bodyStart: number): number {
    const text = this.text;
    const n = text.length;
    let blankEnd = -1;
    let length = -1;
    let firstEnd = n;
    let pos = bodyStart;
    let prevBlank = true;
    this.ngrepView(bodyStart, bodyStart);
    // The lines are read in order, so their ends come one after the other from the chunk's
    // newline table (see restoreNgrepChunk), while it lasts.
    const ends = this.ngrepLineEnds;
    const count = this.ngrepLines;
    let k = this.lineIndexAt(bodyStart);
    while (pos < n) {
      const le = k >= 0 && k < count ? ends[k++] : lineEnd(text, pos);
      const c0 = text.charCodeAt(pos);
      if (pos === bodyStart) {
        firstEnd = le;
      } else if (blankEnd < 0) {
        // A header line of the packet (the start line is the first line), up to the blank line.
        // The first character rules most lines out of either question without reading them.
        if (mayBeBlank(c0) || le === pos) {
          blankEnd = isBlankAsCr(text, pos, le) ? le : -1;
        } else if (length < 0 && mayBeContentLength(c0)) {
          length = readContentLength(text, pos, le) ?? -1;
        }
      }
      if (!prevBlank && isPayloadLine(text, pos)) {
        pos = nextLine(text, le);
        continue;
      }
      prevBlank = le === pos;
      // detectHeader finds nothing on a line shorter than 3 characters unless it is ngrep's `#`.
      if ((le - pos >= 3 || c0 === 35) && this.detect(pos, le)) {
        this.blockEndLine = pos;
        this.blockEndLineEnd = le;
        break;
      }
      pos = nextLine(text, le);
    }
    this.lineCursor = Math.max(k, 0);
    this.sectionOf = bodyStart;
    this.sectionBlankEnd = blankEnd;
    this.sectionLength = length;
    this.sectionFirstEnd = firstEnd;
    return Math.min(pos, n);
  }

  private readFrame(h: FrameHeader): number {
    if (h.ignore) {
      return h.bodyStart;
    }
    const { end, resume } = this.blockBounds(h);
    switch (h.lines) {
      case 'skip':
        break;
      case 'ngrep':
        this.readNgrepPacket(h, end);
        break;
      case 'indented':
        if (this.firstIndent(h.bodyStart, end) === 0) {
          // sofia-sip's own tport log prints the message without indentation: copy it as is.
          this.readVerbatim(h, h.bodyStart, end);
        } else {
          this.readBuilt(h, this.stripIndent(h.bodyStart, end), resume);
        }
        break;
      case 'asterisk':
        if (asteriskPrefixEnd(this.text, h.framing.headerSpan?.start ?? h.bodyStart) > (h.framing.headerSpan?.start ?? 0)) {
          this.readBuilt(h, this.stripAsteriskPrefixes(h.bodyStart, end), resume);
        } else {
          this.readVerbatim(h, h.bodyStart, end);
        }
        break;
      case 'wireshark': {
        const built = rebuildWireshark(this.text, h.bodyStart, end);
        if (built) {
          const content = built.builder.toString();
          // An excerpt that stops mid-line at the end of the file was cut off there.
          const cutMidLine = end === this.text.length && this.text.charCodeAt(end - 1) !== 10;
          this.emitBuilt(built.builder, content, wiresharkCut(content, built.body, cutMidLine), h.framing);
        }
        break;
      }
      default:
        this.readVerbatim(h, h.format === 'tcpdump' ? this.tcpdumpStart(h.bodyStart, end) : h.bodyStart, end);
    }
    return resume;
  }

  private readVerbatim(h: FrameHeader, from: number, end: number): void {
    if (from < 0) {
      return;
    }
    const cut = cutMessages(this.text, from, end, {
      raw: false,
      atEof: end === this.text.length,
      perChar: false,
      lfIsCrlf: true,
    });
    for (const m of cut.messages) {
      this.emitSlice(m, h.framing);
    }
    this.reportUnrecognized(h, cut.unrecognized, (o) => o);
  }

  private readBuilt(h: FrameHeader, builder: ContentBuilder, resume: number): void {
    const content = builder.toString();
    const cut = cutMessages(content, 0, content.length, {
      raw: false,
      atEof: resume === this.text.length,
      perChar: false,
      lfIsCrlf: true,
    });
    for (const m of cut.messages) {
      this.emitBuilt(builder, content, m, h.framing);
    }
    this.reportUnrecognized(h, cut.unrecognized, (o) => builder.toSource(o));
  }

  private reportUnrecognized(h: FrameHeader, u: { start: number; end: number } | undefined, toSource: (o: number) => number): void {
    if (!u || h.format === 'tcpdump') {
      return;
    }
    const start = toSource(u.start);
    this.addProblem(
      problem(
        ReaderCodes.unrecognizedMessage,
        'The trace says a SIP message follows, but this line is not a SIP start line',
        { start, end: Math.max(start, toSource(Math.max(u.start, u.end - 1)) + 1) },
      ),
    );
  }

  /** Leading spaces (at most 8) of the first non-blank line in `[from, to)`. */
  private firstIndent(from: number, to: number): number {
    const text = this.text;
    let pos = from;
    while (pos < to) {
      const le = Math.min(lineEnd(text, pos), to);
      if (!isBlank(text, pos, le)) {
        let k = 0;
        while (k < 8 && text.charCodeAt(pos + k) === 32) {
          k++;
        }
        return k;
      }
      pos = le < to ? le + 1 : to;
    }
    return 0;
  }

  /**
   * FreeSWITCH indents each message line (by 3 spaces): drop, from every line, up to as many
   * spaces as the first non-blank line has. Pieces and map are gathered in plain arrays and
   * joined once (no per-line builder bookkeeping); an unindented line continues the piece before.
   */
  private stripIndent(from: number, to: number): ContentBuilder {
    const text = this.text;
    const indent = this.firstIndent(from, to);
    if (indent === 0) {
      return ContentBuilder.of(text.slice(from, to), [0], [from]);
    }
    const parts: string[] = [];
    const contentStarts: number[] = [];
    const sourceStarts: number[] = [];
    let length = 0;
    let pos = from;
    while (pos < to) {
      let k = 0;
      while (k < indent && pos + k < to && text.charCodeAt(pos + k) === 32) {
        k++;
      }
      const src = pos + k;
      if (k > 0 || contentStarts.length === 0) {
        contentStarts.push(length);
        sourceStarts.push(src);
      }
      const le = text.indexOf('\n', src);
      const next = le < 0 || le >= to ? to : le + 1;
      parts.push(text.slice(src, next));
      length += next - src;
      pos = next;
    }
    return ContentBuilder.of(parts.join(''), contentStarts, sourceStarts);
  }

  /** Asterisk full logs prefix every line with `[date] VERBOSE[pid] file.c: `. */
  private stripAsteriskPrefixes(from: number, to: number): ContentBuilder {
    const text = this.text;
    const out = new ContentBuilder();
    let pos = from;
    while (pos < to) {
      const le = Math.min(lineEnd(text, pos), to);
      const next = le < to ? le + 1 : to;
      const p = asteriskPrefixEnd(text, pos);
      out.push(text.slice(p, next), p);
      pos = next;
    }
    return out;
  }

  /** tcpdump -A prints the IP/UDP header bytes as junk before the start line, on the same line or a few lines up. */
  private tcpdumpStart(from: number, to: number): number {
    return findStartNear(this.text, from, to, 8);
  }

  // ---------------------------------------------------------------- ngrep

  /**
   * Makes {@link ngrepChunk} cover `[from, to)`: a copy of the text, from `from` on, with every
   * `.` before a newline turned back into the CR it stands for in ngrep byline output. Same
   * length, so a packet is a plain slice of it at `offset - ngrepBase`. Restored a chunk
   * (NGREP_CHUNK) at a time rather than the whole file at once, so that reading a huge capture as
   * a stream holds one chunk, not a second copy of the file (plus its byte buffer while it is
   * made). The same pass lists the chunk's newlines for the block scan (see ngrepBlockEnd).
   */
  private ngrepView(from: number, to: number): void {
    if (from >= this.ngrepBase && to < this.ngrepBase + this.ngrepChunk.length) {
      return;
    }
    const text = this.text;
    // Past the newline after `to`, so a `.` ending the last line is restored as in the whole text.
    const end = nextLine(text, lineEnd(text, Math.max(to, Math.min(text.length, from + NGREP_CHUNK))));
    const chunk = restoreNgrepChunk(text, from, end, this.ngrepLineEnds);
    this.ngrepBase = from;
    this.ngrepChunk = chunk.view;
    this.ngrepLineEnds = chunk.lineEnds;
    this.ngrepLines = chunk.lines;
    this.lineCursor = 0;
  }

  /**
   * Index in the restored chunk's newline table of the end of the line starting at `pos` (the
   * first newline at or after it), or -1 when the chunk does not cover `pos`.
   */
  private lineIndexAt(pos: number): number {
    const ends = this.ngrepLineEnds;
    const count = this.ngrepLines;
    if (pos < this.ngrepBase || count === 0 || pos > ends[count - 1]) {
      return -1;
    }
    let k = this.lineCursor;
    if (k >= count || (k > 0 && ends[k - 1] >= pos) || ends[k] < pos) {
      k = firstAtOrAfter(ends, count, pos);
    }
    return k;
  }

  /**
   * Where a packet's payload ends in its block. ngrep ends every payload with a newline of its
   * own, then prints either another newline before the next header line (-q), or the `#` mark
   * line the header ends (without -q; see ngrepMarks), or `exit`. So the block holds the payload
   * plus two newlines before a header line, one before a `#`/`exit` line or the end of the text.
   *
   * `whole` (a whole datagram, cut by its Content-Length): a newline right after a `.` is kept
   * even where ngrep's would be. That `.` is a CR, and SIP ends a datagram in CRLF, not a bare CR;
   * what is missing there is ngrep's blank line, dropped when the text was pasted or re-flowed
   * (`a=sendrecv.` then the `####` line), and taking the payload's LF for it would report a
   * message complete on the wire as one byte short. A TCP segment or IP fragment really can end
   * in the CR of a CRLF split across packets (joinNgrep), so there the count is exact.
   */
  private ngrepPayloadEnd(from: number, blockEnd: number, whole: boolean): number {
    const text = this.text;
    const c = blockEnd < text.length ? text.charCodeAt(blockEnd) : -1;
    const trailer = c === -1 || c === 35 /* # */ || c === 101 /* exit */ ? 1 : 2;
    let to = blockEnd;
    for (let k = 0; k < trailer && to > from && text.charCodeAt(to - 1) === 10; k++) {
      if (whole && to - 1 > from && text.charCodeAt(to - 2) === 46) {
        break;
      }
      to--;
    }
    return to;
  }

  /**
   * Old ngrep versions indent every payload line by one space: a start line after one space, and
   * the next line indented too. The second line matters for packets ngrep cannot decode (`?`,
   * ERSPAN): their first line is the inner headers' bytes, which may begin with a space and,
   * printed as dots and letters up to the start line, read as a request line themselves.
   */
  private ngrepIndented(from: number): boolean {
    const text = this.text;
    if (text.charCodeAt(from) !== 32) {
      return false;
    }
    const le = lineEnd(text, from);
    if (startLineKind(text, from + 1, trimDot(text, from + 1, le)) === StartKind.None) {
      return false;
    }
    const second = nextLine(text, le);
    return second >= text.length || text.charCodeAt(second) === 32 || text.charCodeAt(second) === 10;
  }

  /** ngrep byline: a trailing `.` stands for the CR ngrep cannot print; restore it. */
  private ngrepContent(from: number, blockEnd: number): ContentBuilder {
    const text = this.text;
    const out = new ContentBuilder();
    const to = this.ngrepPayloadEnd(from, blockEnd, false);
    if (!this.ngrepIndented(from)) {
      this.ngrepView(from, to);
      out.push(this.ngrepChunk.slice(from - this.ngrepBase, to - this.ngrepBase), from);
      return out;
    }
    let pos = from;
    while (pos < to) {
      const le = Math.min(lineEnd(text, pos), to);
      const next = le < to ? le + 1 : to;
      if (le > pos && text.charCodeAt(pos) !== 32) {
        break; // the packet's lines are the indented ones; this is the text after it
      }
      const ks = text.charCodeAt(pos) === 32 ? pos + 1 : pos;
      let piece = text.slice(ks, next);
      if (le > ks && text.charCodeAt(le - 1) === 46) {
        piece = piece.slice(0, le - 1 - ks) + '\r' + piece.slice(le - ks);
      }
      out.push(piece, ks);
      pos = next;
    }
    return out;
  }

  private readNgrepPacket(h: FrameHeader, end: number): void {
    if (!h.fragment && h.framing.transport !== 'TCP' && !this.ngrepIndented(h.bodyStart)) {
      // The common case, a whole datagram: cut straight out of the CR-restored view.
      const payloadEnd = this.ngrepPayloadEnd(h.bodyStart, end, true);
      this.ngrepView(h.bodyStart, payloadEnd);
      const view = this.ngrepChunk;
      const base = this.ngrepBase;
      const to = payloadEnd - base;
      let from = h.bodyStart - base;
      if (h.framing.transport === undefined) {
        const at = findStartNear(view, from, to, 8);
        from = at >= 0 ? at : from;
      }
      const whole = this.wholeDatagram(h, payloadEnd);
      if (whole) {
        this.emitSlice(whole, h.framing, view, base);
        return;
      }
      const cut = cutMessages(view, from, to, PACKET);
      for (const m of cut.messages) {
        this.emitSlice(m, h.framing, view, base);
      }
      this.reportPacketRest(cut.rest, h.framing, (o) => o + base, view);
      return;
    }
    const packet = this.ngrepContent(h.bodyStart, end);
    const content = packet.toString();
    if (h.fragment) {
      // IP fragments: ngrep prints each one as a packet; the first carries the ports, the
      // others (`+ID@offset:length`) continue it. Join them by fragment id and addresses.
      const key = `frag:${h.fragment.id}:${hostOf(h.framing.src)}>${hostOf(h.framing.dst)}`;
      if (h.fragment.continuation) {
        const pend = this.pending.get(key);
        if (pend) {
          this.pending.delete(key);
          joinNgrep(pend.builder, packet);
          pend.packets++;
          this.cutPacket(pend.builder, pend.start, pend.framing, true, key, pend.packets);
        }
        return;
      }
      this.cutPacket(packet, this.packetStart(h, content), h.framing, true, key, 1);
      return;
    }
    if (h.framing.transport !== 'TCP') {
      this.cutPacket(packet, this.packetStart(h, content), h.framing, false);
      return;
    }
    const key = `${endpointKey(h.framing.src)}>${endpointKey(h.framing.dst)}`;
    const pend = this.pending.get(key);
    const startsMessage = firstLineIsStart(content);
    if (pend && !startsMessage) {
      if (isBlank(content, 0, content.length)) {
        return;
      }
      this.pending.delete(key);
      joinNgrep(pend.builder, packet);
      pend.packets++;
      this.cutPacket(pend.builder, pend.start, pend.framing, true, key, pend.packets);
      return;
    }
    if (pend) {
      this.pending.delete(key);
      this.flushPending(pend);
    }
    if (startsMessage) {
      this.cutPacket(packet, 0, h.framing, true, key, 1);
    }
  }

  /**
   * The usual datagram, cut from what the block scan noted (see {@link ngrepBlockEnd}) instead of
   * by cutMessages: a start line first, a blank line, and a Content-Length that ends the body
   * exactly at the end of the payload. This is the message cutMessages would cut from such a
   * payload (whole, nothing after it); anything else (no Content-Length, a body longer or shorter
   * than the payload, several messages, junk) is left to cutMessages (undefined here).
   */
  private wholeDatagram(h: FrameHeader, payloadEnd: number): CutMessage | undefined {
    const start = h.bodyStart;
    if (
      this.sectionOf !== start ||
      h.framing.transport === undefined ||
      this.sectionLength < 0 ||
      this.sectionBlankEnd < 0 ||
      this.sectionBlankEnd >= payloadEnd ||
      this.sectionBlankEnd + 1 + this.sectionLength !== payloadEnd
    ) {
      return undefined;
    }
    const view = this.ngrepChunk;
    const base = this.ngrepBase;
    const from = start - base;
    // The view has the text's newlines: the start line ends where the block scan saw it end.
    if (startLineKind(view, from, Math.min(this.sectionFirstEnd - base, view.length)) === StartKind.None) {
      return undefined;
    }
    // lastLineStart only places the problem of a message cut short; this one is whole.
    return { start: from, end: payloadEnd - base, lastLineStart: from, contentLength: this.sectionLength, afterJunk: false };
  }

  /**
   * Where the SIP message starts in a packet's content. For a protocol ngrep cannot decode (`?`,
   * e.g. GRE/ERSPAN) the payload begins with the inner headers' bytes, printed as junk before
   * the start line on the same line, as with `tcpdump -A`.
   */
  private packetStart(h: FrameHeader, content: string): number {
    if (h.framing.transport !== undefined) {
      return 0;
    }
    const at = findStartNear(content, 0, content.length, 8);
    return at >= 0 ? at : 0;
  }

  /** Cuts the messages of an ngrep packet; a TCP message still missing bytes waits for the flow's next packet. */
  private cutPacket(
    builder: ContentBuilder,
    from: number,
    framing: Framing,
    mayContinue: boolean,
    key = '',
    packets = 1,
  ): void {
    const content = builder.toString();
    const cut = cutMessages(content, from, content.length, PACKET);
    const ms = cut.messages;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      const waiting =
        mayContinue &&
        i === ms.length - 1 &&
        m.truncated !== undefined &&
        builder.length - m.start < MAX_PENDING_CHARS &&
        packets < MAX_PENDING_PACKETS;
      if (waiting) {
        this.pending.set(key, { builder, framing, start: m.start, packets });
      } else {
        this.emitBuilt(builder, content, m, framing);
      }
    }
    this.reportPacketRest(cut.rest, framing, (o) => builder.toSource(o), content);
  }

  private flushPending(p: Pending): void {
    const content = p.builder.toString();
    const cut = cutMessages(content, p.start, content.length, PACKET);
    for (const m of cut.messages) {
      this.emitBuilt(p.builder, content, m, p.framing);
    }
  }

  // ---------------------------------------------------------------- fallback

  /**
   * Nothing was found at line starts: look for SIP start lines anywhere in a line (behind a
   * quoting prefix such as `> `, a log prefix...) and read each message's following lines that
   * carry the same prefix. A start line ending in `.` is taken as ngrep text (`.` = CR).
   */
  private readFallback(): void {
    const text = this.text;
    const n = text.length;
    let searchFrom = 0;
    while (searchFrom < n) {
      const hit = text.indexOf('SIP/', searchFrom);
      if (hit < 0) {
        return;
      }
      const ls = text.lastIndexOf('\n', hit) + 1;
      const le = lineEnd(text, hit);
      let e = trimEnd(text, ls, le);
      const dotted = e > ls && text.charCodeAt(e - 1) === 46;
      if (dotted) {
        e--;
      }
      // Every hit is handled once per line, so a long line full of `SIP/` stays linear.
      const at = findStartLineInLine(text, ls, e);
      if (at < 0) {
        searchFrom = nextLine(text, le);
        continue;
      }
      searchFrom = this.readPrefixed(ls, at, dotted);
    }
  }

  private readPrefixed(ls: number, at: number, dotted: boolean): number {
    const text = this.text;
    const n = text.length;
    let prefix = text.slice(ls, at);
    // Junk only before the start line (binary bytes, a log prefix printed once): the following
    // lines are taken as they are.
    const second = nextLine(text, lineEnd(text, at));
    if (second < n && !text.startsWith(prefix, second)) {
      prefix = '';
    }
    const out = new ContentBuilder();
    let pos = ls;
    while (pos < n) {
      const le = lineEnd(text, pos);
      const next = nextLine(text, le);
      const rest = pos === ls ? at : text.startsWith(prefix, pos) ? pos + prefix.length : -1;
      if (rest < 0) {
        break;
      }
      let piece = text.slice(rest, next);
      const e = trimEnd(text, rest, le);
      if (dotted && e > rest && text.charCodeAt(e - 1) === 46 && e === le) {
        piece = piece.slice(0, e - 1 - rest) + '\r' + piece.slice(e - rest);
      }
      out.push(piece, rest);
      pos = next;
    }
    const content = out.toString();
    const cut = cutMessages(content, 0, content.length, { raw: false, atEof: pos === n, perChar: dotted });
    for (const m of cut.messages) {
      this.emitBuilt(out, content, m, { format: 'fallback' });
    }
    return Math.max(pos, nextLine(text, lineEnd(text, at)));
  }

  // ---------------------------------------------------------------- binary data

  /** NUL bytes outside every message: one problem per run of nearby NULs. */
  private reportBinary(): void {
    if (!this.hasNul) {
      return; // the constructor already scanned the whole text for one
    }
    const text = this.text;
    let i = text.indexOf('\u0000');
    if (i < 0) {
      return;
    }
    const spans: Span[] = [];
    for (let k = 0; k < this.extents.length; k += 2) {
      spans.push({ start: this.extents[k], end: this.extents[k + 1] });
    }
    spans.sort((a, b) => a.start - b.start);
    let s = 0;
    let reported = 0;
    while (i >= 0 && reported < 100) {
      while (s < spans.length && spans[s].end <= i) {
        s++;
      }
      if (s < spans.length && spans[s].start <= i) {
        i = text.indexOf('\u0000', spans[s].end);
        continue;
      }
      const start = text.lastIndexOf('\n', i) + 1;
      let last = i;
      let next = text.indexOf('\u0000', i + 1);
      const limit = s < spans.length ? spans[s].start : text.length;
      while (next >= 0 && next < limit && next - last < 4096) {
        last = next;
        next = text.indexOf('\u0000', next + 1);
      }
      const end = Math.min(lineEnd(text, last), limit);
      this.addProblem(problem(ReaderCodes.binaryData, 'Binary data (NUL bytes) outside any SIP message', { start, end }, 'information'));
      reported++;
      i = next;
    }
  }
}

/**
 * Appends an ngrep packet to the unfinished message of its flow. A CR LF split between two
 * packets shows as a `.` ending the first and a newline starting the second: the `.` is the CR.
 */
function joinNgrep(pending: ContentBuilder, packet: ContentBuilder): void {
  const before = pending.toString();
  if (before.endsWith('.') && packet.toString().startsWith('\n')) {
    pending.replaceLastChar('\r');
  }
  pending.append(packet);
}

/**
 * The rebuilt message as one cut: whole, but flagged as cut off when the excerpt stops mid-line
 * at the end of the file, or when its Content-Length asks for more than the body the excerpt
 * shows. Only when the body was shown line by line (or not at all): a body whose dissector tshark
 * collapsed (`-O sip`) or does not decode says nothing about its length.
 */
function wiresharkCut(content: string, body: WiresharkBody, cutMidLine: boolean): CutMessage {
  const whole: CutMessage = { start: 0, end: content.length, lastLineStart: 0, afterJunk: false };
  const m = cutMessages(content, 0, content.length, { raw: false, atEof: true, perChar: false }).messages[0];
  if (m === undefined) {
    return whole;
  }
  if (m.truncated === 'content-length' && body !== 'opaque') {
    return { ...whole, lastLineStart: m.lastLineStart, truncated: 'content-length', contentLength: m.contentLength };
  }
  return cutMidLine ? { ...whole, lastLineStart: m.lastLineStart, truncated: 'eof' } : whole;
}

/**
 * An ngrep payload line that cannot be a framing header: a letter followed by `=` (SDP) or by a
 * letter or `-` (a header name), other than ngrep's own `exit`/`interface:`/`input:`/`match:`.
 * Headers of the other formats are still found after a blank line (the caller checks those).
 */
function isPayloadLine(text: string, pos: number): boolean {
  const c0 = text.charCodeAt(pos) | 0x20;
  if (c0 < 97 || c0 > 122 || c0 === 101 /* e */ || c0 === 105 /* i */ || c0 === 109 /* m */) {
    return false;
  }
  const c1 = text.charCodeAt(pos + 1);
  return c1 === 61 /* = */ || c1 === 45 /* - */ || ((c1 | 0x20) >= 97 && (c1 | 0x20) <= 122);
}

/** Index of the first of the `count` sorted `values` that is at least `x` (`count` when none). */
function firstAtOrAfter(values: Int32Array, count: number, x: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** Whether a line starting with `c` can be blank in ngrep's view (see isBlankAsCr); an empty line can too. */
function mayBeBlank(c: number): boolean {
  return c === 13 || c === 32 || c === 9 || c === 46;
}

/** Whether a line starting with `c` can be a Content-Length header line (`Content-Length`, compact `l`). */
function mayBeContentLength(c: number): boolean {
  const lower = c | 0x20;
  return lower === 99 /* c */ || lower === 108 /* l */;
}

/**
 * Whether the line `[start, end)` is blank in ngrep's CR-restored view (see ngrepView): nothing
 * but CRs, spaces and tabs, the last character being a `.` (a CR) when a newline follows it.
 */
function isBlankAsCr(text: string, start: number, end: number): boolean {
  const e = end < text.length && end > start && text.charCodeAt(end - 1) === 46 ? end - 1 : end;
  return isBlank(text, start, e);
}

function trimDot(text: string, start: number, end: number): number {
  const e = trimEnd(text, start, end);
  return e > start && text.charCodeAt(e - 1) === 46 ? e - 1 : e;
}

function firstLineIsStart(content: string): boolean {
  let pos = 0;
  while (pos < content.length) {
    const le = lineEnd(content, pos);
    if (!isBlank(content, pos, le)) {
      return startLineKind(content, pos, le) !== StartKind.None;
    }
    pos = nextLine(content, le);
  }
  return false;
}

function hostOf(e: { host: string } | undefined): string {
  return e ? e.host : '?';
}

function endpointKey(e: { host: string; port?: number } | undefined): string {
  return e ? `${e.host}:${e.port ?? ''}` : '?';
}

function hasBinary(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) {
      return true;
    }
  }
  return false;
}
