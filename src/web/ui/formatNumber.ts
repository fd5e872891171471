const FORMAT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A figure with thousands separators and at most two decimals (1234567.891 → 1,234,567.89). */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : FORMAT.format(value);
}
