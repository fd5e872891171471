import { z } from 'zod';
import { ErrorResponseSchema, type ERROR_STATUS } from '../../core/errors/errors';

type ErrorStatus = (typeof ERROR_STATUS)[keyof typeof ERROR_STATUS];

/** The error answers a route documents (all in the one error shape), for its `response:` schema. */
export function errorResponses<S extends ErrorStatus>(
  ...statuses: S[]
): Record<S, typeof ErrorResponseSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponseSchema])) as Record<
    S,
    typeof ErrorResponseSchema
  >;
}

/** `:id` path parameter of a numeric record id. */
export const IdParams = z.object({ id: z.coerce.number().int().positive() });

/** The answer of a mutation that returns nothing else. */
export const OkSchema = z.object({ ok: z.literal(true) });
