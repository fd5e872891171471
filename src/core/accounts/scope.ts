import type { Role } from './roles';

/** Who is acting: the authenticated user as the server sees it (never taken from the client). */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  /** Region subtree the user is confined to (town, village); null = not region-scoped. */
  regionCode: string | null;
  unitId: number | null;
  requestId?: string;
}

const SEGMENTS = [2, 2, 2, 3, 3];

/**
 * The code prefix shared by a region and all its descendants: 12-digit codes are hierarchical, so a
 * subtree is `code LIKE prefix || '%'` (an index range scan with text_pattern_ops).
 */
export function regionPrefix(code: string): string {
  let end = 12;
  for (let i = SEGMENTS.length - 1; i >= 0; i--) {
    const len = SEGMENTS[i]!;
    if (/^0+$/.test(code.slice(end - len, end))) end -= len;
    else break;
  }
  return code.slice(0, Math.max(end, 2));
}

/** True when `code` lies in the subtree rooted at `root` (inclusive). */
export function inSubtree(root: string, code: string): boolean {
  return code.startsWith(regionPrefix(root));
}

/** Roles that read everything (the region/unit scope does not narrow their reads). */
export function readsEverything(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'leader' || actor.role === 'inspector';
}

/** The region subtree an actor's reads of district data are confined to, or null for no limit. */
export function regionScopeOf(actor: Pick<Actor, 'role' | 'regionCode'>): string | null {
  if (actor.role === 'town' || actor.role === 'village') return actor.regionCode ?? '__none__';
  return null;
}
