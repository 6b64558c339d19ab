/**
 * POSTs one JSON body with retries: on 429 and 5xx (and on a network error or a timed-out
 * attempt) it waits — `Retry-After` when the server sends one (seconds or an HTTP date), else
 * exponential backoff with full jitter (1 s, 2 s, 4 s … × random) — and tries again, all
 * within `totalMs`. It never throws: the result says what happened, and the caller warns.
 * Backoff with jitter: https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */

export interface DeliveryOptions {
  /** The whole delivery, retries and waits included. */
  totalMs: number;
  /** Attempts at most (default 4). */
  attempts?: number;
  headers?: Record<string, string>;
  /** Injected for tests of the schedule; default: timers and Math.random. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  /** The last HTTP status, when there was an answer. */
  status?: number;
  /** Why it failed, without the URL. */
  error?: string;
}

const BASE_BACKOFF_MS = 1000;
const retryable = (status: number) => status === 429 || status >= 500;

/** Milliseconds a `Retry-After` value asks for, or undefined when it is absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export async function deliver(url: string, body: string, o: DeliveryOptions): Promise<DeliveryResult> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = o.random ?? Math.random;
  const now = o.now ?? Date.now;
  const deadline = now() + o.totalMs;
  const max = o.attempts ?? 4;
  let last: DeliveryResult = { ok: false, attempts: 0, error: 'not attempted' };
  for (let attempt = 1; attempt <= max; attempt++) {
    const left = deadline - now();
    if (left <= 0) break;
    let wait: number | undefined;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'track-performance', ...o.headers },
        body,
        signal: AbortSignal.timeout(left),
        redirect: 'error',
      });
      await res.arrayBuffer().catch(() => undefined); // free the connection
      if (res.ok) return { ok: true, attempts: attempt, status: res.status };
      last = { ok: false, attempts: attempt, status: res.status, error: `HTTP ${res.status}` };
      if (!retryable(res.status)) return last;
      wait = retryAfterMs(res.headers.get('retry-after'), now());
    } catch (e) {
      const err = e as Error;
      const why =
        err.name === 'TimeoutError' || err.name === 'AbortError' ? `no answer within ${Math.round(o.totalMs / 1000)} s` : describe(err);
      last = { ok: false, attempts: attempt, error: why };
    }
    if (attempt === max) break;
    const pause = wait ?? BASE_BACKOFF_MS * 2 ** (attempt - 1) * random();
    // A wait past the deadline would only end in giving up: give up now and say so.
    if (now() + pause >= deadline) {
      last.error = `${last.error}; the next try (in ${Math.ceil(pause / 1000)} s) would pass the ${Math.round(o.totalMs / 1000)} s limit`;
      break;
    }
    await sleep(pause);
  }
  return last;
}

/** A network error's code (ECONNREFUSED …) without the address, which fetch puts in the cause. */
function describe(e: Error): string {
  const code = (e.cause as { code?: string } | undefined)?.code;
  return code ? `network error ${code}` : 'network error';
}
