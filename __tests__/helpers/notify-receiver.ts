/**
 * Loopback receivers for notifications: one URL per target and behaviour. Each request's body is
 * checked with `payloadProblems` (400 when it breaks the target's shape or limits, as the real
 * service would refuse it), and kept for the test. Behaviours: `ok`; `429-once` (the first
 * request answers 429 with Retry-After: 1); `500` (always); `hang` (never answers).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { payloadProblems, type Target } from './notify-schemas.js';

export type Behaviour = 'ok' | '429-once' | '500' | 'hang';

export interface Received {
  target: Target;
  behaviour: Behaviour;
  body: string;
  headers: IncomingMessage['headers'];
  problems: string[];
  status: number;
}

export interface Receiver {
  /** The URL of a target with a behaviour: `${base}/slack/ok` etc. */
  url(target: Target, behaviour?: Behaviour): string;
  received: Received[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const seen = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const [, target, behaviour] = (req.url ?? '').split('/') as [string, Target, Behaviour];
      const body = Buffer.concat(chunks).toString('utf8');
      const problems = payloadProblems(target, body);
      const n = (seen.get(req.url ?? '') ?? 0) + 1;
      seen.set(req.url ?? '', n);
      let status = problems.length ? 400 : 200;
      if (behaviour === 'hang') {
        hanging.add(res);
        received.push({ target, behaviour, body, headers: req.headers, problems, status: 0 });
        return;
      }
      if (behaviour === '500') status = 500;
      if (behaviour === '429-once' && n === 1) status = 429;
      received.push({ target, behaviour, body, headers: req.headers, problems, status });
      res.writeHead(status, { 'content-type': 'text/plain', ...(status === 429 ? { 'retry-after': '1' } : {}) });
      res.end(status === 200 ? 'ok' : problems.join('\n') || 'error');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (target, behaviour = 'ok') => `${base}/${target}/${behaviour}`,
    received,
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
