import type { IndicatorProgress } from '../../../core/progress/progress.schemas';
import type { Lang } from '../../i18n/lang';
import { formatNumber } from '../../ui/formatNumber';

/** A figure with its unit: 14人 / 14 人, 96%. */
export function quantity(value: number | null, unit: string, lang: Lang): string {
  if (value === null) return '—';
  if (unit === '%') return `${formatNumber(value)}%`;
  return lang === 'zh' ? `${formatNumber(value)}${unit}` : `${formatNumber(value)} ${unit}`;
}

/** The target as a short formula: ≥20人, 1–2个, 100%. */
export function targetText(
  item: Pick<IndicatorProgress, 'comparison' | 'target' | 'targetMax' | 'unit'>,
  lang: Lang,
): string {
  const q = (v: number) => quantity(v, item.unit, lang);
  switch (item.comparison) {
    case 'gte':
      return `≥ ${q(item.target)}`;
    case 'lte':
      return `≤ ${q(item.target)}`;
    case 'eq':
      return q(item.target);
    case 'range':
      return `${formatNumber(item.target)}–${q(item.targetMax ?? item.target)}`;
  }
}
