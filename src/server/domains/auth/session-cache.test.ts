import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from './auth.service';
import { SESSION_CACHE_TTL_MS, SessionCache } from './session-cache';

const IDLE = 30 * 60_000;
const info = (tokenHash: string, userId = 1): SessionInfo => ({
  actor: { id: userId, username: `u${userId}`, role: 'town', regionCode: '349901100000', unitId: null },
  csrfToken: `csrf-${tokenHash}`,
  tokenHash,
});
const kept = (cache: SessionCache, tokenHash: string, at: number, userId = 1) =>
  cache.put(cache.begin(), { info: info(tokenHash, userId), userId, lastSeenAt: at, checkedAt: at });

describe('session cache', () => {
  it('reuses a check within its age limit only, never after the clock went back or the session went idle', () => {
    const cache = new SessionCache();
    kept(cache, 'a', 1_000_000);
    const get = (now: number, maxAge = SESSION_CACHE_TTL_MS) => cache.get('a', now, maxAge, IDLE);
    expect(get(1_000_000 + SESSION_CACHE_TTL_MS)).toEqual(info('a'));
    expect(get(1_000_000 + SESSION_CACHE_TTL_MS + 1)).toBeNull();
    expect(get(1_000_000 + 60_000, Infinity)).toEqual(info('a'));
    expect(get(1_000_000 - 1)).toBeNull();
    expect(get(1_000_000 + IDLE + 1, Infinity)).toBeNull();
    expect(cache.get('b', 1_000_000, SESSION_CACHE_TTL_MS, IDLE)).toBeNull();
  });

  it('hands out copies: what one request adds to its actor is not seen by the next', () => {
    const cache = new SessionCache();
    kept(cache, 'a', 0);
    cache.get('a', 0, SESSION_CACHE_TTL_MS, IDLE)!.actor.requestId = 'req-1';
    expect(cache.get('a', 0, SESSION_CACHE_TTL_MS, IDLE)!.actor.requestId).toBeUndefined();
  });

  it('forgets one session by token, or every session of a user', () => {
    const cache = new SessionCache();
    kept(cache, 'a', 0, 1);
    kept(cache, 'b', 0, 1);
    kept(cache, 'c', 0, 2);
    cache.forget({ tokenHash: 'a' });
    expect(cache.get('a', 0, Infinity, IDLE)).toBeNull();
    expect(cache.get('b', 0, Infinity, IDLE)).not.toBeNull();
    cache.forget({ userId: 1 });
    expect(cache.get('b', 0, Infinity, IDLE)).toBeNull();
    expect(cache.get('c', 0, Infinity, IDLE)).not.toBeNull();
  });

  it('does not keep what a lookup read if a session ended while it was reading', () => {
    const cache = new SessionCache();
    const epoch = cache.begin();
    cache.forget({ userId: 1 });
    cache.put(epoch, { info: info('a'), userId: 1, lastSeenAt: 0, checkedAt: 0 });
    expect(cache.get('a', 0, Infinity, IDLE)).toBeNull();
  });

  it('no code but auth.service ends sessions or removes users (each end must reach the cache)', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory()
            ? files(path.join(dir, e.name))
            : e.name.endsWith('.ts')
              ? [path.join(dir, e.name)]
              : [],
        );
    const ending =
      /\.delete\(\s*(sessions|users)\s*\)|delete\s+from\s+"?(sessions|users)\b|truncate\s+(table\s+)?[^;]*\b(sessions|users)\b/i;
    const offenders = files(root)
      .filter((f) => !f.endsWith('.test.ts') && !f.endsWith(path.join('auth', 'auth.service.ts')))
      .filter((f) => ending.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
    expect(ending.test(fs.readFileSync(path.join(root, 'domains/auth/auth.service.ts'), 'utf8'))).toBe(true);
  });
});
