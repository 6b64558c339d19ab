/** Notifications: messages built from a run or a report, payloads per chat target, delivery with retries. */
export { notifyChannels, allowedUrl, DEFAULT_NOTIFY_TIMEOUT_S, type NotifyDeps, type ChannelOutcome } from './send.js';
export { messageFor, channelName, DEFAULT_ON, DEFAULT_LEVEL } from './select.js';
export { deliver, retryAfterMs, type DeliveryOptions, type DeliveryResult } from './deliver.js';
export { slackPayload, SLACK_LIMITS } from './payloads/slack.js';
export { discordPayload, DISCORD_LIMITS } from './payloads/discord.js';
export { teamsPayload, TEAMS_MAX_BYTES } from './payloads/teams.js';
export { webhookPayload, signature, SIGNATURE_HEADER } from './payloads/webhook.js';
export { eventTitle, worstLevel, type Message, type Notice, type NotifyEvent, type NotifyLevel } from './types.js';
