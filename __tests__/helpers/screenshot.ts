/**
 * Screenshot comparison for the dashboard's browser tests: a page's PNG against a committed
 * reference, pixel by pixel with pixelmatch (per-pixel colour threshold 0.1, its default), the
 * share of differing pixels within a tolerance. UPDATE_SCREENSHOTS=1 rewrites the references
 * (`npm run test:screenshots`); on a mismatch the actual image and the diff are written to a
 * temp folder that the failure names.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

export interface Comparison {
  /** Share of the pixels that differ (1 when the sizes differ). */
  differing: number;
  /** Where the actual image and the diff were written, on a mismatch. */
  written?: string;
}

/** Compares `actual` (a PNG) with the reference at `file`; in update mode, writes it there first. */
export function compareWithReference(actual: Buffer, file: string, tolerance: number): Comparison {
  if (UPDATE || !existsSync(file)) {
    if (!UPDATE) throw new Error(`No reference screenshot ${file}: make it with 'npm run test:screenshots'.`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  const a = PNG.sync.read(actual);
  const ref = PNG.sync.read(readFileSync(file));
  const keep = (differing: number, diff?: PNG): Comparison => {
    if (differing <= tolerance) return { differing };
    const dir = mkdtempSync(join(tmpdir(), 'dash-shot-'));
    writeFileSync(join(dir, 'actual.png'), actual);
    if (diff) writeFileSync(join(dir, 'diff.png'), PNG.sync.write(diff));
    return { differing, written: dir };
  };
  if (a.width !== ref.width || a.height !== ref.height) return keep(1);
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, ref.data, diff.data, a.width, a.height, { threshold: 0.1 });
  return keep(n / (a.width * a.height), diff);
}
