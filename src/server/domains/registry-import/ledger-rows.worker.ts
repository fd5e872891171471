import { parentPort, workerData } from 'node:worker_threads';
import type { Actor } from '../../../core/accounts/scope';
import { createPii, type PiiKeyRing } from '../../pii/pii';
import { prepareLedgerRows, type PreparedRow } from './ledger-rows';

/** What the import hands its worker (structured-cloned: key Buffers arrive as Uint8Arrays). */
export interface LedgerWorkerData {
  file: string;
  villages: string[];
  actor: Actor;
  asOf: string;
  ring: PiiKeyRing;
  hashKeyId: string;
  batchRows: number;
  maxBatchesAhead: number;
}

export type LedgerWorkerMessage = { type: 'rows'; rows: PreparedRow[] } | { type: 'end' };

const data = workerData as LedgerWorkerData;
const port = parentPort!;
const ring: PiiKeyRing = {
  current: { id: data.ring.current.id, key: Buffer.from(data.ring.current.key) },
  previous: data.ring.previous.map((k) => ({ id: k.id, key: Buffer.from(k.key) })),
};
const ctx = {
  villages: new Set(data.villages),
  actor: data.actor,
  asOf: data.asOf,
  pii: createPii(ring, data.hashKeyId),
};

// Back-pressure: at most maxBatchesAhead batches the import has not taken yet, so a slow database
// write never lets the prepared rows pile up in memory.
let credits = data.maxBatchesAhead;
let wake: (() => void) | null = null;
port.on('message', (m) => {
  if (m === 'ack') {
    credits += 1;
    wake?.();
    wake = null;
  }
});
const send = async (rows: PreparedRow[]) => {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  port.postMessage({ type: 'rows', rows } satisfies LedgerWorkerMessage);
};

let rows: PreparedRow[] = [];
for await (const row of prepareLedgerRows(data.file, ctx)) {
  rows.push(row);
  if (rows.length >= data.batchRows) {
    await send(rows);
    rows = [];
  }
}
if (rows.length > 0) await send(rows);
port.postMessage({ type: 'end' } satisfies LedgerWorkerMessage);
