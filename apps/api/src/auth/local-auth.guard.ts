import { type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';

/** passport-local for the GraphQL login mutation: its arguments are the credentials. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context);
    const req = ctx.getContext().req;
    const { email, password } = ctx.getArgs<{ email: string; password: string }>();
    req.body = { ...(typeof req.body === 'object' ? req.body : {}), email, password };
    return req;
  }
}
