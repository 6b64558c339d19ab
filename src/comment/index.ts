/**
 * The report's face on GitHub: markdown for the PR comment and the job summary, plain text for
 * terminals, annotations for regressions, and the one-comment-per-PR upsert.
 */
export { renderMarkdown, DEFAULT_MAX_LENGTH, type RenderContext } from './render.js';
export { renderConsole, annotations } from './console.js';
export {
  upsertComment,
  findPullRequestForSha,
  findComment,
  truncateBody,
  CommentPermissionError,
  ACTIONS_BOT_LOGIN,
  type Octokit,
  type UpsertParams,
  type UpsertResult,
} from './upsert.js';
export { DEFAULT_MARKER_ID, escapeText, marker, safeMarkerId } from './escape.js';
export { sparkline, formatValue, formatChange } from './format.js';
