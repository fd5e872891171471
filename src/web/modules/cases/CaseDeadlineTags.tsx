import { Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CaseSummary } from '../../../core/households/cases.schemas';
import { useHt } from '../households/text';

/** Due dates of a case, with red tags when the step or the whole procedure is overdue. */
export function CaseDeadlineTags({ item }: { item: Pick<CaseSummary, 'deadline' | 'closedAt'> }) {
  const ht = useHt();
  const d = item.deadline;
  const fmt = (iso: string) => dayjs(iso).format('MM-DD');
  return (
    <Flex gap={4} wrap align="center">
      {d.stepOverdue ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {ht('case.stepOverdue')}
        </Tag>
      ) : null}
      {d.totalOverdue ? (
        <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
          {ht('case.totalOverdue')}
        </Tag>
      ) : null}
      {!item.closedAt && d.stepDueAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ht('case.stepDue', { date: fmt(d.stepDueAt) })}
        </Typography.Text>
      ) : null}
      {!item.closedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ht('case.totalDue', { date: fmt(d.totalDueAt) })}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ht('case.days', { n: d.daysElapsed })}
      </Typography.Text>
    </Flex>
  );
}
