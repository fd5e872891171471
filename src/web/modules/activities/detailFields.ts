import type { z } from 'zod';
import { ACTIVITY_DETAILS, type ActivityType } from '../../../core/activities/activities.schemas';
import { fieldText } from './activityTypes';

/** The input control a details field needs, read from its core zod schema. */
export type FieldControl =
  | { kind: 'text'; max: number | null; multiline: boolean }
  | { kind: 'number'; integer: boolean; min: number | null; max: number | null }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'select'; options: string[] };

export interface DetailField {
  name: string;
  control: FieldControl;
  /** The value must be given (not optional, no default). */
  required: boolean;
  /** The schema's default (a new record starts with it). */
  defaultValue: unknown;
}

interface Introspectable {
  def: { type: string; innerType?: Introspectable; format?: string; defaultValue?: unknown };
  options?: readonly unknown[];
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

/** Strips optional / nullable / default wrappers; `required` is false when any was there. */
function unwrap(schema: Introspectable): { inner: Introspectable; required: boolean; defaultValue: unknown } {
  let inner = schema;
  let required = true;
  let defaultValue: unknown = undefined;
  while (['optional', 'nullable', 'default'].includes(inner.def.type) && inner.def.innerType) {
    required = false;
    if (inner.def.type === 'default') defaultValue = inner.def.defaultValue;
    inner = inner.def.innerType;
  }
  return { inner, required, defaultValue };
}

/** Longer free texts get a text area. */
const MULTILINE_FROM = 300;

export function describeField(schema: z.ZodType): {
  control: FieldControl | null;
  required: boolean;
  defaultValue: unknown;
} {
  const { inner, required, defaultValue } = unwrap(schema as unknown as Introspectable);
  const base = { required, defaultValue };
  switch (inner.def.type) {
    case 'string':
      if (inner.def.format === 'date') return { ...base, control: { kind: 'date' } };
      return {
        ...base,
        control: {
          kind: 'text',
          max: inner.maxLength ?? null,
          multiline: (inner.maxLength ?? 0) >= MULTILINE_FROM,
        },
      };
    case 'number':
      return {
        ...base,
        control: {
          kind: 'number',
          integer: inner.isInt === true,
          min: Number.isFinite(inner.minValue) ? (inner.minValue ?? null) : null,
          max: Number.isFinite(inner.maxValue) ? (inner.maxValue ?? null) : null,
        },
      };
    case 'boolean':
      return { ...base, control: { kind: 'boolean' } };
    case 'enum':
      return { ...base, control: { kind: 'select', options: (inner.options ?? []).map(String) } };
    default:
      // Unions and the like are derived by the server (the half-year of a purchase).
      return { ...base, control: null };
  }
}

/** The details fields a person enters for a record type, in the schema's order. */
export function detailFieldsOf(type: ActivityType): DetailField[] {
  const shape = ACTIVITY_DETAILS[type].shape as Record<string, z.ZodType>;
  const fields: DetailField[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    if (fieldText(type, name)?.derived) continue;
    const { control, required, defaultValue } = describeField(schema);
    if (control) fields.push({ name, control, required, defaultValue });
  }
  return fields;
}
