/** Writes the dashboard page's index.html, app.js and app.css into `outDir`. */
export function buildDashboardPage(outDir: string, root?: string): Promise<void>;
