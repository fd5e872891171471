import type { Actor } from '../../../core/accounts/scope';

/** The office sets up the year's plan and its indicators (README "Who uses it"). */
export function canEditPlans(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** Everyone signed in reads the plan: leaders, units and towns work to its targets. */
export function canReadPlans(actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== 'village';
}
