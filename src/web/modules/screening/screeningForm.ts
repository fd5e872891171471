import dayjs, { type Dayjs } from 'dayjs';
import {
  CampaignCreateSchema,
  SCREENING_AREAS,
  ScreeningInputSchema,
  type CampaignCreate,
  type ScreeningArea,
  type ScreeningInput,
} from '../../../core/households/screening';
import type {
  CampaignHouseholdStatus,
  DifficultyLevel,
  ProgressRow,
  ScreeningRecord,
} from '../../api/screening';
import type { IssueLike } from '../../ui/formErrors';

/** The phone form's values: one block per area (level + note), income loss, date, remarks. */
export interface ScreeningFormValues {
  screenedOn: Dayjs | null;
  difficulties: Record<ScreeningArea, { level: DifficultyLevel; note: string }>;
  incomeLoss: number | null;
  note: string;
}

/** A saved screening as form values, or a blank one dated `today` (every area "no difficulty"). */
export function formValuesOf(record: ScreeningRecord | null, today: string): ScreeningFormValues {
  const difficulties = Object.fromEntries(
    SCREENING_AREAS.map((a) => {
      const d = record?.difficulties[a];
      return [a, { level: d?.level ?? 'none', note: d?.note ?? '' }];
    }),
  ) as ScreeningFormValues['difficulties'];
  return {
    screenedOn: dayjs(record?.screenedOn ?? today),
    difficulties,
    incomeLoss: record ? record.incomeLoss : null,
    note: record?.note ?? '',
  };
}

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The request body of the form: blank notes are null, an empty income loss is 0. */
export function buildScreeningBody(values: ScreeningFormValues): Record<string, unknown> {
  return {
    screenedOn: values.screenedOn?.isValid() ? values.screenedOn.format('YYYY-MM-DD') : undefined,
    difficulties: Object.fromEntries(
      SCREENING_AREAS.map((a) => {
        const d = values.difficulties[a];
        return [a, { level: d?.level, note: text(d?.note) }];
      }),
    ),
    incomeLoss: values.incomeLoss ?? 0,
    note: text(values.note),
  };
}

export type Checked<T> = { ok: true; input: T } | { ok: false; issues: IssueLike[] };

/** The core schema's check before sending (the server runs the same one). */
export function checkScreeningBody(body: Record<string, unknown>): Checked<ScreeningInput> {
  const parsed = ScreeningInputSchema.safeParse(body);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, issues: parsed.error.issues };
}

/** The create-campaign dialog's values. */
export interface CampaignFormValues {
  name: string;
  year: number | null;
  regionCode: string | undefined;
  dates: [Dayjs | null, Dayjs | null] | null;
}

export function buildCampaignBody(values: CampaignFormValues): Record<string, unknown> {
  const [start, end] = values.dates ?? [null, null];
  return {
    name: values.name?.trim() ?? '',
    year: values.year ?? undefined,
    regionCode: values.regionCode,
    startDate: start?.isValid() ? start.format('YYYY-MM-DD') : undefined,
    endDate: end?.isValid() ? end.format('YYYY-MM-DD') : undefined,
  };
}

export function checkCampaignBody(body: Record<string, unknown>): Checked<CampaignCreate> {
  const parsed = CampaignCreateSchema.safeParse(body);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, issues: parsed.error.issues };
}

/** Where a problem of the campaign body goes in the dialog: both dates share one range picker. */
export function campaignFieldFor(name: (string | number)[]): (string | number)[] | null {
  const [head] = name;
  if (head === 'startDate' || head === 'endDate') return ['dates'];
  if (head === 'name' || head === 'year' || head === 'regionCode') return [head];
  return null;
}

/** Where a problem of the screening body goes: its own field, or null when the form has none. */
export function screeningFieldFor(name: (string | number)[]): (string | number)[] | null {
  const [head, area, leaf] = name;
  if (head === 'screenedOn' || head === 'incomeLoss' || head === 'note') return [head];
  if (head === 'difficulties' && SCREENING_AREAS.includes(area as ScreeningArea))
    return ['difficulties', area as string, leaf === 'note' ? 'note' : 'level'];
  return null;
}

/** Households, screened and at risk summed over rows (towns or villages). */
export function sumProgress(rows: readonly ProgressRow[]): ProgressRow {
  return rows.reduce(
    (acc, r) => ({
      households: acc.households + r.households,
      screened: acc.screened + r.screened,
      atRisk: acc.atRisk + r.atRisk,
    }),
    { households: 0, screened: 0, atRisk: 0 },
  );
}

/** Percent screened, rounded down: 100 only when every household is done; 0 of 0 is 0. */
export function percentScreened(row: Pick<ProgressRow, 'households' | 'screened'>): number {
  if (row.households <= 0) return 0;
  return Math.floor((row.screened * 100) / row.households);
}

/**
 * The household to screen after `current`: the first pending one after it in the list's order,
 * else the first pending one before it (wrapping round); null when none is left.
 */
export function nextPending(pendingIds: readonly number[], current: number): number | null {
  const others = pendingIds.filter((id) => id !== current);
  return others.find((id) => id > current) ?? others[0] ?? null;
}

/** Opening and closing campaigns: the district office only (the server's `createCampaign`). */
export function canManageCampaigns(role: string): boolean {
  return role === 'admin';
}

/** Recording screenings: the office, towns and villages in their area (the server's `canWriteRegistry`). */
export function canRecordScreening(role: string): boolean {
  return role === 'admin' || role === 'town' || role === 'village';
}

/** The campaign page's household filter. */
export interface CampaignHouseholdFilter {
  status: CampaignHouseholdStatus;
  q: string;
  regionCode?: string;
}

export const STATUSES: readonly CampaignHouseholdStatus[] = ['pending', 'screened', 'atRisk'];

/** The campaign's filter in the address, so "back to the list" from the form keeps it. */
export function filterFromParams(params: URLSearchParams): CampaignHouseholdFilter {
  const status = params.get('status') as CampaignHouseholdStatus | null;
  return {
    status: status && STATUSES.includes(status) ? status : 'pending',
    q: params.get('q') ?? '',
    regionCode: params.get('region') ?? undefined,
  };
}

export function filterToParams(filter: CampaignHouseholdFilter): Record<string, string> {
  const out: Record<string, string> = { status: filter.status };
  if (filter.q.trim()) out.q = filter.q.trim();
  if (filter.regionCode) out.region = filter.regionCode;
  return out;
}
