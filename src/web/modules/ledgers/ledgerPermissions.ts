import type { Me } from '../../../core/accounts/accounts.schemas';

/** Mirrors the server's policy: the office, leaders and inspectors read every unit's plan and ledger. */
export function readsAllLedgers(me: Pick<Me, 'role'>): boolean {
  return me.role === 'admin' || me.role === 'leader' || me.role === 'inspector';
}

/** The office writes any unit's plan and ledger; a unit (or town office) its own (R2). */
export function canWriteLedger(me: Pick<Me, 'role' | 'unitId'>, unitId: number): boolean {
  return me.role === 'admin' || ((me.role === 'unit' || me.role === 'town') && me.unitId === unitId);
}
