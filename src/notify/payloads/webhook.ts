/**
 * The generic webhook: the message as JSON (schemaVersion 1), with the report it came from in
 * `data`, signed with HMAC-SHA256 over the exact body when a key is set (the header GitHub's own
 * webhooks use the same way: `sha256=` and the hex digest).
 */
import { nodeCrypto } from '../../model/node-lazy.js';
import type { Message } from '../types.js';

export const SIGNATURE_HEADER = 'X-Track-Performance-Signature-256';

export interface WebhookPayload extends Message {
  schemaVersion: 1;
}

/** The JSON body; texts are unescaped (the receiver decides its own markup). */
export function webhookPayload(m: Message): WebhookPayload {
  return { schemaVersion: 1, ...m };
}

/** `sha256=<hex>` of `body` under `key`. */
export function signature(body: string, key: string): string {
  return `sha256=${nodeCrypto().createHmac('sha256', key).update(body, 'utf8').digest('hex')}`;
}
