/**
 * Callgrind's client requests from JavaScript, through the prebuilt N-API addon of
 * `@codspeed/core` (Apache-2.0; its `instrument-hooks` C library issues
 * CALLGRIND_ZERO_STATS + START_INSTRUMENTATION, STOP_INSTRUMENTATION and DUMP_STATS_AT). Only the
 * `.node` file is loaded, never the package's JavaScript (which would pull in an HTTP client).
 * The build copies the prebuilt files beside the bundle (dist/instrument-hooks/), so the action
 * finds them without node_modules; from source they come from node_modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface InstrumentHooks {
  isInstrumented(): boolean;
  /** Zeroes the counters and starts counting. */
  startBenchmark(): number;
  stopBenchmark(): number;
  /** Dumps the counts since the last start as a part named `uri`. */
  setExecutedBenchmark(pid: number, uri: string): number;
}

/** Where the addon for this platform may be, best first. */
export function addonCandidates(here: string = import.meta.url, platform = process.platform, arch = process.arch): string[] {
  const dir = dirname(fileURLToPath(here));
  const out = [join(dir, 'instrument-hooks', `${platform}-${arch}`, 'node.napi.node')];
  try {
    const pkg = createRequire(join(dir, 'noop.js')).resolve('@codspeed/core/package.json');
    out.push(join(dirname(pkg), 'prebuilds', `${platform}-${arch}`, 'node.napi.node'));
  } catch {
    // Not installed beside this code (the bundled action): only the copy in dist/.
  }
  return out;
}

/** Loads the hooks, or throws an Error saying which files were tried. */
export function loadInstrumentHooks(candidates: readonly string[] = addonCandidates()): InstrumentHooks {
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    throw new Error(`no prebuilt instrument-hooks addon for ${process.platform}-${process.arch} (looked for ${candidates.join(', ')})`);
  }
  const mod = { exports: {} as { InstrumentHooks?: InstrumentHooks } };
  process.dlopen(mod, file);
  if (!mod.exports.InstrumentHooks) throw new Error(`${file} does not export InstrumentHooks`);
  return mod.exports.InstrumentHooks;
}
