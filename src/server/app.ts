import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from './deps';
import { auditRoutes } from './domains/audit/audit.routes';
import { authRoutes } from './domains/auth/auth.routes';
import { demoRoutes } from './domains/demo/demo.routes';
import { healthRoutes } from './domains/health/health.routes';
import { plansRoutes } from './domains/plans/plans.routes';
import { activitiesRoutes } from './domains/activities/activities.routes';
import { progressRoutes } from './domains/progress/progress.routes';
import { unitPlansRoutes } from './domains/plans/unit-plans.routes';
import { casesRoutes } from './domains/cases/cases.routes';
import { householdsRoutes } from './domains/households/households.routes';
import { registryImportRoutes } from './domains/registry-import/registry-import.routes';
import { screeningRoutes } from './domains/screening/screening.routes';
import { regionsRoutes } from './domains/regions/regions.routes';
import { unitsRoutes } from './domains/units/units.routes';
import { usersRoutes } from './domains/users/users.routes';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { VERSION } from './version';

export interface AppOptions {
  /** Fastify logger options; false in tests. */
  logger?: boolean | object;
  /** Serve the built web app from config.webDir when it exists (default true). */
  serveWeb?: boolean;
}

/** Builds the HTTP application around its dependencies; tests call this with a fresh database. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const webDir = deps.config.webDir;
  const serveWeb = options.serveWeb !== false && fs.existsSync(path.join(webDir, 'index.html'));
  await app.register(errorsPlugin, { spaFallback: serveWeb });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd's CSS-in-JS writes <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Bangfu 帮扶 API', version: VERSION, description: '县域结对及困难群众帮扶工作平台' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'bangfu_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  await app.register(authPlugin, { deps });

  await app.register(healthRoutes, { deps });
  await app.register(demoRoutes, { deps });
  await app.register(authRoutes, { deps });
  await app.register(usersRoutes, { deps });
  await app.register(unitsRoutes, { deps });
  await app.register(regionsRoutes, { deps });
  await app.register(auditRoutes, { deps });
  await app.register(plansRoutes, { deps });
  await app.register(unitPlansRoutes, { deps });
  await app.register(activitiesRoutes, { deps });
  await app.register(progressRoutes, { deps });
  await app.register(householdsRoutes, { deps });
  await app.register(casesRoutes, { deps });
  await app.register(registryImportRoutes, { deps });
  await app.register(screeningRoutes, { deps });

  return app;
}
