import { FileSearchOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Flex, Form, Input, InputNumber, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/ApiError';
import { createPlan, extractPlanText } from '../../api/plans';
import type { PlanCreate } from '../../../core/plan/plan-model.schemas';
import { useI18n } from '../../i18n/useI18n';
import { apiErrorProblems, issuesToProblems } from '../../ui/formErrors';
import { PageHeader } from '../../ui/PageHeader';
import {
  checkPlan,
  draftFromExtract,
  locateProblems,
  planFromDraft,
  type Draft,
  type DraftProblem,
  type DraftRow,
} from './draft';
import { DraftSettingsModal } from './DraftSettingsModal';
import { DraftTable } from './DraftTable';
import { plansKey } from './planQueries';
import { readTextFile } from './readTextFile';

/**
 * 从文本提取: paste (or upload) a year's 工作要点, read it into sections, clauses and quantitative
 * targets with a proposed measurement each, correct the draft, and save it as the year's plan.
 * Nothing is saved until the office confirms.
 */
export function PlanExtractor() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [settings, setSettings] = useState<DraftRow | null>(null);

  const extract = useMutation({
    mutationFn: () => extractPlanText({ text, year }),
    onSuccess: (response) => {
      setDraft(draftFromExtract(response, year));
      setProblems([]);
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });

  const save = useMutation({
    mutationFn: ({ plan }: { plan: PlanCreate; rowAt: Map<string, string> }) => createPlan(plan),
    onSuccess: async (plan) => {
      void message.success(t('plans.saved', { year: plan.year }));
      await queryClient.invalidateQueries({ queryKey: plansKey });
      await queryClient.invalidateQueries({ queryKey: ['progress'] });
      void navigate(`/plans/${plan.id}`);
    },
    onError: (e, { rowAt }) => {
      setProblems(locateProblems(apiErrorProblems(e, lang), rowAt));
      void message.error(errorMessage(e, lang));
    },
  });

  const handleFile = (file: File) => {
    void readTextFile(file).then((content) => {
      setText(content);
      void message.success(t('plans.fileRead', { name: file.name }));
    });
    return false;
  };
  const handleExtract = () => {
    if (!text.trim()) {
      void message.warning(t('plans.pasteFirst'));
      return;
    }
    extract.mutate();
  };
  const updateRow = (key: string, change: Partial<DraftRow>) => {
    setDraft((d) => (d ? { ...d, rows: d.rows.map((r) => (r.key === key ? { ...r, ...change } : r)) } : d));
    setProblems((list) => list.filter((p) => p.rowKey !== key || !Object.keys(change).includes(p.field)));
  };
  const removeRow = (key: string) => {
    setDraft((d) => (d ? { ...d, rows: d.rows.filter((r) => r.key !== key) } : d));
    setProblems((list) => list.filter((p) => p.rowKey !== key));
  };
  const handleSave = () => {
    if (!draft) return;
    const { body, rowAt } = planFromDraft(draft, text);
    const check = checkPlan(body);
    if (!check.ok) {
      setProblems(locateProblems(issuesToProblems(check.issues, lang), rowAt));
      void message.error(t('plans.fixProblems'));
      return;
    }
    setProblems([]);
    save.mutate({ plan: check.plan, rowAt });
  };

  const planProblems = problems.filter((p) => p.rowKey === null);
  const clauseCount = draft?.sections.reduce((n, s) => n + s.clauses.length, 0) ?? 0;

  return (
    <>
      <PageHeader title={t('plans.extractTitle')} description={t('plans.extractHelp')} />
      <Card size="small" title={t('plans.sourceText')} style={{ marginBottom: 16 }}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: draft ? 3 : 10, maxRows: draft ? 3 : 20 }}
          placeholder={t('plans.pastePlaceholder')}
          aria-label={t('plans.sourceText')}
        />
        <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
          <Upload accept=".txt,text/plain" beforeUpload={handleFile} showUploadList={false} maxCount={1}>
            <Button icon={<UploadOutlined />}>{t('plans.uploadTxt')}</Button>
          </Upload>
          <Flex align="center" gap={6}>
            <Typography.Text>{t('plans.year')}</Typography.Text>
            <InputNumber
              value={year}
              onChange={setYear}
              min={2000}
              max={2100}
              precision={0}
              placeholder={t('plans.yearAuto')}
              aria-label={t('plans.year')}
              style={{ width: 120 }}
            />
          </Flex>
          <Button
            type="primary"
            icon={<FileSearchOutlined />}
            onClick={handleExtract}
            loading={extract.isPending}
          >
            {t('plans.extractRun')}
          </Button>
        </Flex>
      </Card>

      {draft ? (
        <Card
          size="small"
          title={t('plans.draftTitle')}
          extra={
            <Typography.Text type="secondary" data-testid="draft-counts">
              {t('plans.draftCounts', {
                sections: draft.sections.length,
                clauses: clauseCount,
                targets: draft.rows.length,
              })}
            </Typography.Text>
          }
        >
          <Alert type="info" showIcon title={t('plans.reviewHint')} style={{ marginBottom: 12 }} />
          <Form layout="vertical">
            <Flex gap={12} wrap>
              <Form.Item
                label={t('plans.title')}
                required
                style={{ flex: 3, minWidth: 260 }}
                validateStatus={planProblems.some((p) => p.field === 'title') ? 'error' : undefined}
                help={planProblems.find((p) => p.field === 'title')?.message}
              >
                <Input
                  value={draft.title}
                  onChange={(e) => setDraft({ ...draft, title: e.target.value })}
                  maxLength={300}
                />
              </Form.Item>
              <Form.Item
                label={t('plans.year')}
                required
                style={{ flex: 1, minWidth: 120 }}
                validateStatus={planProblems.some((p) => p.field === 'year') ? 'error' : undefined}
                help={planProblems.find((p) => p.field === 'year')?.message}
              >
                <InputNumber
                  value={draft.year}
                  onChange={(v) => setDraft({ ...draft, year: v })}
                  min={2000}
                  max={2100}
                  precision={0}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Flex>
          </Form>
          <DraftTable
            rows={draft.rows}
            problems={problems}
            onChange={updateRow}
            onRemove={removeRow}
            onSettings={setSettings}
          />
          {planProblems.filter((p) => p.field !== 'title' && p.field !== 'year').length ? (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={t('plans.fixProblems')}
              description={planProblems.map((p) => `${p.field}：${p.message}`).join('；')}
            />
          ) : null}
          <Collapse
            ghost
            style={{ marginTop: 12 }}
            items={[
              {
                key: 'structure',
                label: t('plans.structure', { n: clauseCount }),
                children: draft.sections.map((s, si) => (
                  <div key={si} style={{ marginBottom: 12 }}>
                    <Typography.Text strong>{s.title}</Typography.Text>
                    {s.clauses.map((c) => (
                      <Typography.Paragraph key={c.ref} style={{ margin: '4px 0 0 12px', fontSize: 13 }}>
                        <Typography.Text type="secondary">[{c.ref}]</Typography.Text> {c.text}
                      </Typography.Paragraph>
                    ))}
                  </div>
                )),
              },
            ]}
          />
          <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
            <Button type="primary" icon={<SaveOutlined />} onClick={handleSave} loading={save.isPending}>
              {t('plans.confirmSave')}
            </Button>
          </Flex>
        </Card>
      ) : null}
      <DraftSettingsModal
        row={settings}
        onClose={() => setSettings(null)}
        onSave={(key, values) => updateRow(key, values)}
      />
    </>
  );
}
