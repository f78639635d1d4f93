/**
 * The SIP message parser (RFC 3261 §7, §25): start line, header fields, body. A pure function
 * of the message content; every span is an offset into that content. It never throws: broken
 * input becomes a {@link ParseProblem} with a stable code and parsing goes on at the next line.
 *
 * Speed matters (it runs on every edit of traces with thousands of messages), so it scans char
 * codes, finds line ends with `indexOf`, and uses no per-header regex.
 */
import type { Body, Header, HeaderValue, ParsedMessage, ParseProblem, Span, StartLine, Token } from '../model';
import { resolveHeaderName, type ResolvedHeaderName } from '../knowledge/headerNames';
import { COLON, CR, HTAB, LF, SP, isToken, isWsp } from './chars';
import { headerShape } from './headerKinds';
import { makeToken, splitHeaderValue } from './headerValue';
import { START_LINE_CODES as startLineCodes, isSipVersion as isSipVersionText, parseStartLine } from './startLine';

// Re-exported as plain values, not with `export ... from`: TypeScript compiles that to an
// accessor defined over a placeholder data property, which turns this module's `exports` into
// a dictionary-mode object, and every `parser.parseMessage(...)` call of every consumer then
// paid a dictionary lookup.
/** Stable codes of the start-line problems (see the startLine module). */
export const START_LINE_CODES = startLineCodes;
/** True if `text` is a SIP-Version such as `SIP/2.0` (RFC 3261 §25; any version number). */
export const isSipVersion = isSipVersionText;

/** Stable codes of the problems {@link parseMessage} reports (besides the start-line ones). */
export const PARSE_CODES = {
  malformedHeader: 'malformed-header',
  missingHeaderTerminator: 'missing-header-terminator',
  whitespaceBlankLine: 'whitespace-blank-line',
  strayCr: 'stray-cr',
} as const;

/**
 * A header field that builds its name and value tokens and its `values` (elements, main parts,
 * parameters) on first use, and caches them. A trace of 100k messages has over a million header
 * fields and most consumers read only some of them: building every token up front was most of
 * the parse time and memory. Each getter returns the same object on every call, so a header
 * still behaves as an immutable value.
 *
 * The own enumerable properties are `canonical`, `key`, `compact` and `span`; together with the
 * message content they determine everything else, so deep-equality checks of parses that also
 * compare the content stay meaningful. `toJSON` gives the full plain-data form; do not copy a
 * header with object spread (the getters live on the prototype).
 */
class ParsedHeader implements Header {
  readonly canonical: string;
  readonly key: string;
  readonly compact: boolean;
  readonly span: Span;
  readonly #content: string;
  readonly #written: string;
  readonly #shape: number;
  readonly #nameEnd: number;
  readonly #valueStart: number;
  readonly #valueEnd: number;
  readonly #folded: boolean;
  #name: Token | undefined;
  #value: Token | undefined;
  #values: readonly HeaderValue[] | undefined;

  constructor(
    content: string,
    known: KnownName,
    start: number,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
    end: number,
    folded: boolean,
  ) {
    this.canonical = known.resolved.canonical;
    this.key = known.resolved.key;
    this.compact = known.resolved.compact;
    this.span = { start, end };
    this.#content = content;
    this.#written = known.written;
    this.#shape = known.shape;
    this.#nameEnd = nameEnd;
    this.#valueStart = valueStart;
    this.#valueEnd = valueEnd;
    this.#folded = folded;
  }

  get name(): Token {
    if (this.#name === undefined) {
      this.#name = { text: this.#written, span: { start: this.span.start, end: this.#nameEnd } };
    }
    return this.#name;
  }

  get value(): Token {
    if (this.#value === undefined) {
      this.#value = makeToken(this.#content, this.#valueStart, this.#valueEnd, this.#folded);
    }
    return this.#value;
  }

  get values(): readonly HeaderValue[] {
    if (this.#values === undefined) {
      this.#values = splitHeaderValue(this.#content, this.value, this.#shape, this.#folded);
    }
    return this.#values;
  }

  /** The plain-data form (getters are not own properties, so JSON would drop them). */
  toJSON(): Header {
    const { name, canonical, key, compact, value, values, span } = this;
    return { name, canonical, key, compact, value, values, span };
  }
}

/** A header name as written, with its resolved canonical name and value shape (shared by every field with that spelling). */
export interface KnownName {
  readonly written: string;
  /** How the value splits ({@link headerShape}). */
  readonly shape: number;
  readonly resolved: ResolvedHeaderName;
}

/**
 * A header name as the name table keeps it. Besides the {@link KnownName} data it remembers the
 * name of the field that followed it last time: header fields come in much the same order in
 * every message of a trace, so that guess, checked in place ({@link guessedName}), usually
 * saves the search for the colon and the hash lookup. The guess is a private field so that it
 * stays out of deep-equality and JSON of parses.
 */
class NameEntry implements KnownName {
  readonly written: string;
  readonly shape: number;
  readonly resolved: ResolvedHeaderName;
  #next: NameEntry | undefined = undefined;
  #kept = false;
  #mark = -1;

  constructor(written: string) {
    const resolved = resolveHeaderName(written);
    this.written = written;
    this.shape = headerShape(resolved.key);
    this.resolved = resolved;
  }

  /** The name that followed this one last time, if any. */
  get next(): NameEntry | undefined {
    return this.#next;
  }

  set next(entry: NameEntry | undefined) {
    this.#next = entry;
  }

  /**
   * Whether the name table keeps this entry. Only kept entries take part in the guesses, so
   * that the guesses never keep alive names the table would not (a hostile trace with a
   * million distinct names must not leave a million-long chain behind).
   */
  get kept(): boolean {
    return this.#kept;
  }

  /** Called once by the name table when it keeps this entry. */
  keep(): void {
    this.#kept = true;
  }

  /** See {@link nameMark}. */
  get mark(): number {
    return this.#mark;
  }

  set mark(value: number) {
    this.#mark = value;
  }
}

/**
 * A number a reader of parses keeps on a header name spelling, -1 until it sets one with
 * {@link setNameMark}. The linter keeps its small key id there, so that indexing a message's
 * fields reads a property instead of hashing each field's key.
 */
export function nameMark(name: KnownName): number {
  return name instanceof NameEntry ? name.mark : -1;
}

/** Sets {@link nameMark}; a no-op for a name the parser's table did not make. */
export function setNameMark(name: KnownName, mark: number): void {
  if (name instanceof NameEntry) {
    name.mark = mark;
  }
}

/**
 * `guess` if the header field line at `pos` of `content` starts with exactly its name followed
 * by the colon (the same name and colon the colon search and {@link NameTable} would find, since
 * a name holds no colon), else undefined.
 */
function guessedName(content: string, pos: number, guess: NameEntry | undefined): NameEntry | undefined {
  if (guess === undefined) {
    return undefined;
  }
  const end = pos + guess.written.length;
  return content.charCodeAt(end) === COLON && content.slice(pos, end) === guess.written ? guess : undefined;
}

/**
 * Header names as written, looked up by a cheap hash of a few chars and compared in place, so the
 * common case needs neither a substring, nor a full string hash, nor a char-class scan. Misses go to resolveHeaderName (and its
 * cache). Open addressing over a fixed array: real traces use a small vocabulary of names,
 * and a full table just stops caching (hostile input cannot grow it).
 */
class NameTable {
  private static readonly SIZE = 2048;
  private static readonly PROBES = 8;
  private readonly slots: (NameEntry | undefined)[] = new Array<NameEntry | undefined>(NameTable.SIZE).fill(undefined);

  /** The name at `[start, end)` of `content`, or undefined when it is not a token. */
  lookup(content: string, start: number, end: number): NameEntry | undefined {
    const len = end - start;
    // A cheap hash: length and three chars tell the names of real traces apart well enough.
    const hash =
      (Math.imul(len, 0x9e3779b1) ^
        Math.imul(content.charCodeAt(start), 31) ^
        Math.imul(content.charCodeAt(end - 1), 961) ^
        Math.imul(content.charCodeAt(start + (len >> 1)), 29791)) >>>
      0;
    const mask = NameTable.SIZE - 1;
    let free = -1;
    for (let p = 0; p < NameTable.PROBES; p++) {
      const slot = (hash + p) & mask;
      const k = this.slots[slot];
      if (k === undefined) {
        free = slot;
        break;
      }
      if (k.written.length === len && content.slice(start, end) === k.written) {
        return k;
      }
    }
    for (let i = start; i < end; i++) {
      if (!isToken(content.charCodeAt(i))) {
        return undefined;
      }
    }
    const known = new NameEntry(flatCopy(content.slice(start, end)));
    if (free >= 0) {
      known.keep();
      this.slots[free] = known;
    }
    return known;
  }
}

/**
 * A copy of `text` that does not point into the message it was cut from: a long slice is a view
 * of its parent string, which would keep the first message of a trace alive in this cache and
 * make every comparison go through the view.
 */
function flatCopy(text: string): string {
  return text.split('').join('');
}

const nameTable = new NameTable();
/** Scratch arrays parseMessage fills before copying them out (it never re-enters itself). */
const scratchNames: NameEntry[] = [];
const scratchFields: number[] = [];
/** Header fields beyond which the scratch arrays are dropped after use. */
const SCRATCH_KEEP = 1024;
/**
 * Name lists of recent parses, shared by later parses with the same header names in the same
 * order (the lists are never changed once made): real traces repeat a handful of header
 * layouts, so most parses need no list of their own. A small ring, so a miss costs at most
 * {@link RECENT_NAMES} length checks and a hostile trace cannot grow it.
 */
const RECENT_NAMES = 8;
const MAX_SHARED_FIELDS = 64;
const recentNames: NameEntry[][] = [];
let recentNext = 0;

/** `names[0..count)` as a list: a recent equal one, else a new copy (then remembered). */
function sharedNames(names: readonly NameEntry[], count: number): NameEntry[] {
  for (let r = 0; r < recentNames.length; r++) {
    const candidate = recentNames[r];
    if (candidate.length === count && sameNames(candidate, names, count)) {
      return candidate;
    }
  }
  const copy = names.slice(0, count);
  if (count <= MAX_SHARED_FIELDS) {
    recentNames[recentNext] = copy;
    recentNext = (recentNext + 1) % RECENT_NAMES;
  }
  return copy;
}

function sameNames(a: readonly NameEntry[], b: readonly NameEntry[], count: number): boolean {
  for (let i = count - 1; i >= 0; i--) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/** The first header name of the last message parsed: the guess for the next message's first. */
let firstName: NameEntry | undefined;

/** Finds line ends in linear time whatever mix of CRLF, LF and lone CR the content uses. */
class LineScanner {
  // Fields are `declare`d and set in the constructor (here and in ParsedSipMessage): compiled as
  // class fields they went through a separate initializer on every construction.
  private declare readonly content: string;
  // Cached positions of the next CR and LF (-1: none left), so `indexOf` never rescans.
  private declare nextCr: number;
  private declare nextLf: number;

  constructor(content: string) {
    this.content = content;
    this.nextCr = -2;
    this.nextLf = -2;
  }

  /** Offset of the line terminator of the line starting at `pos` (or the content length). */
  end(pos: number): number {
    const c = this.content;
    if (this.nextCr !== -1 && this.nextCr < pos) {
      this.nextCr = c.indexOf('\r', pos);
    }
    if (this.nextLf !== -1 && this.nextLf < pos) {
      this.nextLf = c.indexOf('\n', pos);
    }
    const cr = this.nextCr;
    const lf = this.nextLf;
    if (cr < 0) {
      return lf < 0 ? c.length : lf;
    }
    return lf < 0 || cr < lf ? cr : lf;
  }

  /**
   * The start of the line after the terminator at `eol`. CR CR LF is one line end (a stray CR
   * before CRLF, a real device defect), not a line end followed by an empty line that would end
   * the header block early; it is reported as `stray-cr` there.
   */
  next(eol: number, problems: ParseProblem[]): number {
    // CRLF as `end` just found it: both positions are cached, no char needs reading.
    if (eol === this.nextCr && this.nextLf === eol + 1) {
      return eol + 2;
    }
    return nextLine(this.content, eol, problems);
  }
}

/** {@link LineScanner.next} when the terminator at `eol` has to be read. */
function nextLine(content: string, eol: number, problems: ParseProblem[]): number {
  if (eol >= content.length) {
    return content.length;
  }
  if (content.charCodeAt(eol) !== CR) {
    return eol + 1;
  }
  const after = content.charCodeAt(eol + 1);
  if (after === LF) {
    return eol + 2;
  }
  if (after === CR && content.charCodeAt(eol + 2) === LF) {
    problems.push({
      code: PARSE_CODES.strayCr,
      message: 'A stray CR before the CRLF line end (CR CR LF); read as one line end.',
      severity: 'warning',
      span: { start: eol, end: eol + 1 },
    });
    return eol + 3;
  }
  return eol + 1;
}

function malformed(problems: ParseProblem[], message: string, start: number, end: number): void {
  problems.push({ code: PARSE_CODES.malformedHeader, message, severity: 'error', span: { start, end } });
}

function isBlank(content: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isWsp(content.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/**
 * Parses one SIP message: the start line, each header field line (folding joined, compact names
 * resolved, list values split), and the body after the first empty line.
 *
 * The content is taken as cut by the trace reader: the body is everything after the header
 * block; it is not cut again to Content-Length. Line ends may be CRLF, LF or a lone CR.
 *
 * Problems (content-relative spans): the start-line codes of {@link START_LINE_CODES},
 * `malformed-header` (a line without a colon, an illegal header name, a continuation line with
 * no header to continue), `stray-cr` (a CR CR LF line end, read as one line end),
 * `whitespace-blank-line` (a whitespace-only line taken as the end of
 * the header block) and `missing-header-terminator` (no empty line after the headers).
 *
 * Each header's `name`, `value` and `values` are built on first access and cached (see
 * ParsedHeader): read them as properties, copy a header with `toJSON()`, not object spread.
 */
export function parseMessage(content: string): ParsedMessage {
  const n = content.length;
  const problems: ParseProblem[] = [];
  let pos = 0;
  // RFC 3261 §7.5: empty lines before the start line are ignored (whatever their line ends).
  while (pos < n) {
    const c = content.charCodeAt(pos);
    if (c !== CR && c !== LF) {
      break;
    }
    pos++;
  }
  const lines = new LineScanner(content);
  const firstEnd = lines.end(pos);
  const startLine: StartLine = parseStartLine(content, pos, firstEnd, problems);
  let lastLineStart = pos;
  let lastLineEnd = firstEnd;
  pos = lines.next(firstEnd, problems);

  // Fields go to shared scratch arrays first and are copied out at exact size at the end: two
  // fresh arrays grown push by push cost more, and kept up to half their size as slack.
  const names = scratchNames;
  const fields = scratchFields;
  let count = 0;
  let headerEnd = n;
  let terminated = false;
  let nextColon = -2;
  let previous: NameEntry | undefined;

  // The first char of the line at `pos` (read once: the fold check of a field reads it already).
  let first = pos < n ? content.charCodeAt(pos) : -1;
  while (pos < n) {
    if (first === CR || first === LF) {
      headerEnd = lines.next(pos, problems);
      terminated = true;
      break;
    }
    if (first === SP || first === HTAB) {
      const le = lines.end(pos);
      lastLineStart = pos;
      lastLineEnd = le;
      if (isBlank(content, pos, le)) {
        problems.push({
          code: PARSE_CODES.whitespaceBlankLine,
          message: 'A line of only whitespace is taken as the empty line ending the header fields.',
          severity: 'warning',
          span: { start: pos, end: le },
        });
        headerEnd = lines.next(le, problems);
        terminated = true;
        break;
      }
      malformed(
        problems,
        count === 0
          ? 'A continuation line (starting with whitespace) cannot follow the start line.'
          : 'A continuation line with no header field to continue.',
        pos,
        le,
      );
      pos = lines.next(le, problems);
      first = pos < n ? content.charCodeAt(pos) : -1;
      continue;
    }

    // field-name HCOLON: token *( SP / HTAB ) ":". The colon is found with a cached indexOf
    // (linear: it is searched again only once passed), the name is what precedes it.
    const le = lines.end(pos);
    lastLineStart = pos;
    lastLineEnd = le;
    let known = guessedName(content, pos, count === 0 ? firstName : previous?.next);
    let colon: number;
    let nameEnd: number;
    if (known !== undefined) {
      nameEnd = pos + known.written.length;
      colon = nameEnd;
    } else {
      if (nextColon !== -1 && nextColon < pos) {
        nextColon = content.indexOf(':', pos);
      }
      colon = nextColon >= 0 && nextColon < le ? nextColon : -1;
      nameEnd = colon < 0 ? pos : colon;
      while (nameEnd > pos && isWsp(content.charCodeAt(nameEnd - 1))) {
        nameEnd--;
      }
      known = nameEnd > pos ? nameTable.lookup(content, pos, nameEnd) : undefined;
    }
    // The field ends after its continuation lines (each starts with SP/HTAB and is not blank).
    let fieldEnd = le;
    let next = lines.next(le, problems);
    let folded = false;
    first = next < n ? content.charCodeAt(next) : -1;
    while (first === SP || first === HTAB) {
      const e = lines.end(next);
      if (isBlank(content, next, e)) {
        break;
      }
      folded = true;
      fieldEnd = e;
      lastLineStart = next;
      lastLineEnd = e;
      next = lines.next(e, problems);
      first = next < n ? content.charCodeAt(next) : -1;
    }

    if (known === undefined) {
      if (colon < 0) {
        malformed(problems, 'Header field line has no colon (expected "Name: value").', pos, le);
      } else if (nameEnd === pos) {
        malformed(problems, 'Header field has an empty name.', pos, colon + 1);
      } else {
        let bad = pos;
        while (bad < nameEnd && isToken(content.charCodeAt(bad))) {
          bad++;
        }
        malformed(problems, 'Illegal character in header field name (names are tokens, RFC 3261 §25).', bad, colon);
      }
      pos = next;
      continue;
    }

    let vs = colon + 1;
    let ve = fieldEnd;
    // Nearly every field is "Name: value" with no trailing whitespace: two chars after the
    // colon and one before the end settle it; anything else takes the general trim below.
    if (vs + 1 < fieldEnd && content.charCodeAt(vs) === SP && content.charCodeAt(vs + 1) > SP && content.charCodeAt(fieldEnd - 1) > SP) {
      vs++;
    } else {
      while (vs < fieldEnd) {
        const v = content.charCodeAt(vs);
        if (!(isWsp(v) || v === CR || v === LF)) {
          break;
        }
        vs++;
      }
      while (ve > vs && isWsp(content.charCodeAt(ve - 1))) {
        ve--;
      }
    }
    const link = known.kept ? known : undefined;
    if (count === 0) {
      firstName = link;
    } else if (previous !== undefined && previous.next !== link) {
      previous.next = link;
    }
    previous = link;
    // Kept as offsets; the Header objects are built when `headers` is first read (ParsedSipMessage).
    names[count] = known;
    const f = count * SLOTS;
    fields[f] = pos;
    fields[f + 1] = vs;
    fields[f + 2] = ve;
    fields[f + 3] = folded ? -1 - fieldEnd : fieldEnd;
    count++;
    pos = next;
  }

  if (!terminated && startLine.span.end > startLine.span.start) {
    problems.push({
      code: PARSE_CODES.missingHeaderTerminator,
      message: 'No empty line ends the header fields (the message may be truncated).',
      severity: 'warning',
      span: { start: lastLineStart, end: lastLineEnd },
    });
  }
  let body: Body | undefined;
  if (terminated && headerEnd < n) {
    body = { span: { start: headerEnd, end: n }, text: content.slice(headerEnd) };
  }
  const parsedNames = sharedNames(names, count);
  const parsedFields = fields.slice(0, count * SLOTS);
  if (count > SCRATCH_KEEP) {
    // One huge message must not pin its field arrays for the life of the process.
    names.length = 0;
    fields.length = 0;
  }
  return new ParsedSipMessage(content, startLine, parsedNames, parsedFields, headerEnd, body, problems);
}

/**
 * Header offsets per field. Module code reads this local copy: TypeScript compiles a read of an
 * exported const to a property read of `exports`, an object in dictionary mode here (it has
 * re-export getters), which optimized code cannot inline.
 */
const SLOTS = 4;

/** Header offsets per field in {@link ParsedSipMessage}: start, value start, value end, end (-1 - end when folded). */
export const FIELD_SLOTS = SLOTS;

/**
 * The header fields of a parse in the parser's own offset form: field `i` is named `names[i]`
 * and spans `fields[i * FIELD_SLOTS + 0..3]` = start, value start, value end, end (stored as
 * `-1 - end` when the field is folded over several lines). A one-pass reader (the linter) reads
 * them in place instead of building a Header object per field.
 */
export interface HeaderFieldTable {
  readonly content: string;
  readonly names: readonly KnownName[];
  readonly fields: readonly number[];
}

/**
 * A parse whose header fields are kept as offsets (one small array of numbers and the shared
 * name records) until `headers` is read. A 50 MB trace has about a million header fields: as
 * objects they were most of what the garbage collector copied while a trace was opened, and the
 * linter (see {@link transientHeaders}) and most features never need them all at once.
 *
 * The own enumerable properties are `startLine`, `headerEnd`, `problems`, `body` (when there is
 * one) and the header offsets and names, so deep-equality of two parses still compares every
 * header. `toJSON` gives the plain-data form with `headers`.
 */
class ParsedSipMessage implements ParsedMessage {
  // Own properties in this order (body last), as before the fields became `declare`d.
  declare readonly startLine: StartLine;
  declare readonly headerEnd: number;
  declare readonly body?: Body;
  declare readonly problems: readonly ParseProblem[];
  declare readonly headerNames: readonly KnownName[];
  declare readonly headerFields: readonly number[];
  readonly #content: string;
  #headers: readonly Header[] | undefined;
  /** See {@link parseAttachment}. */
  #attachment: unknown;

  constructor(
    content: string,
    startLine: StartLine,
    names: readonly KnownName[],
    fields: readonly number[],
    headerEnd: number,
    body: Body | undefined,
    problems: readonly ParseProblem[],
  ) {
    this.startLine = startLine;
    this.headerEnd = headerEnd;
    this.problems = problems;
    this.headerNames = names;
    this.headerFields = fields;
    if (body !== undefined) {
      this.body = body;
    }
    this.#content = content;
  }

  /** The header fields in message order, built on first read and cached. */
  get headers(): readonly Header[] {
    if (this.#headers === undefined) {
      this.#headers = this.buildHeaders();
    }
    return this.#headers;
  }

  get attachment(): unknown {
    return this.#attachment;
  }

  set attachment(value: unknown) {
    this.#attachment = value;
  }

  /** The cached header objects if `headers` was read, else new ones that are not kept. */
  transientHeaders(): readonly Header[] {
    return this.#headers ?? this.buildHeaders();
  }

  fieldTable(): HeaderFieldTable {
    return { content: this.#content, names: this.headerNames, fields: this.headerFields };
  }

  /** Field `i` as a Header: the cached one if `headers` was read, else a new one that is not kept. */
  headerAt(i: number): Header {
    if (this.#headers !== undefined) {
      return this.#headers[i];
    }
    return this.buildHeader(i);
  }

  private buildHeaders(): Header[] {
    const names = this.headerNames;
    const out: Header[] = new Array<Header>(names.length);
    for (let i = 0; i < names.length; i++) {
      out[i] = this.buildHeader(i);
    }
    return out;
  }

  private buildHeader(i: number): Header {
    const known = this.headerNames[i];
    const f = this.headerFields;
    const start = f[i * SLOTS];
    const stored = f[i * SLOTS + 3];
    const folded = stored < 0;
    const end = folded ? -1 - stored : stored;
    return new ParsedHeader(this.#content, known, start, start + known.written.length, f[i * SLOTS + 1], f[i * SLOTS + 2], end, folded);
  }

  /** The plain-data form (`headers` is a getter, so JSON would drop it). */
  toJSON(): ParsedMessage {
    const { startLine, headers, headerEnd, body, problems } = this;
    return body ? { startLine, headers, headerEnd, body, problems } : { startLine, headers, headerEnd, problems };
  }
}

/**
 * What a consumer stored with a parse made by {@link parseMessage} ({@link attachToParse}), or
 * undefined. The linter keeps its per-parse cache here: a WeakMap keyed by 100k parses was a
 * large part of a first lint (hashing every new key) and of each full GC (ephemerons). One
 * consumer per process owns the slot: the linter.
 */
export function parseAttachment(parsed: ParsedMessage): unknown {
  return parsed instanceof ParsedSipMessage ? parsed.attachment : undefined;
}

/** Whether {@link attachToParse} can store with this parse (it came from {@link parseMessage}). */
export function canAttachToParse(parsed: ParsedMessage): boolean {
  return parsed instanceof ParsedSipMessage;
}

/**
 * Stores `value` with a parse made by {@link parseMessage}; false (nothing stored) for any other
 * ParsedMessage, which the caller then keeps elsewhere.
 */
export function attachToParse(parsed: ParsedMessage, value: unknown): boolean {
  if (parsed instanceof ParsedSipMessage) {
    parsed.attachment = value;
    return true;
  }
  return false;
}

/**
 * The offset form of a parse made by {@link parseMessage} (see {@link HeaderFieldTable}), or
 * undefined for any other ParsedMessage (read its `headers`).
 */
export function headerFieldTable(parsed: ParsedMessage): HeaderFieldTable | undefined {
  return parsed instanceof ParsedSipMessage ? parsed.fieldTable() : undefined;
}

/**
 * Header field `i` of a parse as a Header object, without making it part of the parse (see
 * {@link transientHeaders}); for a reader that needs only the odd field as an object.
 */
export function transientHeaderAt(parsed: ParsedMessage, i: number): Header {
  return parsed instanceof ParsedSipMessage ? parsed.headerAt(i) : parsed.headers[i];
}

/**
 * The header fields of a parse without making them part of it: the cached `headers` when they
 * were already read, else Header objects built for this call only. A one-pass reader such as
 * the linter uses this so that a million header objects die young instead of living as long
 * as the trace. Any other ParsedMessage gives its `headers`.
 */
export function transientHeaders(parsed: ParsedMessage): readonly Header[] {
  return parsed instanceof ParsedSipMessage ? parsed.transientHeaders() : parsed.headers;
}
