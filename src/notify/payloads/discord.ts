/**
 * Discord webhook payload: the title as content, one embed per group of notices, the links as a
 * field. Limits from Discord's reference: content ≤ 2,000 characters, ≤ 10 embeds, ≤ 6,000
 * characters across all embeds, embed title ≤ 256, description ≤ 4,096, field value ≤ 1,024,
 * footer ≤ 2,048. `allowed_mentions: { parse: [] }` means nothing in it pings anyone.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import { leftOut, sections, worstLevel, type Message } from '../types.js';
import { chars, takeWhileFits } from './fit.js';
import { discordText, linkUrl } from './escape.js';

export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fieldValue: 1024,
  footer: 2048,
};

interface Embed {
  title: string;
  description: string;
  color: number;
  url?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}

export interface DiscordPayload {
  content: string;
  embeds: Embed[];
  allowed_mentions: { parse: never[] };
}

const COLOR = { critical: 0xd1242f, warning: 0xbf8700, info: 0x0969da } as const;
const BULLET = { critical: '🔴', warning: '🟠', info: '🔵' } as const;

/** Characters Discord counts towards the 6,000 across embeds. */
export function embedChars(e: Embed): number {
  return (
    chars(e.title) +
    chars(e.description) +
    (e.footer ? chars(e.footer.text) : 0) +
    (e.fields ?? []).reduce((a, f) => a + chars(f.name) + chars(f.value), 0)
  );
}

/** The message as Discord embeds within every limit; the count of what was left out goes in the content. */
export function discordPayload(m: Message): DiscordPayload {
  const linkField = m.links.length
    ? [
        {
          name: 'Links',
          value: m.links
            .map((l) => `[${discordText(l.title, 50)}](${linkUrl(l.url)})`)
            .join(' · ')
            .slice(0, DISCORD_LIMITS.fieldValue),
        },
      ]
    : [];
  const footer = { text: discordText(m.context, 500) };
  const embeds: Embed[] = [];
  let dropped = 0;
  const total = (list: Embed[]) => list.reduce((a, e) => a + embedChars(e), 0);
  // Room for the links and the footer, which go on the last embed.
  const reserve = chars(footer.text) + linkField.reduce((a, f) => a + chars(f.name) + chars(f.value), 0);
  for (const s of sections(m.notices)) {
    const title = discordText(s.title, 100);
    const lines = s.notices.map((n) => `${BULLET[n.level]} ${discordText(n.text, 600)}`);
    if (embeds.length === DISCORD_LIMITS.embeds) {
      dropped += lines.length;
      continue;
    }
    const { taken, left } = takeWhileFits(lines, (t) => {
      const description = t.join('\n');
      return (
        chars(description) <= DISCORD_LIMITS.description &&
        total(embeds) + chars(title) + chars(description) + reserve <= DISCORD_LIMITS.embedTotal
      );
    });
    dropped += left;
    if (taken.length) embeds.push({ title, description: taken.join('\n'), color: COLOR[worstLevel(s.notices.map((n) => n.level))] });
  }
  if (!embeds.length) embeds.push({ title: discordText(m.title, 200), description: discordText(m.context, 500), color: COLOR[m.level] });
  const last = embeds[embeds.length - 1]!;
  last.footer = footer;
  if (linkField.length) last.fields = linkField;
  const run = m.links.find((l) => l.title === 'Workflow run');
  if (run) embeds[0]!.url = linkUrl(run.url);
  const content = `**${discordText(m.title, 300)}**${dropped ? `\n${discordText(leftOut(dropped))}` : ''}`;
  return { content: content.slice(0, DISCORD_LIMITS.content), embeds, allowed_mentions: { parse: [] } };
}
