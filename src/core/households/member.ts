import { crossCheckIdWithPerson, parseIdNumber } from '../identity/idNumber';
import { parseDisabilityCertificate } from '../identity/disability';
import { normalizeDigits } from '../identity/normalize';
import type { LocalizedText } from '../identity/result';
import { deepDifficultyGroups } from '../monitoring/deepDifficulty';
import type { MemberFacts } from '../monitoring/facts';
import type { MemberInput } from './households.schemas';

/** A located problem with one field of a member (path relative to the member). */
export interface MemberProblem {
  field: string;
  code: string;
  message: LocalizedText;
}

/** What the server stores for a member's identity, derived once from the ID number. */
export interface PreparedMember {
  idNormalized: string;
  birthDate: string;
  sex: '男' | '女';
  disability: { category: number; grade: number; certificate: string } | null;
  phone: string | null;
}

/**
 * Validates a member's ID number (GB 11643; 15-digit numbers upgraded), cross-checks the given sex and
 * birth date, and derives disability category/grade from the certificate, which must belong to the
 * same person. Problems never repeat the number itself (privacy).
 */
export function prepareMember(
  input: Pick<MemberInput, 'idNumber' | 'sex' | 'birthDate' | 'disabilityCertificate' | 'phone'>,
  asOf: string,
): { ok: true; value: PreparedMember } | { ok: false; problems: MemberProblem[] } {
  const problems: MemberProblem[] = [];
  const id = parseIdNumber(input.idNumber, { asOf });
  if (!id.ok) return { ok: false, problems: [{ field: 'idNumber', code: id.code, message: id.message }] };
  for (const m of crossCheckIdWithPerson(id.value, {
    sex: input.sex ?? null,
    birthDate: input.birthDate ?? null,
  })) {
    problems.push({ field: m.field, code: m.code, message: m.message });
  }
  let disability: PreparedMember['disability'] = null;
  const cert = input.disabilityCertificate ? normalizeDigits(input.disabilityCertificate) : '';
  if (cert) {
    const parsed = parseDisabilityCertificate(cert, { asOf });
    if (!parsed.ok) {
      problems.push({ field: 'disabilityCertificate', code: parsed.code, message: parsed.message });
    } else if (parsed.value.id.normalized !== id.value.normalized) {
      problems.push({
        field: 'disabilityCertificate',
        code: 'disability.otherPerson',
        message: {
          zh: '残疾人证号与本人身份证号不一致',
          en: "The disability certificate does not belong to this member's ID number.",
        },
      });
    } else {
      disability = {
        category: parsed.value.category.code,
        grade: parsed.value.grade.code,
        certificate: parsed.value.normalized,
      };
    }
  }
  let phone: string | null = null;
  if (input.phone) {
    phone = normalizeDigits(input.phone).replace(/-/g, '');
    if (!/^\+?\d{7,15}$/.test(phone)) {
      problems.push({
        field: 'phone',
        code: 'phone.format',
        message: { zh: '联系电话格式不正确', en: 'The phone number is not valid.' },
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      idNormalized: id.value.normalized,
      birthDate: id.value.birthDate,
      sex: id.value.sex === 'male' ? '男' : '女',
      disability,
      phone,
    },
  };
}

/** The facts of a stored member that the monitoring rules read (no name, no ID number). */
export interface StoredMemberFacts {
  id: number;
  relation: string;
  birthDate: string;
  health: string;
  disabilityCategory: number | null;
  disabilityGrade: number | null;
  labour: string;
  schooling: string | null;
  outOfSchoolForHealth: boolean;
  medicalInsurance: boolean | null;
  criticalIllnessInsurance: boolean | null;
  familyDoctor: boolean | null;
  specialHardship: boolean;
  hasLegalSupporter: boolean | null;
}

/** Maps a stored member to the rules' MemberFacts. */
export function toMemberFacts(m: StoredMemberFacts): MemberFacts {
  const facts: MemberFacts = {
    key: String(m.id),
    relation: m.relation as MemberFacts['relation'],
    birthDate: m.birthDate,
    health: m.health as MemberFacts['health'],
    disability:
      m.disabilityCategory !== null && m.disabilityGrade !== null
        ? { category: m.disabilityCategory, grade: m.disabilityGrade }
        : null,
    labour: m.labour as MemberFacts['labour'],
    schooling: (m.schooling ?? null) as MemberFacts['schooling'],
    outOfSchoolForHealth: m.outOfSchoolForHealth,
    medicalInsurance: m.medicalInsurance,
    criticalIllnessInsurance: m.criticalIllnessInsurance,
    familyDoctor: m.familyDoctor,
    specialHardship: m.specialHardship,
  };
  if (m.hasLegalSupporter !== null) facts.hasLegalSupporterAbleToSupport = m.hasLegalSupporter;
  return facts;
}

/** R12 groups of one member: derived from the member's data plus those set by hand with evidence. */
export function memberDeepGroups(m: StoredMemberFacts, manual: readonly { group: string }[]): string[] {
  const derived = deepDifficultyGroups([toMemberFacts(m)]).members[0]?.groups.map((g) => g.group) ?? [];
  return [...new Set([...derived, ...manual.map((g) => g.group)])].sort();
}
