/**
 * Microsoft Teams through a Workflows webhook ("When a Teams webhook request is received"): a
 * message with one Adaptive Card attachment (Office 365 connectors are retired). Untrusted text
 * goes in TextRun elements of RichTextBlocks, which Teams shows without markdown. Teams refuses
 * messages over about 28 KB; the card is kept under 24 KB of JSON.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-reference#adaptive-card
 */
import { leftOut, sections, type Message, type NotifyLevel } from '../types.js';
import { takeWhileFits } from './fit.js';
import { cardText } from './escape.js';

export const TEAMS_MAX_BYTES = 24_000;

type TextRun = { type: 'TextRun'; text: string; weight?: 'Bolder'; color?: 'Attention' | 'Warning' | 'Accent' };
type Element =
  | { type: 'RichTextBlock'; inlines: TextRun[]; wrap?: boolean }
  | { type: 'TextBlock'; text: string; weight: 'Bolder'; size?: 'Medium'; wrap: true };

export interface TeamsPayload {
  type: 'message';
  attachments: Array<{
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
      type: 'AdaptiveCard';
      version: '1.4';
      body: Element[];
      actions: Array<{ type: 'Action.OpenUrl'; title: string; url: string }>;
    };
  }>;
}

const COLOR: Record<NotifyLevel, TextRun['color']> = { critical: 'Attention', warning: 'Warning', info: 'Accent' };
const rich = (...inlines: TextRun[]): Element => ({ type: 'RichTextBlock', inlines });

/** The message as an Adaptive Card under Teams' size limit; what does not fit is counted in a last line. */
export function teamsPayload(m: Message): TeamsPayload {
  const head: Element[] = [
    rich({ type: 'TextRun', text: cardText(m.title, 200), weight: 'Bolder', color: COLOR[m.level] }),
    rich({ type: 'TextRun', text: cardText(m.context, 1000) }),
  ];
  const lines: Element[][] = [];
  for (const s of sections(m.notices))
    s.notices.forEach((n, i) => {
      const item = rich({ type: 'TextRun', text: '● ', color: COLOR[n.level] }, { type: 'TextRun', text: cardText(n.text, 1000) });
      // Section titles are ours: plain TextBlocks.
      lines.push(i === 0 ? [{ type: 'TextBlock', text: cardText(s.title, 100), weight: 'Bolder', wrap: true }, item] : [item]);
    });
  const actions = m.links.map((l) => ({ type: 'Action.OpenUrl' as const, title: cardText(l.title, 50), url: l.url }));
  const payload = (body: Element[]): TeamsPayload => ({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body, actions },
      },
    ],
  });
  const note = rich({ type: 'TextRun', text: leftOut(m.notices.length) });
  const size = (body: Element[]) => Buffer.byteLength(JSON.stringify(payload(body)));
  const { taken, left } = takeWhileFits(lines, (t) => size([...head, ...t.flat(), note]) <= TEAMS_MAX_BYTES);
  const tail = left ? [rich({ type: 'TextRun', text: leftOut(left) })] : [];
  return payload([...head, ...taken.flat(), ...tail]);
}
