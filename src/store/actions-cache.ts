// The Actions cache client as an entry of its own: scripts/build.mjs bundles it into
// dist/actions-cache.js, which only runs that use the cache store read. Inside dist/index.js
// it would be more than half the file, parsed at every start.
export * from '@actions/cache';
