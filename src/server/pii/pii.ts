import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data 个人敏感信息 (ID numbers, phone numbers, bank accounts): encrypted at rest with
 * AES-256-GCM, a keyed hash (HMAC-SHA-256) for uniqueness and exact lookup, never stored in clear.
 * Ciphertext format: `v1.<keyId>.<iv b64url>.<ciphertext b64url>.<tag b64url>`; the key id lets
 * `bangfu keys rotate` re-encrypt with a new key while old rows stay readable.
 */
export interface Pii {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** Keyed hash of a normalised value: equal inputs give equal hashes; no key, no dictionary attack. */
  hash(plain: string): string;
  /** Id of the key new values are encrypted with. */
  keyId: string;
  /** Id of the key the keyed hashes are made with (recorded in the database, see `hashKeyIdOf`). */
  hashKeyId: string;
}

export interface PiiKeyRing {
  current: { id: string; key: Buffer };
  /** Older keys, still accepted for decryption. */
  previous: { id: string; key: Buffer }[];
}

function subKey(master: Buffer, label: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), `bangfu-pii-${label}`, 32));
}

export function keyIdOf(master: Buffer): string {
  return crypto.createHash('sha256').update(master).digest('hex').slice(0, 8);
}

/**
 * The key the keyed hashes were made with before the database recorded it: the oldest key in the ring
 * (the first one the installation ever had). Used once, to record it, by databases from before
 * `bangfu keys rotate` re-hashed.
 */
export function legacyHashKeyId(ring: PiiKeyRing): string {
  return ring.previous.length ? ring.previous[ring.previous.length - 1]!.id : ring.current.id;
}

/**
 * The personal-data module over a key ring. New values are encrypted with the current key; any key of
 * the ring decrypts. Keyed hashes use `hashKeyId` (default: the current key): the database records
 * which key its hashes are under, and `bangfu keys rotate` re-hashes them with the new key in the same
 * transaction that records it, so once rotated no old key is needed for anything.
 */
export function createPii(ring: PiiKeyRing, hashKeyId: string = ring.current.id): Pii {
  const pii = makePii(ring, hashKeyId);
  created.set(pii, { ring, hashKeyId });
  return pii;
}

const created = new WeakMap<Pii, { ring: PiiKeyRing; hashKeyId: string }>();

/**
 * The key ring a Pii was made from, to make the same Pii in a worker thread of this process (the
 * ledger import encrypts in one). Null for a Pii not made by createPii.
 */
export function piiKeyRingOf(pii: Pii): { ring: PiiKeyRing; hashKeyId: string } | null {
  return created.get(pii) ?? null;
}

function makePii(ring: PiiKeyRing, hashKeyId: string): Pii {
  const encKeys = new Map<string, Buffer>();
  const masters = new Map<string, Buffer>();
  for (const k of [ring.current, ...ring.previous]) {
    encKeys.set(k.id, subKey(k.key, 'enc'));
    masters.set(k.id, k.key);
  }
  const hashMaster = masters.get(hashKeyId);
  if (!hashMaster)
    throw new Error(
      `pii: the keyed hashes in the database use key ${hashKeyId}, which is not in the key ring; restore it (key file or BANGFU_PII_KEY)`,
    );
  const hashKey = subKey(hashMaster, 'hash');
  const currentId = ring.current.id;
  const currentKey = encKeys.get(currentId)!;
  // Nonces are drawn from the CSPRNG 1,024 at a time: one call per nonce cost ~7–28 µs (the largest
  // single cost of preparing an import's rows). Each pool is used once, front to back, never refilled
  // in place, so no nonce repeats under a key (beyond the chance of a random 96-bit collision).
  let ivPool = Buffer.alloc(0);
  let ivAt = 0;
  const nextIv = () => {
    if (ivAt + 12 > ivPool.length) {
      ivPool = crypto.randomBytes(12 * 1024);
      ivAt = 0;
    }
    ivAt += 12;
    return ivPool.subarray(ivAt - 12, ivAt);
  };

  return {
    keyId: currentId,
    hashKeyId,
    encrypt(plain) {
      const iv = nextIv();
      const cipher = crypto.createCipheriv('aes-256-gcm', currentKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        'v1',
        currentId,
        iv.toString('base64url'),
        ct.toString('base64url'),
        tag.toString('base64url'),
      ].join('.');
    },
    decrypt(value) {
      const parts = value.split('.');
      if (parts.length !== 5 || parts[0] !== 'v1') throw new Error('pii: not a v1 ciphertext');
      const key = encKeys.get(parts[1]!);
      if (!key) throw new Error(`pii: unknown key id ${parts[1]}`);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(parts[2]!, 'base64url'));
      decipher.setAuthTag(Buffer.from(parts[4]!, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(parts[3]!, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    hash(plain) {
      return crypto.createHmac('sha256', hashKey).update(plain, 'utf8').digest('hex');
    },
  };
}

function parseKey(b64: string, where: string): Buffer {
  const key = Buffer.from(b64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${where}: the personal-data key must be 32 bytes, base64-encoded`);
  return key;
}

/**
 * Loads the key ring: from BANGFU_PII_KEY when configured, else from the key file (one base64 key
 * per line, newest first), creating it with mode 0600 at first start. The key lives outside the
 * database, so a database dump alone reveals no personal data.
 */
export function loadKeyRing(opts: { piiKey?: string | undefined; piiKeyFile: string }): PiiKeyRing {
  let keys: Buffer[];
  if (opts.piiKey) {
    keys = opts.piiKey
      .split(',')
      .filter(Boolean)
      .map((k) => parseKey(k, 'BANGFU_PII_KEY'));
  } else {
    if (!fs.existsSync(opts.piiKeyFile)) {
      fs.mkdirSync(path.dirname(opts.piiKeyFile), { recursive: true, mode: 0o700 });
      fs.writeFileSync(opts.piiKeyFile, crypto.randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
    }
    keys = fs
      .readFileSync(opts.piiKeyFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => parseKey(l, opts.piiKeyFile));
  }
  if (keys.length === 0) throw new Error('no personal-data key configured');
  const [current, ...previous] = keys.map((key) => ({ id: keyIdOf(key), key }));
  return { current: current!, previous };
}
