import { Card, Col, Row, Typography } from 'antd';
import type { ProgressStatus } from '../../../core/progress/evaluate';
import { useI18n } from '../../i18n/useI18n';
import { STATUSES, STATUS_COLORS, STATUS_LABELS } from './status';

interface StatusSummaryProps {
  summary: Partial<Record<ProgressStatus, number>>;
  /** The verdict the indicator list is narrowed to, if any. */
  selected: ProgressStatus | null;
  onSelect: (status: ProgressStatus | null) => void;
}

/** How many indicators have each verdict; a click narrows the list to that verdict (again: all). */
export function StatusSummary({ summary, selected, onSelect }: StatusSummaryProps) {
  const { t, lt } = useI18n();
  return (
    <Row gutter={[12, 12]} role="list" aria-label={t('progress.summary')}>
      {STATUSES.map((status) => {
        const active = selected === status;
        return (
          <Col xs={12} md={6} key={status} role="listitem">
            <Card
              size="small"
              hoverable
              onClick={() => onSelect(active ? null : status)}
              aria-pressed={active}
              style={{
                borderColor: active ? STATUS_COLORS[status] : undefined,
                boxShadow: active ? `0 0 0 1px ${STATUS_COLORS[status]}` : undefined,
              }}
              styles={{ body: { padding: '10px 14px' } }}
            >
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {lt(STATUS_LABELS[status])}
              </Typography.Text>
              <div style={{ fontSize: 26, fontWeight: 600, color: STATUS_COLORS[status], lineHeight: 1.3 }}>
                {summary[status] ?? 0}
                <span
                  style={{ fontSize: 13, fontWeight: 400, color: 'rgba(0,0,0,0.45)', marginInlineStart: 4 }}
                >
                  {t('progress.indicatorsUnit')}
                </span>
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
