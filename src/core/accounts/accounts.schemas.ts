import { z } from 'zod';
import { checkPassword } from './password-policy';
import { ROLES, UNIT_KINDS } from './roles';

export const RoleSchema = z.enum(ROLES);
export const UnitKindSchema = z.enum(UNIT_KINDS);

export const UsernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, { message: '用户名只能包含字母、数字和 _ . -' });

export const RegionCodeSchema = z.string().regex(/^\d{12}$/, { message: '区划代码应为 12 位数字' });

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const MeSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  csrfToken: z.string(),
  sessionIdleMinutes: z.number(),
});
export type Me = z.infer<typeof MeSchema>;

export const UserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

const passwordField = z.string().min(1).max(256);

/** Adds the password policy (needs the username, so it is checked on the whole object). */
function withPasswordPolicy<T extends { username: string; password: string }>(
  value: T,
  ctx: z.RefinementCtx,
) {
  const problem = checkPassword(value.password, value.username);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem.zh });
}

export const UserCreateSchema = z
  .object({
    username: UsernameSchema,
    displayName: z.string().trim().min(1).max(64),
    role: RoleSchema,
    regionCode: RegionCodeSchema.nullable().optional(),
    unitId: z.number().int().positive().nullable().optional(),
    password: passwordField,
  })
  .superRefine(withPasswordPolicy);
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  role: RoleSchema.optional(),
  regionCode: RegionCodeSchema.nullable().optional(),
  unitId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const PasswordResetSchema = z.object({ password: passwordField });
export const PasswordChangeSchema = z.object({ currentPassword: passwordField, newPassword: passwordField });

export const UnitSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: UnitKindSchema,
  regionCode: z.string().nullable(),
  leaderName: z.string().nullable(),
  active: z.boolean(),
  userCount: z.number(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitCreateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  kind: UnitKindSchema,
  regionCode: RegionCodeSchema.nullable().optional(),
  leaderName: z.string().trim().max(64).nullable().optional(),
});
export type UnitCreate = z.infer<typeof UnitCreateSchema>;
export const UnitUpdateSchema = UnitCreateSchema.partial().extend({ active: z.boolean().optional() });
export type UnitUpdate = z.infer<typeof UnitUpdateSchema>;

/** Keyset page: `after` is the last id of the previous page. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.coerce.number().int().nonnegative().optional(),
});
