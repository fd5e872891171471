import { Badge, Button, Flex, Tooltip, Typography } from 'antd';
import type { ProgressStatus } from '../../../core/progress/evaluate';
import { useI18n } from '../../i18n/useI18n';
import { quantity } from './format';
import { STATUS_COLORS, STATUS_LABELS } from './status';

export interface BreakdownRow {
  /** Town code or unit id. */
  key: string;
  name: string;
  value: number | null;
  status?: ProgressStatus;
  explanation?: string;
}

interface BreakdownListProps {
  rows: readonly BreakdownRow[];
  unit: string;
  onOpen: (row: BreakdownRow) => void;
}

/** Per-town / per-unit figures, each a link to its records; with the group's verdict when it has one. */
export function BreakdownList({ rows, unit, onOpen }: BreakdownListProps) {
  const { t, lt, lang } = useI18n();
  return (
    <Flex vertical gap={2} role="list">
      {rows.map((row) => (
        <Flex key={row.key} role="listitem" align="center" gap={8} style={{ minHeight: 28 }}>
          {row.status ? (
            <Tooltip title={row.explanation}>
              <Badge
                color={STATUS_COLORS[row.status]}
                text={null}
                aria-label={lt(STATUS_LABELS[row.status])}
              />
            </Tooltip>
          ) : null}
          <Typography.Text ellipsis={{ tooltip: row.name }} style={{ flex: 1, minWidth: 0 }}>
            {row.name}
          </Typography.Text>
          {row.status ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
              {lt(STATUS_LABELS[row.status])}
            </Typography.Text>
          ) : null}
          <Button
            type="link"
            size="small"
            onClick={() => onOpen(row)}
            title={t('progress.openRecords')}
            style={{ flex: 'none', paddingInline: 4 }}
          >
            {quantity(row.value, unit, lang)}
          </Button>
        </Flex>
      ))}
    </Flex>
  );
}
