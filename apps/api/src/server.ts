import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DataSource } from 'typeorm';
import { AppModule, type AppOptions } from './app.module.js';
import { validationException } from './common/errors.js';
import { GraphQLErrorFilter } from './common/graphql-error.filter.js';

/** Builds the whole product: GraphQL at /graphql and the built web app at /, on one express server. */
export async function createApp(options: AppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: options.config.NODE_ENV === 'test' ? ['error'] : ['error', 'warn'],
    bodyParser: true,
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(new ValidationPipe({
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
  serveWebApp(app, path.resolve(options.config.WEB_DIST));
  return app;
}

function serveWebApp(app: NestExpressApplication, dist: string): void {
  const index = path.join(dist, 'index.html');
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    // GraphQL, and the calendar feeds' route (calendar/calendar-feed.controller.ts), are the API's own GETs.
    if (req.method !== 'GET' || req.path.startsWith('/graphql') || req.path.startsWith('/calendar/')) return next();
    if (!existsSync(index)) {
      res.status(503).type('html').send('<!doctype html><div id="root">The web app is not built yet: run <code>npm run build</code>.</div>');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
