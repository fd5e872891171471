import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { Pii } from './pii/pii';

/** Everything a service needs, passed explicitly (tests build their own). */
export interface Deps {
  db: Db;
  database: Database;
  config: Config;
  pii: Pii;
  /** The current time; tests move it to check expiry and lockout. */
  now: () => Date;
}
