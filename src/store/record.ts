/**
 * The two steps every backend shares, on file text: read the newest runs, append one run.
 * A store keeps the last document it parsed with its text, so a load followed by a save of the
 * same unchanged file parses it once (for a long history, parsing is most of the cost).
 */
import type { RunFile } from '../model/index.js';
import { parseHistory, serializeHistory } from './codec.js';
import { emptyHistory, insertRun, toRuns, type HistoryDoc } from './history.js';
import { applyRetention, type Retention } from './retention.js';
import { withinStringLimit } from './limits.js';

export class HistoryText {
  private memo: { text: string; doc: HistoryDoc } | undefined;

  /** `note` receives what a read repaired (see `parseHistory`). */
  constructor(
    private readonly note?: (message: string) => void,
    /** The writer of file text (a seam for tests of the string limit). */
    private readonly serialize: (doc: HistoryDoc) => string = serializeHistory,
  ) {}

  /** The newest `limit` runs (all when absent) of a history file's text, oldest first; undefined when it holds none. */
  newestRuns(text: string, file: string, limit?: number): RunFile[] | undefined {
    const doc = this.parse(text, file);
    this.memo = { text, doc };
    const n = doc.entries.length;
    const from = limit === undefined ? 0 : Math.max(0, n - Math.max(0, limit));
    if (from >= n) return undefined;
    return toRuns(
      doc,
      Array.from({ length: n - from }, (_, i) => from + i),
    );
  }

  /**
   * The history with `run` added, as a document and as the file's text: `text` is the current file
   * (undefined when there is none yet). Throws StoreError, before anything is written, when `text`
   * cannot be read.
   */
  appendRun(
    text: string | undefined,
    file: string,
    run: RunFile,
    branch: string,
    retention?: Retention,
  ): { doc: HistoryDoc; text: string } {
    const doc = text === undefined ? emptyHistory(branch) : this.parse(text, file);
    this.memo = undefined; // the document changes below; the caller may still fail to write it
    const kept = applyRetention(insertRun(doc, run), retention);
    const next = withinStringLimit(
      () => this.serialize(kept),
      `The new history of ${file}`,
      () => `${kept.entries.length} runs × ${Object.keys(kept.benchmarks).length} benchmarks`,
      file,
    );
    this.memo = { text: next, doc: kept };
    return { doc: kept, text: next };
  }

  private parse(text: string, file: string): HistoryDoc {
    if (this.memo?.text === text) return this.memo.doc;
    return withinStringLimit(
      () => parseHistory(text, file, this.note),
      `History file ${file}`,
      () => `${text.length} characters`,
      file,
    );
  }
}
