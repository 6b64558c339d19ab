/** Paths to real tool outputs: ours in __tests__/fixtures, the shared ones read in place. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Our committed fixture `__tests__/fixtures/<tool>/<name>`. */
export function fixture(tool: string, name: string): { file: string; text: string } {
  const file = join(here, '..', 'fixtures', tool, name);
  return { file, text: readFileSync(file, 'utf8') };
}

/** The shared fixtures folder (../shared/fixtures from the repo), absent outside this workspace. */
export const SHARED = process.env.TRACK_PERFORMANCE_SHARED_FIXTURES ?? join(here, '..', '..', '..', 'shared', 'fixtures');

/** True when the shared fixtures can be read; tests using them skip otherwise. */
export const hasShared = existsSync(SHARED);

/** A shared fixture read in place. */
export function shared(path: string): { file: string; text: string } {
  const file = join(SHARED, path);
  return { file, text: readFileSync(file, 'utf8') };
}
