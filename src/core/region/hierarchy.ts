import { err, ok } from '../identity/result';
import type { Result } from '../identity/result';
import { DIVISION_LEVELS, DIVISION_LEVEL_LABELS, parseDivisionCode } from './divisionCode';
import type { DivisionErrorCode, DivisionInfo } from './divisionCode';

/**
 * Ancestor codes from province down to the direct parent (self excluded); empty for an invalid code.
 * Used to roll figures up the levels instead of re-adding them by hand ("sums re-added at four levels").
 */
export function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  let p = parseDivisionCode(code);
  while (p.ok && p.value.parentCode !== null) {
    out.unshift(p.value.parentCode);
    p = parseDivisionCode(p.value.parentCode);
  }
  return out;
}

/** True when `code` lies inside `ancestor` or equals it — the row-level access check for towns and villages. */
export function isAncestorOrSelf(ancestor: string, code: string): boolean {
  const a = parseDivisionCode(ancestor);
  const c = parseDivisionCode(code);
  if (!a.ok || !c.ok) return false;
  return a.value.code === c.value.code || ancestorsOf(c.value.code).includes(a.value.code);
}

/** County-level distribution key (6-digit prefix padded to 12 digits); null above county level or invalid. */
export function countyCodeOf(code: string): string | null {
  const p = parseDivisionCode(code);
  return p.ok ? p.value.countyCode : null;
}

/** The short Chinese kind a clerk expects to read: 街道/镇/乡/社区/村, or the level name above town level. */
export function regionKindLabel(parsed: DivisionInfo): string {
  if (parsed.level === 'village') return parsed.villageKind === 'community' ? '社区' : '村';
  if (parsed.level === 'town') {
    return parsed.townKind === 'street' ? '街道' : parsed.townKind === 'town' ? '镇' : '乡';
  }
  return DIVISION_LEVEL_LABELS[parsed.level];
}

/** Error codes of a parent/child check. */
export type ChildErrorCode = DivisionErrorCode | 'region.notInside' | 'region.notNextLevel';

/**
 * Checks that `childCode` is directly under `parentCode` (next level down and inside it), so an imported
 * village cannot be attached to the wrong town. Prefecture → town is accepted where the county segment is 00.
 */
export function validateChild(
  parentCode: string,
  childCode: string,
): Result<{ parent: DivisionInfo; child: DivisionInfo }, ChildErrorCode> {
  const parent = parseDivisionCode(parentCode);
  if (!parent.ok) return parent;
  const child = parseDivisionCode(childCode);
  if (!child.ok) return child;
  if (child.value.parentCode === parent.value.code) return ok({ parent: parent.value, child: child.value });
  if (!ancestorsOf(child.value.code).includes(parent.value.code)) {
    return err(
      'region.notInside',
      `下级单位不在该${DIVISION_LEVEL_LABELS[parent.value.level]}单位辖区内`,
      'The child division is not inside the parent division.',
    );
  }
  const expected = DIVISION_LEVELS[DIVISION_LEVELS.indexOf(parent.value.level) + 1] ?? parent.value.level;
  return err(
    'region.notNextLevel',
    `下级单位应为${DIVISION_LEVEL_LABELS[expected]}，不能跨级`,
    `The child must be exactly one level down (${expected}).`,
  );
}
