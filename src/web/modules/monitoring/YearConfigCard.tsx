import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import type { YearConfig } from '../../../core/monitoring/config';
import { errorMessage } from '../../api/ApiError';
import { reevaluateYear, type ReevaluateResult } from '../../api/monitoring';
import { useI18n } from '../../i18n/useI18n';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { monitoringKey } from './monitoringQueries';
import { useMt } from './text';
import { describeThresholds } from './thresholds';
import { YearConfigDrawer } from './YearConfigDrawer';

interface YearConfigCardProps {
  year: number;
  /** The year's thresholds; null when the year has none. */
  config: YearConfig | null;
  /** What a new year's form starts from (the nearest configured year). */
  template: YearConfig | null;
  canEdit: boolean;
}

/** Every cached figure that a year's evaluation feeds: this page, the household list and pages. */
async function refreshAfterEvaluation(queryClient: ReturnType<typeof useQueryClient>) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: monitoringKey }),
    queryClient.invalidateQueries({ queryKey: ['households'] }),
    queryClient.invalidateQueries({ queryKey: ['monitoring-year'] }),
  ]);
}

/** 年度监测参数 in words; the office edits them and runs the year's bulk re-evaluation. */
export function YearConfigCard({ year, config, template, canEdit }: YearConfigCardProps) {
  const { t, lt, lang } = useI18n();
  const mt = useMt();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [result, setResult] = useState<ReevaluateResult | null>(null);

  const reevaluation = useMutation({
    mutationFn: () => reevaluateYear(year),
    onSuccess: async (r) => {
      setResult(r);
      setSaved(null);
      await refreshAfterEvaluation(queryClient);
    },
    onError: (error) => void message.error(errorMessage(error, lang)),
  });

  const handleEdit = () => setEditing(true);
  const handleClose = () => setEditing(false);
  const handleSaved = async () => {
    setEditing(false);
    setSaved(year);
    setResult(null);
    await refreshAfterEvaluation(queryClient);
  };
  const handleReevaluate = () => reevaluation.mutate();

  const reevaluateButton = (
    <Popconfirm
      title={mt('mon.reevaluateTitle', { year })}
      description={<div style={{ maxWidth: 280 }}>{mt('mon.reevaluateText')}</div>}
      okText={t('app.confirm')}
      cancelText={t('app.cancel')}
      onConfirm={handleReevaluate}
    >
      <Button loading={reevaluation.isPending}>{mt('mon.reevaluate')}</Button>
    </Popconfirm>
  );

  const extra = canEdit ? (
    <Flex gap={8} wrap>
      <Button type={config ? 'default' : 'primary'} onClick={handleEdit}>
        {config ? mt('mon.edit') : mt('mon.create')}
      </Button>
      {config ? reevaluateButton : null}
    </Flex>
  ) : null;

  return (
    <Card
      title={`${mt('mon.config')} · ${mt('mon.yearN', { year })}`}
      extra={narrow ? null : extra}
      style={{ marginBottom: 16 }}
    >
      {narrow && extra ? <div style={{ marginBottom: 12 }}>{extra}</div> : null}
      {saved === year && result === null ? (
        <Alert
          type="success"
          showIcon
          title={mt('mon.reevaluateOffer')}
          action={reevaluateButton}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {result && result.year === year ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={mt('mon.reevaluated', {
            evaluated: result.evaluated,
            flagged: result.flagged,
            seconds: (result.ms / 1000).toFixed(1),
          })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {config ? (
        <Descriptions
          column={1}
          size="small"
          bordered={!narrow}
          layout={narrow ? 'vertical' : 'horizontal'}
          aria-label={mt('mon.config')}
          items={describeThresholds(config).map((line) => ({
            key: line.key,
            label: lt(line.label),
            children: lt(line.text),
          }))}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={canEdit ? mt('mon.configMissingAdmin', { year }) : mt('mon.configMissing', { year })}
        />
      )}
      {!canEdit ? (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {mt('mon.readOnlyNote')}
        </Typography.Paragraph>
      ) : null}
      {canEdit ? (
        <YearConfigDrawer
          open={editing}
          year={year}
          initial={config ?? template}
          onClose={handleClose}
          onSaved={() => void handleSaved()}
        />
      ) : null}
    </Card>
  );
}
