/**
 * How an indicator of the year's plan is measured from the records (ARCHITECTURE: indicator progress
 * is computed from the records; manual figures only where no record type exists, and then with evidence).
 */
import { z } from 'zod';
import { ACTIVITY_DETAILS, ActivityTypeSchema, type ActivityType } from '../activities/activities.schemas';

/**
 * Equality conditions on a record type's `details` ({ mode: 'local' }, { visitorLevel: 'town' }); all
 * must hold. Checked against the type's schema when the indicator is saved.
 */
export const RecordFilterSchema = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  z.union([z.string(), z.number(), z.boolean()]),
);
export type RecordFilter = z.infer<typeof RecordFilterSchema>;

/** Number of records of a type (visits, trainings, bases…). `distinctOn: 'date'` counts days, e.g. purchasing trips. */
export const CountMeasurementSchema = z.object({
  kind: z.literal('count'),
  recordType: ActivityTypeSchema,
  filter: RecordFilterSchema.default({}),
  distinctOn: z.literal('date').nullish(),
});

/** Number of distinct people named by records (R6: one person placed twice counts once; keyed hash of the ID). */
export const DistinctPeopleMeasurementSchema = z.object({
  kind: z.literal('distinct_people'),
  recordType: ActivityTypeSchema,
  filter: RecordFilterSchema.default({}),
});

/** Sum of the records' amount (yuan) or people count (donations ≥40万元, R7). */
export const SumMeasurementSchema = z.object({
  kind: z.literal('sum'),
  recordType: ActivityTypeSchema,
  filter: RecordFilterSchema.default({}),
  field: z.enum(['amountYuan', 'peopleCount']),
});

/** The measurements a ratio can divide. */
export const BaseMeasurementSchema = z.discriminatedUnion('kind', [
  CountMeasurementSchema,
  DistinctPeopleMeasurementSchema,
  SumMeasurementSchema,
]);
export type BaseMeasurement = z.infer<typeof BaseMeasurementSchema>;

/** numerator ÷ denominator × 100, in % (e.g. share of placed people who are registered poor). */
export const RatioMeasurementSchema = z.object({
  kind: z.literal('ratio'),
  numerator: BaseMeasurementSchema,
  denominator: BaseMeasurementSchema,
});

/** A figure typed in by the office with its evidence, for targets no record type covers (R3 funds, until that module exists). */
export const ManualMeasurementSchema = z.object({ kind: z.literal('manual') });

export const MeasurementSchema = z.discriminatedUnion('kind', [
  CountMeasurementSchema,
  DistinctPeopleMeasurementSchema,
  SumMeasurementSchema,
  RatioMeasurementSchema,
  ManualMeasurementSchema,
]);
export type Measurement = z.infer<typeof MeasurementSchema>;

/** The record-based parts of a measurement (none for manual, two for a ratio). */
export function baseMeasurements(m: Measurement): BaseMeasurement[] {
  if (m.kind === 'manual') return [];
  if (m.kind === 'ratio') return [m.numerator, m.denominator];
  return [m];
}

/** A located problem with a filter; `path` is relative to the measurement. */
export interface FilterProblem {
  path: string;
  message: { zh: string; en: string };
}

/** Checks each filter key against the record type's details schema: a typo would silently count nothing. */
export function checkMeasurement(m: Measurement): FilterProblem[] {
  const problems: FilterProblem[] = [];
  const check = (base: BaseMeasurement, prefix: string) => {
    const shape = ACTIVITY_DETAILS[base.recordType as ActivityType].shape as Record<string, z.ZodType>;
    for (const [key, value] of Object.entries(base.filter)) {
      const field = shape[key];
      if (!field) {
        problems.push({
          path: `${prefix}filter.${key}`,
          message: {
            zh: `记录类型没有字段 ${key}`,
            en: `Records of type ${base.recordType} have no field ${key}`,
          },
        });
      } else if (!field.safeParse(value).success) {
        problems.push({
          path: `${prefix}filter.${key}`,
          message: { zh: `字段 ${key} 不能取该值`, en: `Field ${key} cannot take this value` },
        });
      }
    }
  };
  if (m.kind === 'ratio') {
    check(m.numerator, 'numerator.');
    check(m.denominator, 'denominator.');
  } else if (m.kind !== 'manual') {
    check(m, '');
  }
  return problems;
}
