import { ArrowLeftOutlined, DownloadOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Row,
  Select,
  Spin,
  Steps,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { CASE_ACTION_LABELS, OPEN_STEPS, type CaseAction } from '../../../core/households/case-machine';
import type { CaseDetail as CaseDetailData } from '../../../core/households/cases.schemas';
import { errorMessage } from '../../api/ApiError';
import {
  ATTACHMENT_ACCEPT,
  attachmentUrl,
  noticeUrl,
  uploadAttachment,
  type AttachmentKind,
} from '../../api/cases';
import { useI18n } from '../../i18n/useI18n';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useCurrentUser } from '../auth/useCurrentUser';
import { SOURCE_TEXT, STEP_TEXT, label, stepColor } from '../households/labels';
import { useHt } from '../households/text';
import { CaseActionModal, NEEDS_REASONS } from './CaseActionModal';
import { CaseDeadlineTags } from './CaseDeadlineTags';
import { useCase } from './caseQueries';

const KIND_LABELS: Record<AttachmentKind, { zh: string; en: string }> = {
  authorisation: { zh: '农户签字授权书', en: 'signed authorisation' },
  home_check: { zh: '入户核实记录', en: 'home-check record' },
  appraisal: { zh: '评议记录', en: 'appraisal minutes' },
  notice: { zh: '公示照片', en: 'notice photo' },
  other: { zh: '其他', en: 'other' },
};

const dateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** The procedure's steps as a progress bar; a rejected or withdrawn case stops where it ended. */
function ProcedureSteps({ item }: { item: CaseDetailData }) {
  const { lt } = useI18n();
  const narrow = useIsNarrow();
  const order = [...OPEN_STEPS, 'approved'] as const;
  const terminalBad = item.step === 'rejected' || item.step === 'withdrawn';
  // Where a rejected / withdrawn case stopped: the step it left.
  const last = item.steps.at(-1);
  const at = terminalBad ? (last?.fromStep ?? 'home_check') : item.step;
  const current = Math.max(0, order.indexOf(at as (typeof order)[number]));
  const title = (s: string, i: number) =>
    i === current && terminalBad ? label(STEP_TEXT, item.step, lt) : label(STEP_TEXT, s, lt);
  if (narrow) {
    // Seven steps do not fit across 360 px and stacked they fill the screen: a row of tags instead.
    return (
      <Flex gap={4} wrap>
        {order.map((s, i) => (
          <Tag
            key={s}
            style={{ marginInlineEnd: 0 }}
            color={
              i < current || (i === current && item.step === 'approved')
                ? 'green'
                : i === current
                  ? terminalBad
                    ? 'red'
                    : 'blue'
                  : 'default'
            }
          >
            {i < current || item.step === 'approved' ? '✓ ' : `${i + 1} `}
            {title(s, i)}
          </Tag>
        ))}
      </Flex>
    );
  }
  return (
    <Steps
      size="small"
      current={current}
      status={terminalBad ? 'error' : item.step === 'approved' ? 'finish' : 'process'}
      items={order.map((s, i) => ({ title: title(s, i) }))}
    />
  );
}

/** 案件详情: the case's steps, deadlines, attachments, notice and the actions open to the current role. */
export function CaseDetail({ id }: { id: number }) {
  const me = useCurrentUser();
  const { lt, lang } = useI18n();
  const ht = useHt();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useCase(id);
  const [action, setAction] = useState<CaseAction | null>(null);
  const [kind, setKind] = useState<AttachmentKind>('authorisation');

  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(id, kind, file, me.csrfToken),
    onSuccess: async (updated, file) => {
      queryClient.setQueryData(['cases', id], updated);
      await queryClient.invalidateQueries({ queryKey: ['households'] });
      message.success(ht('case.uploaded', { name: file.name }));
    },
    onError: (error) => message.error(errorMessage(error, lang)),
  });

  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const c = query.data;
  const open = !c.closedAt;
  const canAttach = open && ['admin', 'town', 'village'].includes(me.role);
  const hasAuthorisation = c.attachments.some((a) => a.kind === 'authorisation');
  const needsAuth = c.actions.includes('complete_home_check') && !hasAuthorisation;
  const data = c.data as {
    homeCheck?: { date: string; findings: string };
    appraisal?: { date: string; participants: number; result: string };
    returns?: { at: string; by: string; reasons: string }[];
  };
  const showNotice = c.noticeStartedAt !== null;

  const handleFile = (file: File) => {
    upload.mutate(file);
    return false;
  };

  return (
    <>
      <Link to="/cases">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
          {ht('case.queueTitle')}
        </Button>
      </Link>
      <PageHeader
        title={`${c.headName} · ${c.kindZh}`}
        tags={
          <>
            <Tag color={stepColor(c.step)}>{label(STEP_TEXT, c.step, lt)}</Tag>
            {c.returnCount ? <Tag color="orange">{ht('case.returns', { n: c.returnCount })}</Tag> : null}
          </>
        }
        description={
          <Flex gap={8} wrap align="center">
            <span>{ht('case.titleN', { id: c.id })}</span>
            <span>{c.regionName}</span>
            <Link to={`/households/${c.householdId}`}>{ht('case.household.link')}</Link>
          </Flex>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <ProcedureSteps item={c} />
        <div style={{ marginTop: 12 }}>
          <CaseDeadlineTags item={c} />
        </div>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={ht('case.actionsTitle')} size="small">
            {!open ? (
              <Typography.Text type="secondary">{ht('case.closed')}</Typography.Text>
            ) : c.actions.length === 0 ? (
              <Typography.Text type="secondary">{ht('case.noActions')}</Typography.Text>
            ) : (
              <Flex vertical gap={8}>
                {needsAuth ? <Alert type="info" showIcon title={ht('case.needsAuthorisation')} /> : null}
                <Flex gap={8} wrap>
                  {c.actions.map((a) => (
                    <Button
                      key={a}
                      type={NEEDS_REASONS.includes(a) || a === 'withdraw' ? 'default' : 'primary'}
                      danger={NEEDS_REASONS.includes(a) || a === 'withdraw'}
                      onClick={() => setAction(a)}
                    >
                      {lt(CASE_ACTION_LABELS[a])}
                    </Button>
                  ))}
                </Flex>
              </Flex>
            )}
            {c.exitCheck ? (
              <Alert
                style={{ marginTop: 12 }}
                type={c.exitCheck.allowed ? 'success' : 'warning'}
                showIcon
                title={c.exitCheck.allowed ? ht('case.exitOk') : ht('case.exitCheck')}
                description={
                  c.exitCheck.reasons.length ? (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {c.exitCheck.reasons.map((r, i) => (
                        <li key={i}>{lt(r)}</li>
                      ))}
                    </ul>
                  ) : undefined
                }
              />
            ) : null}
          </Card>

          <Card title={ht('case.proposal')} size="small" style={{ marginTop: 16 }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'proposal',
                  label: ht('case.kind'),
                  children: `${c.kindZh}${c.proposedTypeZh ? `：${c.proposedTypeZh}` : ''}`,
                },
                { key: 'source', label: ht('case.source'), children: label(SOURCE_TEXT, c.source, lt) },
                { key: 'clue', label: ht('case.clueNote'), children: c.clueNote },
                { key: 'clueAt', label: ht('case.clueAt'), children: dateTime(c.clueAt) },
                ...(data.homeCheck
                  ? [
                      {
                        key: 'homeCheck',
                        label: ht('case.dataHomeCheck'),
                        children: `${data.homeCheck.date} ${data.homeCheck.findings}`,
                      },
                    ]
                  : []),
                ...(data.appraisal
                  ? [
                      {
                        key: 'appraisal',
                        label: ht('case.dataAppraisal'),
                        children: `${data.appraisal.date} · ${data.appraisal.participants} · ${data.appraisal.result}`,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>

          {showNotice ? (
            <Card title={ht('case.notice')} size="small" style={{ marginTop: 16 }}>
              <Typography.Paragraph type="secondary">
                {ht('case.noticeStarted', { date: dateTime(c.noticeStartedAt!) })}
              </Typography.Paragraph>
              <Flex gap={8} wrap>
                <Button icon={<FileTextOutlined />} href={noticeUrl(c.id, 'text')} target="_blank">
                  {ht('case.noticeText')}
                </Button>
                <Button icon={<DownloadOutlined />} href={noticeUrl(c.id, 'docx')}>
                  {ht('case.noticeDocx')}
                </Button>
              </Flex>
            </Card>
          ) : null}
        </Col>

        <Col xs={24} lg={14}>
          <Card title={ht('case.attachments')} size="small">
            {c.attachments.length ? (
              <List
                size="small"
                dataSource={c.attachments}
                renderItem={(a) => (
                  <List.Item>
                    <Flex gap={8} wrap align="center" style={{ minWidth: 0 }}>
                      <Tag>
                        {KIND_LABELS[a.kind as AttachmentKind]
                          ? lt(KIND_LABELS[a.kind as AttachmentKind])
                          : a.kind}
                      </Tag>
                      <a href={attachmentUrl(c.id, a.id)} style={{ overflowWrap: 'anywhere' }}>
                        {a.fileName}
                      </a>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {Math.ceil(a.size / 1024)} KB · {dateTime(a.uploadedAt)}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ht('case.noAttachments')} />
            )}
            {canAttach ? (
              <Flex gap={8} wrap style={{ marginTop: 12 }}>
                <Select<AttachmentKind>
                  value={kind}
                  onChange={setKind}
                  aria-label={ht('case.uploadKind')}
                  style={{ width: 180 }}
                  options={(Object.keys(KIND_LABELS) as AttachmentKind[]).map((k) => ({
                    value: k,
                    label: lt(KIND_LABELS[k]),
                  }))}
                />
                <Upload accept={ATTACHMENT_ACCEPT} showUploadList={false} beforeUpload={handleFile}>
                  <Button icon={<UploadOutlined />} loading={upload.isPending}>
                    {ht('case.upload')}
                  </Button>
                </Upload>
              </Flex>
            ) : null}
          </Card>

          <Card title={ht('case.steps')} size="small" style={{ marginTop: 16 }}>
            <Timeline
              items={c.steps.map((s) => ({
                key: s.id,
                color:
                  s.action === 'return' || s.toStep === 'rejected'
                    ? 'red'
                    : s.toStep === 'approved'
                      ? 'green'
                      : 'blue',
                content: (
                  <StepEntry
                    title={s.actionZh}
                    meta={`${dateTime(s.at)}${s.actorUsername ? ` · ${s.actorUsername}` : ''}`}
                  >
                    {s.note ? <Typography.Text>{s.note}</Typography.Text> : null}
                  </StepEntry>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <CaseActionModal item={c} action={action} onClose={() => setAction(null)} />
    </>
  );
}

function StepEntry({ title, meta, children }: { title: string; meta: string; children?: ReactNode }) {
  return (
    <div>
      <strong>{title}</strong>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {meta}
      </Typography.Text>
      {children ? <div>{children}</div> : null}
    </div>
  );
}
