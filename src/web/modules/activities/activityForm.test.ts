import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../../../core/activities/activities.schemas';
import { ApiError } from '../../api/ApiError';
import { apiErrorProblems, issuesToProblems } from '../../ui/formErrors';
import { buildActivityBody, checkActivityBody, defaultDetails, formFieldFor } from './activityForm';
import { fieldText } from './activityTypes';
import { detailFieldsOf } from './detailFields';

const unitUser = { sendUnit: false, keepPerson: false };

describe('activity form', () => {
  it('has a label for every field of every record type, and an option label for every choice', () => {
    for (const type of ACTIVITY_TYPES) {
      for (const field of detailFieldsOf(type)) {
        expect(fieldText(type, field.name)?.label.zh, `${type}.${field.name}`).toBeTruthy();
        if (field.control.kind === 'select')
          for (const option of field.control.options)
            expect(
              fieldText(type, field.name)?.options?.[option],
              `${type}.${field.name}=${option}`,
            ).toBeTruthy();
      }
    }
  });

  it('builds a valid local employment placement the core schema accepts', () => {
    const body = buildActivityBody(
      {
        type: 'employment_placement',
        date: dayjs('2020-09-15'),
        regionCode: '349921201201',
        person: { name: ' 王芳 ', idNumber: '34992119900101001x' },
        details: {
          ...defaultDetails('employment_placement'),
          mode: 'local',
          employer: '产业园',
          startDate: dayjs('2020-09-15'),
          monthlyWage: 2600,
          hometown: '  ',
        },
        evidence: [{ name: '', ref: '' }],
      },
      unitUser,
    );
    expect(body).toMatchObject({
      person: { name: '王芳', idNumber: '34992119900101001X' },
      details: { mode: 'local', registeredPoor: true, startDate: '2020-09-15' },
      evidence: [],
    });
    expect((body.details as Record<string, unknown>).hometown).toBeUndefined();
    expect(checkActivityBody(body, unitUser).ok).toBe(true);
  });

  it('names every missing field of a placement on the form field it belongs to', () => {
    const body = buildActivityBody(
      {
        type: 'employment_placement',
        date: dayjs('2020-09-15'),
        details: defaultDetails('employment_placement'),
      },
      unitUser,
    );
    const check = checkActivityBody(body, unitUser);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const fields = issuesToProblems(check.issues, 'zh').map((p) => formFieldFor(p.name)?.join('.'));
    expect(fields).toEqual(
      expect.arrayContaining([
        'regionCode',
        'person.name',
        'person.idNumber',
        'details.mode',
        'details.employer',
        'details.startDate',
        'details.monthlyWage',
      ]),
    );
  });

  it('keeps the person on file when editing without changing them', () => {
    const body = buildActivityBody(
      { type: 'employment_placement', date: dayjs('2020-09-15'), person: { name: '', idNumber: '' } },
      { sendUnit: false, keepPerson: true },
    );
    expect('person' in body).toBe(false);
  });

  it('asks the office for the unit', () => {
    const body = buildActivityBody(
      {
        type: 'study_session',
        date: dayjs('2020-05-01'),
        regionCode: '349921201201',
        details: { topic: '学习' },
      },
      { sendUnit: true, keepPerson: false },
    );
    const check = checkActivityBody(body, { sendUnit: true, keepPerson: false });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.issues.map((i) => i.path.join('.'))).toEqual(['unitId']);
  });
});

describe('server 400 details on the record form', () => {
  it('lands each located detail on its field, in the interface language', () => {
    const error = new ApiError(400, {
      code: 'validation',
      message: { zh: '输入有误', en: 'Invalid input' },
      details: [
        {
          path: 'person.idNumber',
          code: 'id.checksum',
          message: { zh: '身份证号校验位不正确', en: 'Wrong check character' },
        },
        {
          path: 'details.employer',
          code: 'validation.too_small',
          message: {
            zh: 'Too small: expected string to have >=1 characters',
            en: 'Too small: expected string to have >=1 characters',
          },
        },
        { path: 'person', code: 'required', message: { zh: '请填写人员', en: 'Enter the person' } },
        {
          path: 'unitId',
          code: 'unit.not_found',
          message: { zh: '单位不存在或已停用', en: 'No such active unit' },
        },
      ],
    });
    const placed = apiErrorProblems(error, 'zh').map((p) => [formFieldFor(p.name)?.join('.'), p.message]);
    expect(placed).toEqual([
      ['person.idNumber', '身份证号校验位不正确'],
      ['details.employer', '必填'],
      ['person.idNumber', '请填写人员'],
      ['unitId', '单位不存在或已停用'],
    ]);
  });
});
