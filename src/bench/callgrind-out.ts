/**
 * Reads callgrind's output files (format: valgrind docs, "Callgrind Format Specification"): one
 * file holds one or more parts (`--combine-dumps=yes`), each with its `events:` names, the
 * trigger of its dump (`desc: Trigger: Client Request: <name>`) and its `totals:` (or `summary:`)
 * line. Only those header lines are read; the per-function costs are not needed.
 */

export interface CountPart {
  /** What dumped this part: the client request's name, or e.g. "Program termination". */
  trigger: string;
  /** The thread whose costs it holds (`--separate-threads=yes`; 1 is the main thread), if the file says. */
  thread?: number;
  /** Event name (Ir, Dr, Dw, I1mr, …) → count. */
  events: Record<string, number>;
}

/** The parts of one callgrind (or cachegrind) output file, in order. */
export function parseCountParts(text: string): CountPart[] {
  const parts: CountPart[] = [];
  let names: string[] = [];
  let trigger = '';
  let thread: number | undefined;
  // callgrind writes both lines and its `summary:` may be 0; cachegrind writes only `summary:`.
  let totals: number[] | undefined;
  let summary: number[] | undefined;
  const close = () => {
    const values = totals ?? summary;
    const events = Object.fromEntries(names.map((n, i) => [n, values?.[i] ?? 0]));
    if (values) parts.push(thread === undefined ? { trigger, events } : { trigger, thread, events });
    totals = summary = thread = undefined;
    trigger = '';
  };
  const numbers = (line: string) =>
    line
      .slice(line.indexOf(':') + 1)
      .trim()
      .split(/\s+/)
      .map(Number);
  for (const line of text.split('\n')) {
    if (line.startsWith('part:')) close();
    else if (line.startsWith('desc: Trigger:'))
      trigger = line
        .slice('desc: Trigger:'.length)
        .trim()
        .replace(/^Client Request:\s*/, '');
    else if (line.startsWith('thread:')) thread = Number(line.slice('thread:'.length));
    else if (line.startsWith('events:')) names = line.slice('events:'.length).trim().split(/\s+/);
    else if (line.startsWith('totals:')) totals = numbers(line);
    else if (line.startsWith('summary:')) summary = numbers(line);
  }
  close();
  return parts;
}

/** Adds the events of several parts (a task's iterations, or every process of a tree). */
export function sumEvents(parts: readonly CountPart[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts) for (const [k, v] of Object.entries(p.events)) out[k] = (out[k] ?? 0) + v;
  return out;
}

export interface CacheCounts {
  instructions: number;
  l1Hits: number;
  llHits: number;
  ramHits: number;
  /** L1 hits + 5 × LL hits + 35 × RAM hits. */
  cycles: number;
}

/**
 * Estimated cycles from a cache simulation, the formula of iai-callgrind / gungraun
 * (gungraun docs, "Cachegrind/Callgrind metrics": EstimatedCycles = L1hits + 5·LLhits +
 * 35·RamHits): every access is an instruction fetch (Ir) or a data read or write (Dr, Dw);
 * the L1 misses (I1mr, D1mr, D1mw) that hit the last-level cache cost 5, those that miss it too
 * (ILmr, DLmr, DLmw) cost 35.
 */
export function cacheCounts(e: Readonly<Record<string, number>>): CacheCounts {
  const get = (k: string) => e[k] ?? 0;
  const accesses = get('Ir') + get('Dr') + get('Dw');
  const l1Misses = get('I1mr') + get('D1mr') + get('D1mw');
  const ramHits = get('ILmr') + get('DLmr') + get('DLmw');
  const l1Hits = accesses - l1Misses;
  const llHits = l1Misses - ramHits;
  return { instructions: get('Ir'), l1Hits, llHits, ramHits, cycles: l1Hits + 5 * llHits + 35 * ramHits };
}
