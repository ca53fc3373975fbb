/** The API's committed schema (apps/api/schema.gql) as introspection data, built into the app by vite.config.ts. */
declare module 'virtual:api-schema' {
  import type { IntrospectionSchema } from 'graphql';

  const schema: IntrospectionSchema;
  export default schema;
}
