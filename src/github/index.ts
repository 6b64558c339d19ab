/** GitHub at the edge: the one PR comment (find by marker, create or update), the runner's context, publishing. */
export {
  upsertComment,
  findPullRequestForSha,
  findComment,
  truncateBody,
  ACTIONS_BOT_LOGIN,
  type Octokit,
  type UpsertParams,
  type UpsertResult,
} from './upsert.js';
export {
  upsertMarkedIssue,
  closeMarkedIssue,
  findMarkedIssue,
  type IssueTarget,
  type IssueResult,
  type FoundIssue,
} from './marked-issue.js';
export { CommentPermissionError, IssueAccessError } from '../model/errors.js';
export { octokitPublisher, publishComment, type Publisher } from './publish.js';
export { runnerFacts, type RunnerFacts, type ContextLike } from './context.js';
export { octokitIssueTracker, type IssueTracker } from './issue-tracker.js';
