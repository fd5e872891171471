import type { Dayjs } from 'dayjs';
import {
  MeasureInputSchema,
  type Measure,
  type MeasureInput,
} from '../../../core/households/households.schemas';
import { issueProblems, type FormProblem } from './formProblems';

/** The measure form: the API body's field names, dates as pickers give them. */
export interface MeasureFormValues {
  type?: string;
  memberId?: number | null;
  deepGroup?: MeasureInput['deepGroup'];
  description?: string;
  unitId?: number | null;
  responsiblePerson?: string | null;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  outcome?: string | null;
}

const clean = (v: string | null | undefined) => {
  const t = v?.trim() ?? '';
  return t === '' ? null : t;
};
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The POST/PATCH body, checked with the server's schema; an end before the start is named too. */
export function buildMeasureInput(
  values: MeasureFormValues,
): { ok: true; body: MeasureInput } | { ok: false; problems: FormProblem[] } {
  const body = {
    type: values.type ?? '',
    memberId: values.memberId ?? null,
    deepGroup: values.deepGroup ?? null,
    description: values.description?.trim() ?? '',
    unitId: values.unitId ?? null,
    responsiblePerson: clean(values.responsiblePerson),
    startDate: iso(values.startDate) ?? undefined,
    endDate: iso(values.endDate),
    outcome: clean(values.outcome),
  };
  const parsed = MeasureInputSchema.safeParse(body);
  const problems = parsed.success ? [] : issueProblems(parsed.error.issues);
  if (body.startDate && body.endDate && body.endDate < body.startDate)
    problems.push({
      kind: 'text',
      name: ['endDate'],
      message: { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
    });
  if (!parsed.success || problems.length) return { ok: false, problems };
  return { ok: true, body: parsed.data };
}

/** Only the fields that changed, for PATCH. */
export function measureChanges(body: MeasureInput, before: Measure): Partial<MeasureInput> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    const old = (before as unknown as Record<string, unknown>)[k];
    if ((v ?? null) !== (old ?? null)) out[k] = v;
  }
  return out as Partial<MeasureInput>;
}
