import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticHousehold, syntheticMember } from '../src/core/households/fixtures';
import { computeCheckChar } from '../src/core/identity/idNumber';
import { mulberry32 } from '../src/core/identity/random';
import { householdMembers, piiAccessLog } from '../src/server/db/schema';
import {
  TOWN_A,
  TOWN_B,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
  createTestApp,
  expectAudited,
  expectRefused,
  login,
  seedRegions,
  seedUnit,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

let t: TestContext;
let admin: Session;
let townA: Session;
let townB: Session;
let villageA1: Session;
let unitUser: Session;
let inspector: Session;
let leader: Session;
let unitId: number;
const rng = mulberry32(11);

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  unitId = await seedUnit(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  await seedUser(t.deps, { username: 'clerk-a', role: 'town', regionCode: TOWN_A });
  await seedUser(t.deps, { username: 'clerk-b', role: 'town', regionCode: TOWN_B });
  await seedUser(t.deps, { username: 'cadre-a1', role: 'village', regionCode: VILLAGE_A1 });
  await seedUser(t.deps, { username: 'unit-user', role: 'unit', unitId });
  await seedUser(t.deps, { username: 'inspector', role: 'inspector' });
  await seedUser(t.deps, { username: 'leader', role: 'leader' });
  admin = await login(t.app, 'admin');
  townA = await login(t.app, 'clerk-a');
  townB = await login(t.app, 'clerk-b');
  villageA1 = await login(t.app, 'cadre-a1');
  unitUser = await login(t.app, 'unit-user');
  inspector = await login(t.app, 'inspector');
  leader = await login(t.app, 'leader');
});
afterEach(() => t.close());

async function create(session: Session, body: object) {
  const res = await session.request({ method: 'POST', url: '/api/households', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; members: { id: number; idNumberMasked: string }[]; headName: string };
}

describe('household registry', () => {
  it('registers a household with its members, audited once, ID numbers masked in the answer', async () => {
    const body = syntheticHousehold(rng, VILLAGE_A1);
    const { res, row } = await expectAudited(
      t.deps,
      () => townA.request({ method: 'POST', url: '/api/households', payload: body }),
      { action: 'household.create', entity: 'household', status: 201 },
    );
    const h = res.json();
    expect(h).toMatchObject({
      regionCode: VILLAGE_A1,
      regionName: '甲一村',
      townName: '甲镇',
      size: body.members.length,
    });
    for (const [i, m] of body.members.entries()) {
      expect(res.body).not.toContain(m.idNumber);
      expect(JSON.stringify(row)).not.toContain(m.idNumber);
      expect(h.members[i].idNumberMasked).toBe(`${m.idNumber.slice(0, 4)}**********${m.idNumber.slice(14)}`);
    }
    expect(res.body).not.toContain('v1.');
    expect(h.phoneMasked).toMatch(/^139\*{4}\d{4}$/);
  });

  it('derives birth date and sex from the ID number and accepts a lower-case x and a legacy 15-digit number', async () => {
    const first17 = '34990119800101001';
    const check = computeCheckChar(first17);
    const idX = check === 'X' ? `${first17}x` : `${first17}${check}`;
    const body = syntheticHousehold(rng, VILLAGE_A1, {
      members: [
        syntheticMember(rng, { relation: 'head', idNumber: idX }),
        syntheticMember(rng, { relation: 'spouse', idNumber: '349901820203002' }),
      ],
    });
    const h = await create(townA, body);
    expect(h.members[0]).toMatchObject({ birthDate: '1980-01-01', sex: '男' });
    expect(h.members[1]).toMatchObject({ birthDate: '1982-02-03', sex: '女' });
    expect(h.members[1]!.idNumberMasked).toHaveLength(18);
  });

  it('refuses a wrong check character, an impossible date and a cross-check mismatch with located errors', async () => {
    const good = syntheticMember(rng, { relation: 'head', birthDate: '1970-03-04', sexOf: 'male' });
    const wrongCheck = good.idNumber.slice(0, 17) + (good.idNumber[17] === '1' ? '2' : '1');
    const badDate = `34990119800230001${computeCheckChar('34990119800230001')}`;
    const res = await expectRefused(
      t.deps,
      () =>
        townA.request({
          method: 'POST',
          url: '/api/households',
          payload: syntheticHousehold(rng, VILLAGE_A1, {
            members: [
              { ...good, idNumber: wrongCheck },
              syntheticMember(rng, { relation: 'spouse', idNumber: badDate }),
              { ...syntheticMember(rng, { relation: 'son', sexOf: 'male' }), sex: '女' },
            ],
          }),
        }),
      { status: 400, code: 'validation' },
    );
    const details = res.json().error.details as { path: string; code: string }[];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'members.0.idNumber', code: 'id.checksum' }),
        expect.objectContaining({ path: 'members.1.idNumber', code: 'id.birthDate' }),
        expect.objectContaining({ path: 'members.2.sex', code: 'person.sexMismatch' }),
      ]),
    );
    expect(res.body).not.toContain(wrongCheck);
  });

  it('refuses an ID number already in another active household with a 409 naming the field, never merging', async () => {
    const first = await create(townA, syntheticHousehold(rng, VILLAGE_A1));
    const [member] = await t.deps.db
      .select()
      .from(householdMembers)
      .where(eq(householdMembers.householdId, first.id));
    const idNumber = t.deps.pii.decrypt(member!.idCipher);
    const second = syntheticHousehold(rng, VILLAGE_A2);
    second.members.push({
      ...syntheticMember(rng, { relation: 'other' }),
      idNumber,
      birthDate: undefined,
      disabilityCertificate: null,
    });
    const res = await expectRefused(
      t.deps,
      () => townA.request({ method: 'POST', url: '/api/households', payload: second }),
      { status: 409, code: 'conflict' },
    );
    expect(res.json().error.details[0]).toMatchObject({
      path: `members.${second.members.length - 1}.idNumber`,
      code: 'member.duplicate_id',
    });
    expect(res.json().error.details[0].message.zh).toContain(`户 ${first.id}`);
    // Town B may not learn which household of town A holds the person.
    const fromB = syntheticHousehold(rng, VILLAGE_B1);
    fromB.members[0] = { ...fromB.members[0]!, idNumber, birthDate: undefined, disabilityCertificate: null };
    const resB = await townB.request({ method: 'POST', url: '/api/households', payload: fromB });
    expect(resB.statusCode, resB.body).toBe(409);
    expect(resB.body).not.toContain(`户 ${first.id}`);
  });

  it('lets a member leave (kept, inactive) and then join another household', async () => {
    const body = syntheticHousehold(rng, VILLAGE_A1);
    body.members.push(syntheticMember(rng, { relation: 'daughter' }));
    const h = await create(townA, body);
    const leaving = h.members.at(-1)!;
    await expectAudited(
      t.deps,
      () =>
        townA.request({
          method: 'POST',
          url: `/api/households/${h.id}/members/${leaving.id}/leave`,
          payload: { reason: '出嫁迁出' },
        }),
      { action: 'household.member_leave', entity: 'household_member' },
    );
    const detail = (await townA.request({ method: 'GET', url: `/api/households/${h.id}` })).json();
    expect(detail.members.find((m: { id: number }) => m.id === leaving.id)).toMatchObject({
      active: false,
      leftReason: '出嫁迁出',
    });
    expect(detail.size).toBe(body.members.length - 1);
    const other = syntheticHousehold(rng, VILLAGE_A2);
    other.members.push({ ...body.members.at(-1)!, relation: 'daughterInLaw' });
    await create(townA, other);
  });

  it('updates a member and re-derives the head name; audited', async () => {
    const h = await create(townA, syntheticHousehold(rng, VILLAGE_A1));
    const head = h.members[0]!;
    const { res } = await expectAudited(
      t.deps,
      () =>
        villageA1.request({
          method: 'PATCH',
          url: `/api/households/${h.id}/members/${head.id}`,
          payload: { name: '改名户主' },
        }),
      { action: 'household.member_update', entity: 'household_member' },
    );
    expect(res.json().headName).toBe('改名户主');
  });

  it('shows a full ID number only to an allowed role, and logs the view', async () => {
    const body = syntheticHousehold(rng, VILLAGE_A1);
    const h = await create(townA, body);
    const url = `/api/households/${h.id}/members/${h.members[0]!.id}/reveal`;
    const res = await townA.request({
      method: 'POST',
      url,
      payload: { field: 'idNumber', purpose: '核对低保材料' },
    });
    expect(res.json()).toEqual({ value: body.members[0]!.idNumber });
    const log = await t.deps.db.select().from(piiAccessLog);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      kind: 'view',
      field: 'idNumber',
      entity: 'household_member',
      purpose: '核对低保材料',
    });
    for (const s of [inspector, leader, unitUser, townB]) {
      const r = await s.request({ method: 'POST', url, payload: { field: 'idNumber', purpose: '核对' } });
      expect([403, 404]).toContain(r.statusCode);
    }
    expect(await t.deps.db.select().from(piiAccessLog)).toHaveLength(1);
  });
});

describe('household scope', () => {
  let a: { id: number; headName: string };
  let b: { id: number; headName: string };
  let bId: string;

  beforeEach(async () => {
    a = await create(townA, syntheticHousehold(rng, VILLAGE_A1, { assistUnitId: unitId }));
    const bodyB = syntheticHousehold(rng, VILLAGE_B1);
    bId = bodyB.members[0]!.idNumber;
    b = await create(admin, bodyB);
  });

  it('keeps town A out of town B through list, detail, name search and ID search', async () => {
    const list = (await townA.request({ method: 'GET', url: '/api/households' })).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
    expect((await townA.request({ method: 'GET', url: `/api/households/${b.id}` })).statusCode).toBe(404);
    const byName = (
      await townA.request({ method: 'GET', url: `/api/households?q=${encodeURIComponent(b.headName)}` })
    ).json();
    expect(byName.items).toEqual([]);
    const byId = (await townA.request({ method: 'GET', url: `/api/households?q=${bId}` })).json();
    expect(byId.items).toEqual([]);
    const found = (await townB.request({ method: 'GET', url: `/api/households?q=${bId}` })).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([b.id]);
    for (const sub of ['years/2020', 'measures', 'timeline']) {
      expect((await townA.request({ method: 'GET', url: `/api/households/${b.id}/${sub}` })).statusCode).toBe(
        404,
      );
    }
    await expectRefused(
      t.deps,
      () => townA.request({ method: 'PATCH', url: `/api/households/${b.id}`, payload: { address: 'x' } }),
      { status: 404 },
    );
  });

  it('keeps a village cadre in the village and refuses registering elsewhere', async () => {
    const other = await create(townA, syntheticHousehold(rng, VILLAGE_A2));
    const list = (await villageA1.request({ method: 'GET', url: '/api/households' })).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
    expect((await villageA1.request({ method: 'GET', url: `/api/households/${other.id}` })).statusCode).toBe(
      404,
    );
    await expectRefused(
      t.deps,
      () =>
        villageA1.request({
          method: 'POST',
          url: '/api/households',
          payload: syntheticHousehold(rng, VILLAGE_A2),
        }),
      { status: 403, code: 'forbidden' },
    );
  });

  it('shows a unit only its assigned households, read-only', async () => {
    const list = (await unitUser.request({ method: 'GET', url: '/api/households' })).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
    expect((await unitUser.request({ method: 'GET', url: `/api/households/${b.id}` })).statusCode).toBe(404);
    await expectRefused(
      t.deps,
      () => unitUser.request({ method: 'PATCH', url: `/api/households/${a.id}`, payload: { address: 'x' } }),
      { status: 403 },
    );
  });

  it('lets inspectors and leaders read every household but not register or change one', async () => {
    for (const s of [inspector, leader]) {
      const list = (await s.request({ method: 'GET', url: '/api/households' })).json();
      expect(list.items).toHaveLength(2);
      expect((await s.request({ method: 'GET', url: `/api/households/${b.id}` })).statusCode).toBe(200);
      await expectRefused(
        t.deps,
        () =>
          s.request({ method: 'POST', url: '/api/households', payload: syntheticHousehold(rng, VILLAGE_B1) }),
        { status: 403 },
      );
      await expectRefused(
        t.deps,
        () => s.request({ method: 'PATCH', url: `/api/households/${b.id}`, payload: { address: 'x' } }),
        { status: 403 },
      );
    }
  });

  it('answers 401 without a session and 400 with the field path', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/households' })).statusCode).toBe(401);
    const res = await expectRefused(
      t.deps,
      () =>
        admin.request({
          method: 'POST',
          url: '/api/households',
          payload: { ...syntheticHousehold(rng, VILLAGE_A1), attribute: '富裕户' },
        }),
      { status: 400, code: 'validation' },
    );
    expect(res.json().error.details[0].path).toBe('attribute');
    const noHead = syntheticHousehold(rng, VILLAGE_A1);
    noHead.members = noHead.members.map((m) => ({ ...m, relation: 'other' as const }));
    const r2 = await expectRefused(
      t.deps,
      () => admin.request({ method: 'POST', url: '/api/households', payload: noHead }),
      { status: 400 },
    );
    expect(r2.json().error.details[0]).toMatchObject({ path: 'members', code: 'household.one_head' });
  });

  it('pages with a keyset', async () => {
    for (let i = 0; i < 3; i++) await create(admin, syntheticHousehold(rng, VILLAGE_A2));
    const p1 = (await admin.request({ method: 'GET', url: '/api/households?limit=2' })).json();
    expect(p1.items).toHaveLength(2);
    const p2 = (
      await admin.request({ method: 'GET', url: `/api/households?limit=2&after=${p1.nextAfter}` })
    ).json();
    expect(p2.items.map((i: { id: number }) => i.id)).not.toContain(p1.items[0].id);
    expect(p1.items.length + p2.items.length + 1).toBeGreaterThanOrEqual(5);
  });
});

describe('personal data at rest', () => {
  it('a dump of the database alone reveals no ID number, phone or bank account', async () => {
    const body = syntheticHousehold(rng, VILLAGE_A1, {
      bankName: '农商银行',
      bankAccount: '6228480012345678901',
    });
    body.members[0]!.phone = '13912345678';
    const h = await create(townA, body);
    await townA.request({
      method: 'POST',
      url: `/api/households/${h.id}/members/${h.members[0]!.id}/reveal`,
      payload: { field: 'idNumber', purpose: '测试' },
    });
    const secrets = [
      ...body.members.map((m) => m.idNumber),
      '13912345678',
      '6228480012345678901',
      body.phone!,
    ];
    // Every row of every table as text (both databases).
    const tables = await t.deps.db.execute<{ tablename: string }>(
      sql`select tablename from pg_tables where schemaname = 'public'`,
    );
    let dump = '';
    for (const { tablename } of (tables as unknown as { rows: { tablename: string }[] }).rows) {
      const rows = await t.deps.db.execute(sql.raw(`select t::text as r from "${tablename}" t`));
      dump += JSON.stringify((rows as unknown as { rows: unknown[] }).rows);
    }
    expect(dump).toContain('农商银行');
    for (const s of secrets) expect(dump).not.toContain(s);
    if (t.database.pglite) {
      const image = Buffer.from(await (await t.database.pglite.dumpDataDir('none')).arrayBuffer());
      for (const s of secrets) expect(image.includes(Buffer.from(s))).toBe(false);
    }
  });
});
