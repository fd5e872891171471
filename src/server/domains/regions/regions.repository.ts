import { and, asc, eq, like, type SQL } from 'drizzle-orm';
import { regionPrefix } from '../../../core/accounts/scope';
import type { DbOrTx } from '../../db/client';
import { regions } from '../../db/schema';

export type RegionRow = typeof regions.$inferSelect;

export async function findRegion(db: DbOrTx, code: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** Regions of a tree, confined to a subtree by code prefix when `scope` is given. */
export async function listRegions(
  db: DbOrTx,
  opts: { tree: string; scope: string | null; parentCode?: string | undefined },
) {
  const where: SQL[] = [eq(regions.tree, opts.tree)];
  if (opts.scope) where.push(like(regions.code, `${regionPrefix(opts.scope)}%`));
  if (opts.parentCode) where.push(eq(regions.parentCode, opts.parentCode));
  return db
    .select()
    .from(regions)
    .where(and(...where))
    .orderBy(asc(regions.sort), asc(regions.code));
}
