import type { LocalizedText } from '../../../core/errors/errors';
import {
  MANUAL_GROUP_REPEATED,
  MemberInputSchema,
  MemberUpdateSchema,
  type Member,
  type MemberInput,
  type MemberUpdate,
} from '../../../core/households/households.schemas';
import { prepareMember } from '../../../core/households/member';
import { ageOn } from '../../../core/identity/dates';
import { parseDisabilityCertificate } from '../../../core/identity/disability';
import { parseIdNumber } from '../../../core/identity/idNumber';
import { normalizeDigits } from '../../../core/identity/normalize';
import type { IssueLike } from '../../ui/formErrors';
import type { FormProblem } from './formProblems';

/**
 * The member form's values: the API body's own field names (so server error paths land on the fields
 * as they are), with text left as typed. Yes/no facts are `true | false | null` (null = not verified).
 * On edit the ID number, certificate and phone are not known to the browser (masked): blank keeps
 * the stored value, a new entry replaces it.
 */
export interface MemberFormValues {
  name?: string;
  idNumber?: string;
  relation?: MemberInput['relation'];
  ethnicity?: string | null;
  education?: string | null;
  schooling?: MemberInput['schooling'];
  outOfSchoolForHealth?: boolean;
  health?: MemberInput['health'];
  disabilityCertificate?: string | null;
  /** Edit only: the member no longer holds a certificate. */
  removeDisability?: boolean;
  labour?: MemberInput['labour'];
  workStatus?: string | null;
  workMonths?: number | null;
  workPlace?: string | null;
  medicalInsurance?: boolean | null;
  criticalIllnessInsurance?: boolean | null;
  pensionInsurance?: boolean | null;
  familyDoctor?: boolean | null;
  specialHardship?: boolean;
  hasLegalSupporterAbleToSupport?: boolean | null;
  phone?: string | null;
  /** R12 groups set by hand; each row needs its evidence (the form list, rows as the clerk left them). */
  deepGroupsManual?: ManualGroupRow[];
}

/** One hand-set group row of the form: a group and the document that proves it. */
export interface ManualGroupRow {
  group?: string | null;
  evidence?: string | null;
}

/** Fields copied as they are (no identity derivation), compared with the stored member on edit. */
const PLAIN_FIELDS = [
  'name',
  'relation',
  'ethnicity',
  'education',
  'schooling',
  'outOfSchoolForHealth',
  'health',
  'labour',
  'workStatus',
  'workMonths',
  'workPlace',
  'medicalInsurance',
  'criticalIllnessInsurance',
  'pensionInsurance',
  'familyDoctor',
  'specialHardship',
  'hasLegalSupporterAbleToSupport',
] as const satisfies readonly (keyof MemberFormValues & keyof Member)[];

/** A new member's starting values: insurance not yet verified, healthy, normal labour. */
export function newMemberValues(): MemberFormValues {
  return {
    deepGroupsManual: [],
    relation: undefined,
    health: 'healthy',
    labour: 'normal',
    schooling: null,
    outOfSchoolForHealth: false,
    specialHardship: false,
    medicalInsurance: null,
    criticalIllnessInsurance: null,
    pensionInsurance: null,
    familyDoctor: null,
    hasLegalSupporterAbleToSupport: null,
  };
}

/** A stored member as form values (identity fields blank: they are masked). */
export function memberValuesOf(m: Member): MemberFormValues {
  const values: MemberFormValues = {
    idNumber: '',
    disabilityCertificate: '',
    phone: '',
    removeDisability: false,
    deepGroupsManual: m.deepGroupsManual.map((g) => ({ group: g.group, evidence: g.evidence })),
  };
  for (const k of PLAIN_FIELDS) (values as Record<string, unknown>)[k] = m[k];
  return values;
}

/** Text as the API wants it: trimmed, empty → null. */
function clean(value: string | null | undefined): string | null {
  const t = value?.trim() ?? '';
  return t === '' ? null : t;
}

function normalized(values: MemberFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of PLAIN_FIELDS) {
    const v = values[k];
    out[k] = typeof v === 'string' ? (k === 'name' ? v.trim() : clean(v)) : (v ?? null);
  }
  if (out.outOfSchoolForHealth === null) out.outOfSchoolForHealth = false;
  if (out.specialHardship === null) out.specialHardship = false;
  return out;
}

/** The hand-set rows as the API wants them: evidence trimmed, rows kept in place (errors keep their index). */
function manualGroups(rows: readonly ManualGroupRow[] | undefined): { group: unknown; evidence: string }[] {
  return (rows ?? []).map((r) => ({ group: r?.group ?? undefined, evidence: (r?.evidence ?? '').trim() }));
}

/** Schema issues as form problems; the repeated-group rule gets its bilingual words. */
function schemaProblems(issues: readonly IssueLike[]): FormProblem[] {
  return issues.map((issue) =>
    issue.code === 'custom' && issue.path[0] === 'deepGroupsManual'
      ? {
          kind: 'text',
          name: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: MANUAL_GROUP_REPEATED,
        }
      : { kind: 'issue', issue },
  );
}

export type MemberBuild<T> = { ok: true; body: T } | { ok: false; problems: FormProblem[] };

function identityProblems(
  input: { idNumber: string; disabilityCertificate?: string | null; phone?: string | null },
  asOf: string,
): FormProblem[] {
  const r = prepareMember(input, asOf);
  return r.ok ? [] : r.problems.map((p) => ({ kind: 'text', name: [p.field], message: p.message }));
}

/**
 * The POST body of a new member, checked with the server's own schema and identity rules (ID number
 * check character and birth date, certificate of the same person, phone), so a typing error is named
 * before anything is sent.
 */
export function buildNewMember(values: MemberFormValues, asOf: string): MemberBuild<MemberInput> {
  const body = {
    ...normalized(values),
    idNumber: normalizeDigits(values.idNumber ?? ''),
    disabilityCertificate: clean(values.disabilityCertificate),
    phone: clean(values.phone),
    deepGroupsManual: manualGroups(values.deepGroupsManual),
  };
  const parsed = MemberInputSchema.safeParse(body);
  const problems: FormProblem[] = parsed.success ? [] : schemaProblems(parsed.error.issues);
  if (body.idNumber) problems.push(...identityProblems(body, asOf));
  if (!parsed.success || problems.length) return { ok: false, problems };
  return { ok: true, body: parsed.data };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The PATCH body of an edit: only what changed (the timeline names the changed fields). A new ID number
 * is checked in full; a new certificate alone is checked for its own form (the server checks it
 * belongs to the stored ID number).
 */
export function buildMemberUpdate(
  values: MemberFormValues,
  before: Member,
  asOf: string,
): MemberBuild<MemberUpdate> {
  const after = normalized(values);
  const body: Record<string, unknown> = {};
  for (const k of PLAIN_FIELDS) if (!same(after[k], before[k])) body[k] = after[k];
  const idNumber = clean(values.idNumber);
  const certificate = clean(values.disabilityCertificate);
  const phone = clean(values.phone);
  if (idNumber) body.idNumber = normalizeDigits(idNumber);
  if (certificate) body.disabilityCertificate = certificate;
  else if (values.removeDisability && before.disability) body.disabilityCertificate = null;
  if (phone) body.phone = phone;
  // The list is replaced whole when anything in it changed.
  const manual = manualGroups(values.deepGroupsManual);
  if (
    !same(
      manual,
      before.deepGroupsManual.map((g) => ({ group: g.group, evidence: g.evidence })),
    )
  )
    body.deepGroupsManual = manual;

  const parsed = MemberUpdateSchema.safeParse(body);
  const problems: FormProblem[] = parsed.success ? [] : schemaProblems(parsed.error.issues);
  if (idNumber) {
    problems.push(
      ...identityProblems(
        { idNumber: normalizeDigits(idNumber), disabilityCertificate: certificate, phone },
        asOf,
      ),
    );
  } else if (certificate) {
    const cert = parseDisabilityCertificate(normalizeDigits(certificate), { asOf });
    if (!cert.ok) problems.push({ kind: 'text', name: ['disabilityCertificate'], message: cert.message });
  }
  if (!parsed.success || problems.length) return { ok: false, problems };
  return { ok: true, body: parsed.data };
}

/** What an ID number tells the clerk as it is typed: birth date, sex and age, or why it is wrong. */
export type IdPreview =
  | { ok: true; birthDate: string; sex: '男' | '女'; age: number; upgraded: boolean }
  | { ok: false; message: LocalizedText }
  | null;

export function previewIdNumber(value: string | null | undefined, asOf: string): IdPreview {
  const s = normalizeDigits(value ?? '');
  if (!s) return null;
  const r = parseIdNumber(s, { asOf });
  if (!r.ok) return { ok: false, message: r.message };
  return {
    ok: true,
    birthDate: r.value.birthDate,
    sex: r.value.sex === 'male' ? '男' : '女',
    age: ageOn(r.value.birthDate, asOf),
    upgraded: !!r.value.upgradedFrom15,
  };
}

/** What a disability certificate number says: category and grade, or why it is wrong. */
export type CertificatePreview =
  { ok: true; category: LocalizedText; grade: LocalizedText } | { ok: false; message: LocalizedText } | null;

export function previewCertificate(value: string | null | undefined, asOf: string): CertificatePreview {
  const s = normalizeDigits(value ?? '');
  if (!s) return null;
  const r = parseDisabilityCertificate(s, { asOf });
  if (!r.ok) return { ok: false, message: r.message };
  return { ok: true, category: r.value.category, grade: r.value.grade };
}

/** A server error path (`member.idNumber`, `idNumber`) as the form field it names, or null. */
export function memberFieldFor(name: (string | number)[]): (string | number)[] | null {
  const rest = name[0] === 'member' ? name.slice(1) : name;
  const field = rest[0];
  if (typeof field !== 'string') return null;
  const known: readonly string[] = [...PLAIN_FIELDS, 'idNumber', 'disabilityCertificate', 'phone'];
  if (field === 'sex' || field === 'birthDate') return ['idNumber'];
  if (field === 'hasLegalSupporter') return ['hasLegalSupporterAbleToSupport'];
  // A hand-set row's group or evidence (`deepGroupsManual.0.evidence`); the list as a whole otherwise.
  if (field === 'deepGroupsManual') {
    const [index, part] = rest.slice(1);
    return typeof index === 'number' && (part === 'group' || part === 'evidence')
      ? [field, index, part]
      : null;
  }
  return known.includes(field) ? [field] : null;
}
