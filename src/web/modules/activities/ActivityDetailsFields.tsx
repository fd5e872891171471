import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { ActivityType } from '../../../core/activities/activities.schemas';
import { useI18n } from '../../i18n/useI18n';
import { fieldText } from './activityTypes';
import { detailFieldsOf, type DetailField } from './detailFields';

/**
 * The input for one field. Form.Item injects `value`/`checked`, `onChange` and `id` into its child:
 * they are passed through to the antd input.
 */
function Control({
  type,
  field,
  ...injected
}: { type: ActivityType; field: DetailField } & Record<string, unknown>) {
  const { lt, t } = useI18n();
  const c = field.control;
  switch (c.kind) {
    case 'text':
      return c.multiline ? (
        <Input.TextArea {...injected} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={c.max ?? undefined} />
      ) : (
        <Input {...injected} maxLength={c.max ?? undefined} />
      );
    case 'number':
      return (
        <InputNumber
          {...injected}
          style={{ width: '100%' }}
          min={c.min ?? undefined}
          max={c.max ?? undefined}
          precision={c.integer ? 0 : undefined}
        />
      );
    case 'date':
      return <DatePicker {...injected} style={{ width: '100%' }} />;
    case 'boolean':
      return <Switch {...injected} />;
    case 'select': {
      const labels = fieldText(type, field.name)?.options ?? {};
      return (
        <Select
          {...injected}
          allowClear={!field.required}
          placeholder={t('activities.choose')}
          options={c.options.map((value) => ({ value, label: labels[value] ? lt(labels[value]) : value }))}
        />
      );
    }
  }
}

/**
 * The fields of one record type, read from its core schema (control, required, limits) with the
 * labels of `ACTIVITY_SPECS`. Names are `['details', field]`, the API's own paths, so the server's
 * 400 details land on the right field.
 */
export function ActivityDetailsFields({ type }: { type: ActivityType }) {
  const { lt } = useI18n();
  return (
    <>
      {detailFieldsOf(type).map((field) => {
        const text = fieldText(type, field.name);
        return (
          <Form.Item
            key={field.name}
            name={['details', field.name]}
            label={text ? lt(text.label) : field.name}
            required={field.required}
            valuePropName={field.control.kind === 'boolean' ? 'checked' : 'value'}
          >
            <Control type={type} field={field} />
          </Form.Item>
        );
      })}
    </>
  );
}
