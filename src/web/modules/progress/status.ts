import { STATUS_LABELS, type ProgressStatus } from '../../../core/progress/evaluate';

export { STATUS_LABELS };
export const STATUSES: readonly ProgressStatus[] = ['done', 'on_track', 'at_risk', 'overdue'];

/** One colour per verdict, used by tags, bars and charts alike (red only for overdue). */
export const STATUS_COLORS: Record<ProgressStatus, string> = {
  done: '#389e0d',
  on_track: '#1f5fbf',
  at_risk: '#d46b08',
  overdue: '#cf1322',
};

/** antd Tag preset colours of the same verdicts. */
export const STATUS_TAG: Record<ProgressStatus, string> = {
  done: 'success',
  on_track: 'processing',
  at_risk: 'warning',
  overdue: 'error',
};
