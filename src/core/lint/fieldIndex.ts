/**
 * The header fields of the message being linted, read in place from the parser's offset form
 * ({@link headerFieldTable}) and indexed by key once per message.
 *
 * A first lint reads every field of every message once. Building a Header object (and a list
 * per key) for each of a trace's million fields was most of a first lint's time and garbage, so
 * rules read keys and value offsets here, and a Header object is built only for the few fields
 * a rule asks for as an object (to read its split `values`, or because a finding is reported).
 *
 * Keys are small integers ({@link keyId}), so "is there a CSeq" or "the first Via" is an array
 * read, not a string hash: rules resolve the ids of the keys they look at once, when loaded.
 * One index serves every message of a lint: `reset` re-fills it and allocates nothing.
 */
import type { Header, ParsedMessage } from '../model';
import { FIELD_SLOTS, headerFieldTable, nameMark, setNameMark, transientHeaderAt } from '../parser';
import type { KnownName } from '../parser';
import { firstElementParam, isPlainSipVia, isPlainSipViaAt, nextComma, paramInLine, RAW_LINE_BREAK, searchMessage } from './sipText';
import type { HeaderLookup } from './sipText';

/**
 * How many distinct keys get their own id. Real traces use a few dozen; hostile input with
 * thousands of invented names shares {@link OVERFLOW_KEY} beyond this, so the table stays small.
 */
const MAX_KEYS = 1024;
/** The id every key past {@link MAX_KEYS} shares (never a key a rule asks about: those come first). */
const OVERFLOW_KEY = MAX_KEYS;

const idsByKey = new Map<string, number>();
const keysById: string[] = [];

/** The small integer standing for a lower-case canonical header key (stable for the process). */
export function keyId(key: string): number {
  let id = idsByKey.get(key);
  if (id === undefined) {
    if (keysById.length >= MAX_KEYS) {
      return OVERFLOW_KEY;
    }
    id = keysById.length;
    keysById.push(key);
    idsByKey.set(key, id);
  }
  return id;
}

/**
 * Membership of keys by id: `set[id] === 1` for each of `keys` (a table read per field instead
 * of a string hash). The overflow id is never a member.
 */
export function keyIdSet(keys: readonly string[]): Uint8Array {
  const set = new Uint8Array(MAX_KEYS + 1);
  for (const key of keys) {
    const id = keyId(key);
    if (id !== OVERFLOW_KEY) {
      set[id] = 1;
    }
  }
  return set;
}

/** The key an id stands for. */
export function keyOf(id: number): string {
  return keysById[id] ?? '';
}

export class FieldIndex implements HeaderLookup {
  /** The message (generation) each key's `firstField`/`fieldCount` belong to. */
  private readonly stamp = new Int32Array(MAX_KEYS + 1);
  private readonly firstField = new Int32Array(MAX_KEYS + 1);
  private readonly fieldCount = new Int32Array(MAX_KEYS + 1);
  private generation = 0;
  /** Ids of the keys seen more than once, in the order their second occurrence appears. */
  private readonly repeated: number[] = [];
  private parsed: ParsedMessage | undefined;
  /** The message content the offsets point into. */
  content = '';
  /** Number of header fields of the message. */
  count = 0;
  /** Key id of each field. */
  private ids = new Int32Array(64);
  /** The parser's field offsets ({@link FIELD_SLOTS} per field), or built from Header objects. */
  private offsets: readonly number[] = [];
  /** The parser's name records, for the key of a field whose id is the shared overflow id. */
  private names: readonly KnownName[] = [];
  /** Header objects of the fields, built on demand (index = field number, for `builtFor`). */
  private built: (Header | undefined)[] = [];
  private builtFor = -1;
  /** Every field's Header when the parse came with objects only, or once all were asked for. */
  private all: readonly Header[] | undefined;
  /** Whether `all` is the parse's own list (then every value must be read from the objects). */
  private objectsOnly = false;

  /**
   * Indexes the fields of `parsed`, whose spans point into `content` (the message content it
   * was parsed from).
   */
  reset(parsed: ParsedMessage, content: string): void {
    const generation = ++this.generation;
    this.repeated.length = 0;
    this.all = undefined;
    this.parsed = parsed;
    this.content = content;
    const table = headerFieldTable(parsed);
    let count: number;
    if (table !== undefined) {
      this.objectsOnly = false;
      this.content = table.content;
      this.offsets = table.fields;
      const names = table.names;
      this.names = names;
      count = names.length;
      const ids = this.idsFor(count);
      for (let i = 0; i < count; i++) {
        // The id is kept on the parser's shared name record: one hash per spelling, not per field.
        const name = names[i];
        let id = nameMark(name);
        if (id < 0) {
          id = keyId(name.resolved.key);
          setNameMark(name, id);
        }
        ids[i] = this.note(id, i, generation);
      }
    } else {
      // A parse that did not come from parseMessage (tests, hand-made models): its Header
      // objects give the keys and offsets.
      const headers = parsed.headers;
      const offsets: number[] = [];
      count = headers.length;
      const ids = this.idsFor(count);
      for (let i = 0; i < count; i++) {
        const h = headers[i];
        offsets.push(h.span.start, h.value.span.start, h.value.span.end, h.span.end);
        ids[i] = this.note(keyId(h.key), i, generation);
      }
      this.offsets = offsets;
      this.all = headers;
      this.objectsOnly = true;
    }
    this.count = count;
    searchMessage(this.content, parsed.headerEnd);
  }

  private idsFor(count: number): Int32Array {
    if (this.ids.length < count) {
      this.ids = new Int32Array(Math.max(count, this.ids.length * 2));
    }
    return this.ids;
  }

  /** Records field `i` under key `id`; returns the id. */
  private note(id: number, i: number, generation: number): number {
    if (this.stamp[id] !== generation) {
      this.stamp[id] = generation;
      this.firstField[id] = i;
      this.fieldCount[id] = 1;
    } else if (++this.fieldCount[id] === 2) {
      this.repeated.push(id);
    }
    return id;
  }

  /** Key id of field `i`. */
  id(i: number): number {
    return this.ids[i];
  }

  /** Lower-case canonical key of field `i`. */
  key(i: number): string {
    if (this.objectsOnly) {
      return (this.all as readonly Header[])[i].key;
    }
    return this.ids[i] === OVERFLOW_KEY ? this.names[i].resolved.key : keyOf(this.ids[i]);
  }

  /** Offset of field `i`'s value (after the colon and leading whitespace). */
  valueStart(i: number): number {
    return this.offsets[i * FIELD_SLOTS + 1];
  }

  /** Offset just past field `i`'s value (trailing whitespace excluded). */
  valueEnd(i: number): number {
    return this.offsets[i * FIELD_SLOTS + 2];
  }

  /** Whether field `i`'s raw value cannot be read in place (folded over lines, or objects only). */
  folded(i: number): boolean {
    return this.objectsOnly || this.offsets[i * FIELD_SLOTS + 3] < 0;
  }

  /** `value.text` of field `i`: a slice of the content unless the value is folded. */
  valueText(i: number): string {
    if (this.folded(i)) {
      return this.header(i).value.text;
    }
    return this.content.slice(this.offsets[i * FIELD_SLOTS + 1], this.offsets[i * FIELD_SLOTS + 2]);
  }

  /**
   * A parameter of field `i`'s first element (`branch` of a Via, `tag` of From/To): its value
   * ('' for a flag) or undefined when absent; `name` is lower case. Read in place, without a
   * copy of the value, unless the value is folded.
   */
  param(i: number, name: string): string | undefined {
    if (!this.folded(i)) {
      // An unfolded value is one line: no line break to look for.
      const found = paramInLine(this.content, this.offsets[i * FIELD_SLOTS + 1], this.offsets[i * FIELD_SLOTS + 2], name);
      if (found !== RAW_LINE_BREAK) {
        return found;
      }
    }
    return firstElementParam(this.valueText(i), name);
  }

  /**
   * Whether field `i` is one Via value spelled `SIP/2.0/<transport> <host>...` (no LWS around
   * the slashes, no comma): {@link isPlainSipVia} read in place.
   */
  isPlainSipVia(i: number): boolean {
    if (this.folded(i)) {
      const text = this.valueText(i);
      return isPlainSipVia(text) && !text.includes(',');
    }
    const start = this.valueStart(i);
    const end = this.valueEnd(i);
    const comma = nextComma.in(this.content, start);
    return !(comma >= 0 && comma < end) && isPlainSipViaAt(this.content, start, end);
  }

  /** Whether field `i`'s value is empty or only whitespace (read in place). */
  isBlankValue(i: number): boolean {
    const folded = this.folded(i);
    const text = folded ? this.valueText(i) : this.content;
    const end = folded ? text.length : this.valueEnd(i);
    for (let k = folded ? 0 : this.valueStart(i); k < end; k++) {
      const c = text.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 10) {
        return false;
      }
    }
    return true;
  }

  /** The first field with key id `id`, or -1. */
  first(id: number): number {
    return this.stamp[id] === this.generation ? this.firstField[id] : -1;
  }

  /** How many fields have key id `id`. */
  countOf(id: number): number {
    return this.stamp[id] === this.generation ? this.fieldCount[id] : 0;
  }

  /** The `k`th field (from 0) with key id `id`; only for `k < countOf(id)`. */
  nth(id: number, k: number): number {
    let i = this.firstField[id];
    for (let seen = 0; seen < k; ) {
      i++;
      if (this.ids[i] === id) {
        seen++;
      }
    }
    return i;
  }

  /** Field `i` as a Header object (built once per message, not kept with the parse). */
  header(i: number): Header {
    if (this.all !== undefined) {
      return this.all[i];
    }
    if (this.builtFor !== this.generation) {
      this.builtFor = this.generation;
      this.built = [];
    }
    let h = this.built[i];
    if (h === undefined) {
      h = transientHeaderAt(this.parsed as ParsedMessage, i);
      this.built[i] = h;
    }
    return h;
  }

  /** Every field as a Header object, in message order. */
  headers(): readonly Header[] {
    if (this.all === undefined) {
      const out: Header[] = new Array<Header>(this.count);
      for (let i = 0; i < this.count; i++) {
        out[i] = this.header(i);
      }
      this.all = out;
    }
    return this.all;
  }

  /** The fields with key `key` as Header objects (HeaderLookup; rules prefer ids and offsets). */
  get(key: string): readonly Header[] | undefined {
    const id = keyId(key);
    const n = this.countOf(id);
    if (n === 0 || id === OVERFLOW_KEY) {
      return id === OVERFLOW_KEY ? this.headers().filter((h) => h.key === key) : undefined;
    }
    const list: Header[] = new Array<Header>(n);
    for (let k = 0; k < n; k++) {
      list[k] = this.header(this.nth(id, k));
    }
    return list;
  }

  has(key: string): boolean {
    const id = keyId(key);
    return id === OVERFLOW_KEY ? this.headers().some((h) => h.key === key) : this.countOf(id) > 0;
  }

  repeatedKeys(): readonly string[] {
    return this.repeated.filter((id) => id !== OVERFLOW_KEY).map(keyOf);
  }

  /**
   * Ids of the keys seen more than once, in the order their second occurrence appears (may hold
   * the shared overflow id, which stands for no key a rule asks about).
   */
  repeatedIds(): readonly number[] {
    return this.repeated;
  }

  /** Drops every reference to the last message, so a finished lint does not keep its trace alive. */
  clear(): void {
    this.generation++;
    this.repeated.length = 0;
    this.parsed = undefined;
    this.content = '';
    this.offsets = [];
    this.names = [];
    this.built = [];
    this.all = undefined;
    this.count = 0;
  }
}
