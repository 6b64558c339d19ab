/** Line handling shared by the text importers. */

/** Lines without line breaks or ANSI colour codes; index i is line i + 1. */
export function textLines(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n|\r/);
}
