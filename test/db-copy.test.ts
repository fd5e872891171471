// copyInsert (the demo's bulk writer) stores exactly what drizzle's insert of the same row object stores.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyInsert, type Database } from '../src/server/db/client';
import { households, householdYears } from '../src/server/db/schema';
import { createTestDatabase } from './helpers/test-db';

let database: Database;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());

const at = new Date('2020-11-30T08:00:00.123Z');
const household = (id: number) => ({
  id,
  countyCode: '349901',
  regionCode: '349901100201',
  householdNo: `H${id}`,
  villageGroup: null,
  // What CSV must quote: a comma, a quote, a line break, a backslash; and an empty string (not NULL).
  address: '一组, "老屋"\n后院\\东',
  headName: '测试',
  bankName: '',
  attribute: '一般农户',
  specialHardship: true,
  deepGroups: ['seriouslyIll', 'specialHardship'],
  memberNames: '测试|"乙",丙',
  collectedOn: '2020-03-15',
  createdAt: at,
  updatedAt: at,
});
const year = (householdId: number) => ({
  householdId,
  year: 2020,
  countyCode: '349901',
  regionCode: '349901100201',
  asOf: '2020-11-30',
  wages: 12345.67,
  netBusinessIncome: -200.5,
  propertyIncome: 0,
  transferIncome: 3000,
  businessCosts: 10.01,
  rigidMedical: 0,
  rigidEducation: 0,
  rigidDisaster: 0,
  rigidOther: 0,
  housingGrade: null,
  water: { safe: true, note: 'a,"b"' },
  foodClothing: { food: true },
  updatedAt: at,
});

/** Every column of the row but the keys, as text. */
async function stored(table: string, where: string): Promise<Record<string, unknown>> {
  const res = await database.db.execute<{ r: Record<string, unknown> }>(
    sql.raw(`select to_jsonb(t) - 'id' - 'household_id' as r from ${table} t where ${where}`),
  );
  const rows = (res as unknown as { rows: { r: Record<string, unknown> }[] }).rows;
  expect(rows).toHaveLength(1);
  return rows[0]!.r;
}

describe('copyInsert', () => {
  it('stores the same values as an insert of the same rows', async () => {
    await database.db.transaction(async (tx) => {
      await tx.insert(households).values([household(1)]);
      await copyInsert(database.kind, tx, households, [household(2)]);
      await tx.insert(householdYears).values([year(1)]);
      await copyInsert(database.kind, tx, householdYears, [year(2)]);
    });
    const viaCopy = await stored('households', 'id = 2');
    expect({ ...viaCopy, household_no: 'H1' }).toEqual(await stored('households', 'id = 1'));
    expect(viaCopy).toMatchObject({ address: household(2).address, bank_name: '', village_group: null });
    expect(await stored('household_years', 'household_id = 2')).toEqual(
      await stored('household_years', 'household_id = 1'),
    );
  });

  it('refuses rows that do not give the same columns, writing nothing', async () => {
    const { createdAt: _, ...withoutCreatedAt } = household(2);
    await expect(
      database.db.transaction((tx) =>
        copyInsert(database.kind, tx, households, [household(1), withoutCreatedAt]),
      ),
    ).rejects.toThrow(/same columns/);
    const res = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from households`);
    expect((res as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });
});
