import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticHousehold } from '../src/core/households/fixtures';
import { mulberry32 } from '../src/core/identity/random';
import { householdMembers, households } from '../src/server/db/schema';
import { SYSTEM_ACTOR } from '../src/server/demo/demo';
import { reencryptPii } from '../src/server/domains/households/keys';
import { createPii, keyIdOf } from '../src/server/pii/pii';
import {
  VILLAGE_A1,
  auditCount,
  createTestApp,
  login,
  seedRegions,
  seedUser,
  type Session,
  type TestContext,
} from './helpers/test-app';

let t: TestContext;
let admin: Session;
const rng = mulberry32(9);
const key = () => {
  const k = crypto.randomBytes(32);
  return { id: keyIdOf(k), key: k };
};

beforeEach(async () => {
  t = await createTestApp();
  await seedRegions(t.deps);
  await seedUser(t.deps, { username: 'admin', role: 'admin' });
  admin = await login(t.app, 'admin');
});
afterEach(() => t.close());

describe('personal-data key rotation (bangfu keys rotate)', () => {
  it('re-encrypts every ID number, phone and bank account with the new key; hashes, search and the duplicate rule keep working', async () => {
    const oldKey = key();
    t.deps.pii = createPii({ current: oldKey, previous: [] });
    const bodies = [0, 1, 2].map(() =>
      syntheticHousehold(rng, VILLAGE_A1, { bankAccount: '6228480012345678901' }),
    );
    const ids: number[] = [];
    for (const b of bodies) {
      const res = await admin.request({ method: 'POST', url: '/api/households', payload: b });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const hashesBefore = (await t.deps.db.select({ h: householdMembers.idHash }).from(householdMembers)).map(
      (r) => r.h,
    );

    const newKey = key();
    const rotated = createPii({ current: newKey, previous: [oldKey] });
    const members = bodies.reduce((n, b) => n + b.members.length, 0);
    const result = await reencryptPii(t.deps, SYSTEM_ACTOR, rotated);
    // Every member's ID; each household's phone and bank account; member phones and certificates where present.
    expect(result.values).toBeGreaterThanOrEqual(members + 2 * bodies.length);
    expect(await auditCount(t.deps, 'pii.rotate')).toBe(1);
    t.deps.pii = rotated;

    const rows = await t.deps.db.select().from(householdMembers);
    for (const r of rows) {
      expect(r.idCipher.startsWith(`v1.${newKey.id}.`)).toBe(true);
      if (r.phoneCipher) expect(r.phoneCipher.startsWith(`v1.${newKey.id}.`)).toBe(true);
    }
    const hh = await t.deps.db.select().from(households);
    for (const h of hh) expect(h.bankAccountCipher!.startsWith(`v1.${newKey.id}.`)).toBe(true);
    expect(() => createPii({ current: oldKey, previous: [] }).decrypt(rows[0]!.idCipher)).toThrow(
      /unknown key id/,
    );
    expect(rows.map((r) => r.idHash)).toEqual(hashesBefore);

    const head = bodies[0]!.members[0]!.idNumber;
    const found = (await admin.request({ method: 'GET', url: `/api/households?q=${head}` })).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([ids[0]]);
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
    const detail = (await admin.request({ method: 'GET', url: `/api/households/${ids[0]}` })).json();
    expect(detail.bankAccountMasked).toBe('***************8901');

    expect((await reencryptPii(t.deps, SYSTEM_ACTOR, rotated)).values).toBe(0);
  });
});
