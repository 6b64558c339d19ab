/**
 * Slack incoming webhook payload (Block Kit): a header, the context, one section per group of
 * notices, the links. Limits from Slack's reference: ≤ 50 blocks, section text ≤ 3,000
 * characters, header text ≤ 150. https://docs.slack.dev/reference/block-kit/blocks
 */
import { leftOut, sections, type Message } from '../types.js';
import { chars, takeWhileFits } from './fit.js';
import { slackText, linkUrl } from './escape.js';

export const SLACK_LIMITS = { blocks: 50, sectionText: 3000, headerText: 150 } as const;

type Block =
  | { type: 'header'; text: { type: 'plain_text'; text: string } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: Array<{ type: 'mrkdwn'; text: string }> };

export interface SlackPayload {
  text: string;
  blocks: Block[];
}

const ICON = { critical: ':red_circle:', warning: ':large_orange_circle:', info: ':large_blue_circle:' } as const;

/** The message as Block Kit, every block within Slack's limits; what does not fit is counted in a last context block. */
export function slackPayload(m: Message): SlackPayload {
  const head: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: slackText(m.title, SLACK_LIMITS.headerText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: slackText(m.context, 1000) }] },
  ];
  const links: Block[] = m.links.length
    ? [
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: m.links.map((l) => `<${linkUrl(l.url)}|${slackText(l.title)}>`).join(' · ') }],
        },
      ]
    : [];
  // Each section's lines, split over as many section blocks as its text needs.
  const body: Block[] = [];
  const lineBlocks: number[] = []; // notices per block, to count what a cut leaves out
  for (const s of sections(m.notices)) {
    let text = `*${slackText(s.title, 100)}*`;
    let count = 0;
    for (const n of s.notices) {
      const line = `\n${ICON[n.level]} ${slackText(n.text, 1000)}`;
      if (chars(text) + chars(line) > SLACK_LIMITS.sectionText) {
        body.push({ type: 'section', text: { type: 'mrkdwn', text } });
        lineBlocks.push(count);
        text = line.slice(1);
        count = 0;
      } else text += line;
      count++;
    }
    body.push({ type: 'section', text: { type: 'mrkdwn', text } });
    lineBlocks.push(count);
  }
  // One block is kept for the note of what was left out.
  const room = SLACK_LIMITS.blocks - head.length - links.length - 1;
  const { taken, left } = takeWhileFits(body, (t) => t.length <= room);
  const dropped = lineBlocks.slice(taken.length).reduce((a, b) => a + b, 0);
  const note: Block[] = left ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: slackText(leftOut(dropped)) }] }] : [];
  return { text: slackText(m.title, 300), blocks: [...head, ...taken, ...note, ...links] };
}
