import { readFile } from 'node:fs/promises';
import { ConfigError, JsonSyntaxError } from '../model/errors.js';
import { parseJsonWithPositions, type Position } from './json-source.js';
import { displayPath, formatProblem, toPointer, type Problem } from './problem.js';
import type { Config } from './types.js';
import { configProblems } from './validate.js';

/** The config file a project keeps at its root unless told otherwise. */
export const DEFAULT_CONFIG_FILE = 'performance-tracker.json';

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED = 10;

/** Where a problem is: its own value, else the nearest enclosing value that exists (a missing key). */
function locate(p: Problem, positions: Map<string, Position>): Position {
  for (let n = p.at.length; n >= 0; n--) {
    const pos = positions.get(toPointer(p.at.slice(0, n)));
    if (pos) return pos;
  }
  return { line: 1, column: 1 };
}

/**
 * Parse and validate config text. Throws ConfigError whose message names the file, and for each
 * problem (one line each, in file order) its line:column, JSON path, what was expected and what
 * was found. `error.path` is the JSON path of the first problem.
 */
export function parseConfig(text: string, file: string): Config {
  let parsed;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    throw new ConfigError(`${file}:${e.position.line}:${e.position.column}: ${e.message}`, file);
  }
  const problems = configProblems(parsed.value)
    .map((p) => ({ p, pos: locate(p, parsed.positions) }))
    .sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  if (problems.length === 0) return parsed.value as Config;
  const lines = problems.slice(0, MAX_LISTED).map(({ p, pos }) => `${file}:${pos.line}:${pos.column}: ${formatProblem(p)}`);
  if (problems.length > MAX_LISTED) lines.push(`… and ${problems.length - MAX_LISTED} more`);
  const message =
    lines.length === 1 ? lines[0]! : `${file}: ${problems.length} problems in the config:\n${lines.map((l) => `  ${l}`).join('\n')}`;
  throw new ConfigError(message, file, displayPath(problems[0]!.p.at));
}

/** Read and validate a config file (ConfigError naming the path when missing or unreadable). */
export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? "no such file; create it (see track-performance's docs/config.md) or pass the path of your config"
        : code === 'EISDIR'
          ? 'it is a directory; pass the path of the config file itself'
          : `it cannot be read (${code ?? (e as Error).message})`;
    throw new ConfigError(`${file}: cannot load the config: ${why}`, file);
  }
  return parseConfig(text, file);
}
