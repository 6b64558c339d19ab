/**
 * A/B shards merged: each shard job measured base and head of its share on its own machine,
 * round after round; round i of the merge unites round i of every shard, so each benchmark keeps
 * exactly the pairs its shard measured and the paired design judges them as one job's would.
 */
import { RUN_SCHEMA_VERSION, shardName, type AbPairs, type RunError, type RunFile } from '../../model/index.js';
import { fileError, ordered, ref, type Shard } from './order.js';

/**
 * The shards' pairs united round by round (`groups`: the present shards of each variant, in
 * merge order), or undefined when no shard is an A/B shard. A plain shard beside an A/B one, or
 * A/B shards against different base commits, are errors naming the file. `extra` (suites a
 * missing shard held) joins the head's last round.
 */
export function mergePairs(groups: readonly Shard[][], count: number, extra: RunError[]): AbPairs | undefined {
  const all = groups.flat();
  const first = all.find((s) => s.record.ab);
  if (!first) return undefined;
  const baseCommit = first.record.ab!.baseCommit;
  for (const s of all) {
    const ab = s.record.ab;
    if (!ab)
      throw fileError(
        s.file,
        `a shard measured without A/B pairs, but ${first.file} is an A/B shard (mode ab): all shards of a merge run one mode.`,
      );
    if (ab.baseCommit !== baseCommit)
      throw fileError(
        s.file,
        `measured A/B pairs against the base ${ab.baseCommit.slice(0, 12)}, but ${first.file} against ${baseCommit.slice(0, 12)}: every shard pairs with one base.`,
      );
  }
  const side = (pick: (ab: AbPairs) => RunFile[], commit?: string): RunFile[] => {
    const rounds = Math.max(...all.map((s) => pick(s.record.ab!).length));
    return Array.from({ length: rounds }, (_, i) =>
      unite(
        groups.map((g) => g.flatMap((s) => (pick(s.record.ab!)[i] ? [{ ...s, run: pick(s.record.ab!)[i]! }] : []))),
        commit,
      ),
    );
  };
  const base = side((ab) => ab.base, baseCommit);
  const head = side((ab) => ab.head);
  if (extra.length && head.length) head[head.length - 1] = withErrors(head[head.length - 1]!, extra);
  const notes = all.flatMap((s) => (s.record.ab!.notes ?? []).map((n) => `${capital(shardName(ref(s), count))}: ${n}`));
  return { baseCommit, base, head, ...(notes.length && { notes }) };
}

const capital = (s: string): string => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** One round: the pieces of each variant in the unsharded order, the first piece's machine, the earliest time. */
function unite(groups: Shard[][], commit: string | undefined): RunFile {
  const pieces = groups.flat();
  const first = pieces[0]!.run;
  const errors = pieces.flatMap((p) => p.run.errors ?? []);
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    tool: 'track-performance',
    ...((commit ?? first.commit) && { commit: commit ?? first.commit }),
    ...(first.ref && { ref: first.ref }),
    timestamp: pieces.map((p) => p.run.timestamp).sort()[0]!,
    ...(first.machine && { machine: first.machine }),
    benchmarks: groups.filter((g) => g.length).flatMap((g) => ordered(g)),
    ...(errors.length && { errors }),
  };
}

function withErrors(run: RunFile, errors: RunError[]): RunFile {
  return { ...run, errors: [...(run.errors ?? []), ...errors] };
}
