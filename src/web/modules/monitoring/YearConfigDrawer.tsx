import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  type FormInstance,
  Button,
  Checkbox,
  Col,
  Drawer,
  Flex,
  Form,
  InputNumber,
  Row,
  Typography,
} from 'antd';
import { YearConfigSchema, type YearConfig } from '../../../core/monitoring/config';
import { errorMessage } from '../../api/ApiError';
import { putYearConfig, type PutYearConfigResult } from '../../api/monitoring';
import { useI18n } from '../../i18n/useI18n';
import { apiErrorProblems, issuesToProblems, setFieldProblems, type IssueLike } from '../../ui/formErrors';
import { useIsNarrow } from '../../ui/useIsNarrow';
import {
  changedPaths,
  fieldForPath,
  fromFormValues,
  percentIssues,
  toFormValues,
  type ConfigFormValues,
} from './configForm';
import { useMt } from './text';
import { monitoringLineText } from './thresholds';

interface YearConfigDrawerProps {
  open: boolean;
  year: number;
  /** The year's thresholds, or the template a new year starts from. */
  initial: YearConfig | null;
  onClose: () => void;
  onSaved: (result: PutYearConfigResult) => void;
}

/** The monitoring line as it stands in the form (nothing while a figure is missing or wrong). */
function LinePreview() {
  const { lt } = useI18n();
  const mt = useMt();
  const form = Form.useFormInstance<ConfigFormValues>();
  const povertyLine: unknown = Form.useWatch('povertyLine', form);
  const multiple: unknown = Form.useWatch('monitoringMultiple', form);
  const line = YearConfigSchema.pick({ povertyLine: true, monitoringMultiple: true }).safeParse({
    povertyLine,
    monitoringMultiple: multiple,
  });
  if (!line.success) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} aria-live="polite">
      {mt('mon.f.monitoringLine')} ={' '}
      {lt(monitoringLineText(line.data.povertyLine, line.data.monitoringMultiple))}
    </Typography.Paragraph>
  );
}

/**
 * 年度监测参数 form (the office only). Checked on the client with the server's own schema, then the
 * server's located errors land on the same fields. Saving re-evaluates the year on the server.
 */
export function YearConfigDrawer({ open, year, initial, onClose, onSaved }: YearConfigDrawerProps) {
  const { t, lang } = useI18n();
  const mt = useMt();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const [form] = Form.useForm<ConfigFormValues>();

  const mutation = useMutation({
    mutationFn: (config: YearConfig) => putYearConfig(year, config),
    onSuccess: (result) => {
      void message.success(mt('mon.savedResult', { n: result.reevaluated, flagged: result.flagged }));
      onSaved(result);
    },
    onError: (error) => {
      const unplaced = setFieldProblems(form, apiErrorProblems(error, lang), fieldForPath);
      if (unplaced.length || !apiErrorProblems(error, lang).length)
        void message.error(errorMessage(error, lang));
    },
  });

  // A field's message from the last save goes once the field is changed (there are no antd rules to clear it).
  const handleValuesChange = (changed: Record<string, unknown>) => {
    const untyped: FormInstance = form;
    untyped.setFields(changedPaths(changed).map((name) => ({ name, errors: [] })));
  };

  const handleSubmit = () => {
    const values = form.getFieldsValue(true) as ConfigFormValues;
    // Clear the previous round's messages first: a fixed field must not keep its old error.
    const untyped: FormInstance = form;
    untyped.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length)
        .map((f) => ({ name: f.name, errors: [] })),
    );
    const parsed = YearConfigSchema.safeParse(fromFormValues(values, year));
    if (!parsed.success) {
      const issues = percentIssues(parsed.error.issues as unknown as IssueLike[]);
      setFieldProblems(form, issuesToProblems(issues, lang), fieldForPath);
      return;
    }
    mutation.mutate(parsed.data);
  };

  // No min/max on the inputs: antd would silently clamp a wrong figure; the schema says what is wrong.
  const num = { style: { width: '100%' }, inputMode: 'decimal' as const };
  const half = narrow ? 24 : 12;

  return (
    <Drawer
      open={open}
      title={mt('mon.editTitle', { year })}
      onClose={onClose}
      size={narrow ? '100%' : 560}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="primary" onClick={handleSubmit} loading={mutation.isPending}>
            {t('app.save')}
          </Button>
        </Flex>
      }
    >
      <Alert type="info" showIcon title={mt('mon.saveNote')} style={{ marginBottom: 16 }} />
      <Form<ConfigFormValues>
        form={form}
        layout="vertical"
        onFinish={handleSubmit}
        onValuesChange={handleValuesChange}
        initialValues={initial ? toFormValues({ ...initial, year }) : undefined}
      >
        <Row gutter={12}>
          <Col span={half}>
            <Form.Item name="povertyLine" label={mt('mon.f.povertyLine')}>
              <InputNumber {...num} step={100} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="monitoringMultiple" label={mt('mon.f.monitoringMultiple')}>
              <InputNumber {...num} step={0.1} />
            </Form.Item>
          </Col>
        </Row>
        <LinePreview />

        <Typography.Title level={5}>{mt('mon.f.rigid')}</Typography.Title>
        <Row gutter={12}>
          <Col span={half}>
            <Form.Item
              name={['rigidExpenditure', 'shareOfHouseholdNetIncome']}
              label={mt('mon.f.rigidShare')}
            >
              <InputNumber {...num} step={5} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name={['rigidExpenditure', 'absoluteAmount']} label={mt('mon.f.rigidAmount')}>
              <InputNumber {...num} step={1000} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {mt('mon.f.rigidHint')}
        </Typography.Paragraph>
        <Form.Item name={['rigidExpenditure', 'requireAfterExpenditureBelowLine']} valuePropName="checked">
          <Checkbox>{mt('mon.f.rigidAfter')}</Checkbox>
        </Form.Item>

        <Typography.Title level={5}>{mt('mon.f.drop')}</Typography.Title>
        <Form.Item name={['incomeDrop', 'dropShare']} label={mt('mon.f.dropShare')}>
          <InputNumber {...num} step={5} />
        </Form.Item>
        <Form.Item name={['incomeDrop', 'requireBelowMonitoringLine']} valuePropName="checked">
          <Checkbox>{mt('mon.f.dropBelow')}</Checkbox>
        </Form.Item>

        <Typography.Title level={5}>{mt('mon.f.water')}</Typography.Title>
        <Row gutter={12}>
          <Col span={half}>
            <Form.Item name={['water', 'litresPerPersonDay']} label={mt('mon.f.litres')}>
              <InputNumber {...num} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name={['water', 'litresPerPersonDayWaterShort']} label={mt('mon.f.litresShort')}>
              <InputNumber {...num} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name={['water', 'maxFetchMinutes']} label={mt('mon.f.fetch')}>
              <InputNumber {...num} />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name={['water', 'maxSupplyCutDaysPerYear']} label={mt('mon.f.cut')}>
              <InputNumber {...num} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{mt('mon.f.education')}</Typography.Title>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={['compulsoryEducationAge', 'min']} label={mt('mon.f.eduMin')}>
              <InputNumber {...num} precision={0} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['compulsoryEducationAge', 'max']} label={mt('mon.f.eduMax')}>
              <InputNumber {...num} precision={0} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['exit', 'minMonthsAboveRange']} label={mt('mon.f.exit')}>
          <InputNumber {...num} precision={0} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
