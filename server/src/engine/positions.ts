import type { Position, Range } from './types';

/**
 * Maps string offsets to LSP positions (and back) for one text, with LSP's line model — the one
 * the editor's own document uses — shared by the engine, the server and the CLI: `\r\n`, `\n` and a
 * lone `\r` each end a line; columns count UTF-16 code units (JavaScript string indexes). A position
 * never falls between the `\r` and `\n` of a line break, nor past the end of its line's content.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    // An offset inside the line break (between \r and \n, or at the \n) is the end of the line's content.
    return { line, character: Math.min(clamped, this.lineEnd(line)) - this.starts[line] };
  }

  offset(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of a line's content, before its \r\n, \n or \r. */
  lineEnd(line: number): number {
    const index = Math.max(0, Math.min(line, this.starts.length - 1));
    if (index + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[index + 1];
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  private lineBreak: string | undefined;

  /** The line break the text uses, so inserted lines match it (found once: fixes ask per diagnostic). */
  get eol(): string {
    return (this.lineBreak ??= this.text.includes('\r\n') ? '\r\n' : '\n');
  }
}

/** A text's lines as LSP counts them (without their breaks). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
