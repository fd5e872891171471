import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { activities, householdMembers, households } from '../db/schema';

/**
 * One table's personal-data columns: `ciphers` hold `deps.pii.encrypt(...)` output; each of `hashes`
 * holds `deps.pii.hash(plain)` of the plain text stored encrypted in its `from` column (so rotation can
 * recompute it).
 */
export interface PiiTable {
  name: string;
  table: PgTable;
  /** A numeric primary key, for paging. */
  id: PgColumn;
  ciphers: PgColumn[];
  hashes: { column: PgColumn; from: PgColumn }[];
}

/**
 * EVERY column that holds personal-data ciphertext or a keyed hash, by table. `bangfu keys rotate`
 * re-encrypts and re-hashes exactly these; `pii-columns.test.ts` fails when a schema column named
 * `*_cipher`, `*_enc` or `*_hash` is neither here nor in `NOT_PII_KEYED` below. Add a new column here
 * in the same change that adds it to the schema.
 */
export const PII_TABLES: readonly PiiTable[] = [
  {
    name: 'households',
    table: households,
    id: households.id,
    ciphers: [households.phoneCipher, households.bankAccountCipher],
    hashes: [],
  },
  {
    name: 'household_members',
    table: householdMembers,
    id: householdMembers.id,
    ciphers: [householdMembers.idCipher, householdMembers.disabilityCertCipher, householdMembers.phoneCipher],
    hashes: [{ column: householdMembers.idHash, from: householdMembers.idCipher }],
  },
  {
    name: 'activities',
    table: activities,
    id: activities.id,
    ciphers: [activities.personIdEnc],
    hashes: [{ column: activities.personHash, from: activities.personIdEnc }],
  },
];

/** Columns whose names look like personal data but are not made with the personal-data key (and why). */
export const NOT_PII_KEYED: Readonly<Record<string, string>> = {
  'users.password_hash': 'argon2id of the password: no key, nothing to rotate',
  'sessions.token_hash': 'SHA-256 of the session token: no key, nothing to rotate',
  'household_years.result_hash':
    'digest of the stored evaluation result (no personal data): lets the bulk re-evaluation skip unchanged rows',
};
