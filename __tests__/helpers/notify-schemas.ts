/**
 * What each chat target accepts, as small JSON Schemas written from the targets' documentation
 * (the parts our payloads use), plus the limits a schema cannot say. Used by the loopback
 * receivers: a payload that breaks any of them is refused as the real service would (400).
 * - Slack: https://docs.slack.dev/reference/block-kit/blocks (≤ 50 blocks; section text ≤ 3,000;
 *   header plain_text ≤ 150; context ≤ 10 elements) and incoming webhooks (`text`, `blocks`).
 * - Discord: https://discord.com/developers/docs/resources/webhook#execute-webhook and the embed
 *   limits (content ≤ 2,000, ≤ 10 embeds, title ≤ 256, description ≤ 4,096, ≤ 25 fields, field
 *   name ≤ 256, value ≤ 1,024, footer ≤ 2,048, ≤ 6,000 characters across embeds).
 * - Teams Workflows webhook: a `message` with Adaptive Card attachments
 *   (https://learn.microsoft.com/en-us/connectors/teams/ "Post card in a chat or channel";
 *   https://adaptivecards.io/explorer/), messages ≤ 28 KB.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });

const SLACK = {
  type: 'object',
  required: ['blocks'],
  properties: {
    text: { type: 'string' },
    blocks: {
      type: 'array',
      maxItems: 50,
      items: {
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'text'],
            properties: {
              type: { const: 'header' },
              text: { type: 'object', required: ['type', 'text'], properties: { type: { const: 'plain_text' }, text: text(150) } },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'text'],
            properties: {
              type: { const: 'section' },
              text: {
                type: 'object',
                required: ['type', 'text'],
                properties: { type: { enum: ['mrkdwn', 'plain_text'] }, text: text(3000) },
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'elements'],
            properties: {
              type: { const: 'context' },
              elements: {
                type: 'array',
                minItems: 1,
                maxItems: 10,
                items: {
                  type: 'object',
                  required: ['type', 'text'],
                  properties: { type: { enum: ['mrkdwn', 'plain_text'] }, text: text(3000) },
                },
              },
            },
          },
        ],
      },
    },
  },
};

const DISCORD = {
  type: 'object',
  additionalProperties: false,
  properties: {
    content: { type: 'string', maxLength: 2000 },
    allowed_mentions: { type: 'object', properties: { parse: { type: 'array', items: { enum: ['roles', 'users', 'everyone'] } } } },
    embeds: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          title: { type: 'string', maxLength: 256 },
          description: { type: 'string', maxLength: 4096 },
          url: { type: 'string', pattern: '^https?://' },
          color: { type: 'integer', minimum: 0, maximum: 0xffffff },
          fields: {
            type: 'array',
            maxItems: 25,
            items: {
              type: 'object',
              required: ['name', 'value'],
              properties: { name: text(256), value: text(1024), inline: { type: 'boolean' } },
            },
          },
          footer: { type: 'object', required: ['text'], properties: { text: text(2048) } },
        },
      },
    },
  },
};

const TEXT_RUN = { type: 'object', required: ['type', 'text'], properties: { type: { const: 'TextRun' }, text: { type: 'string' } } };
const TEAMS = {
  type: 'object',
  required: ['type', 'attachments'],
  properties: {
    type: { const: 'message' },
    attachments: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['contentType', 'content'],
        properties: {
          contentType: { const: 'application/vnd.microsoft.card.adaptive' },
          content: {
            type: 'object',
            required: ['type', 'version', 'body'],
            properties: {
              type: { const: 'AdaptiveCard' },
              version: { enum: ['1.2', '1.3', '1.4', '1.5'] },
              body: {
                type: 'array',
                items: {
                  oneOf: [
                    { type: 'object', required: ['type', 'text'], properties: { type: { const: 'TextBlock' }, text: { type: 'string' } } },
                    {
                      type: 'object',
                      required: ['type', 'inlines'],
                      properties: { type: { const: 'RichTextBlock' }, inlines: { type: 'array', items: TEXT_RUN } },
                    },
                  ],
                },
              },
              actions: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['type', 'title', 'url'],
                  properties: { type: { const: 'Action.OpenUrl' }, url: { type: 'string', pattern: '^https?://' } },
                },
              },
            },
          },
        },
      },
    },
  },
};

const WEBHOOK = {
  type: 'object',
  required: ['schemaVersion', 'kind', 'title', 'level', 'notices', 'links'],
  properties: {
    schemaVersion: { const: 1 },
    kind: { enum: ['event', 'report'] },
    title: { type: 'string' },
    level: { enum: ['critical', 'warning', 'info'] },
    notices: {
      type: 'array',
      items: {
        type: 'object',
        required: ['event', 'level', 'section', 'text'],
        properties: { event: { enum: ['regression', 'change-point', 'alert', 'improvement', 'report'] } },
      },
    },
    links: { type: 'array', items: { type: 'object', required: ['title', 'url'] } },
  },
};

export type Target = 'slack' | 'discord' | 'teams' | 'webhook';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = { slack: ajv.compile(SLACK), discord: ajv.compile(DISCORD), teams: ajv.compile(TEAMS), webhook: ajv.compile(WEBHOOK) };

const cp = (s: unknown) => (typeof s === 'string' ? [...s].length : 0);

/** Everything wrong with `body` for `target` (empty: the service would take it). */
export function payloadProblems(target: Target, body: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return ['not JSON'];
  }
  const v = validators[target];
  const problems = v(value) ? [] : (v.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
  if (target === 'discord') {
    const embeds = ((value as { embeds?: Array<Record<string, unknown>> }).embeds ?? []) as Array<{
      title?: string;
      description?: string;
      footer?: { text?: string };
      fields?: Array<{ name: string; value: string }>;
    }>;
    const total = embeds.reduce(
      (a, e) =>
        a + cp(e.title) + cp(e.description) + cp(e.footer?.text) + (e.fields ?? []).reduce((b, f) => b + cp(f.name) + cp(f.value), 0),
      0,
    );
    if (total > 6000) problems.push(`embeds hold ${total} characters, over 6000`);
  }
  if (target === 'teams' && Buffer.byteLength(body) > 28_000) problems.push(`message of ${Buffer.byteLength(body)} bytes, over 28 KB`);
  return problems;
}
