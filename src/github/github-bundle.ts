// The GitHub client (Octokit, and undici under it: more than half of what the action would
// otherwise parse at every start) as an entry of its own: scripts/build.mjs bundles it into
// dist/github-client.js, which only runs that call GitHub read (src/model/side-bundle.ts).
export * from '@actions/github';
