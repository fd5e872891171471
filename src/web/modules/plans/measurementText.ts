import { ACTIVITY_TYPE_LABELS, type ActivityType } from '../../../core/activities/activities.schemas';
import type { LocalizedText } from '../../../core/errors/errors';
import type { BaseMeasurement, Measurement } from '../../../core/progress/measurement';
import { detailValueText, fieldText } from '../activities/activityTypes';

const KIND: Record<Measurement['kind'], LocalizedText> = {
  count: { zh: '记录条数', en: 'number of records' },
  distinct_people: { zh: '不重复人数', en: 'distinct people' },
  sum: { zh: '合计', en: 'sum' },
  ratio: { zh: '比例', en: 'ratio' },
  manual: { zh: '手工填报（附佐证）', en: 'manual figure with evidence' },
};
export const MEASUREMENT_KIND_LABELS = KIND;

export const SUM_FIELD_LABELS: Record<'amountYuan' | 'peopleCount', LocalizedText> = {
  amountYuan: { zh: '金额', en: 'amount' },
  peopleCount: { zh: '人数', en: 'people' },
};

type Lt = (text: LocalizedText) => string;

function baseText(m: BaseMeasurement, lt: Lt): string {
  const type = m.recordType as ActivityType;
  const parts = [lt(ACTIVITY_TYPE_LABELS[type])];
  for (const [field, value] of Object.entries(m.filter)) {
    const label = fieldText(type, field)?.label;
    parts.push(
      `${label ? lt(label) : field}=${detailValueText(type, field, value, lt, { yes: '✓', no: '✗' })}`,
    );
  }
  if (m.kind === 'sum') parts.push(`${lt(KIND.sum)}${lt(SUM_FIELD_LABELS[m.field])}`);
  else if (m.kind === 'count' && m.distinctOn === 'date')
    parts.push(lt({ zh: '按天计数', en: 'days counted' }));
  else parts.push(lt(KIND[m.kind]));
  return parts.join(' · ');
}

/** How an indicator is measured, in words: "劳务协作就业 · 就业方式=本地就近就业 · 不重复人数". */
export function measurementText(m: Measurement, lt: Lt): string {
  if (m.kind === 'manual') return lt(KIND.manual);
  if (m.kind === 'ratio') return `(${baseText(m.numerator, lt)}) ÷ (${baseText(m.denominator, lt)})`;
  return baseText(m, lt);
}
