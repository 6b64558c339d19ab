import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scalingProject } from './optimize-cli.js';

/**
 * A tinybench suite file whose scaling task follows Amdahl's law by construction: each call
 * sleeps for the serial share s of a 200 ms job, then for the rest split over n sleeps at once,
 * so T(n) = 200 ms × (s + (1 − s)/n) and σ = s. Sleeping, not computing, so that neither the
 * machine's 2 cores nor its load bend the curve (timers overshoot by about a millisecond).
 */
export const AMDAHL_SUITE = `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const T = 200;
const s = Number(process.env.SERIAL);
export default (suite) => {
  suite.scaling('locked jobs', async (n) => {
    await sleep(s * T);
    await Promise.all(Array.from({ length: n }, () => sleep(((1 - s) * T) / n)));
  }, { levels: [1, 2, 3, 4, 6, 8], unit: 'jobs' });
};
`;

/** A project with `files` (name → text) beside a config of these scaling suites. */
export function tinybenchProject(scaling: unknown[], files: Record<string, string>): string {
  const dir = scalingProject(scaling);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
