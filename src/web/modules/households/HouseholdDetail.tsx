import { ArrowLeftOutlined, EditOutlined, FlagOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Spin,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { revealMemberPii } from '../../api/households';
import { RevealButton } from '../../ui/RevealButton';
import { Link } from 'react-router';
import { CASE_KIND_LABELS } from '../../../core/households/case-machine';
import type { CaseSummary } from '../../../core/households/cases.schemas';
import type { LocalizedText } from '../../../core/errors/errors';
import type { Measure, Member } from '../../../core/households/households.schemas';
import { criterionText, criterionValueText } from '../../../core/monitoring/criteria';
import { flagTitle } from '../../../core/monitoring/rules';
import { useI18n } from '../../i18n/useI18n';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { ResponsiveTable, type ResponsiveColumn } from '../../ui/ResponsiveTable';
import { useCurrentUser } from '../auth/useCurrentUser';
import { CaseDeadlineTags } from '../cases/CaseDeadlineTags';
import { StatusTag } from './HouseholdList';
import { canRevealMemberPii, canWriteHousehold, canWriteMeasures } from './householdPermissions';
import { HouseholdFormDrawer } from './HouseholdFormDrawer';
import {
  useConfiguredYears,
  useHousehold,
  useHouseholdCases,
  useHouseholdYear,
  useMeasures,
  useTimeline,
} from './householdQueries';
import {
  ATTRIBUTE_TEXT,
  DEEP_GROUP_TEXT,
  HEALTH_TEXT,
  LABOUR_TEXT,
  MEASURE_TYPE_TEXT,
  MONITORING_TYPE_TEXT,
  RELATION_TEXT,
  RISK_CAUSE_TEXT,
  SCHOOLING_TEXT,
  SEX_TEXT,
  STEP_TEXT,
  formatYuan,
  label,
  stepColor,
} from './labels';
import { MeasureFormDrawer } from './MeasureFormDrawer';
import { MemberFormDrawer } from './MemberFormDrawer';
import { MemberLeaveModal } from './MemberLeaveModal';
import { ProposeCaseModal } from './ProposeCaseModal';
import { useHt } from './text';
import { defaultYear, yearChoices } from './yearForm';
import { YearFormDrawer } from './YearFormDrawer';
import { YearPicker } from './YearPicker';

type Criterion = NonNullable<ReturnType<typeof useHouseholdYear>['data']>['assessment'][number];

const CASE_KIND_TEXT: Record<string, LocalizedText> = { ...CASE_KIND_LABELS };

const VERDICT_COLOR = { met: 'green', not_met: 'red', unknown: 'default' } as const;

const dateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** 202611 → 2026-11. */
const yearMonth = (ym: string | null) =>
  ym && /^\d{6}$/.test(ym) ? `${ym.slice(0, 4)}-${ym.slice(4)}` : (ym ?? '—');

/** 家庭详情: members, the year's assessment and flags with their explanations, measures, cases, timeline. */
export function HouseholdDetail({ id }: { id: number }) {
  const me = useCurrentUser();
  const { t, lt } = useI18n();
  const ht = useHt();
  const household = useHousehold(id);
  const configured = useConfiguredYears();
  const configuredYears = (configured.data ?? []).map((c) => c.year);
  const dataYears = household.data?.years ?? [];
  const [pickedYear, setPickedYear] = useState<number | null>(null);
  const year = pickedYear ?? defaultYear(dataYears, configuredYears);
  const years = yearChoices(dataYears, configuredYears);
  const yearConfig = configured.data?.find((c) => c.year === year) ?? null;
  const yearData = useHouseholdYear(id, year);
  const measures = useMeasures(id);
  const timeline = useTimeline(id);
  const cases = useHouseholdCases(id);
  const [proposing, setProposing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [editingYear, setEditingYear] = useState(false);
  /** The member drawer: undefined closed, null a new member, else the member edited. */
  const [memberForm, setMemberForm] = useState<Member | null | undefined>(undefined);
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [measureForm, setMeasureForm] = useState<Measure | null | undefined>(undefined);

  if (household.error) return <QueryError error={household.error} onRetry={() => void household.refetch()} />;
  if (!household.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const h = household.data;
  const openCase = cases.data?.find((c) => !c.closedAt);
  const canPropose = ['admin', 'town', 'village'].includes(me.role) && h.active;
  const canWrite = canWriteHousehold(me, h) && h.active;
  const canMeasure = canWriteMeasures(me, h) && h.active;
  const canReveal = canRevealMemberPii(me, h);
  const flags = yearData.data?.flags ?? [];
  const noYearData = year !== null && yearData.isSuccess && yearData.data === null;
  const proposeLabel = h.monitoringStatus === 'monitored' ? ht('hh.proposeChangeExit') : ht('hh.propose');

  const memberColumns: ResponsiveColumn<Member>[] = [
    {
      key: 'name',
      title: ht('hh.name'),
      width: 90,
      hideInCard: true,
      render: (m) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {m.name}
          {!m.active ? <Tag style={{ marginInlineStart: 4 }}>{ht('hh.left')}</Tag> : null}
        </span>
      ),
    },
    {
      key: 'relation',
      title: ht('hh.relation'),
      // Wide enough for "granddaughter" on one line.
      width: 115,
      render: (m) => label(RELATION_TEXT, m.relation, lt),
    },
    {
      key: 'id',
      title: ht('hh.idNumber'),
      width: 200,
      render: (m) => (
        <Flex gap={4} align="center" wrap>
          <Typography.Text code>{m.idNumberMasked}</Typography.Text>
          {canReveal ? (
            <RevealButton
              iconOnly
              text={{
                button: ht('hh.revealId'),
                hint: ht('hh.revealHint'),
                purpose: ht('hh.revealPurpose'),
                purposeRule: ht('hh.revealPurposeRule'),
                confirm: ht('hh.revealConfirm'),
              }}
              reveal={(purpose) => revealMemberPii(h.id, m.id, 'idNumber', purpose).then((r) => r.value)}
            />
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'sexAge',
      title: ht('hh.sexAge'),
      width: 90,
      render: (m) => `${label(SEX_TEXT, m.sex, lt)} / ${m.age}`,
    },
    {
      key: 'deep',
      title: ht('hh.deepGroup'),
      width: 170,
      // R12 is what this page is for: early in the row, in view without scrolling the table.
      render: (m) => <MemberDeepGroups member={m} />,
    },
    { key: 'health', title: ht('hh.health'), width: 100, render: (m) => label(HEALTH_TEXT, m.health, lt) },
    { key: 'disability', title: ht('hh.disability'), width: 110, render: (m) => m.disability?.label ?? '—' },
    { key: 'labour', title: ht('hh.labour'), width: 130, render: (m) => label(LABOUR_TEXT, m.labour, lt) },
    {
      key: 'schooling',
      title: ht('hh.schooling'),
      width: 100,
      render: (m) => label(SCHOOLING_TEXT, m.schooling, lt),
    },
    {
      key: 'insurance',
      // The short word keeps the narrow column from breaking "Medical insurance" mid-word.
      title: <span title={ht('hh.medicalInsurance')}>{ht('hh.medicalInsuranceShort')}</span>,
      width: 80,
      render: (m) => (m.medicalInsurance === null ? '—' : m.medicalInsurance ? t('app.yes') : t('app.no')),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: ht('hh.actions'),
            width: 120,
            fixed: 'right' as const,
            hideInCard: true,
            render: (m: Member) => memberActions(m),
          },
        ]
      : []),
  ];

  const criterionColumns: ResponsiveColumn<Criterion>[] = [
    {
      key: 'label',
      title: ht('hh.criterion'),
      width: 150,
      hideInCard: true,
      render: (c) => lt(criterionText(c.key)),
    },
    {
      key: 'value',
      title: ht('hh.value'),
      width: 120,
      render: (c) => lt(criterionValueText(c.key, c.value)),
    },
    {
      key: 'verdict',
      title: ht('hh.verdict'),
      width: 90,
      hideInCard: true,
      render: (c) => <VerdictTag verdict={c.verdict} />,
    },
    { key: 'explanation', title: ht('hh.explanation'), render: (c) => lt(c.explanation) },
  ];

  const measureColumns: ResponsiveColumn<Measure>[] = [
    {
      key: 'type',
      title: ht('hh.measureType'),
      width: 130,
      hideInCard: true,
      render: (m) => label(MEASURE_TYPE_TEXT, m.type, lt),
    },
    { key: 'desc', title: ht('hh.measureDesc'), render: (m) => m.description },
    {
      key: 'deep',
      title: ht('hh.deepGroup'),
      width: 100,
      render: (m) => (m.deepGroup ? label(DEEP_GROUP_TEXT, m.deepGroup, lt) : '—'),
    },
    {
      key: 'responsible',
      title: ht('hh.responsible'),
      width: 100,
      render: (m) => m.responsiblePerson ?? '—',
    },
    {
      key: 'period',
      title: ht('hh.period'),
      width: 190,
      render: (m) => `${m.startDate} ~ ${m.endDate ?? ''}`,
    },
    { key: 'outcome', title: ht('hh.outcome'), width: 160, render: (m) => m.outcome ?? '—' },
    ...(canMeasure
      ? [
          {
            key: 'actions',
            title: '',
            width: 80,
            hideInCard: true,
            render: (m: Measure) => measureAction(m),
          },
        ]
      : []),
  ];

  const caseColumns: ResponsiveColumn<CaseSummary>[] = [
    {
      key: 'id',
      title: '#',
      width: 70,
      hideInCard: true,
      render: (c) => <Link to={`/cases/${c.id}`}>#{c.id}</Link>,
    },
    {
      key: 'kind',
      title: ht('case.kind'),
      width: 200,
      render: (c) =>
        `${label(CASE_KIND_TEXT, c.kind, lt)}${c.proposedType ? `${lt({ zh: '：', en: ': ' })}${label(MONITORING_TYPE_TEXT, c.proposedType, lt)}` : ''}`,
    },
    {
      key: 'step',
      title: ht('case.step'),
      width: 150,
      render: (c) => <Tag color={stepColor(c.step)}>{label(STEP_TEXT, c.step, lt)}</Tag>,
    },
    { key: 'clueAt', title: ht('case.clueAt'), width: 150, render: (c) => dateTime(c.clueAt) },
    { key: 'deadline', title: ht('case.deadline'), render: (c) => <CaseDeadlineTags item={c} /> },
  ];

  function memberActions(m: Member) {
    if (!m.active)
      return m.leftReason ? <Typography.Text type="secondary">{m.leftReason}</Typography.Text> : null;
    return (
      <Flex gap={4} wrap>
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setMemberForm(m)}
          aria-label={`${ht('hh.edit')} ${m.name}`}
        >
          {ht('hh.edit')}
        </Button>
        {m.relation !== 'head' ? (
          <Button
            size="small"
            danger
            onClick={() => setLeaving(m)}
            aria-label={`${ht('hh.leave')} ${m.name}`}
          >
            {ht('hh.leave')}
          </Button>
        ) : null}
      </Flex>
    );
  }
  const measureAction = (m: Measure) => (
    <Button size="small" icon={<EditOutlined />} onClick={() => setMeasureForm(m)}>
      {ht('hh.edit')}
    </Button>
  );
  const yearButton =
    canWrite && year !== null ? (
      <Button
        size="small"
        type={noYearData ? 'primary' : 'default'}
        icon={noYearData ? <PlusOutlined /> : <EditOutlined />}
        onClick={() => setEditingYear(true)}
        disabled={yearData.isPending}
      >
        {noYearData ? ht('hh.enterYear', { year }) : ht('hh.editYear', { year })}
      </Button>
    ) : null;

  return (
    <>
      <Link to="/households">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
          {ht('hh.back')}
        </Button>
      </Link>
      <PageHeader
        title={h.headName}
        tags={
          <>
            <StatusTag status={h.monitoringStatus} type={h.monitoringType} />
            {h.deepGroups.map((g) => (
              <Tag key={g} color="purple">
                {label(DEEP_GROUP_TEXT, g, lt)}
              </Tag>
            ))}
            {!h.active ? <Tag>{ht('hh.inactive')}</Tag> : null}
          </>
        }
        description={[h.townName, h.regionName, h.villageGroup].filter(Boolean).join(' · ')}
        extra={
          <>
            {canWrite ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {ht('hh.edit')}
              </Button>
            ) : null}
            {canPropose ? (
              openCase ? (
                <Link to={`/cases/${openCase.id}`}>
                  <Button>
                    {ht('hh.openCaseExists')}：{label(STEP_TEXT, openCase.step, lt)}
                  </Button>
                </Link>
              ) : (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)}>
                  {proposeLabel}
                </Button>
              )
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 0 }}>
          <Card title={ht('hh.basic')} size="small">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'no', label: ht('hh.householdNo'), children: h.householdNo ?? '—' },
                {
                  key: 'attribute',
                  label: ht('hh.attribute'),
                  children: label(ATTRIBUTE_TEXT, h.attribute, lt),
                },
                {
                  key: 'address',
                  label: ht('hh.address'),
                  children: [h.villageGroup, h.address].filter(Boolean).join(' ') || '—',
                },
                { key: 'phone', label: ht('hh.phone'), children: h.phoneMasked ?? '—' },
                {
                  key: 'bank',
                  label: ht('hh.bank'),
                  children: h.bankAccountMasked ? `${h.bankName ?? ''} ${h.bankAccountMasked}` : '—',
                },
                {
                  key: 'since',
                  label: ht('hh.monitoringSince'),
                  children: yearMonth(h.monitoringSince),
                },
                ...(h.monitoringUntil
                  ? [
                      {
                        key: 'until',
                        label: ht('hh.monitoringUntil'),
                        children: yearMonth(h.monitoringUntil),
                      },
                    ]
                  : []),
                {
                  key: 'causes',
                  label: ht('hh.riskCauses'),
                  children: h.riskCauses.length
                    ? h.riskCauses
                        .map((c) => label(RISK_CAUSE_TEXT, c, lt) + (c === h.mainCause ? '*' : ''))
                        .join('、')
                    : h.mainCause
                      ? label(RISK_CAUSE_TEXT, h.mainCause, lt)
                      : '—',
                },
                { key: 'assist', label: ht('hh.assist'), children: h.assistPerson ?? '—' },
                {
                  key: 'income',
                  label: year ? `${ht('hh.income')}（${year}）` : ht('hh.income'),
                  children: yearData.data
                    ? ht('hh.yuan', { n: formatYuan(yearData.data.perCapitaNetIncome) })
                    : '—',
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 0 }} lg={{ span: 14, order: 1 }}>
          <Card
            title={
              <span>
                <FlagOutlined /> {ht('hh.flagsTitle')}
                {year ? (
                  <Typography.Text type="secondary">（{ht('hh.yearN', { year })}）</Typography.Text>
                ) : null}
              </span>
            }
            size="small"
            extra={
              <YearPicker
                value={year}
                onChange={setPickedYear}
                years={years}
                recorded={dataYears}
                loading={configured.isPending}
              />
            }
          >
            {year === null || noYearData ? (
              <Flex vertical align="center" gap={8}>
                <Empty description={ht('hh.noYear')} />
                {yearButton}
              </Flex>
            ) : yearData.error ? (
              <QueryError error={yearData.error} onRetry={() => void yearData.refetch()} />
            ) : !yearData.data ? (
              <Spin />
            ) : flags.length === 0 ? (
              <Typography.Text type="secondary">{ht('hh.noFlags', { year: year })}</Typography.Text>
            ) : (
              <Flex vertical gap={8} role="list" aria-label={ht('hh.flagsTitle')}>
                {flags.map((f) => (
                  <Alert
                    key={`${f.rule}-${f.criterionKey ?? ''}`}
                    role="listitem"
                    type="warning"
                    showIcon
                    title={
                      <Flex gap={8} wrap align="center">
                        <strong>{lt(flagTitle(f.rule, f.criterionKey))}</strong>
                        <Tag
                          color="orange"
                          style={{ marginInlineEnd: 0, whiteSpace: 'normal', maxWidth: '100%' }}
                        >
                          {ht('hh.suggested', { type: label(MONITORING_TYPE_TEXT, f.suggestedType, lt) })}
                        </Tag>
                      </Flex>
                    }
                    description={lt(f.explanation)}
                  />
                ))}
              </Flex>
            )}
            {yearData.data?.notEvaluated.length ? (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
                {ht('hh.notEvaluated')}
                {yearData.data.notEvaluated
                  .map((n) => notEvaluatedText(n, yearData.data?.assessment ?? [], lt))
                  .join(lt({ zh: '；', en: '; ' }))}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
      </Row>

      <Section
        title={ht('hh.members')}
        extra={
          canWrite ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setMemberForm(null)}>
              {ht('hh.addMember')}
            </Button>
          ) : null
        }
      >
        <ResponsiveTable<Member>
          ariaLabel={ht('hh.members')}
          columns={memberColumns}
          data={h.members}
          rowKey={(m) => m.id}
          scrollX={canWrite ? 1350 : 1230}
          cardActions={canWrite ? memberActions : undefined}
          cardTitle={(m) => (
            <span>
              {m.name}{' '}
              <Typography.Text type="secondary">{label(RELATION_TEXT, m.relation, lt)}</Typography.Text>
              {!m.active ? <Tag style={{ marginInlineStart: 4 }}>{ht('hh.left')}</Tag> : null}
            </span>
          )}
        />
      </Section>

      <Section
        title={year ? `${ht('hh.assessment')}（${year}）` : ht('hh.assessment')}
        extra={noYearData ? null : yearButton}
      >
        {year === null || noYearData ? (
          <Empty description={ht('hh.noYear')} />
        ) : (
          <ResponsiveTable<Criterion>
            ariaLabel={ht('hh.assessment')}
            columns={criterionColumns}
            data={yearData.data?.assessment ?? []}
            rowKey={(c) => c.key}
            loading={yearData.isPending}
            cardTitle={(c) => (
              <Flex justify="space-between" gap={8} align="center">
                <span>{lt(criterionText(c.key))}</span>
                <VerdictTag verdict={c.verdict} />
              </Flex>
            )}
          />
        )}
      </Section>

      <Section
        title={ht('hh.measures')}
        extra={
          canMeasure ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setMeasureForm(null)}>
              {ht('hh.addMeasure')}
            </Button>
          ) : null
        }
      >
        {measures.error ? <QueryError error={measures.error} /> : null}
        <ResponsiveTable<Measure>
          ariaLabel={ht('hh.measures')}
          columns={measureColumns}
          data={measures.data ?? []}
          rowKey={(m) => m.id}
          loading={measures.isPending}
          emptyText={ht('hh.noMeasures')}
          scrollX={900}
          cardTitle={(m) => label(MEASURE_TYPE_TEXT, m.type, lt)}
          cardActions={canMeasure ? measureAction : undefined}
        />
      </Section>

      <Section title={ht('hh.cases')}>
        {cases.error ? <QueryError error={cases.error} /> : null}
        <ResponsiveTable<CaseSummary>
          ariaLabel={ht('hh.cases')}
          columns={caseColumns}
          data={cases.data ?? []}
          rowKey={(c) => c.id}
          loading={cases.isPending}
          emptyText={ht('hh.noCases')}
          cardTitle={(c) => <Link to={`/cases/${c.id}`}>#{c.id}</Link>}
        />
      </Section>

      <Section title={ht('hh.timeline')}>
        {timeline.error ? <QueryError error={timeline.error} /> : null}
        {timeline.isPending ? (
          <Spin />
        ) : timeline.data?.length ? (
          <Timeline
            items={timeline.data.map((e) => ({
              key: e.id,
              content: (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dateTime(e.at)}
                    {e.actorUsername ? ` · ${e.actorUsername}` : ''}
                  </Typography.Text>
                  <div>{lt(e.summary)}</div>
                </div>
              ),
            }))}
          />
        ) : (
          <Empty description={ht('hh.noTimeline')} />
        )}
      </Section>

      {canWrite ? (
        <>
          <HouseholdFormDrawer household={h} open={editing} onClose={() => setEditing(false)} />
          <MemberFormDrawer
            key={memberForm === undefined ? 'closed' : (memberForm?.id ?? 'new')}
            household={h}
            member={memberForm ?? null}
            open={memberForm !== undefined}
            onClose={() => setMemberForm(undefined)}
          />
          <MemberLeaveModal householdId={h.id} member={leaving} onClose={() => setLeaving(null)} />
          {year !== null && yearData.isSuccess ? (
            <YearFormDrawer
              key={year}
              householdId={h.id}
              year={year}
              current={yearData.data}
              size={h.size}
              config={yearConfig}
              open={editingYear}
              onClose={() => setEditingYear(false)}
            />
          ) : null}
        </>
      ) : null}
      {canMeasure ? (
        <MeasureFormDrawer
          key={measureForm === undefined ? 'closed' : (measureForm?.id ?? 'new')}
          household={h}
          measure={measureForm ?? null}
          open={measureForm !== undefined}
          onClose={() => setMeasureForm(undefined)}
        />
      ) : null}
      {canPropose && !openCase ? (
        <ProposeCaseModal
          household={h}
          open={proposing}
          onClose={() => setProposing(false)}
          suggestedType={flags[0]?.suggestedType ?? null}
        />
      ) : null}
    </>
  );
}

type NotEvaluatedItem = NonNullable<ReturnType<typeof useHouseholdYear>['data']>['notEvaluated'][number];

/**
 * A criterion that could not be judged, named by its label in the interface language with the
 * criterion's own explanation (results stored before the English labels said its key instead).
 */
function notEvaluatedText(
  n: NotEvaluatedItem,
  assessment: readonly Criterion[],
  lt: (t: LocalizedText) => string,
): string {
  const c = n.criterionKey ? assessment.find((a) => a.key === n.criterionKey) : undefined;
  if (!c) return lt(n.reason);
  return lt({
    zh: `${criterionText(c.key).zh}：${c.explanation.zh}`,
    en: `${criterionText(c.key).en}: ${c.explanation.en}`,
  });
}

/**
 * A member's R12 groups: derived ones as plain tags, hand-set ones marked 手工认定 with their evidence
 * in a tooltip (a group both derived and set by hand shows as set by hand, with its evidence).
 */
function MemberDeepGroups({ member }: { member: Member }) {
  const { lt } = useI18n();
  const ht = useHt();
  const manual = new Map(member.deepGroupsManual.map((g) => [g.group, g.evidence]));
  const derived = member.deepGroups.filter((g) => !manual.has(g));
  if (!derived.length && !manual.size) return <>—</>;
  return (
    <Flex gap={4} wrap>
      {derived.map((g) => (
        <Tag key={g} color="purple" style={{ marginInlineEnd: 0 }}>
          {label(DEEP_GROUP_TEXT, g, lt)}
        </Tag>
      ))}
      {[...manual].map(([g, evidence]) => (
        <Tooltip key={g} title={ht('hh.deepManualEvidenceTip', { evidence })} trigger={['hover', 'focus']}>
          <Tag
            color="magenta"
            tabIndex={0}
            style={{ marginInlineEnd: 0, cursor: 'help', whiteSpace: 'normal' }}
            data-testid="deep-manual"
          >
            {label(DEEP_GROUP_TEXT, g, lt)} · {ht('hh.deepManualTag')}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

function VerdictTag({ verdict }: { verdict: Criterion['verdict'] }) {
  const ht = useHt();
  const text = verdict === 'met' ? ht('hh.met') : verdict === 'not_met' ? ht('hh.notMet') : ht('hh.unknown');
  return (
    <Tag color={VERDICT_COLOR[verdict]} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}

function Section({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} extra={extra} size="small" style={{ marginTop: 16 }}>
      {children}
    </Card>
  );
}
