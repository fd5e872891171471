import path from 'node:path';

/** Runtime configuration, read once from the environment (12-factor); tests build their own. */
export interface Config {
  port: number;
  host: string;
  /** PGlite folder and key files (BANGFU_DATA_DIR, default ./data). */
  dataDir: string;
  /** When set, a PostgreSQL ≥15 server is used instead of the embedded PGlite. */
  databaseUrl: string | undefined;
  /** Session idle expiry in minutes (BANGFU_SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** Failed logins before the account is locked, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Base64 32-byte key for personal data; otherwise a key file under dataDir/secrets is used. */
  piiKey: string | undefined;
  piiKeyFile: string;
  /** Send the Secure flag on cookies (set BANGFU_SECURE_COOKIES=1 behind HTTPS). */
  secureCookies: boolean;
  /** Folder of the built web app; served when present. */
  webDir: string;
  logLevel: string;
  /**
   * Whole days added to the server's clock (BANGFU_CLOCK_OFFSET_DAYS, default 0): for demos, training
   * and browser journeys that must let a public notice run its days. Never set it in production.
   */
  clockOffsetDays: number;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

function offsetDaysFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.BANGFU_CLOCK_OFFSET_DAYS?.trim();
  if (raw === undefined || raw === '') return 0;
  const n = Number(raw);
  if (!/^[+-]?\d+$/.test(raw) || !Number.isSafeInteger(n) || Math.abs(n) > 3660) {
    throw new Error('BANGFU_CLOCK_OFFSET_DAYS must be a whole number of days between -3660 and 3660');
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.BANGFU_DATA_DIR ?? 'data');
  return {
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    sessionIdleMinutes: intFromEnv(env, 'BANGFU_SESSION_IDLE_MINUTES', 30),
    lockoutThreshold: intFromEnv(env, 'BANGFU_LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: intFromEnv(env, 'BANGFU_LOCKOUT_MINUTES', 15),
    piiKey: env.BANGFU_PII_KEY || undefined,
    piiKeyFile: path.resolve(env.BANGFU_PII_KEY_FILE ?? path.join(dataDir, 'secrets', 'pii.key')),
    secureCookies: env.BANGFU_SECURE_COOKIES === '1',
    webDir: path.resolve(env.BANGFU_WEB_DIR ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    clockOffsetDays: offsetDaysFromEnv(env),
  };
}
