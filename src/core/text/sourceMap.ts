import type { Span } from '../model';

/**
 * Maps offsets in a message's content to offsets in the original file.
 *
 * The content is stitched from pieces of the file (one per ngrep line, per indented FreeSWITCH
 * line, per TCP packet); each piece is copied verbatim, so within a piece the mapping is a shift.
 * Pieces are stored as parallel sorted arrays and looked up by binary search.
 */
export class SourceMap {
  private readonly contentStarts: number[];
  private readonly sourceStarts: number[];

  /** A map of content copied verbatim from `sourceStart` onwards (raw SIP). */
  static identity(sourceStart: number): SourceMap {
    return new SourceMap([0], [sourceStart]);
  }

  constructor(contentStarts: number[] = [], sourceStarts: number[] = []) {
    this.contentStarts = contentStarts;
    this.sourceStarts = sourceStarts;
  }

  /** Appends a piece: content from `contentStart` onwards was copied from `sourceStart`. */
  add(contentStart: number, sourceStart: number): void {
    const n = this.contentStarts.length;
    // A piece that continues the previous one exactly adds nothing.
    if (n > 0 && this.sourceStarts[n - 1] + (contentStart - this.contentStarts[n - 1]) === sourceStart) {
      return;
    }
    if (n > 0 && this.contentStarts[n - 1] === contentStart) {
      this.sourceStarts[n - 1] = sourceStart;
      return;
    }
    this.contentStarts.push(contentStart);
    this.sourceStarts.push(sourceStart);
  }

  /** Number of pieces (1 for verbatim content). */
  get pieces(): number {
    return this.contentStarts.length;
  }

  /** Source offset of a content offset. An offset at a piece boundary belongs to the later piece. */
  toSource(offset: number): number {
    const i = this.pieceAt(offset);
    return this.sourceStarts[i] + (offset - this.contentStarts[i]);
  }

  /**
   * Source span of a content span. The end is mapped as the end of the piece holding its last
   * character, so a span ending at a piece boundary does not swallow the dropped framing
   * (an ngrep `.`, the next line's indentation).
   */
  spanToSource(span: Span): Span {
    const start = this.toSource(span.start);
    if (span.end <= span.start) {
      return { start, end: start };
    }
    const i = this.pieceAt(span.end - 1);
    return { start, end: this.sourceStarts[i] + (span.end - this.contentStarts[i]) };
  }

  /** Content offset of a source offset, or undefined when it falls in dropped framing. */
  toContent(sourceOffset: number, contentLength: number): number | undefined {
    for (let i = 0; i < this.sourceStarts.length; i++) {
      const pieceEnd = i + 1 < this.contentStarts.length ? this.contentStarts[i + 1] : contentLength;
      const delta = sourceOffset - this.sourceStarts[i];
      if (delta >= 0 && delta <= pieceEnd - this.contentStarts[i]) {
        return this.contentStarts[i] + delta;
      }
    }
    return undefined;
  }

  private pieceAt(offset: number): number {
    const starts = this.contentStarts;
    if (starts.length <= 1) {
      return 0;
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
