import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LedgerEntryInputSchema, type LedgerEntry } from '../../../core/plan/unit-plan.schemas';
import { errorMessage } from '../../api/ApiError';
import { addLedgerEntry, updateLedgerEntry } from '../../api/ledgers';
import { useI18n } from '../../i18n/useI18n';
import { apiErrorProblems, issuesToProblems, setFieldProblems, type IssueLike } from '../../ui/formErrors';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { todayInChina } from '../progress/asOf';
import { ledgersKey } from './ledgerQueries';

interface Values {
  date: Dayjs | null;
  measure: string;
  moneyYuan: number | null;
  materials: string | null;
  materialsValueYuan: number | null;
  households: number | null;
  incomeIncreaseYuan: number | null;
  note: string | null;
}

interface LedgerEntryDrawerProps {
  open: boolean;
  unitId: number;
  year: number;
  /** The entry to edit; null adds one. */
  entry: LedgerEntry | null;
  onClose: () => void;
}

/** 台账条目: one measure carried out — money and materials put in, households reached, income increase. */
export function LedgerEntryDrawer({ open, unitId, year, entry, onClose }: LedgerEntryDrawerProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const today = todayInChina();
  const initialDate = today.startsWith(`${year}-`)
    ? today
    : `${year}-12-31` < today
      ? `${year}-12-31`
      : `${year}-01-01`;

  const mutation = useMutation({
    mutationFn: (input: Parameters<typeof addLedgerEntry>[2]) =>
      entry ? updateLedgerEntry(entry.id, input) : addLedgerEntry(unitId, year, input),
    onSuccess: async () => {
      void message.success(entry ? t('app.saved') : t('ledgers.entryAdded'));
      await queryClient.invalidateQueries({ queryKey: ledgersKey });
      onClose();
    },
    onError: (error) => {
      setFieldProblems(form, apiErrorProblems(error, lang));
      void message.error(errorMessage(error, lang));
    },
  });

  const handleSubmit = () => {
    const v = form.getFieldsValue(true) as Values;
    const body = {
      date: v.date ? v.date.format('YYYY-MM-DD') : undefined,
      measure: v.measure ?? '',
      moneyYuan: v.moneyYuan ?? null,
      materials: v.materials?.trim() || null,
      materialsValueYuan: v.materialsValueYuan ?? null,
      households: v.households ?? null,
      incomeIncreaseYuan: v.incomeIncreaseYuan ?? null,
      note: v.note?.trim() || null,
    };
    const parsed = LedgerEntryInputSchema.safeParse(body);
    if (!parsed.success) {
      setFieldProblems(form, issuesToProblems(parsed.error.issues as unknown as IssueLike[], lang), (n) => [
        n[0]!,
      ]);
      return;
    }
    mutation.mutate(parsed.data);
  };

  const money = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label} style={{ flex: 1, minWidth: 150 }}>
      <InputNumber min={0} precision={2} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open}
      title={entry ? t('ledgers.editEntry') : t('ledgers.addEntry')}
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
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{
          date: dayjs(entry?.date ?? initialDate),
          measure: entry?.measure ?? '',
          moneyYuan: entry?.moneyYuan ?? null,
          materials: entry?.materials ?? '',
          materialsValueYuan: entry?.materialsValueYuan ?? null,
          households: entry?.households ?? null,
          incomeIncreaseYuan: entry?.incomeIncreaseYuan ?? null,
          note: entry?.note ?? '',
        }}
      >
        <Form.Item name="date" label={t('ledgers.date')} required extra={t('ledgers.dateInYear', { year })}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.year() !== year} />
        </Form.Item>
        <Form.Item name="measure" label={t('ledgers.measure')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Flex gap={12} wrap={narrow}>
          {money('moneyYuan', t('ledgers.money'))}
          {money('materialsValueYuan', t('ledgers.materialsValue'))}
        </Flex>
        <Form.Item name="materials" label={t('ledgers.materials')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Flex gap={12} wrap={narrow}>
          <Form.Item name="households" label={t('ledgers.households')} style={{ flex: 1, minWidth: 150 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {money('incomeIncreaseYuan', t('ledgers.incomeIncrease'))}
        </Flex>
        <Form.Item name="note" label={t('ledgers.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
