import { join, resolve } from 'node:path';
import { writeJson } from '../flows/report-files.js';
import { measureAbShard, type AbRequest, type AbTrackRequest } from '../flows/track.js';
import { parseShard, shardFileName, variantLabel } from '../model/index.js';
import { write, type CliIO } from './io.js';

/**
 * `ab --shard I/N`: this machine's share of the A/B pairs, written as a shard run file for
 * `merge` (which judges every shard's pairs together). Like the action's shard job, it gives no
 * verdict: exit 0 once the file is written. GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT are recorded when set.
 */
export async function abShard(
  req: AbTrackRequest,
  ab: AbRequest,
  values: { shard: string; variant?: string; out: string },
  io: CliIO,
): Promise<number> {
  const spec = parseShard(values.shard, 'Option --shard');
  const variant = values.variant === undefined ? undefined : variantLabel(values.variant, 'Option --variant');
  const env = io.env ?? process.env;
  const attempt = Number(env.GITHUB_RUN_ATTEMPT);
  const run = await measureAbShard(
    {
      ...req,
      ...(variant && { variant }),
      shard: {
        spec,
        ...(env.GITHUB_RUN_ID && { runId: env.GITHUB_RUN_ID }),
        ...(Number.isInteger(attempt) && attempt > 0 && { attempt }),
      },
    },
    ab,
  );
  const file = join(resolve(io.cwd ?? process.cwd(), values.out), shardFileName(spec, variant));
  await writeJson(file, run);
  const pairs = run.shard!.ab!;
  write(
    io.stderr,
    `Shard ${spec.index} of ${spec.count}: ${run.benchmarks.length} benchmark(s) in ${pairs.head.length} A/B round(s) against the base ${pairs.baseCommit.slice(0, 7)}, written to ${file}.`,
  );
  return 0;
}
