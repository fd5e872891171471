import { parseIdNumber } from './idNumber';
import type { IdErrorCode, IdNumberInfo, ParseIdOptions } from './idNumber';
import { normalizeDigits } from './normalize';
import { err, ok } from './result';
import type { LocalizedText, Result } from './result';

/** Disability category codes (残疾类别) as printed in the 19th digit of a 残疾人证 number. */
export type DisabilityCategoryCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** Disability grade (残疾等级): 1 is the most severe. */
export type DisabilityGradeCode = 1 | 2 | 3 | 4;

/** Category labels from the data dictionary (视力1 听力2 言语3 肢体4 智力5 精神6 多重7); kept as data. */
export const DISABILITY_CATEGORIES: Readonly<Record<DisabilityCategoryCode, LocalizedText>> = {
  1: { zh: '视力残疾', en: 'visual' },
  2: { zh: '听力残疾', en: 'hearing' },
  3: { zh: '言语残疾', en: 'speech' },
  4: { zh: '肢体残疾', en: 'physical' },
  5: { zh: '智力残疾', en: 'intellectual' },
  6: { zh: '精神残疾', en: 'mental' },
  7: { zh: '多重残疾', en: 'multiple' },
};

/** Grade labels (一级 … 四级). */
export const DISABILITY_GRADES: Readonly<Record<DisabilityGradeCode, LocalizedText>> = {
  1: { zh: '一级', en: 'grade 1' },
  2: { zh: '二级', en: 'grade 2' },
  3: { zh: '三级', en: 'grade 3' },
  4: { zh: '四级', en: 'grade 4' },
};

/** Type guard for a category digit. */
export function isDisabilityCategory(n: number): n is DisabilityCategoryCode {
  return Number.isInteger(n) && n >= 1 && n <= 7;
}

/** Type guard for a grade digit. */
export function isDisabilityGrade(n: number): n is DisabilityGradeCode {
  return Number.isInteger(n) && n >= 1 && n <= 4;
}

/** What a disability certificate number tells us: the holder's ID plus category and grade. */
export interface DisabilityCertificateInfo {
  normalized: string;
  id: IdNumberInfo;
  category: { code: DisabilityCategoryCode; zh: string; en: string };
  grade: { code: DisabilityGradeCode; zh: string; en: string };
  /** Reissue marker "B1", "B2" … after the 20 digits, accepted leniently when present. */
  reissue?: number;
}

/** Error codes of certificate parsing; ID errors are passed through unchanged. */
export type DisabilityErrorCode =
  IdErrorCode | 'disability.length' | 'disability.category' | 'disability.grade';

/**
 * Parses a second-generation 残疾人证 number: valid 18-character ID + category digit (1–7) + grade digit (1–4),
 * so category and grade are derived from the number instead of typed again.
 */
export function parseDisabilityCertificate(
  input: string,
  opts?: ParseIdOptions,
): Result<DisabilityCertificateInfo, DisabilityErrorCode> {
  const s = normalizeDigits(input).replace(/^'/, '');
  const m = /^(.{20})(?:B(\d{1,2}))?$/.exec(s);
  if (!m || !m[1]) {
    return err(
      'disability.length',
      '残疾人证号应为 20 位（18 位身份证号 + 类别 + 等级）',
      'A disability certificate number has 20 characters (18-character ID + category + grade).',
    );
  }
  const body = m[1];
  const id = parseIdNumber(body.slice(0, 18), opts);
  if (!id.ok) return id;
  const cat = Number(body[18]);
  if (!/^\d$/.test(body[18] ?? '') || !isDisabilityCategory(cat)) {
    return err(
      'disability.category',
      '残疾人证号第 19 位（残疾类别）应为 1–7',
      'Character 19 (category) of a disability certificate number must be 1–7.',
    );
  }
  const grade = Number(body[19]);
  if (!/^\d$/.test(body[19] ?? '') || !isDisabilityGrade(grade)) {
    return err(
      'disability.grade',
      '残疾人证号第 20 位（残疾等级）应为 1–4',
      'Character 20 (grade) of a disability certificate number must be 1–4.',
    );
  }
  const info: DisabilityCertificateInfo = {
    normalized: s,
    id: id.value,
    category: { code: cat, ...DISABILITY_CATEGORIES[cat] },
    grade: { code: grade, ...DISABILITY_GRADES[grade] },
  };
  if (m[2] !== undefined) info.reissue = Number(m[2]);
  return ok(info);
}
