import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Activity, ActivityType } from '../../../core/activities/activities.schemas';
import { parseIdNumber } from '../../../core/identity/idNumber';
import { errorMessage } from '../../api/ApiError';
import { createActivity, updateActivity } from '../../api/activities';
import { useI18n } from '../../i18n/useI18n';
import { apiErrorProblems, issuesToProblems, setFieldProblems } from '../../ui/formErrors';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useCurrentUser } from '../auth/useCurrentUser';
import { usePlans } from '../plans/planQueries';
import { UnitSelect } from '../units/UnitSelect';
import { ActivityDetailsFields } from './ActivityDetailsFields';
import { EvidenceField } from './EvidenceField';
import {
  buildActivityBody,
  checkActivityBody,
  defaultDetails,
  formFieldFor,
  formValuesOf,
  type ActivityFormValues,
} from './activityForm';
import { creatableTypes } from './activityPermissions';
import { recordDependentKeys, useActivityTypes } from './activityQueries';
import { specOf } from './activityTypes';
import { RegionPlaceSelect } from './RegionPlaceSelect';
import { RevealIdButton } from './RevealIdButton';

interface ActivityFormDrawerProps {
  open: boolean;
  /** The record to edit; null records a new one. */
  activity: Activity | null;
  /** Date a new record starts with (today, or a day of the plan year being worked on). */
  defaultDate: string;
  onClose: () => void;
}

/**
 * 新增 / 编辑活动记录. The fields follow the record type (from the type list and the core schema);
 * the core schema checks the whole record before it is sent, and the server's 400 details land on
 * the fields they name.
 */
export function ActivityFormDrawer({ open, activity, defaultDate, onClose }: ActivityFormDrawerProps) {
  const me = useCurrentUser();
  const { t, lt, lang } = useI18n();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ActivityFormValues>();
  const types = useActivityTypes();
  const type = Form.useWatch('type', form) as ActivityType | undefined;
  const date = Form.useWatch('date', form) as ActivityFormValues['date'];
  const plans = usePlans();
  const recordYear = date?.year();
  const noPlanYear =
    !!plans.data && recordYear !== undefined && !plans.data.some((p) => p.year === recordYear);
  const [changePerson, setChangePerson] = useState(false);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  // A new record saved with "save and upload" stays open as that record (uploads need a saved record).
  const [saved, setSaved] = useState<Activity | null>(null);
  const record = saved ?? activity;
  const isAdmin = me.role === 'admin';
  const hasPersonOnFile = record?.person != null;
  const keepPerson = hasPersonOnFile && !changePerson;
  const options = { sendUnit: isAdmin, keepPerson };
  const spec = type ? specOf(type) : {};
  const typeOptions = creatableTypes(me, types.data ?? []);

  const mutation = useMutation({
    mutationFn: ({ input }: { input: Parameters<typeof createActivity>[0]; stay: boolean }) =>
      record ? updateActivity(record.id, input) : createActivity(input),
    onSuccess: async (result, { stay }) => {
      const invalidated = Promise.all(
        recordDependentKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      if (stay && !record) {
        // Stay open on the saved record, with its values as the server keeps them, to upload evidence.
        const values = formValuesOf(result, { date: defaultDate });
        setSaved(result);
        setChangePerson(false);
        form.setFieldsValue(values);
        form.setFieldValue('details', values.details);
        void message.success(t('activities.savedUploadNow'));
        await invalidated;
        return;
      }
      void message.success(record ? t('app.saved') : t('activities.created'));
      await invalidated;
      onClose();
    },
    onError: (error) => {
      const left = setFieldProblems(form, apiErrorProblems(error, lang), formFieldFor);
      const general = errorMessage(error, lang);
      setUnplaced(left.map((p) => p.message));
      void message.error(general);
    },
  });

  const handleSubmit = (stay = false) => {
    setUnplaced([]);
    const values = form.getFieldsValue(true) as ActivityFormValues;
    const checked = checkActivityBody(buildActivityBody(values, options), options);
    if (!checked.ok) {
      const left = setFieldProblems(form, issuesToProblems(checked.issues, lang), formFieldFor);
      setUnplaced(left.map((p) => `${p.name.join('.')}: ${p.message}`));
      void message.error(t('activities.fixFields'));
      return;
    }
    // The ID number check runs as a field rule too (a wrong check digit is named before sending).
    void form
      .validateFields([['person', 'idNumber']])
      .then(() => mutation.mutate({ input: checked.input, stay }))
      .catch(() => undefined);
  };

  const handleValuesChange = (changed: Partial<ActivityFormValues>) => {
    if ('type' in changed && changed.type && !record) {
      form.setFieldsValue({ amountYuan: null, peopleCount: null, person: { name: '', idNumber: '' } });
      // setFieldsValue merges nested objects; setFieldValue replaces, dropping the previous type's details.
      form.setFieldValue('details', defaultDetails(changed.type));
    }
  };
  const handleAfterOpenChange = (visible: boolean) => {
    if (!visible) {
      setSaved(null);
      setChangePerson(false);
      setUnplaced([]);
    }
  };

  const idRule = {
    validator: (_rule: unknown, value: string | undefined) => {
      if (!value?.trim()) return Promise.resolve();
      const parsed = parseIdNumber(value.trim(), { asOf: dayjs().format('YYYY-MM-DD') });
      return parsed.ok ? Promise.resolve() : Promise.reject(new Error(lt(parsed.message)));
    },
  };

  const initialValues = formValuesOf(activity, {
    type: typeOptions.length === 1 ? typeOptions[0]?.type : undefined,
    date: defaultDate,
    unitId: isAdmin ? null : me.unitId,
  });

  return (
    <Drawer
      open={open}
      title={record ? t('activities.edit') : t('activities.create')}
      onClose={onClose}
      afterOpenChange={handleAfterOpenChange}
      size={narrow ? '100%' : 560}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="primary" onClick={() => handleSubmit()} loading={mutation.isPending}>
            {t('app.save')}
          </Button>
        </Flex>
      }
    >
      <Form<ActivityFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={handleValuesChange}
        scrollToFirstError
        clearOnDestroy
      >
        <Form.Item name="type" label={t('activities.type')} required>
          <Select<ActivityType>
            disabled={record !== null || typeOptions.length < 2}
            loading={types.isPending}
            placeholder={t('activities.chooseType')}
            showSearch={{ optionFilterProp: 'label' }}
            options={typeOptions.map((o) => ({ value: o.type, label: lt(o.label) }))}
          />
        </Form.Item>
        <Flex gap={12} wrap={narrow}>
          <Form.Item name="date" label={t('activities.date')} required style={{ flex: 1, minWidth: 160 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {isAdmin ? (
            <Form.Item name="unitId" label={t('activities.unit')} required style={{ flex: 2, minWidth: 200 }}>
              <UnitSelect placeholder={t('users.pickUnit')} />
            </Form.Item>
          ) : null}
        </Flex>
        {noPlanYear ? (
          <Alert
            type="warning"
            showIcon
            title={t('activities.noPlanYear', { year: recordYear ?? '' })}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item name="regionCode" label={t('activities.place')} required extra={t('activities.placeHint')}>
          <RegionPlaceSelect placeholder={t('activities.pickPlace')} />
        </Form.Item>

        {type && spec.person ? (
          <>
            <Divider titlePlacement="start" plain style={{ margin: '8px 0 16px' }}>
              {t('activities.personSection')}
            </Divider>
            {keepPerson && record?.person ? (
              <Flex align="center" gap={8} wrap style={{ marginBottom: 16 }}>
                <Typography.Text>
                  {record.person.name}{' '}
                  <Typography.Text type="secondary">{record.person.idNumberMasked}</Typography.Text>
                </Typography.Text>
                {isAdmin ? <RevealIdButton activityId={record.id} /> : null}
                <Button size="small" onClick={() => setChangePerson(true)}>
                  {t('activities.changePerson')}
                </Button>
              </Flex>
            ) : (
              <Flex gap={12} wrap={narrow}>
                <Form.Item
                  name={['person', 'name']}
                  label={t('activities.personName')}
                  required
                  style={{ flex: 1, minWidth: 120 }}
                >
                  <Input maxLength={50} autoComplete="off" />
                </Form.Item>
                <Form.Item
                  name={['person', 'idNumber']}
                  label={t('activities.idNumber')}
                  required
                  rules={[idRule]}
                  extra={t('activities.idNumberHint')}
                  style={{ flex: 2, minWidth: 200 }}
                >
                  <Input maxLength={20} autoComplete="off" inputMode="text" />
                </Form.Item>
              </Flex>
            )}
          </>
        ) : null}

        {type ? (
          <>
            <Divider titlePlacement="start" plain style={{ margin: '8px 0 16px' }}>
              {t('activities.detailsSection')}
            </Divider>
            <ActivityDetailsFields type={type} />
            {spec.amount || spec.people ? (
              <Flex gap={12} wrap={narrow}>
                {spec.amount ? (
                  <Form.Item
                    name="amountYuan"
                    label={lt(spec.amount)}
                    required={type === 'consumption_purchase' || type === 'donation'}
                    style={{ flex: 1, minWidth: 160 }}
                  >
                    <InputNumber style={{ width: '100%' }} min={0} precision={2} />
                  </Form.Item>
                ) : null}
                {spec.people ? (
                  <Form.Item name="peopleCount" label={lt(spec.people)} style={{ flex: 1, minWidth: 120 }}>
                    <InputNumber style={{ width: '100%' }} min={0} precision={0} />
                  </Form.Item>
                ) : null}
              </Flex>
            ) : null}
          </>
        ) : (
          <Alert type="info" showIcon title={t('activities.chooseTypeFirst')} style={{ marginBottom: 16 }} />
        )}

        <Divider titlePlacement="start" plain style={{ margin: '8px 0 16px' }}>
          {t('activities.evidence')}
        </Divider>
        <EvidenceField
          activityId={record?.id ?? null}
          onSaveAndUpload={record ? undefined : () => handleSubmit(true)}
          saving={mutation.isPending}
        />
        <Form.Item name="note" label={t('activities.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        {unplaced.length ? (
          <Alert type="error" showIcon title={t('activities.fixFields')} description={unplaced.join('；')} />
        ) : null}
      </Form>
    </Drawer>
  );
}
