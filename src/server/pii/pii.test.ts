import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPii, keyIdOf, legacyHashKeyId, loadKeyRing } from './pii';

const key = () => {
  const k = crypto.randomBytes(32);
  return { id: keyIdOf(k), key: k };
};

describe('personal-data module', () => {
  it('round-trips a value and never stores it in clear', () => {
    const pii = createPii({ current: key(), previous: [] });
    const c = pii.encrypt('34990119900101123X');
    expect(c).not.toContain('34990119900101123X');
    expect(c.startsWith('v1.')).toBe(true);
    expect(pii.decrypt(c)).toBe('34990119900101123X');
  });

  it('gives a fresh ciphertext every time but the same keyed hash', () => {
    const pii = createPii({ current: key(), previous: [] });
    expect(pii.encrypt('13800001111')).not.toBe(pii.encrypt('13800001111'));
    expect(pii.hash('13800001111')).toBe(pii.hash('13800001111'));
    expect(pii.hash('13800001111')).not.toBe(pii.hash('13800001112'));
  });

  it('never repeats a nonce across many values (its nonces come from a pool refilled every 1,024)', () => {
    const pii = createPii({ current: key(), previous: [] });
    const values = Array.from({ length: 3000 }, (_, i) => `6222${String(i).padStart(15, '0')}`);
    const ivs = values.map((v) => pii.encrypt(v).split('.')[2]);
    expect(new Set(ivs).size).toBe(values.length);
    const again = values.map((v) => pii.encrypt(v));
    again.forEach((c, i) => expect(pii.decrypt(c)).toBe(values[i]));
  });

  it('hashes differently under a different installation key (no dictionary across sites)', () => {
    const a = createPii({ current: key(), previous: [] });
    const b = createPii({ current: key(), previous: [] });
    expect(a.hash('13800001111')).not.toBe(b.hash('13800001111'));
  });

  it('rejects a tampered ciphertext', () => {
    const pii = createPii({ current: key(), previous: [] });
    const parts = pii.encrypt('6222020200000000001').split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString('base64url');
    expect(() => pii.decrypt(parts.join('.'))).toThrow();
  });

  it('reads old ciphertexts after rotation; hashes with the key the database names', () => {
    const oldKey = key();
    const before = createPii({ current: oldKey, previous: [] });
    const c = before.encrypt('secret');
    const ring = { current: key(), previous: [oldKey] };
    // Until the rotation has re-hashed, the hashes stay under the old key…
    const during = createPii(ring, oldKey.id);
    expect(during.decrypt(c)).toBe('secret');
    expect(during.hash('secret')).toBe(before.hash('secret'));
    expect(during.encrypt('secret').split('.')[1]).toBe(during.keyId);
    // …afterwards they are under the new key, and the old key is not needed for them.
    const after = createPii(ring);
    expect(after.hashKeyId).toBe(ring.current.id);
    expect(after.hash('secret')).not.toBe(before.hash('secret'));
    expect(createPii({ current: ring.current, previous: [] }).hash('secret')).toBe(after.hash('secret'));
    expect(legacyHashKeyId(ring)).toBe(oldKey.id);
  });

  it('refuses a hash key that is not in the ring, saying which', () => {
    const missing = key();
    expect(() => createPii({ current: key(), previous: [] }, missing.id)).toThrow(
      new RegExp(`use key ${missing.id}, which is not in the key ring`),
    );
  });

  it('creates a 0600 key file at first start and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-key-'));
    const file = path.join(dir, 'secrets', 'pii.key');
    const first = loadKeyRing({ piiKeyFile: file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadKeyRing({ piiKeyFile: file }).current.id).toBe(first.current.id);
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses a configured key of the wrong length', () => {
    expect(() =>
      loadKeyRing({ piiKey: Buffer.alloc(16).toString('base64'), piiKeyFile: '/nonexistent' }),
    ).toThrow(/32 bytes/);
  });
});
