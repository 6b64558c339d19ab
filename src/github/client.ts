/** The Octokit client, loaded and created on the first GitHub call: a run that makes none never parses it. */
import { actionsGithub } from '../model/side-bundle.js';
import type { Octokit } from './upsert.js';

/** A client for `token`, created on the first call of the function returned and shared by later ones. */
export function lazyOctokit(token: string): () => Promise<Octokit> {
  let client: Promise<Octokit> | undefined;
  return () => (client ??= actionsGithub().then((github) => github.getOctokit(token)));
}
