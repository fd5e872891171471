import { describe, expect, it } from 'vitest';
import type { Member } from '../../../core/households/households.schemas';
import { computeCheckChar } from '../../../core/identity/idNumber';
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
import { toFieldProblems } from './formProblems';

const ASOF = '2026-11-30';
/** A synthetic ID number on the fictional address code 349901. */
const synthId = (birth: string, seq: string) => {
  const first17 = `349901${birth}${seq}`;
  return first17 + computeCheckChar(first17);
};
const MALE_1985 = synthId('19850302', '123');
const FEMALE_2012 = synthId('20120615', '042');
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

const valid = (over: MemberFormValues = {}): MemberFormValues => ({
  ...newMemberValues(),
  name: ' 测试成员 ',
  idNumber: MALE_1985,
  relation: 'son',
  ...over,
});

const stored: Member = {
  id: 7,
  name: '测试成员',
  idNumberMasked: '3499**********123X',
  sex: '男',
  birthDate: '1985-03-02',
  age: 41,
  relation: 'son',
  ethnicity: null,
  education: null,
  schooling: null,
  outOfSchoolForHealth: false,
  health: 'healthy',
  disability: null,
  labour: 'normal',
  workStatus: null,
  workMonths: null,
  workPlace: null,
  medicalInsurance: true,
  criticalIllnessInsurance: null,
  pensionInsurance: null,
  familyDoctor: null,
  specialHardship: false,
  hasLegalSupporterAbleToSupport: null,
  phoneMasked: null,
  deepGroups: [],
  deepGroupsManual: [],
  active: true,
  leftReason: null,
};

describe('previewIdNumber', () => {
  it('derives birth date, sex and age from a valid number', () => {
    expect(previewIdNumber(MALE_1985, ASOF)).toEqual({
      ok: true,
      birthDate: '1985-03-02',
      sex: '男',
      age: 41,
      upgraded: false,
    });
    expect(previewIdNumber(FEMALE_2012, ASOF)).toMatchObject({ ok: true, sex: '女', age: 14 });
  });

  it('reads full-width digits and a lower-case x the way a phone keyboard types them', () => {
    const fullWidth = MALE_1985.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(previewIdNumber(fullWidth, ASOF)).toMatchObject({ ok: true, birthDate: '1985-03-02' });
  });

  it('names a wrong check character without repeating the number', () => {
    const r = previewIdNumber(wrongCheck(MALE_1985), ASOF);
    expect(r).toMatchObject({ ok: false });
    if (r && !r.ok) {
      expect(r.message.zh).toContain('校验位');
      expect(r.message.zh).not.toContain(MALE_1985.slice(0, 10));
    }
  });

  it('is silent on an empty box', () => {
    expect(previewIdNumber('  ', ASOF)).toBeNull();
  });
});

describe('previewCertificate', () => {
  it('derives category and grade from the 20-character certificate', () => {
    const r = previewCertificate(`${MALE_1985}12`, ASOF);
    expect(r).toMatchObject({
      ok: true,
      category: { zh: expect.any(String) },
      grade: { zh: expect.any(String) },
    });
  });
  it('rejects a certificate with a category out of range', () => {
    expect(previewCertificate(`${MALE_1985}92`, ASOF)).toMatchObject({ ok: false });
  });
});

describe('buildNewMember', () => {
  it('builds the POST body: trimmed name, blanks as null, unverified facts as null', () => {
    const r = buildNewMember(valid({ workPlace: '  ', phone: '' }), ASOF);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body).toMatchObject({
      name: '测试成员',
      idNumber: MALE_1985,
      relation: 'son',
      health: 'healthy',
      labour: 'normal',
      workPlace: null,
      phone: null,
      medicalInsurance: null,
    });
  });

  it('names the ID number when its check character is wrong (the server rule, before sending)', () => {
    const r = buildNewMember(valid({ idNumber: wrongCheck(MALE_1985) }), ASOF);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const problems = toFieldProblems(r.problems, 'zh');
    expect(problems).toEqual([{ name: ['idNumber'], message: expect.stringContaining('校验位') }]);
  });

  it("refuses another person's disability certificate", () => {
    const r = buildNewMember(valid({ disabilityCertificate: `${FEMALE_2012}11` }), ASOF);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(toFieldProblems(r.problems, 'en')).toEqual([
      { name: ['disabilityCertificate'], message: expect.stringContaining('does not belong') },
    ]);
  });

  it('requires a name, an ID number and a relation', () => {
    const r = buildNewMember(valid({ name: '', idNumber: '', relation: undefined }), ASOF);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const names = toFieldProblems(r.problems, 'zh').map((p) => p.name.join('.'));
    expect(names).toEqual(expect.arrayContaining(['name', 'idNumber', 'relation']));
  });
});

describe('buildMemberUpdate', () => {
  it('sends only what changed', () => {
    const values = { ...memberValuesOf(stored), health: 'serious' as const, workPlace: '县城' };
    expect(buildMemberUpdate(values, stored, ASOF)).toEqual({
      ok: true,
      body: { health: 'serious', workPlace: '县城' },
    });
  });

  it('keeps the stored ID number when the box is left blank and replaces it when one is typed', () => {
    expect(buildMemberUpdate(memberValuesOf(stored), stored, ASOF)).toEqual({ ok: true, body: {} });
    const r = buildMemberUpdate({ ...memberValuesOf(stored), idNumber: FEMALE_2012 }, stored, ASOF);
    expect(r).toEqual({ ok: true, body: { idNumber: FEMALE_2012 } });
  });

  it('checks a new ID number and a new certificate on their own', () => {
    const bad = buildMemberUpdate(
      { ...memberValuesOf(stored), idNumber: wrongCheck(FEMALE_2012) },
      stored,
      ASOF,
    );
    expect(bad.ok).toBe(false);
    const cert = buildMemberUpdate({ ...memberValuesOf(stored), disabilityCertificate: '123' }, stored, ASOF);
    expect(cert.ok).toBe(false);
    if (!cert.ok) expect(toFieldProblems(cert.problems, 'zh')[0]?.name).toEqual(['disabilityCertificate']);
  });

  it('removes a certificate only when asked and only when one is on file', () => {
    const withDisability = { ...stored, disability: { category: 1, grade: 2, label: '视力残疾二级' } };
    expect(
      buildMemberUpdate({ ...memberValuesOf(withDisability), removeDisability: true }, withDisability, ASOF),
    ).toEqual({ ok: true, body: { disabilityCertificate: null } });
    expect(buildMemberUpdate({ ...memberValuesOf(stored), removeDisability: true }, stored, ASOF)).toEqual({
      ok: true,
      body: {},
    });
  });
});

describe('memberFieldFor', () => {
  it('puts server paths on the form fields', () => {
    expect(memberFieldFor(['member', 'idNumber'])).toEqual(['idNumber']);
    expect(memberFieldFor(['relation'])).toEqual(['relation']);
    expect(memberFieldFor(['member', 'sex'])).toEqual(['idNumber']);
    expect(memberFieldFor(['member', 'nonsense'])).toBeNull();
  });
});

describe('deep-difficulty groups set by hand', () => {
  const PROOF = '民政局特困供养证 编号 TK-2020-0317';

  it('sends the rows of a new member with their evidence trimmed', () => {
    const r = buildNewMember(
      valid({ deepGroupsManual: [{ group: 'specialHardship', evidence: `  ${PROOF} ` }] }),
      ASOF,
    );
    expect(r).toMatchObject({
      ok: true,
      body: { deepGroupsManual: [{ group: 'specialHardship', evidence: PROOF }] },
    });
  });

  it('refuses a row without evidence or without a group, on that row’s field, before sending', () => {
    const r = buildNewMember(
      valid({
        deepGroupsManual: [
          { group: 'seriouslyIll', evidence: '县医院诊断证明' },
          { group: 'specialHardship', evidence: '   ' },
          { group: null, evidence: PROOF },
        ],
      }),
      ASOF,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(toFieldProblems(r.problems, 'zh')).toEqual([
      { name: ['deepGroupsManual', 1, 'evidence'], message: '必填' },
      { name: ['deepGroupsManual', 2, 'group'], message: '必填' },
    ]);
  });

  it('names a group set twice in the interface language', () => {
    const r = buildNewMember(
      valid({
        deepGroupsManual: [
          { group: 'specialHardship', evidence: PROOF },
          { group: 'specialHardship', evidence: '另一份证明' },
        ],
      }),
      ASOF,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(toFieldProblems(r.problems, 'en')).toEqual([
      { name: ['deepGroupsManual', 1, 'group'], message: 'A group can be set by hand only once' },
    ]);
  });

  it('on edit sends the whole list when it changed, and nothing when it did not', () => {
    const withGroup: Member = {
      ...stored,
      deepGroups: ['specialHardship'],
      deepGroupsManual: [{ group: 'specialHardship', evidence: PROOF }],
    };
    const values = memberValuesOf(withGroup);
    expect(values.deepGroupsManual).toEqual([{ group: 'specialHardship', evidence: PROOF }]);
    expect(buildMemberUpdate(values, withGroup, ASOF)).toEqual({ ok: true, body: {} });

    const added = [...values.deepGroupsManual!, { group: 'seriouslyIll', evidence: '县医院诊断证明' }];
    expect(buildMemberUpdate({ ...values, deepGroupsManual: added }, withGroup, ASOF)).toEqual({
      ok: true,
      body: {
        deepGroupsManual: [
          { group: 'specialHardship', evidence: PROOF },
          { group: 'seriouslyIll', evidence: '县医院诊断证明' },
        ],
      },
    });
    // Removing the last row takes the group off (an empty list, not "unchanged").
    expect(buildMemberUpdate({ ...values, deepGroupsManual: [] }, withGroup, ASOF)).toEqual({
      ok: true,
      body: { deepGroupsManual: [] },
    });
  });

  it('puts a server error on the row and part it names', () => {
    expect(memberFieldFor(['member', 'deepGroupsManual', 0, 'evidence'])).toEqual([
      'deepGroupsManual',
      0,
      'evidence',
    ]);
    expect(memberFieldFor(['deepGroupsManual', 2, 'group'])).toEqual(['deepGroupsManual', 2, 'group']);
    expect(memberFieldFor(['deepGroupsManual'])).toBeNull();
  });
});
