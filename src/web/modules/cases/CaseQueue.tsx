import { Button, Checkbox, Flex, Segmented, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { CASE_ACTION_LABELS } from '../../../core/households/case-machine';
import type { CaseSummary } from '../../../core/households/cases.schemas';
import { useI18n } from '../../i18n/useI18n';
import { LoadMore } from '../../ui/LoadMore';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { STEP_TEXT, label, stepColor } from '../households/labels';
import { useHt } from '../households/text';
import { CaseDeadlineTags } from './CaseDeadlineTags';
import { useCasePages, useCaseQueue } from './caseQueries';

type View = 'queue' | 'all';

/** 动态调整: the role's work queue (cases where it has the next step) and all cases in scope. */
export function CaseQueue() {
  const { lt } = useI18n();
  const ht = useHt();
  const [view, setView] = useState<View>('queue');
  const [openOnly, setOpenOnly] = useState(true);
  const queue = useCaseQueue(view === 'queue');
  const pages = useCasePages(openOnly, view === 'all');
  const allRows = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const rows = view === 'queue' ? (queue.data ?? []) : allRows;
  const error = view === 'queue' ? queue.error : pages.error;
  const loading = view === 'queue' ? queue.isPending : pages.isPending;

  const handle = (c: CaseSummary) => (
    <Link to={`/cases/${c.id}`}>
      <Button size="small" type={c.actions.length ? 'primary' : 'default'}>
        {c.actions.length ? ht('case.open') : ht('case.view')}
      </Button>
    </Link>
  );

  const columns: ResponsiveColumn<CaseSummary>[] = [
    {
      key: 'household',
      title: ht('case.household'),
      width: 110,
      fixed: 'left',
      hideInCard: true,
      render: (c) => (
        <Link to={`/cases/${c.id}`} style={{ whiteSpace: 'nowrap' }}>
          {c.headName}
        </Link>
      ),
    },
    { key: 'village', title: ht('hh.village'), width: 110, render: (c) => c.regionName ?? c.regionCode },
    {
      key: 'kind',
      title: ht('case.kind'),
      width: 180,
      render: (c) => `${c.kindZh}${c.proposedTypeZh ? `：${c.proposedTypeZh}` : ''}`,
    },
    {
      key: 'step',
      title: ht('case.step'),
      width: 150,
      hideInCard: true,
      render: (c) => (
        <Flex gap={4} wrap>
          <Tag color={stepColor(c.step)} style={{ marginInlineEnd: 0 }}>
            {label(STEP_TEXT, c.step, lt)}
          </Tag>
          {c.returnCount ? <Tag color="orange">{ht('case.returns', { n: c.returnCount })}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'clueAt',
      title: ht('case.clueAt'),
      width: 110,
      render: (c) => dayjs(c.clueAt).format('YYYY-MM-DD'),
    },
    { key: 'deadline', title: ht('case.deadline'), width: 230, render: (c) => <CaseDeadlineTags item={c} /> },
    {
      key: 'next',
      title: ht('case.next'),
      width: 200,
      render: (c) =>
        c.actions.length ? (
          c.actions.map((a) => lt(CASE_ACTION_LABELS[a])).join('、')
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { key: 'actions', title: '', width: 90, fixed: 'right', hideInCard: true, render: handle },
  ];

  return (
    <>
      <PageHeader title={ht('case.queueTitle')} description={ht('case.queueDescription')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'queue', label: `${ht('case.queue')}${queue.data ? `（${queue.data.length}）` : ''}` },
            { value: 'all', label: ht('case.all') },
          ]}
        />
        {view === 'all' ? (
          <Checkbox checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)}>
            {ht('case.openOnly')}
          </Checkbox>
        ) : null}
      </Flex>
      {error ? (
        <QueryError
          error={error}
          onRetry={() => void (view === 'queue' ? queue.refetch() : pages.refetch())}
        />
      ) : null}
      <ResponsiveTable<CaseSummary>
        ariaLabel={view === 'queue' ? ht('case.queue') : ht('case.all')}
        columns={columns}
        data={rows}
        rowKey={(c) => c.id}
        loading={loading}
        emptyText={view === 'queue' ? ht('case.emptyQueue') : ht('case.empty')}
        scrollX={1170}
        cardTitle={(c) => (
          <Flex justify="space-between" align="center" gap={8}>
            <Link to={`/cases/${c.id}`}>{c.headName}</Link>
            <Tag color={stepColor(c.step)} style={{ marginInlineEnd: 0 }}>
              {label(STEP_TEXT, c.step, lt)}
            </Tag>
          </Flex>
        )}
        cardActions={handle}
      />
      {view === 'all' ? (
        <LoadMore
          loaded={allRows.length}
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          onLoadMore={() => void pages.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
