import crypto from 'node:crypto';
import { eq, is, sql } from 'drizzle-orm';
import { PgTable, getTableConfig, type PgColumn } from 'drizzle-orm/pg-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticHousehold } from '../src/core/households/fixtures';
import { makeSyntheticIdNumber } from '../src/core/identity/synthetic';
import { mulberry32 } from '../src/core/identity/random';
import * as schema from '../src/server/db/schema';
import { activities, appMeta, householdMembers, households } from '../src/server/db/schema';
import { SYSTEM_ACTOR } from '../src/server/demo/demo';
import { NOT_PII_KEYED, PII_TABLES } from '../src/server/pii/columns';
import { createPii, keyIdOf, type Pii } from '../src/server/pii/pii';
import { HASH_KEY_META, resolveHashKeyId, rotatePii } from '../src/server/pii/rotation';
import {
  PAIRED_TOWNSHIP,
  VILLAGE_A1,
  auditCount,
  createTestApp,
  login,
  seedRegions,
  seedUnit,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

const rng = mulberry32(9);
const key = () => {
  const k = crypto.randomBytes(32);
  return { id: keyIdOf(k), key: k };
};

describe('the registry of personal-data columns', () => {
  it('lists every schema column named *_cipher, *_enc or *_hash (or says why it is not keyed)', () => {
    const registered = new Set(
      PII_TABLES.flatMap((t) => [...t.ciphers, ...t.hashes.map((h) => h.column)]).map(
        (c) => `${getTableConfig(c.table as PgTable).name}.${c.name}`,
      ),
    );
    const found: string[] = [];
    for (const value of Object.values(schema)) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value);
      for (const c of config.columns)
        if (/_(cipher|enc|hash)$/.test(c.name)) found.push(`${config.name}.${c.name}`);
    }
    expect(found.length).toBeGreaterThanOrEqual(8);
    const missing = found.filter((name) => !registered.has(name) && !(name in NOT_PII_KEYED));
    expect(missing, 'add these columns to PII_TABLES in src/server/pii/columns.ts').toEqual([]);
    // …and the registry names only real columns, each hash with a source in the same table.
    for (const name of registered) expect(found).toContain(name);
    for (const t of PII_TABLES)
      for (const h of t.hashes) expect(getTableConfig(h.from.table as PgTable).name).toBe(t.name);
  });
});

describe('personal-data key rotation (bangfu keys rotate)', () => {
  let t: TestContext;
  let admin: Session;
  let unit: Session;
  const oldKey = key();
  const newKey = key();
  const PERSON_ID = makeSyntheticIdNumber(rng, {
    addressCode: '349921',
    birthDate: '1990-05-01',
    sex: 'male',
  });
  const bodies = [0, 1, 2].map(() =>
    syntheticHousehold(rng, VILLAGE_A1, { bankAccount: '6228480012345678901' }),
  );
  // Every registered column gets a value: a member's own phone and disability certificate too.
  const head0 = bodies[0]!.members[0]!;
  bodies[0]!.members[0] = { ...head0, phone: '13912345678', disabilityCertificate: `${head0.idNumber}12` };
  const householdIds: number[] = [];

  const placement = () => ({
    type: 'employment_placement',
    date: '2020-05-10',
    regionCode: PAIRED_TOWNSHIP,
    details: { mode: 'local', employer: '某某制造公司', startDate: '2020-05-10', monthlyWage: 3200 },
    person: { name: '李四', idNumber: PERSON_ID },
  });

  /** Every value of every registered column, by table and column name. */
  async function snapshot(): Promise<{ table: string; id: number; column: string; value: string | null }[]> {
    const out: { table: string; id: number; column: string; value: string | null }[] = [];
    for (const target of PII_TABLES) {
      const cols: PgColumn[] = [...target.ciphers, ...target.hashes.map((h) => h.column)];
      const rows = (await t.deps.db
        .select({ id: target.id, ...Object.fromEntries(cols.map((c) => [c.name, c])) })
        .from(target.table)) as unknown as ({ id: number } & Record<string, string | null>)[];
      for (const r of rows)
        for (const c of cols) out.push({ table: target.name, id: r.id, column: c.name, value: r[c.name]! });
    }
    return out;
  }

  beforeEach(async () => {
    t = await createTestApp();
    t.deps.pii = createPii({ current: oldKey, previous: [] });
    await resolveHashKeyId(t.deps.db, { current: oldKey, previous: [] });
    await seedRegions(t.deps);
    await seedUser(t.deps, { username: 'admin', role: 'admin' });
    const unitId = await seedUnit(t.deps, '区人社局');
    await seedUser(t.deps, { username: 'unit-a', role: 'unit', unitId });
    admin = await login(t.app, 'admin');
    unit = await login(t.app, 'unit-a');
    householdIds.length = 0;
    for (const b of bodies) {
      const res = await admin.request({ method: 'POST', url: '/api/households', payload: b });
      expect(res.statusCode).toBe(201);
      householdIds.push(res.json().id);
    }
    const placed = await unit.request({ method: 'POST', url: '/api/activities', payload: placement() });
    expect(placed.statusCode).toBe(201);
  });
  afterEach(() => t.close());

  it('re-encrypts every registered cipher and re-hashes every keyed hash; afterwards the new key alone does everything', async () => {
    const before = await snapshot();
    const members = bodies.reduce((n, b) => n + b.members.length, 0);
    // The seed covers every registered column (else the test would prove nothing for it).
    for (const target of PII_TABLES)
      for (const c of [...target.ciphers, ...target.hashes.map((h) => h.column)])
        expect(
          before.some((v) => v.table === target.name && v.column === c.name && v.value),
          `${target.name}.${c.name} seeded`,
        ).toBe(true);

    const result = await rotatePii(t.deps, SYSTEM_ACTOR, { current: newKey, previous: [oldKey] });
    expect(result.values).toBe(before.filter((v) => v.value && !v.column.endsWith('_hash')).length);
    expect(result.hashes).toBe(members + 1);
    expect(await auditCount(t.deps, 'pii.rotate')).toBe(1);
    const [meta] = await t.deps.db.select().from(appMeta).where(eq(appMeta.key, HASH_KEY_META));
    expect(meta!.value).toEqual({ keyId: newKey.id });

    // The old key is gone: a ring of the new key alone reads every cipher, and every hash is its hash.
    const newOnly: Pii = createPii({ current: newKey, previous: [] });
    const oldOnly = createPii({ current: oldKey, previous: [] });
    const after = await snapshot();
    const plain = new Map<string, string>();
    for (const v of after) {
      if (!v.value || v.column.endsWith('_hash')) continue;
      expect(v.value.startsWith(`v1.${newKey.id}.`), `${v.table}.${v.column} #${v.id}`).toBe(true);
      expect(() => oldOnly.decrypt(v.value!)).toThrow(/unknown key id/);
      const p = newOnly.decrypt(v.value);
      const was = before.find((b) => b.table === v.table && b.id === v.id && b.column === v.column)!;
      expect(p).toBe(oldOnly.decrypt(was.value!));
      plain.set(`${v.table}.${v.id}.${v.column}`, p);
    }
    for (const target of PII_TABLES)
      for (const h of target.hashes)
        for (const v of after.filter((a) => a.table === target.name && a.column === h.column.name)) {
          const source = plain.get(`${target.name}.${v.id}.${h.from.name}`)!;
          expect(v.value).toBe(newOnly.hash(source));
          const was = before.find((b) => b.table === v.table && b.id === v.id && b.column === v.column)!;
          expect(v.value).not.toBe(was.value);
        }

    // The running application, given only the new key, still finds people by hash.
    t.deps.pii = newOnly;
    const head = bodies[0]!.members[0]!.idNumber;
    const found = (await admin.request({ method: 'GET', url: `/api/households?q=${head}` })).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([householdIds[0]]);
    const dup = syntheticHousehold(rng, VILLAGE_A1);
    dup.members[0] = {
      ...dup.members[0]!,
      idNumber: head,
      birthDate: undefined,
      disabilityCertificate: null,
    };
    expect((await admin.request({ method: 'POST', url: '/api/households', payload: dup })).statusCode).toBe(
      409,
    );
    const detail = (await admin.request({ method: 'GET', url: `/api/households/${householdIds[0]}` })).json();
    expect(detail.bankAccountMasked).toBe('***************8901');
    // The placed person is still counted once when placed again after the rotation.
    expect(
      (await unit.request({ method: 'POST', url: '/api/activities', payload: placement() })).statusCode,
    ).toBe(201);
    const [{ people }] = (await t.deps.db
      .select({ people: sql<number>`count(distinct ${activities.personHash})::int` })
      .from(activities)) as [{ people: number }];
    expect(people).toBe(1);

    // A second run finds nothing left to do; the recorded hash key is what the server will use.
    const again = await rotatePii(t.deps, SYSTEM_ACTOR, { current: newKey, previous: [] });
    expect([again.values, again.hashes]).toEqual([0, 0]);
    expect(await resolveHashKeyId(t.deps.db, { current: newKey, previous: [] })).toBe(newKey.id);
  });

  it('changes nothing when a hash cannot be recomputed, and says where', async () => {
    const [act] = await t.deps.db.select({ id: activities.id }).from(activities);
    await t.deps.db.update(activities).set({ personIdEnc: null }).where(eq(activities.id, act!.id));
    const before = await snapshot();
    await expect(rotatePii(t.deps, SYSTEM_ACTOR, { current: newKey, previous: [oldKey] })).rejects.toThrow(
      new RegExp(`activities row ${act!.id}: person_hash is set but person_id_enc is empty`),
    );
    expect(await snapshot()).toEqual(before);
    expect(await resolveHashKeyId(t.deps.db, { current: newKey, previous: [oldKey] })).toBe(oldKey.id);
    expect(await auditCount(t.deps, 'pii.rotate')).toBe(0);
  });

  it('records the legacy hash key (the oldest in the ring) for a database that has none recorded', async () => {
    await t.deps.db.delete(appMeta).where(eq(appMeta.key, HASH_KEY_META));
    const ring = { current: newKey, previous: [oldKey] };
    expect(await resolveHashKeyId(t.deps.db, ring)).toBe(oldKey.id);
    const [meta] = await t.deps.db.select().from(appMeta).where(eq(appMeta.key, HASH_KEY_META));
    expect(meta!.value).toEqual({ keyId: oldKey.id });
    // Members hashed under the old key are still found by a module built with the recorded key.
    const member = (await t.deps.db.select().from(householdMembers).limit(1))[0]!;
    const pii = createPii(ring, oldKey.id);
    expect(pii.hash(pii.decrypt(member.idCipher))).toBe(member.idHash);
    expect((await t.deps.db.select().from(households)).length).toBe(3);
  });
});
