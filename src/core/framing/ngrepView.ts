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
