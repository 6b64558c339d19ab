/**
 * Sends a message to every configured channel that takes it, all at once, each within the
 * configured time. URLs and keys are registered as secrets (masked) before any use and never
 * written anywhere; a failed delivery is a warning, never an error: no verdict depends on it.
 */
import type { NotifyChannel, NotifyConfig } from '../config/index.js';
import type { Logger } from '../model/logger.js';
import { deliver, type DeliveryOptions } from './deliver.js';
import { discordPayload } from './payloads/discord.js';
import { slackPayload } from './payloads/slack.js';
import { teamsPayload } from './payloads/teams.js';
import { SIGNATURE_HEADER, signature, webhookPayload } from './payloads/webhook.js';
import { channelName, messageFor } from './select.js';
import type { Message } from './types.js';

export const DEFAULT_NOTIFY_TIMEOUT_S = 30;

export interface NotifyDeps {
  env: Record<string, string | undefined>;
  /** The `notify-urls` input: channel name → URL. */
  urls: Record<string, string>;
  fromPullRequest: boolean;
  /** Registers a secret with the runner and the redactor (core.setSecret in the action). */
  mask: (secret: string) => void;
  log: Logger;
  /** Tests shorten the schedule; the action uses the defaults. */
  delivery?: Partial<DeliveryOptions>;
}

export interface ChannelOutcome {
  channel: string;
  sent: boolean;
  /** Why not, when it was not. */
  reason?: string;
}

const PAYLOAD = { slack: slackPayload, discord: discordPayload, teams: teamsPayload, webhook: webhookPayload } as const;

/** Whether `url` may receive a message: https, or http to this machine only (a local receiver). */
export function allowedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
  } catch {
    return false;
  }
}

/** Sends `message` to the channels of `config` that take it; resolves when every delivery ended. */
export async function notifyChannels(config: NotifyConfig | undefined, message: Message, deps: NotifyDeps): Promise<ChannelOutcome[]> {
  const channels = config?.channels ?? [];
  const totalMs = (config?.timeout ?? DEFAULT_NOTIFY_TIMEOUT_S) * 1000;
  return Promise.all(channels.map((c) => sendOne(c, message, totalMs, deps)));
}

async function sendOne(c: NotifyChannel, message: Message, totalMs: number, deps: NotifyDeps): Promise<ChannelOutcome> {
  const name = channelName(c);
  const skip = (reason: string, warn: boolean): ChannelOutcome => {
    const line = `Notification to ${c.type} channel '${name}' not sent: ${reason}.`;
    if (warn) deps.log.warning(line);
    else deps.log.info(line);
    return { channel: name, sent: false, reason };
  };
  const m = messageFor(c, message, deps.fromPullRequest);
  if (!m) return { channel: name, sent: false, reason: 'nothing it listens to' };
  const url = (c.urlEnv ? deps.env[c.urlEnv] : deps.urls[name])?.trim();
  const where = c.urlEnv ? `environment variable ${c.urlEnv}` : `a line '${name}=URL' in the notify-urls input`;
  if (!url) return skip(`no URL (set ${where} from a secret)`, true);
  deps.mask(url);
  if (!allowedUrl(url)) return skip(`the URL from ${where} is not an https:// URL`, true);
  const body = JSON.stringify(PAYLOAD[c.type](m));
  const headers: Record<string, string> = {};
  if (c.type === 'webhook' && c.secretEnv) {
    const key = deps.env[c.secretEnv];
    if (!key) return skip(`environment variable ${c.secretEnv} (its signing key) is empty, and an unsigned message could be forged`, true);
    deps.mask(key);
    headers[SIGNATURE_HEADER] = signature(body, key);
  }
  const r = await deliver(url, body, { totalMs, ...deps.delivery, headers });
  if (!r.ok) return skip(`${r.error} after ${r.attempts} attempt(s); the check goes on`, true);
  deps.log.info(`Notified ${c.type} channel '${name}' (${m.notices.length} item(s)).`);
  return { channel: name, sent: true };
}
