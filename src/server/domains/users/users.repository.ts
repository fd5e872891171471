import { and, asc, eq, gt, like, or, sql, type SQL } from 'drizzle-orm';
import { regionPrefix } from '../../../core/accounts/scope';
import type { DbOrTx } from '../../db/client';
import { regions, units, users } from '../../db/schema';

export const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  regionCode: users.regionCode,
  regionName: regions.name,
  unitId: users.unitId,
  unitName: units.name,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export type UserRow = {
  id: number;
  username: string;
  displayName: string;
  role: string;
  regionCode: string | null;
  regionName: string | null;
  unitId: number | null;
  unitName: string | null;
  disabled: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
};

function baseQuery(db: DbOrTx) {
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .leftJoin(units, eq(units.id, users.unitId));
}

export async function findUserById(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  const [row] = await baseQuery(db).where(eq(users.id, id));
  return row;
}

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

/** Keyset page of users, confined to a region subtree when `regionScope` is given. */
export async function listUsers(
  db: DbOrTx,
  opts: {
    regionScope: string | null;
    q?: string | undefined;
    role?: string | undefined;
    after?: number | undefined;
    limit: number;
  },
): Promise<UserRow[]> {
  const where: (SQL | undefined)[] = [];
  if (opts.regionScope) where.push(like(users.regionCode, `${regionPrefix(opts.regionScope)}%`));
  if (opts.role) where.push(eq(users.role, opts.role));
  if (opts.q) {
    const pattern = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(sql`${users.username} ilike ${pattern}`, sql`${users.displayName} ilike ${pattern}`));
  }
  if (opts.after) where.push(gt(users.id, opts.after));
  return baseQuery(db)
    .where(and(...where))
    .orderBy(asc(users.id))
    .limit(opts.limit);
}
