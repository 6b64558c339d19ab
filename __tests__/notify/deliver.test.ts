import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, notifyChannels, retryAfterMs, signature, SIGNATURE_HEADER, type Message } from '../../src/notify/index.js';
import { startReceiver, type Receiver } from '../helpers/notify-receiver.js';

let rx: Receiver;
beforeAll(async () => void (rx = await startReceiver()));
afterAll(() => rx.close());

const body = JSON.stringify({ schemaVersion: 1, kind: 'event', title: 't', level: 'info', notices: [], links: [] });

describe('delivery', () => {
  it('waits as Retry-After asks on a 429, then delivers', async () => {
    const t0 = Date.now();
    const r = await deliver(rx.url('webhook', '429-once'), body, { totalMs: 10_000 });
    expect(r).toMatchObject({ ok: true, attempts: 2, status: 200 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
  });

  it('gives up on a 500 after its attempts, with backoff between them, and says why without the URL', async () => {
    const waits: number[] = [];
    const r = await deliver(rx.url('webhook', '500'), body, { totalMs: 60_000, random: () => 1, sleep: async (ms) => void waits.push(ms) });
    expect(r).toMatchObject({ ok: false, attempts: 4, status: 500, error: 'HTTP 500' });
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('gives up on a server that never answers within the total time', async () => {
    const t0 = Date.now();
    const r = await deliver(rx.url('webhook', 'hang'), body, { totalMs: 1500 });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/no answer within 2 s|would pass/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });

  it('signs the webhook body, masks the URL and the key, and warns (never throws) on a missing URL', async () => {
    const masked: string[] = [];
    const warnings: string[] = [];
    const log = { info: () => {}, warning: (m: string) => void warnings.push(m), startGroup: () => {}, endGroup: () => {} };
    const m: Message = { kind: 'report', subject: 's', title: 'T', level: 'info', context: 'c', notices: [], links: [] };
    const url = rx.url('webhook', 'ok');
    const out = await notifyChannels(
      {
        channels: [
          { type: 'webhook', urlEnv: 'HOOK', secretEnv: 'HOOK_KEY' },
          { type: 'slack', name: 'absent' },
        ],
      },
      m,
      { env: { HOOK: url, HOOK_KEY: 'k3y-value' }, urls: {}, fromPullRequest: false, mask: (s) => void masked.push(s), log },
    );
    expect(out.map((o) => o.sent)).toEqual([true, false]);
    expect(masked).toEqual([url, 'k3y-value']);
    const got = rx.received.filter((r) => r.behaviour === 'ok').pop()!;
    expect(got.problems).toEqual([]);
    expect(got.headers[SIGNATURE_HEADER.toLowerCase()]).toBe(signature(got.body, 'k3y-value'));
    expect(warnings.join('\n')).toMatch(/slack channel 'absent' not sent: no URL \(set a line 'absent=URL' in the notify-urls input/);
    expect(warnings.join('\n')).not.toContain(url);
  });
});
