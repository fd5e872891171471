import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Divider, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HouseholdDetail, Member } from '../../../core/households/households.schemas';
import { addMember, updateMember } from '../../api/households';
import { useI18n } from '../../i18n/useI18n';
import { FormDrawer } from './FormDrawer';
import { householdChangedKeys } from './householdQueries';
import {
  DEEP_GROUP_TEXT,
  HEALTH_TEXT,
  LABOUR_TEXT,
  RELATION_TEXT,
  SCHOOLING_TEXT,
  codeOptions,
} from './labels';
import {
  buildMemberUpdate,
  buildNewMember,
  memberFieldFor,
  memberValuesOf,
  newMemberValues,
  previewCertificate,
  previewIdNumber,
  type MemberFormValues,
} from './memberForm';
import { useHt } from './text';
import { useSaveForm } from './useSaveForm';
import { YesNoField } from './YesNoField';

const FIELD = { style: { flex: 1, minWidth: 160 } } as const;
const DEEP_GROUP_COUNT = Object.keys(DEEP_GROUP_TEXT).length;

interface MemberFormDrawerProps {
  household: HouseholdDetail;
  /** The member to edit; null adds one. */
  member: Member | null;
  open: boolean;
  onClose: () => void;
}

/**
 * 新增 / 编辑成员. The ID number is checked as it is typed with the server's own rules and the birth
 * date, sex and age it gives are shown; a disability certificate shows its category and grade.
 */
export function MemberFormDrawer({ household, member, open, onClose }: MemberFormDrawerProps) {
  const { t, lt } = useI18n();
  const ht = useHt();
  const [form] = Form.useForm<MemberFormValues>();
  const save = useSaveForm(form, memberFieldFor);
  const asOf = dayjs().format('YYYY-MM-DD');
  const idNumber = Form.useWatch('idNumber', form) as string | undefined;
  const certificate = Form.useWatch('disabilityCertificate', form) as string | undefined;
  const removeDisability = Form.useWatch('removeDisability', form) as boolean | undefined;
  const id = previewIdNumber(idNumber, asOf);
  const cert = previewCertificate(certificate, asOf);

  const mutation = useMutation({
    mutationFn: (body: MemberFormValues & object) =>
      member
        ? updateMember(household.id, member.id, body as Parameters<typeof updateMember>[2])
        : addMember(household.id, body as Parameters<typeof addMember>[1]),
    onSuccess: async () => {
      await save.done(member ? t('app.saved') : ht('hh.memberAdded'), householdChangedKeys(household.id));
      onClose();
    },
    onError: save.fail,
  });

  const handleSave = () => {
    save.clear();
    const values = form.getFieldsValue(true) as MemberFormValues;
    const r = member ? buildMemberUpdate(values, member, asOf) : buildNewMember(values, asOf);
    if (!r.ok) return save.refuse(r.problems);
    if (member && Object.keys(r.body).length === 0) return onClose();
    mutation.mutate(r.body as MemberFormValues);
  };

  // What a valid number gives shows under the box; a wrong one is named when the box is left.
  const derived = id?.ok ? (
    <Typography.Text type="success" data-testid="id-derived">
      {ht('hh.idDerived', { birthDate: id.birthDate, sex: id.sex, age: id.age })}
      {id.upgraded ? ht('hh.idUpgraded') : ''}
    </Typography.Text>
  ) : null;
  const certDerived = cert?.ok ? (
    <Typography.Text type="success">
      {lt(cert.category)} · {lt(cert.grade)}
    </Typography.Text>
  ) : null;
  const idRule = {
    validator: (_rule: unknown, value: string | undefined) => {
      const r = previewIdNumber(value, asOf);
      return r && !r.ok ? Promise.reject(new Error(lt(r.message))) : Promise.resolve();
    },
  };
  const certRule = {
    validator: (_rule: unknown, value: string | undefined) => {
      const r = previewCertificate(value, asOf);
      return r && !r.ok ? Promise.reject(new Error(lt(r.message))) : Promise.resolve();
    },
  };
  const section = (text: string) => (
    <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
      {text}
    </Divider>
  );

  return (
    <FormDrawer
      open={open}
      title={member ? ht('hh.editMember', { name: member.name }) : ht('hh.addMember')}
      onClose={onClose}
      onSave={handleSave}
      saving={mutation.isPending}
      unplaced={save.unplaced}
    >
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        initialValues={member ? memberValuesOf(member) : newMemberValues()}
        scrollToFirstError
        clearOnDestroy
      >
        {section(ht('hh.sectionIdentity'))}
        <Flex gap={12} wrap>
          <Form.Item name="name" label={ht('hh.name')} required {...FIELD}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item name="relation" label={ht('hh.relation')} required {...FIELD}>
            <Select options={codeOptions(RELATION_TEXT, lt)} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="idNumber"
          label={ht('hh.idNumber')}
          required={!member}
          rules={[idRule]}
          validateTrigger="onBlur"
          extra={
            derived ?? (member ? ht('hh.idKeepHint', { masked: member.idNumberMasked }) : ht('hh.idHint'))
          }
        >
          <Input maxLength={20} autoComplete="off" inputMode="text" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="ethnicity" label={ht('hh.ethnicity')} {...FIELD}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="education" label={ht('hh.education')} {...FIELD}>
            <Input maxLength={20} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="phone"
          label={ht('hh.memberPhone')}
          extra={member?.phoneMasked ? ht('hh.keepHint', { masked: member.phoneMasked }) : undefined}
        >
          <Input maxLength={20} inputMode="tel" autoComplete="off" />
        </Form.Item>

        {section(ht('hh.sectionHealth'))}
        <Form.Item name="health" label={ht('hh.health')} required>
          <Select options={codeOptions(HEALTH_TEXT, lt)} />
        </Form.Item>
        <Form.Item
          name="disabilityCertificate"
          label={ht('hh.certificate')}
          rules={[certRule]}
          validateTrigger="onBlur"
          extra={
            certDerived ??
            (member?.disability
              ? ht('hh.certificateKeepHint', { label: member.disability.label })
              : ht('hh.certificateHint'))
          }
        >
          <Input maxLength={24} autoComplete="off" disabled={!!removeDisability} />
        </Form.Item>
        {member?.disability ? (
          <Form.Item name="removeDisability" valuePropName="checked">
            <Checkbox>{ht('hh.removeDisability')}</Checkbox>
          </Form.Item>
        ) : null}

        {section(ht('hh.sectionWork'))}
        <Form.Item name="labour" label={ht('hh.labour')} required>
          <Select options={codeOptions(LABOUR_TEXT, lt)} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="workStatus" label={ht('hh.workStatus')} {...FIELD}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="workMonths" label={ht('hh.workMonths')} {...FIELD}>
            <InputNumber min={0} max={12} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="workPlace" label={ht('hh.workPlace')}>
          <Input maxLength={40} />
        </Form.Item>

        {section(ht('hh.sectionSchool'))}
        <Form.Item name="schooling" label={ht('hh.schooling')}>
          <Select allowClear options={codeOptions(SCHOOLING_TEXT, lt)} />
        </Form.Item>
        <Form.Item name="outOfSchoolForHealth" valuePropName="checked">
          <Checkbox>{ht('hh.outOfSchoolForHealth')}</Checkbox>
        </Form.Item>

        {section(ht('hh.sectionInsurance'))}
        <Form.Item name="medicalInsurance" label={ht('hh.medicalInsurance')}>
          <YesNoField />
        </Form.Item>
        <Form.Item name="criticalIllnessInsurance" label={ht('hh.criticalIllnessInsurance')}>
          <YesNoField />
        </Form.Item>
        <Form.Item name="pensionInsurance" label={ht('hh.pensionInsurance')}>
          <YesNoField />
        </Form.Item>
        <Form.Item name="familyDoctor" label={ht('hh.familyDoctor')}>
          <YesNoField />
        </Form.Item>
        <Form.Item name="hasLegalSupporterAbleToSupport" label={ht('hh.legalSupporter')}>
          <YesNoField />
        </Form.Item>
        <Form.Item name="specialHardship" valuePropName="checked">
          <Checkbox>{ht('hh.memberSpecialHardship')}</Checkbox>
        </Form.Item>

        {section(ht('hh.sectionDeepManual'))}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {ht('hh.deepManualHint')}
        </Typography.Paragraph>
        <Form.List name="deepGroupsManual">
          {(rows, { add, remove }) => (
            <Flex vertical gap={4}>
              {rows.map((row, index) => (
                <Flex
                  key={row.key}
                  gap={8}
                  align="start"
                  role="group"
                  aria-label={ht('hh.deepManualRow', { n: index + 1 })}
                >
                  {/* The two fields wrap on a phone; the remove button stays beside them. */}
                  <Flex gap={8} wrap style={{ flex: 1, minWidth: 0 }}>
                    <Form.Item
                      name={[row.name, 'group']}
                      label={ht('hh.deepManualGroup')}
                      required
                      style={{ flex: '1 1 150px', minWidth: 150, marginBottom: 8 }}
                    >
                      <Select options={codeOptions(DEEP_GROUP_TEXT, lt)} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'evidence']}
                      label={ht('hh.deepManualEvidence')}
                      required
                      style={{ flex: '3 1 220px', minWidth: 0, marginBottom: 8 }}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 3 }}
                        maxLength={500}
                        placeholder={ht('hh.deepManualEvidencePlaceholder')}
                      />
                    </Form.Item>
                  </Flex>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={ht('hh.deepManualRemove', { n: index + 1 })}
                    onClick={() => remove(row.name)}
                    style={{ marginTop: 30 }}
                  />
                </Flex>
              ))}
              {rows.length < DEEP_GROUP_COUNT ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ evidence: '' })} block>
                  {ht('hh.deepManualAdd')}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
