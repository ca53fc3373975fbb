import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { RequestLoaders } from './loaders.js';

export interface GqlContext {
  req: Request & { user?: AuthUser };
  loaders: RequestLoaders;
}
