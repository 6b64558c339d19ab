import { describe, expect, it } from 'vitest';
import { discordPayload, slackPayload, teamsPayload, webhookPayload, type Message, type Notice } from '../../src/notify/index.js';
import { messageFor } from '../../src/notify/select.js';
import { payloadProblems, type Target } from '../helpers/notify-schemas.js';

const HOSTILE = 'parse <!channel> @here @everyone *bold* [x](https://evil.example) & <@123> `code` |pipe| \u202Eevil';

function message(notices: Notice[]): Message {
  return {
    kind: 'event',
    subject: 'octo-org/octo-repo main',
    title: `Performance, octo-org/octo-repo main: ${HOSTILE}`,
    level: 'critical',
    context: `Verdict fail for ${HOSTILE}`,
    notices,
    links: [
      { title: 'Workflow run', url: 'https://github.com/octo-org/octo-repo/actions/runs/42' },
      { title: 'Dashboard', url: 'https://octo-org.github.io/octo-repo/(x)' },
    ],
  };
}

const many = (n: number, size: number): Notice[] =>
  Array.from({ length: n }, (_, i) => ({
    event: i % 3 ? 'regression' : 'change-point',
    level: i % 2 ? 'critical' : 'info',
    section: `Section ${i % 13}`,
    text: `${HOSTILE} #${i} ${'x'.repeat(size)}`,
  }));

const build = { slack: slackPayload, discord: discordPayload, teams: teamsPayload, webhook: webhookPayload } as const;

describe('payloads', () => {
  for (const target of ['slack', 'discord', 'teams', 'webhook'] as Target[])
    it(`${target}: valid and within limits for 1 item and for 2,000 long ones`, () => {
      for (const m of [message(many(1, 10)), message(many(2000, 900))]) {
        const body = JSON.stringify(build[target](m));
        expect(payloadProblems(target, body)).toEqual([]);
        if (target !== 'webhook' && m.notices.length > 1) expect(body).toMatch(/and \d+ more not shown here/);
      }
    });

  it('says how many items it left out, and counts them right (Slack)', () => {
    const m = message(many(400, 900));
    const p = slackPayload(m);
    const shown = p.blocks
      .filter((b) => b.type === 'section')
      .map((b) => (b.text.text.match(/#\d+ /g) ?? []).length)
      .reduce((a, b) => a + b, 0);
    const note = JSON.stringify(p).match(/and (\d+) more not shown/);
    expect(shown + Number(note![1])).toBe(400);
  });

  it('escapes hostile names for each target, and no mention can ping', () => {
    const m = message(many(1, 0));
    const slack = JSON.stringify(slackPayload(m));
    expect(slack).not.toMatch(/<!channel>|<@123>|@here|@everyone/);
    expect(slack).toContain('&lt;!channel&gt;');
    expect(slack).toContain('&amp;');
    const discord = discordPayload(m);
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    const d = JSON.stringify(discord);
    expect(d).not.toMatch(/@everyone|@here/);
    expect(d).toContain('\\\\*bold\\\\*');
    expect(d).toContain('\\\\[x\\\\]\\\\(https');
    const teams = JSON.stringify(teamsPayload(m));
    expect(teams).not.toMatch(/@here|@everyone/);
    expect(teams).not.toContain('\u202E');
    expect(teams).toContain('\\\\u202E');
    // The dashboard link's ')' cannot close a markdown link early.
    expect(d).toContain('octo-repo/%28x%29');
  });

  it('filters per channel: events, minimum level, PR runs only with pr: true', () => {
    const m = message([
      { event: 'regression', level: 'critical', section: 'Regressions', text: 'a' },
      { event: 'improvement', level: 'info', section: 'Improvements', text: 'b' },
      { event: 'alert', level: 'warning', section: 'Trend alerts', text: 'c' },
    ]);
    expect(messageFor({ type: 'slack' }, m, false)!.notices.map((n) => n.text)).toEqual(['a', 'c']);
    expect(messageFor({ type: 'slack', level: 'critical' }, m, false)!.title).toBe('Performance, octo-org/octo-repo main: 1 regression');
    expect(messageFor({ type: 'slack', on: ['improvement'], level: 'warning' }, m, false)).toBeUndefined();
    expect(messageFor({ type: 'slack' }, m, true)).toBeUndefined();
    expect(messageFor({ type: 'slack', pr: true }, m, true)!.notices).toHaveLength(2);
    expect(messageFor({ type: 'slack', on: ['regression'] }, { ...m, kind: 'report' }, false)).toBeUndefined();
  });
});
