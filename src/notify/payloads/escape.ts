/**
 * Untrusted text (benchmark names, messages that quote them) made inert for each chat target.
 * All start from `plainText`: one line, no control or invisible characters, cut at a word.
 * Mentions never ping: a zero-width joiner after `@` breaks `@here`, `@everyone` and `@channel`
 * in every target, and each target's own mention syntax is escaped as below.
 */
import { plainText } from '../../report/escape.js';

const ZWJ = '\u200D';

/** `escape` of the text cut so that the escaped result is at most `maxChars` code points (escaping lengthens it). */
function fitted(text: string, maxChars: number, escape: (s: string) => string): string {
  let budget = maxChars;
  for (;;) {
    const out = escape(plainText(text, budget));
    const over = [...out].length - maxChars;
    if (over <= 0 || budget <= 1) return out;
    budget = Math.max(1, budget - over);
  }
}
const noMention = (s: string): string => s.replace(/@/g, `@${ZWJ}`);

/**
 * Slack mrkdwn: `&`, `<`, `>` as entities, the three characters Slack parses as control
 * characters (so `<!channel>` and `<@U123>` stay text); formatting marks are left as they are,
 * since Slack has no escape for them and they cannot link or ping.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function slackText(text: string, maxChars = 500): string {
  return fitted(text, maxChars, (t) => noMention(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** A URL that cannot end a link early in any target (`<url|label>`, `[label](url)`): `|<>()`, quotes and spaces percent-encoded. */
export function linkUrl(url: string): string {
  return url.replace(/[|<>()\s"']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Discord markdown: every markdown and mention character backslash-escaped (`\*`, `\<`, …),
 * as Discord's own escapeMarkdown does; `allowed_mentions: { parse: [] }` in the payload is the
 * second guard. https://discord.com/developers/docs/reference#message-formatting
 */
export function discordText(text: string, maxChars = 500): string {
  return fitted(text, maxChars, (t) => noMention(t.replace(/[\\*_~`|>#[\]()<:-]/g, (c) => `\\${c}`)));
}

/**
 * Adaptive Card text: shown through TextRun elements, which Teams renders without markdown, so
 * only controls, invisibles and mentions need care (a Teams mention needs an `<at>` entity the
 * card does not declare, and `@` gets the joiner anyway).
 */
export function cardText(text: string, maxChars = 500): string {
  return fitted(text, maxChars, noMention);
}
