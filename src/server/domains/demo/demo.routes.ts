import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RoleSchema } from '../../../core/accounts/accounts.schemas';
import { demoAccounts } from '../../demo/demo';
import type { Deps } from '../../deps';

const DemoInfoSchema = z.object({
  loaded: z.boolean(),
  accounts: z.array(
    z.object({ username: z.string(), role: RoleSchema, displayName: z.string(), scope: z.string() }),
  ),
  password: z.string().optional(),
});

/** Public: the login page lists the demo accounts, but only while demo data is loaded. */
export const demoRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/demo',
    {
      schema: {
        tags: ['system'],
        summary: '演示账号 Demo accounts (only while demo data is loaded)',
        response: { 200: DemoInfoSchema },
      },
    },
    async () => demoAccounts(deps),
  );
};
