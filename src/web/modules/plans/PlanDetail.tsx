import {
  DeleteOutlined,
  EditOutlined,
  FormOutlined,
  LineChartOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Indicator, Plan } from '../../../core/plan/plan-model.schemas';
import { errorMessage } from '../../api/ApiError';
import { deleteIndicator, updatePlan } from '../../api/plans';
import { useI18n } from '../../i18n/useI18n';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useUnits } from '../units/unitQueries';
import { targetText } from '../progress/format';
import { IndicatorFormDrawer } from './IndicatorFormDrawer';
import { ManualValuesDrawer } from './ManualValuesDrawer';
import { measurementText } from './measurementText';
import { plansKey, usePlan } from './planQueries';
import { todayInChina, defaultAsOf } from '../progress/asOf';

function allIndicators(plan: Plan): Indicator[] {
  return [...plan.sections.flatMap((s) => s.clauses.flatMap((c) => c.indicators)), ...plan.otherIndicators];
}

/** 工作要点详情: the plan's indicators (the office edits them and enters manual figures) and its clauses. */
export function PlanDetail({ planId }: { planId: number }) {
  const me = useCurrentUser();
  const { t, lt, lang } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const plan = usePlan(planId);
  const units = useUnits();
  const admin = me.role === 'admin';
  const [editing, setEditing] = useState<{ indicator: Indicator | null } | null>(null);
  const [manual, setManual] = useState<Indicator | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [titleForm] = Form.useForm<{ title: string }>();
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);

  const remove = useMutation({
    mutationFn: (i: Indicator) => deleteIndicator(i.id),
    onSuccess: async () => {
      void message.success(t('plans.indicatorDeleted'));
      await queryClient.invalidateQueries({ queryKey: plansKey });
      await queryClient.invalidateQueries({ queryKey: ['progress'] });
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const rename = useMutation({
    mutationFn: (title: string) => updatePlan(planId, { title }),
    onSuccess: async () => {
      void message.success(t('app.saved'));
      setRenaming(false);
      await queryClient.invalidateQueries({ queryKey: plansKey });
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });

  if (plan.error) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const p = plan.data;
  const indicators = allIndicators(p);
  const defaultDate = defaultAsOf(p.year, todayInChina()).asOf;

  const handleDelete = (i: Indicator) =>
    modal.confirm({
      title: t('plans.deleteIndicator'),
      content: t('plans.deleteIndicatorConfirm', { name: i.name }),
      okText: t('activities.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () => remove.mutateAsync(i),
    });

  const actions = (i: Indicator) => (
    <Flex gap={0} wrap>
      {i.measurement.kind === 'manual' ? (
        <Button size="small" type="link" icon={<FormOutlined />} onClick={() => setManual(i)}>
          {admin ? t('plans.enterFigures') : t('plans.figures')}
        </Button>
      ) : null}
      {admin ? (
        <>
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => setEditing({ indicator: i })}
          >
            {t('app.edit')}
          </Button>
          <Button size="small" type="link" danger icon={<DeleteOutlined />} onClick={() => handleDelete(i)}>
            {t('activities.delete')}
          </Button>
        </>
      ) : null}
    </Flex>
  );

  const columns: ResponsiveColumn<Indicator>[] = [
    { key: 'clause', title: t('plans.clause'), width: 80, render: (i) => i.clauseRef ?? '—' },
    { key: 'name', title: t('plans.indicatorName'), width: 200, render: (i) => i.name, hideInCard: true },
    {
      key: 'target',
      title: t('plans.target'),
      width: 110,
      render: (i) => targetText({ ...i, target: i.value, targetMax: i.valueMax }, lang),
    },
    {
      key: 'deadline',
      title: t('plans.deadline'),
      width: 140,
      render: (i) => (i.deadline ? `${i.deadline.label}（${i.dueDate}）` : i.dueDate),
    },
    { key: 'scope', title: t('plans.scope'), width: 90, render: (i) => t(`plans.scope.${i.scope}`) },
    { key: 'measurement', title: t('plans.measurement'), render: (i) => measurementText(i.measurement, lt) },
    {
      key: 'lead',
      title: t('plans.leadUnit'),
      width: 130,
      render: (i) => (i.leadUnitId ? (unitName.get(i.leadUnitId) ?? i.leadUnitId) : '—'),
    },
    {
      key: 'actions',
      title: t('app.actions'),
      width: admin ? 250 : 130,
      render: actions,
      hideInCard: true,
      fixed: 'right',
    },
  ];

  return (
    <>
      <PageHeader
        title={p.title}
        tags={
          <>
            <Tag color="blue">{t('plans.yearTag', { year: p.year })}</Tag>
            {admin ? null : <Tag>{t('app.readOnly')}</Tag>}
          </>
        }
        extra={
          <>
            <Link to={`/progress?plan=${p.id}`}>
              <Button icon={<LineChartOutlined />}>{t('plans.viewProgress')}</Button>
            </Link>
            {admin ? (
              <>
                <Button
                  icon={<EditOutlined />}
                  onClick={() => {
                    titleForm.setFieldsValue({ title: p.title });
                    setRenaming(true);
                  }}
                >
                  {t('plans.rename')}
                </Button>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing({ indicator: null })}
                >
                  {t('plans.addIndicator')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Tabs
        items={[
          {
            key: 'indicators',
            label: t('plans.indicatorsTab', { n: indicators.length }),
            children: (
              <ResponsiveTable<Indicator>
                ariaLabel={t('plans.indicatorsTab', { n: indicators.length })}
                columns={columns}
                data={indicators}
                rowKey={(i) => i.id}
                scrollX={admin ? 1230 : 1100}
                emptyText={t('plans.noTargets')}
                cardTitle={(i) => <Typography.Text strong>{i.name}</Typography.Text>}
                cardActions={actions}
                expandedRender={(i) =>
                  i.sourceText ? (
                    <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                      {i.sourceText}
                    </Typography.Paragraph>
                  ) : null
                }
                canExpand={(i) => !!i.sourceText}
                expandLabel={t('plans.source')}
              />
            ),
          },
          {
            key: 'clauses',
            label: t('plans.clausesTab'),
            children: p.sections.map((s) => (
              <div key={s.id} style={{ marginBottom: 16 }}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {s.title}
                </Typography.Title>
                {s.clauses.map((c) => (
                  <Typography.Paragraph key={c.id} style={{ marginInlineStart: 12 }}>
                    <Typography.Text type="secondary">[{c.ref}]</Typography.Text> {c.text}
                    {c.indicators.length ? (
                      <span style={{ marginInlineStart: 8 }}>
                        {c.indicators.map((i) => (
                          <Tag key={i.id} color="geekblue" style={{ marginTop: 4 }}>
                            {i.name} {targetText({ ...i, target: i.value, targetMax: i.valueMax }, lang)}
                          </Tag>
                        ))}
                      </span>
                    ) : null}
                  </Typography.Paragraph>
                ))}
              </div>
            )),
          },
        ]}
      />
      {admin ? (
        <IndicatorFormDrawer
          open={editing !== null}
          plan={p}
          indicator={editing?.indicator ?? null}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ManualValuesDrawer
        indicator={manual}
        canAdd={admin}
        defaultDate={defaultDate}
        onClose={() => setManual(null)}
      />
      <Modal
        open={renaming}
        title={t('plans.rename')}
        onCancel={() => setRenaming(false)}
        onOk={() => titleForm.submit()}
        confirmLoading={rename.isPending}
        okText={t('app.save')}
        cancelText={t('app.cancel')}
        forceRender
      >
        <Form form={titleForm} layout="vertical" onFinish={(v) => rename.mutate(v.title.trim())}>
          <Form.Item
            name="title"
            label={t('plans.title')}
            rules={[{ required: true, whitespace: true, max: 300, message: t('app.required') }]}
          >
            <Input maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
