/**
 * Extracts the few REST operations the action calls from GitHub's published OpenAPI description
 * (`@octokit/openapi`, ~70 MB) into `github-openapi.json` (a few KB), which the loopback server
 * in `github-server.ts` validates every request against. Run again after adding an operation
 * or updating `@octokit/openapi`:
 *
 *     npx tsx __tests__/helpers/extract-github-openapi.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** `operationId`s the action (and the tests' server) use. */
export const OPERATIONS = [
  'users/get-authenticated',
  'issues/list-comments',
  'issues/create-comment',
  'issues/get-comment',
  'issues/update-comment',
  'issues/list-for-repo',
  'issues/create',
  'issues/update',
  'repos/list-pull-requests-associated-with-commit',
  'pulls/list',
  'actions/get-actions-cache-list',
];

type Json = Record<string, unknown>;

const require = createRequire(import.meta.url);
const pkgDir = join(require.resolve('@octokit/openapi/package.json'), '..');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
const full = JSON.parse(readFileSync(join(pkgDir, 'generated', 'api.github.com.deref.json'), 'utf8')) as {
  openapi: string;
  info: Json;
  paths: Record<string, Record<string, Json>>;
};

const paths: Record<string, Record<string, Json>> = {};
for (const [path, item] of Object.entries(full.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!OPERATIONS.includes(op.operationId as string)) continue;
    // Requests are what we check; responses keep only their status codes and descriptions.
    const responses = Object.fromEntries(
      Object.entries(op.responses as Record<string, Json>).map(([code, r]) => [code, { description: r.description ?? '' }]),
    );
    paths[path] ??= {};
    paths[path][method] = {
      operationId: op.operationId,
      summary: op.summary,
      parameters: op.parameters ?? [],
      ...(op.requestBody ? { requestBody: op.requestBody } : {}),
      responses,
    };
  }
}
/**
 * OpenAPI 3.0's `nullable: true` beside a `oneOf` without a `type` (issue `milestone`, `title`,
 * `type`): Ajv, under openapi-backend, refuses it. The same meaning is a null branch of the oneOf.
 */
function nullableOneOf(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(nullableOneOf);
  if (!x || typeof x !== 'object') return x;
  const o = Object.fromEntries(Object.entries(x as Json).map(([k, v]) => [k, nullableOneOf(v)])) as Json;
  if (o.nullable === true && o.type === undefined && Array.isArray(o.oneOf)) {
    delete o.nullable;
    o.oneOf = [...(o.oneOf as unknown[]), { type: 'null' }];
  }
  return o;
}
for (const item of Object.values(paths)) for (const [method, op] of Object.entries(item)) item[method] = nullableOneOf(op) as Json;

const found = Object.values(paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
const missing = OPERATIONS.filter((o) => !found.includes(o));
if (missing.length) throw new Error(`Not in @octokit/openapi ${pkg.version}: ${missing.join(', ')}`);

const out = {
  openapi: full.openapi,
  info: { ...full.info, 'x-extracted-from': `@octokit/openapi ${pkg.version} generated/api.github.com.deref.json` },
  paths,
};
writeFileSync(join(import.meta.dirname, 'github-openapi.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`Wrote ${found.length} operations from @octokit/openapi ${pkg.version}.`);
