import dayjs, { type Dayjs } from 'dayjs';
import {
  AMOUNT_REQUIRED,
  ActivityInputSchema,
  PERSON_REQUIRED,
  type Activity,
  type ActivityInput,
  type ActivityType,
} from '../../../core/activities/activities.schemas';
import type { IssueLike } from '../../ui/formErrors';
import { specOf } from './activityTypes';
import { detailFieldsOf } from './detailFields';

/** What the record drawer's form holds (dates as dayjs, nested names like the API's field paths). */
export interface ActivityFormValues {
  type?: ActivityType;
  date?: Dayjs | null;
  unitId?: number | null;
  regionCode?: string | null;
  amountYuan?: number | null;
  peopleCount?: number | null;
  person?: { name?: string; idNumber?: string };
  details?: Record<string, unknown>;
  evidence?: { name?: string; ref?: string }[];
  note?: string | null;
}

const DATE = 'YYYY-MM-DD';

/** Initial details of a type: each field's schema default (booleans start as the schema says). */
export function defaultDetails(type: ActivityType): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const field of detailFieldsOf(type)) {
    if (field.defaultValue !== undefined) details[field.name] = field.defaultValue;
  }
  return details;
}

/** The form's values for an existing record, or for a new one of `type` dated `date`. */
export function formValuesOf(
  activity: Activity | null,
  fresh: { type?: ActivityType; date: string; unitId?: number | null },
): ActivityFormValues {
  if (!activity) {
    return {
      type: fresh.type,
      date: dayjs(fresh.date),
      unitId: fresh.unitId ?? null,
      regionCode: null,
      details: fresh.type ? defaultDetails(fresh.type) : {},
      evidence: [],
    };
  }
  const details: Record<string, unknown> = { ...activity.details };
  for (const field of detailFieldsOf(activity.type)) {
    const value = details[field.name];
    if (field.control.kind === 'date' && typeof value === 'string') details[field.name] = dayjs(value);
  }
  return {
    type: activity.type,
    date: dayjs(activity.date),
    unitId: activity.unitId,
    regionCode: activity.regionCode,
    amountYuan: activity.amountYuan,
    peopleCount: activity.peopleCount,
    details,
    evidence: activity.evidence.map((e) => ({ ...e })),
    note: activity.note,
  };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export interface BuildOptions {
  /** Send the unit (the office names it; units and towns use their own). */
  sendUnit: boolean;
  /** Editing a record whose person stays as on file: leave `person` out of the body. */
  keepPerson: boolean;
}

/**
 * The API body from the form's values. Empty optional fields are left out (so schema defaults apply),
 * empty required ones are sent empty (so the schema names them), dates become YYYY-MM-DD.
 */
export function buildActivityBody(
  values: ActivityFormValues,
  options: BuildOptions,
): Record<string, unknown> {
  const type = values.type;
  const body: Record<string, unknown> = {
    type,
    date: values.date ? values.date.format(DATE) : undefined,
    regionCode: values.regionCode ?? undefined,
  };
  if (options.sendUnit) body.unitId = values.unitId ?? undefined;
  if (!type) return body;
  const spec = specOf(type);

  const details: Record<string, unknown> = {};
  for (const field of detailFieldsOf(type)) {
    const raw = values.details?.[field.name];
    let value: unknown = raw;
    if (field.control.kind === 'date')
      value = dayjs.isDayjs(raw) ? raw.format(DATE) : isEmpty(raw) ? '' : raw;
    if (typeof value === 'string') value = value.trim();
    if (isEmpty(value)) {
      if (field.required) details[field.name] = field.control.kind === 'text' ? '' : undefined;
      continue;
    }
    details[field.name] = value;
  }
  body.details = details;

  if (spec.amount && !isEmpty(values.amountYuan)) body.amountYuan = values.amountYuan;
  if (spec.people && !isEmpty(values.peopleCount)) body.peopleCount = values.peopleCount;
  if (spec.person && !options.keepPerson) {
    const name = values.person?.name?.trim() ?? '';
    const idNumber = values.person?.idNumber?.trim().toUpperCase() ?? '';
    body.person = name || idNumber ? { name, idNumber } : null;
  }
  body.evidence = (values.evidence ?? [])
    .map((e) => ({ name: e.name?.trim() ?? '', ref: e.ref?.trim() ?? '' }))
    .filter((e) => e.name || e.ref);
  const note = values.note?.trim();
  if (note) body.note = note;
  return body;
}

export type ActivityCheck = { ok: true; input: ActivityInput } | { ok: false; issues: IssueLike[] };

/**
 * The core schema's verdict on a body, plus the rules the server adds across fields (a person for
 * placements, an amount for purchases and donations), so the form names every problem before sending.
 */
export function checkActivityBody(body: Record<string, unknown>, options: BuildOptions): ActivityCheck {
  const issues: IssueLike[] = [];
  const type = body.type as ActivityType | undefined;
  if (options.sendUnit && body.unitId === undefined)
    issues.push({ code: 'invalid_type', path: ['unitId'], message: '', input: undefined });
  if (type && AMOUNT_REQUIRED.has(type) && body.amountYuan === undefined)
    issues.push({ code: 'invalid_type', path: ['amountYuan'], message: '', input: undefined });
  if (type && PERSON_REQUIRED.has(type) && !options.keepPerson && !body.person) {
    issues.push({ code: 'invalid_type', path: ['person', 'name'], message: '', input: undefined });
    issues.push({ code: 'invalid_type', path: ['person', 'idNumber'], message: '', input: undefined });
  }
  const parsed = ActivityInputSchema.safeParse(body);
  if (!parsed.success) issues.push(...(parsed.error.issues as unknown as IssueLike[]));
  if (issues.length || !parsed.success) return { ok: false, issues };
  return { ok: true, input: parsed.data };
}

/** Where a problem path from the server goes in the form (`person` alone → its ID number field). */
export function formFieldFor(name: (string | number)[]): (string | number)[] | null {
  if (name.length === 0) return null;
  if (name[0] === 'person') return ['person', name[1] === 'name' ? 'name' : 'idNumber'];
  if (name[0] === 'details') return name.length > 1 ? name.slice(0, 2) : null;
  if (name[0] === 'evidence') return name.length >= 3 ? name.slice(0, 3) : null;
  const top = ['type', 'date', 'unitId', 'regionCode', 'amountYuan', 'peopleCount', 'note'];
  return top.includes(String(name[0])) ? [name[0]!] : null;
}
