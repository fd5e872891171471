import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  HouseholdUpdateSchema,
  type HouseholdDetail,
  type HouseholdUpdate,
} from '../../../core/households/households.schemas';
import { issueProblems, type FormProblem } from './formProblems';

/** The basics form: the PATCH body's field names; phone and bank account are masked, so blank keeps them. */
export interface HouseholdFormValues {
  householdNo?: string | null;
  villageGroup?: string | null;
  address?: string | null;
  phone?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
  attribute?: HouseholdUpdate['attribute'];
  povertyExitFlag?: HouseholdUpdate['povertyExitFlag'];
  riskCauses?: string[];
  mainCause?: string | null;
  specialHardship?: boolean;
  assistUnitId?: number | null;
  assistPerson?: string | null;
  collectedBy?: string | null;
  collectedOn?: Dayjs | null;
}

const PLAIN = [
  'householdNo',
  'villageGroup',
  'address',
  'bankName',
  'attribute',
  'povertyExitFlag',
  'riskCauses',
  'mainCause',
  'specialHardship',
  'assistUnitId',
  'assistPerson',
  'collectedBy',
] as const satisfies readonly (keyof HouseholdFormValues & keyof HouseholdDetail)[];

export function householdValuesOf(h: HouseholdDetail): HouseholdFormValues {
  const values: HouseholdFormValues = {
    phone: '',
    bankAccount: '',
    collectedOn: h.collectedOn ? dayjs(h.collectedOn) : null,
  };
  for (const k of PLAIN) (values as Record<string, unknown>)[k] = h[k];
  return values;
}

const clean = (v: unknown) => {
  if (typeof v !== 'string') return v ?? null;
  const t = v.trim();
  return t === '' ? null : t;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Only what changed; a main risk must be one of the chosen risks. Checked with the server's schema. */
export function buildHouseholdUpdate(
  values: HouseholdFormValues,
  before: HouseholdDetail,
): { ok: true; body: HouseholdUpdate } | { ok: false; problems: FormProblem[] } {
  const body: Record<string, unknown> = {};
  for (const k of PLAIN) {
    const v =
      k === 'riskCauses'
        ? (values.riskCauses ?? [])
        : k === 'specialHardship'
          ? !!values[k]
          : clean(values[k]);
    if (!same(v, before[k])) body[k] = v;
  }
  const collectedOn = values.collectedOn ? values.collectedOn.format('YYYY-MM-DD') : null;
  if (!same(collectedOn, before.collectedOn)) body.collectedOn = collectedOn;
  const phone = clean(values.phone);
  const account = clean(values.bankAccount);
  if (phone) body.phone = phone;
  if (account) body.bankAccount = account;

  const parsed = HouseholdUpdateSchema.safeParse(body);
  const problems = parsed.success ? [] : issueProblems(parsed.error.issues);
  const main = clean(values.mainCause);
  if (main && !(values.riskCauses ?? []).includes(main as string))
    problems.push({
      kind: 'text',
      name: ['mainCause'],
      message: { zh: '主要风险应是所选风险类型之一', en: 'The main risk must be one of the chosen risks' },
    });
  if (!parsed.success || problems.length) return { ok: false, problems };
  return { ok: true, body: parsed.data };
}
