import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DataSource } from 'typeorm';
import { AppModule, type AppOptions } from './app.module.js';
import { validationException } from './common/errors.js';
import { InputValidationPipe } from './common/input-validation.pipe.js';
import { GraphQLErrorFilter } from './common/graphql-error.filter.js';

/** Builds the whole product: GraphQL at /graphql and the built web app at /, on one express server. */
export async function createApp(options: AppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: options.config.NODE_ENV === 'test' ? ['error'] : ['error', 'warn'],
    bodyParser: true,
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(new InputValidationPipe({
    transform: true,
    whitelist: true,
    // Unknown input fields are already refused by GraphQL validation; whitelist strips what args classes do not declare.
    forbidNonWhitelisted: false,
    exceptionFactory: validationException,
  }));
  app.useGlobalFilters(new GraphQLErrorFilter());
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // MUI injects its styles at run time
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  }));
  // Same origin only unless CORS_ORIGINS names the origins that may call the API from a browser.
  if (options.config.corsOrigins.length) app.enableCors({ origin: options.config.corsOrigins, credentials: false });
  app.disable('x-powered-by');
  if (options.config.TRUST_PROXY) app.set('trust proxy', Number(options.config.TRUST_PROXY));
  const db = app.get(DataSource);
  app.use('/healthz', (_req: Request, res: Response) => {
    db.query('SELECT 1').then(() => res.json({ status: 'ok' }), () => res.status(503).json({ status: 'database unavailable' }));
  });
  serveWebApp(app, path.resolve(options.config.WEB_DIST), apiRoots(app));
  return app;
}

/** A path's first segment, lower-cased (express matches routes without regard to case): `/Cases/x` → `cases`. */
const rootOf = (p: unknown) => String(p ?? '').replace(/^\/+/, '').split('/')[0].toLowerCase();

/**
 * The first path segment of every API route: GraphQL, the health check and every controller's
 * (`export`, `cases`, …), read from Nest's own route metadata, so a new controller is never shadowed
 * by the web app's fallback below.
 */
export function apiRoots(app: INestApplication): Set<string> {
  const roots = new Set(['graphql', 'healthz']);
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const own = [Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined].flat().map(rootOf);
      // A controller without a path of its own: its routes' paths.
      const routes = own.some(Boolean) ? own : Object.getOwnPropertyNames(metatype.prototype)
        .flatMap((name) => [Reflect.getMetadata(PATH_METADATA, metatype.prototype[name] as object ?? {}) as string | string[] | undefined].flat().map(rootOf));
      for (const root of routes) if (root) roots.add(root);
    }
  }
  return roots;
}

/**
 * The built web app: its files, and index.html for any other GET (a page the web app routes itself),
 * except under the API's paths (`apiRoots`), which Nest answers, a route it does not know with a 404.
 * This runs before Nest's routes (express middleware added before the app starts): without that
 * exception it would answer `GET /cases/…/documents/…` with the web app.
 */
function serveWebApp(app: NestExpressApplication, dist: string, api: ReadonlySet<string>): void {
  const index = path.join(dist, 'index.html');
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || api.has(rootOf(req.path))) return next();
    if (!existsSync(index)) {
      res.status(503).type('html').send('<!doctype html><div id="root">The web app is not built yet: run <code>npm run build</code>.</div>');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
