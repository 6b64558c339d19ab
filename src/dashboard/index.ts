/**
 * The dashboard: a static site (page assets + data scripts) built from branch histories, for
 * the gh-pages branch or a local folder. The page itself lives in page/ and is bundled by
 * scripts/build-dashboard.mjs; the data it reads is built in src/report/dashboard-data.ts.
 */
export { ASSETS, buildSite, dataScript, defaultAssetsDir, writeSite, type SiteFiles } from './site.js';
export { buildDashboardData, shardPath, type DashboardInput, type DashboardData } from '../report/dashboard-data.js';
