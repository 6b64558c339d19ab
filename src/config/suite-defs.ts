/** The suite kinds and the schema's `$defs` entry that describes each (also the name its compiled validator is exported under). */
export const SUITE_DEFS = { tinybench: 'tinybenchSuite', command: 'commandSuite', import: 'importSuite' } as const;
