import { SourceMap } from '../text/sourceMap';

/**
 * Stitches message content from pieces of the source (one per copied line or packet) and keeps
 * where each piece came from, so any content range can be mapped back to the file.
 */
export class ContentBuilder {
  private readonly parts: string[] = [];
  private contentStarts: number[] = [];
  private sourceStarts: number[] = [];
  private text: string | undefined;
  /** The piece arrays were handed to a SourceMap: copy them before changing them. */
  private shared = false;
  length = 0;

  /**
   * A builder holding `text` already made, whose pieces start at `contentStarts` in it and at
   * `sourceStarts` in the source (parallel, sorted, first content start 0).
   */
  static of(text: string, contentStarts: number[], sourceStarts: number[]): ContentBuilder {
    const b = new ContentBuilder();
    if (text.length > 0) {
      b.parts.push(text);
      b.text = text;
      b.length = text.length;
      b.contentStarts = contentStarts;
      b.sourceStarts = sourceStarts;
    }
    return b;
  }

  /** Appends `piece`, whose characters map one-to-one onto the source from `sourceStart`. */
  push(piece: string, sourceStart: number): void {
    if (piece.length === 0) {
      return;
    }
    const n = this.contentStarts.length;
    const continues =
      n > 0 && this.sourceStarts[n - 1] + (this.length - this.contentStarts[n - 1]) === sourceStart;
    if (!continues) {
      this.unshare();
      this.contentStarts.push(this.length);
      this.sourceStarts.push(sourceStart);
    }
    this.parts.push(piece);
    this.length += piece.length;
    this.text = undefined;
  }

  /** Appends everything another builder holds. */
  append(other: ContentBuilder): void {
    const otherText = other.toString();
    for (let i = 0; i < other.contentStarts.length; i++) {
      const end = i + 1 < other.contentStarts.length ? other.contentStarts[i + 1] : other.length;
      this.push(otherText.slice(other.contentStarts[i], end), other.sourceStarts[i]);
    }
  }

  /** Replaces the last character (same length, so the mapping is unchanged). */
  replaceLastChar(ch: string): void {
    const t = this.toString();
    if (t.length > 0) {
      this.text = t.slice(0, -1) + ch;
      this.parts[0] = this.text;
    }
  }

  toString(): string {
    if (this.text === undefined) {
      this.text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
      this.parts.length = 0;
      this.parts.push(this.text);
    }
    return this.text;
  }

  /** Source offset of a content offset. */
  toSource(offset: number): number {
    const i = this.pieceAt(offset);
    return i < 0 ? 0 : this.sourceStarts[i] + (offset - this.contentStarts[i]);
  }

  /** A SourceMap for the content range `[start, end)`, rebased so that `start` becomes 0. */
  mapRange(start: number, end: number): SourceMap {
    if (start === 0 && end === this.length && this.contentStarts.length > 0) {
      // The whole content (one message per frame, the common case): the piece arrays are the
      // map already; share them instead of copying (copy-on-write should this builder grow).
      this.shared = true;
      return new SourceMap(this.contentStarts, this.sourceStarts);
    }
    const map = new SourceMap();
    let i = this.pieceAt(start);
    if (i < 0) {
      map.add(0, 0);
      return map;
    }
    map.add(0, this.sourceStarts[i] + (start - this.contentStarts[i]));
    for (i = i + 1; i < this.contentStarts.length && this.contentStarts[i] < end; i++) {
      map.add(this.contentStarts[i] - start, this.sourceStarts[i]);
    }
    return map;
  }

  private unshare(): void {
    if (this.shared) {
      this.shared = false;
      this.contentStarts = this.contentStarts.slice();
      this.sourceStarts = this.sourceStarts.slice();
    }
  }

  private pieceAt(offset: number): number {
    const starts = this.contentStarts;
    if (starts.length === 0) {
      return -1;
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
