import type {
  HouseholdDetail,
  HouseholdSummary,
  HouseholdYear,
  Member,
} from '../../../core/households/households.schemas';
import { ageOn } from '../../../core/identity/dates';
import { maskBankAccount, maskPhone } from '../../../core/identity/mask';
import { disabilityLabel } from '../../../core/monitoring/format';
import { flagTitle } from '../../../core/monitoring/rules';
import type { Pii } from '../../pii/pii';
import type { HouseholdListRow, HouseholdRow, HouseholdYearRow, MemberRow } from './households.repository';

const masked = (pii: Pii, cipher: string | null, mask: (s: string) => string) =>
  cipher ? mask(pii.decrypt(cipher)) : null;

/** A member as it leaves the server: the ID number masked, never the ciphertext or hash. */
export function presentMember(row: MemberRow, pii: Pii, today: string): Member {
  return {
    id: row.id,
    name: row.name,
    idNumberMasked: row.idMasked,
    sex: row.sex,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    relation: row.relation,
    ethnicity: row.ethnicity,
    education: row.education,
    schooling: row.schooling,
    outOfSchoolForHealth: row.outOfSchoolForHealth,
    health: row.health,
    disability:
      row.disabilityCategory !== null && row.disabilityGrade !== null
        ? {
            category: row.disabilityCategory,
            grade: row.disabilityGrade,
            label: disabilityLabel({ category: row.disabilityCategory, grade: row.disabilityGrade }).zh,
          }
        : null,
    labour: row.labour,
    workStatus: row.workStatus,
    workMonths: row.workMonths,
    workPlace: row.workPlace,
    medicalInsurance: row.medicalInsurance,
    criticalIllnessInsurance: row.criticalIllnessInsurance,
    pensionInsurance: row.pensionInsurance,
    familyDoctor: row.familyDoctor,
    specialHardship: row.specialHardship,
    hasLegalSupporterAbleToSupport: row.hasLegalSupporter,
    phoneMasked: masked(pii, row.phoneCipher, maskPhone),
    deepGroups: row.deepGroups,
    deepGroupsManual: row.deepGroupsManual,
    active: row.active,
    leftReason: row.leftReason,
  };
}

export function presentSummary(row: HouseholdListRow): HouseholdSummary {
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName: row.regionName,
    townName: row.townName,
    householdNo: row.householdNo,
    headName: row.headName,
    attribute: row.attribute,
    monitoringStatus: row.monitoringStatus as HouseholdSummary['monitoringStatus'],
    monitoringType: row.monitoringType,
    size: row.size,
    deepGroups: row.deepGroups,
    flagged: row.flagged,
    flagRules: row.flagRules,
    perCapitaNetIncome: row.perCapitaNetIncome,
    active: row.active,
  };
}

export function presentHousehold(
  row: HouseholdRow,
  members: MemberRow[],
  years: HouseholdYearRow[],
  pii: Pii,
  today: string,
): HouseholdDetail {
  const latest = years.at(-1);
  return {
    ...presentSummary({
      ...row,
      flagged: latest?.flagged ?? null,
      flagRules: latest?.flagRules ?? [],
      perCapitaNetIncome: latest?.perCapitaNetIncome ?? null,
    }),
    villageGroup: row.villageGroup,
    address: row.address,
    phoneMasked: masked(pii, row.phoneCipher, maskPhone),
    bankName: row.bankName,
    bankAccountMasked: masked(pii, row.bankAccountCipher, maskBankAccount),
    povertyExitFlag: row.povertyExitFlag,
    monitoringSince: row.monitoringSince,
    monitoringUntil: row.monitoringUntil,
    riskEliminationMethod: row.riskEliminationMethod,
    riskCauses: row.riskCauses,
    mainCause: row.mainCause,
    specialHardship: row.specialHardship,
    assistUnitId: row.assistUnitId,
    assistPerson: row.assistPerson,
    collectedBy: row.collectedBy,
    collectedOn: row.collectedOn,
    members: members.map((m) => presentMember(m, pii, today)),
    years: years.map((y) => y.year),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The columns of a household-year that hold its figures (econ). */
export type YearEconColumns = Pick<
  HouseholdYearRow,
  | 'wages'
  | 'netBusinessIncome'
  | 'propertyIncome'
  | 'transferIncome'
  | 'businessCosts'
  | 'rigidMedical'
  | 'rigidEducation'
  | 'rigidDisaster'
  | 'rigidOther'
>;

const presentEcon = (row: YearEconColumns): HouseholdYear['econ'] => ({
  wages: row.wages,
  netBusinessIncome: row.netBusinessIncome,
  propertyIncome: row.propertyIncome,
  transferIncome: row.transferIncome,
  businessCosts: row.businessCosts,
  rigidExpenditure: {
    medical: row.rigidMedical,
    education: row.rigidEducation,
    disaster: row.rigidDisaster,
    other: row.rigidOther,
  },
});

export function presentYear(row: HouseholdYearRow): HouseholdYear {
  return {
    householdId: row.householdId,
    year: row.year,
    asOf: row.asOf,
    econ: presentEcon(row),
    housing: { grade: row.housingGrade },
    water: row.water as HouseholdYear['water'],
    foodClothing: row.foodClothing as HouseholdYear['foodClothing'],
    householdSize: row.householdSize,
    perCapitaNetIncome: row.perCapitaNetIncome,
    evaluation: row.evaluation as HouseholdYear['evaluation'],
    // The stored verdicts and flags are compact; the service fills in the explained ones (explainYear).
    assessment: [],
    flags: [],
    notEvaluated: [],
    flagged: row.flagged,
    evaluatedAt: row.evaluatedAt?.toISOString() ?? null,
  };
}

/** What the audit log keeps of a household-year: its figures and the rules it triggered. */
export function auditYear(row: YearEconColumns & Pick<HouseholdYearRow, 'flagRules'>) {
  return { econ: presentEcon(row), flagRules: row.flagRules };
}

/** The timeline entry of a recorded household-year (no personal data): income and triggered rules. */
export function yearEventSummary(
  row: Pick<HouseholdYearRow, 'year' | 'flagged' | 'flags' | 'perCapitaNetIncome' | 'evaluation'>,
) {
  const flags = row.flagged
    ? `，触发 ${(row.flags as { rule: string; criterionKey?: string }[]).map((f) => flagTitle(f.rule, f.criterionKey).zh).join('、')}`
    : '，未触发监测规则';
  return {
    zh: `录入 ${row.year} 年收支，人均纯收入 ${row.perCapitaNetIncome ?? '—'} 元${row.evaluation === 'evaluated' ? flags : '（年度参数未设置，未评估）'}`,
    en: `${row.year} economics recorded`,
  };
}

/** What the audit log keeps of a household: no ciphertext, no full numbers. */
export function auditHousehold(row: Omit<HouseholdRow, 'regionName' | 'townName' | 'size'>) {
  return {
    regionCode: row.regionCode,
    householdNo: row.householdNo,
    headName: row.headName,
    attribute: row.attribute,
    povertyExitFlag: row.povertyExitFlag,
    monitoringStatus: row.monitoringStatus,
    monitoringType: row.monitoringType,
    assistUnitId: row.assistUnitId,
    hasPhone: !!row.phoneCipher,
    hasBankAccount: !!row.bankAccountCipher,
    active: row.active,
  };
}

export function auditMember(row: MemberRow) {
  return {
    name: row.name,
    idNumberMasked: row.idMasked,
    relation: row.relation,
    health: row.health,
    labour: row.labour,
    schooling: row.schooling,
    active: row.active,
    deepGroups: row.deepGroups,
    // R12: who set a group by hand, on what evidence, is what an auditor asks about.
    deepGroupsManual: row.deepGroupsManual,
  };
}
