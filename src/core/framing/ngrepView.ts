/**
 * ngrep byline output shows every CR as a `.` at the end of its line. This turns each `.` that
 * precedes a newline back into a CR, for the whole text at once. The result has the same length,
 * so its offsets are the source's and messages are plain slices of it.
 *
 * A regex replace allocates one piece per match (a million lines make a million pieces); mutating
 * a byte copy is several times faster, which matters on 200 MB captures.
 */
export function restoreNgrepCarriageReturns(text: string): string {
  if (typeof Buffer === 'undefined') {
    // Not on Node (a browser bundle): the portable way.
    return text.replace(/\.\n/g, '\r\n');
  }
  // A regex class test is answered without a scan when V8 holds the text as one-byte (latin1)
  // characters, which decoded trace files almost always are; Buffer.byteLength would scan it all.
  if (!/[^\x00-\xff]/.test(text)) {
    // One byte per character: mutate a latin1 copy, stepping from newline to newline with the
    // native memchr-based indexOf rather than visiting every byte in JS.
    const bytes = Buffer.from(text, 'latin1');
    let i = bytes.indexOf(10);
    while (i >= 0) {
      if (i > 0 && bytes[i - 1] === 46) {
        bytes[i - 1] = 13;
      }
      i = bytes.indexOf(10, i + 1);
    }
    return bytes.toString('latin1');
  }
  const bytes = Buffer.from(text, 'utf16le');
  const units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
  const last = units.length - 1;
  for (let i = 0; i < last; i++) {
    if (units[i] === 46 && units[i + 1] === 10) {
      units[i] = 13;
    }
  }
  return bytes.toString('utf16le');
}

/** A stretch of ngrep text with its CRs restored, and where its lines end. */
export interface RestoredChunk {
  /** `text[from, end)` with every `.` before a newline turned into a CR (same length). */
  readonly view: string;
  /** Source offsets of every newline in `text[from, end)`, in order, in the first {@link lines} slots. */
  readonly lineEnds: Int32Array;
  readonly lines: number;
}

/**
 * {@link restoreNgrepCarriageReturns} of `text[from, end)`, noting where every newline is on the
 * way: the reader then walks the packets' lines from this table rather than searching the text
 * for each newline a second time. `lineEnds` is reused when large enough.
 */
export function restoreNgrepChunk(text: string, from: number, end: number, lineEnds: Int32Array): RestoredChunk {
  const piece = text.slice(from, end);
  let table = lineEnds.length > 0 ? lineEnds : new Int32Array(4096);
  let lines = 0;
  if (typeof Buffer === 'undefined' || /[^\x00-\xff]/.test(piece)) {
    // The rare ways (no Buffer, characters beyond latin1): restore, then find the newlines.
    const view = restoreNgrepCarriageReturns(piece);
    for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) {
      if (lines === table.length) {
        table = doubled(table);
      }
      table[lines++] = from + i;
    }
    return { view, lineEnds: table, lines };
  }
  // As restoreNgrepCarriageReturns' latin1 way, stepping through the string (a builtin indexOf,
  // as fast as the Buffer's) so that each newline's offset is at hand for the table.
  const bytes = latin1Bytes(piece);
  for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) {
    if (i > 0 && piece.charCodeAt(i - 1) === 46) {
      bytes[i - 1] = 13;
    }
    if (lines === table.length) {
      table = doubled(table);
    }
    table[lines++] = from + i;
  }
  return { view: bytes.toString('latin1', 0, piece.length), lineEnds: table, lines };
}

function doubled(table: Int32Array): Int32Array {
  const bigger = new Int32Array(table.length * 2);
  bigger.set(table);
  return bigger;
}

/** Chunks up to this many characters are copied through one reused buffer (see latin1Bytes). */
const SCRATCH_LIMIT = 1024 * 1024;
let scratch: Buffer | undefined;

/**
 * The latin1 bytes of `piece` (all below 0x100), in a buffer reused from chunk to chunk when the
 * piece is small enough: allocating a fresh one per chunk cost twice as much as the copy itself.
 * Only the first `piece.length` bytes are the piece's.
 */
function latin1Bytes(piece: string): Buffer {
  if (piece.length > SCRATCH_LIMIT) {
    return Buffer.from(piece, 'latin1');
  }
  if (scratch === undefined || scratch.length < piece.length) {
    scratch = Buffer.allocUnsafe(Math.max(piece.length, 128 * 1024));
  }
  scratch.write(piece, 0, 'latin1');
  return scratch;
}
