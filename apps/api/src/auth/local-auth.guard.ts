import { type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationException } from '../common/errors.js';
import { LoginArgs } from './login.args.js';

/**
 * passport-local for the GraphQL login mutation: its arguments are the credentials. Guards run before
 * pipes, so the arguments are checked here, before any work (no database, no argon2): an overlong
 * email or password is bad input, not a login attempt.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const args = plainToInstance(LoginArgs, GqlExecutionContext.create(context).getArgs<LoginArgs>());
    const errors = validateSync(args);
    if (errors.length) throw validationException(errors);
    return super.canActivate(context);
  }

  override getRequest(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context);
    const req = ctx.getContext().req;
    const { email, password } = ctx.getArgs<LoginArgs>();
    req.body = { ...(typeof req.body === 'object' ? req.body : {}), email, password };
    return req;
  }
}
