import { ArrowLeftOutlined, ArrowRightOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  ConfigProvider,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DIFFICULTY_LEVELS, SCREENING_AREAS, type ScreeningArea } from '../../../core/households/screening';
import { errorMessage } from '../../api/ApiError';
import {
  recordScreening,
  type Campaign,
  type CampaignHousehold,
  type DifficultyLevel,
  type ScreeningRecord,
} from '../../api/screening';
import { useI18n } from '../../i18n/useI18n';
import { QueryError } from '../../ui/QueryError';
import { apiErrorProblems, issuesToProblems, setFieldProblems } from '../../ui/formErrors';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useRegionLabel } from './regionNames';
import {
  buildScreeningBody,
  canRecordScreening,
  checkScreeningBody,
  formValuesOf,
  screeningFieldFor,
  type ScreeningFormValues,
} from './screeningForm';
import { findNextPending, screeningKey, useCampaignHousehold, useCampaignProgress } from './screeningQueries';
import { AREA_TEXT, LEVEL_TEXT, useSt } from './text';

/** The selected level colours its buttons: green for none, orange for some, red for severe. */
const LEVEL_COLOR: Record<DifficultyLevel, string> = { none: '#389e0d', some: '#d46b08', severe: '#cf1322' };
/** At least 48 px high: a thumb on a phone, not a mouse pointer. */
const TOUCH = { height: 48, lineHeight: '46px', paddingInline: 4, fontSize: 16 } as const;

function AreaBlock({ area, disabled }: { area: ScreeningArea; disabled: boolean }) {
  const { lt } = useI18n();
  const st = useSt();
  const level = (Form.useWatch(['difficulties', area, 'level']) as DifficultyLevel | undefined) ?? 'none';
  const label = lt(AREA_TEXT[area]);
  return (
    <Card size="small" title={label} style={{ marginBottom: 12 }} styles={{ header: { fontSize: 16 } }}>
      <ConfigProvider theme={{ token: { colorPrimary: LEVEL_COLOR[level] } }}>
        <Form.Item name={['difficulties', area, 'level']} style={{ marginBottom: 8 }}>
          <Radio.Group
            aria-label={label}
            optionType="button"
            buttonStyle="solid"
            size="large"
            block
            disabled={disabled}
            options={DIFFICULTY_LEVELS.map((l) => ({ value: l, label: lt(LEVEL_TEXT[l]), style: TOUCH }))}
          />
        </Form.Item>
      </ConfigProvider>
      <Form.Item name={['difficulties', area, 'note']} style={{ marginBottom: 0 }}>
        <Input
          size="large"
          maxLength={300}
          disabled={disabled}
          placeholder={st('sc.areaNote')}
          aria-label={`${label} ${st('sc.areaNote')}`}
        />
      </Form.Item>
    </Card>
  );
}

/** The verdict of a saved screening: at risk (with the server's reasons) or not. */
export function Verdict({ record, title }: { record: ScreeningRecord; title?: string }) {
  const { lt } = useI18n();
  const st = useSt();
  return (
    <Alert
      type={record.atRisk ? 'error' : 'success'}
      showIcon
      role="status"
      title={
        <Typography.Text strong style={{ fontSize: 16 }}>
          {title ? `${title}：` : ''}
          {record.atRisk ? st('sc.verdictAtRisk') : st('sc.verdictNoRisk')}
        </Typography.Text>
      }
      description={
        record.reasons.length ? (
          <ul aria-label={st('sc.reasons')} style={{ margin: 0, paddingInlineStart: 20 }}>
            {record.reasons.map((r) => (
              <li key={r.zh}>{lt(r)}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

interface ScreeningFormProps {
  campaign: Campaign;
  household: CampaignHousehold;
}

function ScreeningFormBody({ campaign, household }: ScreeningFormProps) {
  const me = useCurrentUser();
  const st = useSt();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ScreeningFormValues>();
  const [saved, setSaved] = useState<ScreeningRecord | null>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [findingNext, setFindingNext] = useState(false);
  const writable = canRecordScreening(me.role) && campaign.status === 'open';
  const listLink = `/screening/${campaign.id}${region ? `?region=${region}` : ''}`;

  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof recordScreening>[2]) =>
      recordScreening(campaign.id, household.householdId, input),
    onSuccess: async (record) => {
      setSaved(record);
      window.scrollTo({ top: 0 });
      void message.success(st('sc.saved'));
      await queryClient.invalidateQueries({ queryKey: screeningKey });
    },
    onError: (error) => {
      const left = setFieldProblems(form, apiErrorProblems(error, lang), screeningFieldFor);
      setUnplaced(left.map((p) => p.message));
      void message.error(errorMessage(error, lang));
    },
  });

  const handleSave = () => {
    setUnplaced([]);
    const checked = checkScreeningBody(buildScreeningBody(form.getFieldsValue(true) as ScreeningFormValues));
    if (!checked.ok) {
      const left = setFieldProblems(form, issuesToProblems(checked.issues, lang), screeningFieldFor);
      setUnplaced(left.map((p) => `${p.name.join('.')}: ${p.message}`));
      void message.error(st('sc.fixFields'));
      return;
    }
    mutation.mutate(checked.input);
  };

  const handleNext = async () => {
    setFindingNext(true);
    try {
      const next = await findNextPending(campaign.id, household.householdId, region);
      if (next === null) {
        void message.info(st('sc.noNext'));
        void navigate(listLink);
      } else {
        void navigate(`/screening/${campaign.id}/households/${next}${region ? `?region=${region}` : ''}`);
      }
    } catch (error) {
      void message.error(errorMessage(error, lang));
    } finally {
      setFindingNext(false);
    }
  };

  if (saved) {
    return (
      <>
        <Verdict record={saved} title={st('sc.verdictOf', { name: household.headName })} />
        <Flex vertical gap={12}>
          <Button
            type="primary"
            size="large"
            block
            icon={<ArrowRightOutlined />}
            loading={findingNext}
            onClick={() => void handleNext()}
            style={{ height: 52 }}
          >
            {st('sc.next')}
          </Button>
          <Button
            size="large"
            block
            icon={<EditOutlined />}
            onClick={() => setSaved(null)}
            style={{ height: 48 }}
          >
            {st('sc.editAgain')}
          </Button>
          <Link to={listLink}>
            <Button size="large" block style={{ height: 48 }}>
              {st('sc.toList')}
            </Button>
          </Link>
        </Flex>
      </>
    );
  }

  return (
    <>
      {household.record ? <Verdict record={household.record} /> : null}
      {!writable ? (
        <Alert
          type="info"
          showIcon
          title={campaign.status !== 'open' ? st('sc.readOnlyClosed') : st('sc.readOnlyRole')}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <Typography.Paragraph type="secondary">{st('sc.formHint')}</Typography.Paragraph>
      )}
      <Form<ScreeningFormValues>
        form={form}
        layout="vertical"
        initialValues={formValuesOf(household.record, dayjs().format('YYYY-MM-DD'))}
        disabled={!writable}
        scrollToFirstError
        clearOnDestroy
      >
        {SCREENING_AREAS.map((a) => (
          <AreaBlock key={a} area={a} disabled={!writable} />
        ))}
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item name="incomeLoss" label={st('sc.incomeLoss')} extra={st('sc.incomeLossHint')}>
            <InputNumber
              size="large"
              min={0}
              max={10_000_000}
              precision={2}
              inputMode="decimal"
              placeholder="0"
              suffix={st('sc.yuan')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="screenedOn" label={st('sc.screenedOn')} required>
            <DatePicker size="large" inputReadOnly allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={st('sc.note')} style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
          </Form.Item>
        </Card>
        {unplaced.length ? (
          <Alert
            type="error"
            showIcon
            title={st('sc.fixFields')}
            description={unplaced.join('；')}
            style={{ marginBottom: 12 }}
          />
        ) : null}
      </Form>
      {writable ? (
        <div
          style={{
            position: 'sticky',
            bottom: 0,
            padding: '12px 0',
            background: 'var(--ant-color-bg-layout, #f5f5f5)',
            zIndex: 2,
          }}
        >
          <Button
            type="primary"
            size="large"
            block
            loading={mutation.isPending}
            onClick={handleSave}
            style={{ height: 52, fontSize: 17 }}
          >
            {st('sc.save')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** 入户排查: one household's screening, laid out for a village cadre's phone. */
export function ScreeningForm({ campaignId, householdId }: { campaignId: number; householdId: number }) {
  const st = useSt();
  const [params] = useSearchParams();
  const region = params.get('region');
  const regionLabel = useRegionLabel();
  const progress = useCampaignProgress(campaignId);
  const household = useCampaignHousehold(campaignId, householdId);
  const error = progress.error ?? household.error;
  const campaign = progress.data?.campaign;
  const h = household.data;

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <div>
        <Link to={`/screening/${campaignId}${region ? `?region=${region}` : ''}`}>
          <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
            {st('sc.toList')}
          </Button>
        </Link>
      </div>
      {error ? (
        <QueryError
          error={error}
          onRetry={() => void (progress.error ? progress.refetch() : household.refetch())}
        />
      ) : null}
      {!error && (!campaign || !h) ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {campaign && h ? (
        <>
          <Typography.Text type="secondary">
            {st('sc.form')} · {campaign.name}
          </Typography.Text>
          <Typography.Title level={3} style={{ margin: '4px 0 4px' }}>
            {h.headName}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
            {[regionLabel(h.regionCode), h.householdNo, st('sc.persons', { n: h.size })]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Paragraph>
          <ScreeningFormBody key={h.householdId} campaign={campaign} household={h} />
        </>
      ) : null}
    </div>
  );
}
