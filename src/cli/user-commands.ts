import { eq } from 'drizzle-orm';
import type { Role } from '../core/accounts/roles';
import { UserCreateSchema } from '../core/accounts/accounts.schemas';
import { AppError } from '../core/errors/errors';
import { units } from '../server/db/schema';
import { SYSTEM_ACTOR } from '../server/demo/demo';
import type { Deps } from '../server/deps';
import { findUserByUsername } from '../server/domains/users/users.repository';
import { createUser, resetPassword } from '../server/domains/users/users.service';

const CLI_ACTOR = { ...SYSTEM_ACTOR, username: 'cli' };

/** `bangfu user add`: the same validation, policy and audit as the web form. */
export async function addUser(
  deps: Deps,
  opts: {
    username: string;
    name: string;
    role: Role;
    region?: string | undefined;
    unit?: string | undefined;
    password: string;
  },
) {
  let unitId: number | null = null;
  if (opts.unit) {
    const [u] = await deps.db.select({ id: units.id }).from(units).where(eq(units.name, opts.unit));
    if (!u)
      throw new AppError('validation', undefined, [
        { path: 'unit', code: 'unit.not_found', message: { zh: '没有这个单位', en: 'No such unit' } },
      ]);
    unitId = u.id;
  }
  const parsed = UserCreateSchema.safeParse({
    username: opts.username,
    displayName: opts.name,
    role: opts.role,
    regionCode: opts.region ?? null,
    unitId,
    password: opts.password,
  });
  if (!parsed.success) {
    throw new AppError(
      'validation',
      undefined,
      parsed.error.issues.map((i) => ({
        path: i.path.join('.'),
        code: `validation.${i.code}`,
        message: { zh: i.message, en: i.message },
      })),
    );
  }
  return createUser(deps, CLI_ACTOR, parsed.data);
}

export async function resetUserPassword(deps: Deps, username: string, password: string) {
  const found = await findUserByUsername(deps.db, username);
  if (!found) throw new AppError('not_found', { zh: '没有这个用户', en: 'No such user' });
  await resetPassword(deps, CLI_ACTOR, found.id, password);
}
