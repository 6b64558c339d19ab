/**
 * The importer registry: every foreign format, detection, and the one call (`parseImport`,
 * `importFile`) that turns a tool's output — or our own run file — into a RunFile.
 *
 * A file is decoded once (strict UTF-8) and read through one ImportInput, whose JSON value and
 * lines are computed on first use and shared, so the text is parsed at most once whatever the
 * number of formats. Detection asks importers in array order and takes the first whose `detect`
 * claims the input; only that one parses it. Each importer claims only input carrying its tool's
 * signature (distinctive JSON keys, header or result lines), so order matters only between
 * formats sharing a syntax: keep the more specific one first (criterion before cargo, whose
 * `bencher` text criterion also prints). To add a format: one file, one import line and one
 * array entry (docs/formats-internals.md).
 */
import { readFile } from 'node:fs/promises';
import { ImportError } from '../model/errors.js';
import { RUN_SCHEMA_VERSION, type RunFile } from '../model/index.js';
import { assemble } from './assemble.js';
import { decodeUtf8, importInput } from './input.js';
import { lineAt } from './json.js';
import { RUN_FILE_FORMAT, isRunFile, readRunFile, validateRun } from './run-file.js';
import type { ImportInput, Importer } from './types.js';
import { hyperfine } from './hyperfine.js';
import { googlebenchmark } from './googlebenchmark.js';
import { goJson } from './go-json.js';
import { go } from './go.js';
import { catch2Xml } from './catch2-xml.js';
import { catch2 } from './catch2.js';
import { criterion } from './criterion.js';
import { cargo } from './cargo.js';
import { pytestImporter } from './pytest.js';
import { dotnetImporter } from './dotnet.js';
import { jmhImporter } from './jmh.js';
import { vitestImporter } from './vitest.js';
import { tinybenchImporter } from './tinybench-json.js';
import { benchmarkjsImporter } from './benchmarkjs.js';
import { gnuTimeImporter } from './gnu-time.js';
import { customImporter } from './custom.js';

/** All formats, in detection order. */
export const importers: Importer[] = [
  hyperfine,
  googlebenchmark,
  goJson,
  catch2Xml,
  catch2,
  criterion, // before cargo: criterion's console text also holds libtest summary lines
  cargo,
  go,
  pytestImporter,
  dotnetImporter,
  jmhImporter,
  vitestImporter,
  tinybenchImporter,
  benchmarkjsImporter,
  gnuTimeImporter,
  // Last: the most general shape (entries with name, unit, value and direction).
  customImporter,
];

/** Options of parseImport / importFile. */
export interface ImportOptions {
  /** Force a format instead of detecting it. */
  format?: string;
  /** Suite for all benchmarks (default: the tool's group, else the format name). */
  suite?: string;
  /** ISO timestamp of the run (default: now). */
  timestamp?: string;
}

/** The first importer that claims the input, or undefined. Broken input of a format still matches. */
function detect(input: ImportInput): Importer | undefined {
  return importers.find((importer) => importer.detect(input));
}

/** The importer whose format the text is, or undefined. Broken input of a format still matches. */
export function detectFormat(text: string, file: string): Importer | undefined {
  return detect(importInput(text, file));
}

/** A control character no text tool writes (ESC, tab and line breaks are fine), or U+FFFD. */
function isBinaryChar(code: number): boolean {
  return code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 27);
}

/** Rejects text that is not text at all: NUL bytes or many undecodable bytes. */
function checkText(text: string, file: string, format?: string): void {
  if (text.trim() === '') {
    throw new ImportError(`${file}:1: the file is empty; expected benchmark output`, file, format, 1);
  }
  const limit = Math.min(text.length, 65536);
  let bad = 0;
  let first = -1;
  for (let i = 0; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (!isBinaryChar(code)) continue;
    if (first < 0) first = i;
    bad++;
    if (code === 0 || bad > Math.max(8, limit / 100)) {
      const line = lineAt(text, first);
      throw new ImportError(
        `${file}:${line}: binary data, not text; expected the text or JSON output of a benchmark tool`,
        file,
        format,
        line,
      );
    }
  }
}

function formatList(): string {
  return [...importers.map((i) => i.format), RUN_FILE_FORMAT].join(', ');
}

/**
 * Parse text into a RunFile (schemaVersion 1, tool 'track-performance', timestamp from options
 * or now, source {format, file}); benchmarks get suite = options.suite ?? group ?? format, id
 * `${suite}/${name}`. A run file of our own is validated and returned as it is.
 * Throws ImportError naming file, line/JSON path and what was expected for broken input, an
 * unknown or wrong forced format, empty input, binary garbage, or zero benchmarks found.
 */
export function parseImport(text: string, file: string, options: ImportOptions = {}): { run: RunFile; format: string } {
  const forced = options.format;
  checkText(text, file, forced);
  const input = importInput(text, file);
  if (forced === RUN_FILE_FORMAT || (forced === undefined && /^\s*\{/.test(text) && isRunFile(input.json))) {
    return { run: readRunFile(input), format: RUN_FILE_FORMAT };
  }
  let importer: Importer | undefined;
  if (forced !== undefined) {
    importer = importers.find((i) => i.format === forced);
    if (!importer) {
      throw new ImportError(`${file}: unknown format ${JSON.stringify(forced)}; expected one of: ${formatList()}`, file, forced, 1);
    }
  } else {
    importer = detect(input);
    if (!importer) {
      throw new ImportError(
        `${file}:1: unrecognised benchmark output; expected one of: ${formatList()} (set "format" to force one)`,
        file,
        undefined,
        1,
      );
    }
  }
  const imported = importer.parse(input);
  if (imported === null) {
    throw new ImportError(
      `${file}:1: this is not ${importer.format} output; expected what \`${importer.produce}\` writes` +
        (forced !== undefined ? ` (format ${JSON.stringify(forced)} was forced; remove it to detect the format)` : ''),
      file,
      importer.format,
      1,
    );
  }
  if (imported.length === 0) {
    throw new ImportError(`${file}:1: no benchmarks found in ${importer.format} output`, file, importer.format, 1);
  }
  const where = { file, format: importer.format };
  const run: RunFile = {
    schemaVersion: RUN_SCHEMA_VERSION,
    tool: 'track-performance',
    timestamp: options.timestamp ?? new Date().toISOString(),
    benchmarks: assemble(imported, where, options.suite),
    source: { format: importer.format, file },
  };
  // The check every run file gets when read: what import writes, compare accepts.
  return { run: validateRun(run, file, importer.format), format: importer.format };
}

/**
 * Reads a file and parses it with parseImport. A file that cannot be read, or whose bytes are not
 * UTF-8, is an ImportError.
 */
export async function importFile(file: string, options: ImportOptions = {}): Promise<{ run: RunFile; format: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new ImportError(`${file}: cannot read the file (${reason}); expected a benchmark output file`, file, options.format);
  }
  return parseImport(decodeUtf8(bytes, file, options.format), file, options);
}

/** The run file's own validation, for readers that take only run files (the shard merge). */
export { validateRun };
