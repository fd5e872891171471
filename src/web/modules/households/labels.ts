import type { CaseStep } from '../../../core/households/case-machine';
import { CASE_STEP_LABELS } from '../../../core/households/case-machine';
import { DEEP_GROUPS, MONITORING_STATUS_LABELS } from '../../../core/households/households.schemas';
import type { LocalizedText } from '../../../core/errors/errors';
import { DISCOVERY_CHANNELS, MONITORING_TYPES } from '../../../core/monitoring/codes';
import { DEEP_DIFFICULTY_LABELS } from '../../../core/monitoring/deepDifficulty';
import {
  HEALTH_STATUS_LABELS,
  LABOUR_CAPACITY_LABELS,
  RELATION_LABELS,
  SCHOOLING_STATUS_LABELS,
} from '../../../core/monitoring/facts';

/** Code → bilingual label lookups for the households and cases pages. */
export const MONITORING_TYPE_TEXT: Record<string, LocalizedText> = Object.fromEntries(
  MONITORING_TYPES.map((t) => [t.code, { zh: t.zh, en: t.en }]),
);

export const SOURCE_TEXT: Record<string, LocalizedText> = Object.fromEntries(
  DISCOVERY_CHANNELS.map((t) => [t.code, { zh: t.zh, en: t.en }]),
);

export const STATUS_TEXT: Record<string, LocalizedText> = MONITORING_STATUS_LABELS;

const DEEP_EN: Record<string, string> = {
  incapacitated: 'incapacitated',
  seriouslyIll: 'seriously ill',
  severelyDisabled: 'severely disabled',
  specialHardship: 'special hardship',
};
export const DEEP_GROUP_TEXT: Record<string, LocalizedText> = Object.fromEntries(
  DEEP_GROUPS.map((g) => [g, { zh: DEEP_DIFFICULTY_LABELS[g], en: DEEP_EN[g] ?? g }]),
);

export const STEP_TEXT: Record<string, LocalizedText> = CASE_STEP_LABELS as Record<CaseStep, LocalizedText>;

/** Tag colour of a monitoring status. */
export const STATUS_COLOR: Record<string, string> = {
  none: 'default',
  monitored: 'orange',
  eliminated: 'green',
};

/** Tag colour of a case step: open steps blue, approved green, rejected red, withdrawn grey. */
export function stepColor(step: string): string {
  if (step === 'approved') return 'green';
  if (step === 'rejected') return 'red';
  if (step === 'withdrawn') return 'default';
  return 'processing';
}

const lookup = (map: Readonly<Record<string, string>>) => (code: string | null | undefined) =>
  code ? (map[code] ?? code) : '—';

/** Member code lists have Chinese labels only (they are the ledger's own words). */
export const relationZh = lookup(RELATION_LABELS);
export const healthZh = lookup(HEALTH_STATUS_LABELS);
export const labourZh = lookup(LABOUR_CAPACITY_LABELS);
export const schoolingZh = lookup(SCHOOLING_STATUS_LABELS);

/** A label for a code, falling back to the code itself. */
export function label(
  map: Record<string, LocalizedText>,
  code: string | null | undefined,
  lt: (t: LocalizedText) => string,
): string {
  if (!code) return '—';
  const text = map[code];
  return text ? lt(text) : code;
}

export function formatYuan(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return Math.round(n).toLocaleString('zh-CN');
}
