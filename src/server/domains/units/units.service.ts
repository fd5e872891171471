import { asc, eq, sql } from 'drizzle-orm';
import type { Unit, UnitCreate, UnitUpdate } from '../../../core/accounts/accounts.schemas';
import type { UnitKind } from '../../../core/accounts/roles';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, fieldError } from '../../../core/errors/errors';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { regions, units, users } from '../../db/schema';
import type { Deps } from '../../deps';
import { canManageUnits, canReadUnits } from './units.policy';

type UnitRow = typeof units.$inferSelect;

function presentUnit(row: UnitRow, userCount: number): Unit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as UnitKind,
    regionCode: row.regionCode,
    leaderName: row.leaderName,
    active: row.active,
    userCount,
  };
}

const auditUnit = (row: UnitRow) => ({
  name: row.name,
  kind: row.kind,
  regionCode: row.regionCode,
  leaderName: row.leaderName,
  active: row.active,
});

async function listRows(db: DbOrTx, id?: number) {
  const userCount = sql<number>`(select count(*)::int from ${users} where ${users.unitId} = ${units.id})`;
  const q = db.select({ unit: units, userCount }).from(units);
  return (id === undefined ? q : q.where(eq(units.id, id))).orderBy(asc(units.sort), asc(units.id));
}

export async function listUnits(deps: Deps, actor: Actor): Promise<Unit[]> {
  if (!canReadUnits(actor)) throw new AppError('forbidden');
  return (await listRows(deps.db)).map((r) => presentUnit(r.unit, r.userCount));
}

async function checkRegion(db: DbOrTx, kind: UnitKind, regionCode: string | null | undefined) {
  if (kind === 'town_office' && !regionCode) {
    throw fieldError('regionCode', 'required', {
      zh: '镇(街)单位必须指定所辖镇(街)',
      en: 'A town office needs its town',
    });
  }
  if (regionCode) {
    const [r] = await db.select().from(regions).where(eq(regions.code, regionCode));
    if (!r || r.tree !== 'district' || r.level !== 'town') {
      throw fieldError('regionCode', 'region.wrong_level', {
        zh: '所辖区域必须是本区的镇(街)',
        en: 'The region must be a town of the district',
      });
    }
  }
}

async function ensureNameFree(db: DbOrTx, name: string, exceptId?: number) {
  const [clash] = await db.select({ id: units.id }).from(units).where(eq(units.name, name));
  if (clash && clash.id !== exceptId) {
    throw new AppError('conflict', { zh: '单位名称已存在', en: 'A unit with this name exists' }, [
      {
        path: 'name',
        code: 'unit.name_taken',
        message: { zh: '单位名称已存在', en: 'A unit with this name exists' },
      },
    ]);
  }
}

export async function createUnit(deps: Deps, actor: Actor, input: UnitCreate): Promise<Unit> {
  if (!canManageUnits(actor)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    await checkRegion(tx, input.kind, input.regionCode);
    await ensureNameFree(tx, input.name);
    const [row] = await tx
      .insert(units)
      .values({
        name: input.name,
        kind: input.kind,
        regionCode: input.regionCode ?? null,
        leaderName: input.leaderName ?? null,
      })
      .returning();
    await audit(tx, actor, {
      action: 'unit.create',
      entity: 'unit',
      entityId: row!.id,
      after: auditUnit(row!),
    });
    return presentUnit(row!, 0);
  });
}

export async function updateUnit(deps: Deps, actor: Actor, id: number, input: UnitUpdate): Promise<Unit> {
  if (!canManageUnits(actor)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const [current] = await listRows(tx, id);
    if (!current) throw new AppError('not_found');
    const before = current.unit;
    const kind = input.kind ?? (before.kind as UnitKind);
    const regionCode = input.regionCode !== undefined ? input.regionCode : before.regionCode;
    await checkRegion(tx, kind, regionCode);
    if (input.name) await ensureNameFree(tx, input.name, id);
    const [after] = await tx
      .update(units)
      .set({
        name: input.name ?? before.name,
        kind,
        regionCode,
        leaderName: input.leaderName !== undefined ? input.leaderName : before.leaderName,
        active: input.active ?? before.active,
        updatedAt: deps.now(),
      })
      .where(eq(units.id, id))
      .returning();
    await audit(tx, actor, {
      action: 'unit.update',
      entity: 'unit',
      entityId: id,
      before: auditUnit(before),
      after: auditUnit(after!),
    });
    return presentUnit(after!, current.userCount);
  });
}
