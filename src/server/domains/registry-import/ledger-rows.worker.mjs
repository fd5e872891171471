// Entry of the ledger-row worker thread. A worker starts without the main thread's TypeScript loader
// (tsx in production, vitest's in tests), so it registers tsx itself before loading the worker code.
import { register } from 'tsx/esm/api';

register();
await import('./ledger-rows.worker.ts');
