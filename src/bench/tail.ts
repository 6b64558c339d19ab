/**
 * Keeps only the start and the end of a stream's text: enough to explain a failure (a tool's
 * reason comes first, its help or log path last), bounded in memory.
 */
export class TailBuffer {
  private text = '';
  private start = '';
  constructor(private readonly limit = 8192) {}

  push(chunk: Buffer | string): void {
    const piece = chunk.toString();
    if (this.start.length < this.limit) this.start += piece.slice(0, this.limit - this.start.length);
    this.text += piece;
    if (this.text.length > 2 * this.limit) this.text = this.text.slice(-this.limit);
  }

  /** The last `lines` lines (trailing blank lines dropped), at most `limit` characters. */
  lines(lines = 20): string {
    const all = this.text.slice(-this.limit).replace(/\s+$/, '').split('\n');
    return all.slice(-lines).join('\n');
  }

  /** The first `limit` characters written. */
  head(): string {
    return this.start;
  }
}

/** " Its stderr ended with:\n…" or " It wrote nothing to stderr." — the end of a failure message. */
export function describeStderr(tail: string): string {
  return tail ? ` Its stderr ended with:\n${indent(tail)}` : ' It wrote nothing to stderr.';
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
