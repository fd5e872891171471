import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The package version, shown by /api/health and the CLI. */
export const VERSION: string = (require('../../package.json') as { version: string }).version;
