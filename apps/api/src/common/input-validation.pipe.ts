import { type ArgumentMetadata, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { GqlParamtype } from '@nestjs/graphql/dist/enums/gql-paramtype.enum.js'; // not re-exported by the package's root
import { rememberValidationRules } from './validation-rules.js';

/** What a client sends: GraphQL arguments, and an HTTP route's body, query string and path parameters. */
const INPUT: ReadonlySet<ArgumentMetadata['type'] | number> = new Set([GqlParamtype.ARGS, 'body', 'query', 'param']);

/**
 * class-validator on what a client sends, and on nothing else. Nest hands every resolver parameter
 * to the global pipes, a field resolver's parent (`@Parent()`) included, and ValidationPipe would
 * copy and validate the parent object (an entity the API itself loaded) once per field per row:
 * on a 25-row contact list, hundreds of copies per request for nothing. It finds each class's rules
 * once (see rememberValidationRules).
 */
export class InputValidationPipe extends ValidationPipe {
  constructor(options?: ValidationPipeOptions) {
    super(options);
    rememberValidationRules();
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return INPUT.has(metadata.type) && super.toValidate(metadata);
  }
}
