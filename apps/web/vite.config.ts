import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

const API_SCHEMA = fileURLToPath(new URL('../api/schema.gql', import.meta.url));
const SCHEMA_MODULE = 'virtual:api-schema';

/**
 * `import schema from 'virtual:api-schema'`: the API's committed schema.gql as introspection data, read at build
 * time, so the data provider knows every type, field and input without asking the server (whose introspection is
 * off in production). A change to schema.gql rebuilds it.
 */
function apiSchema(): Plugin {
  const resolved = `\0${SCHEMA_MODULE}`;
  return {
    name: 'rollcall-api-schema',
    resolveId: (id) => (id === SCHEMA_MODULE ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      this.addWatchFile(API_SCHEMA);
      const { __schema } = introspectionFromSchema(buildSchema(readFileSync(API_SCHEMA, 'utf8')), { descriptions: false });
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(__schema))});`;
    },
  };
}

/**
 * The web app is a static bundle: the API serves `dist/` at `/` (with an SPA fallback) and answers
 * GraphQL on the same origin at `/graphql`. In development `vite` proxies `/graphql` to the API.
 */
export default defineConfig({
  plugins: [react(), apiSchema()],
  resolve: {
    alias: {
      '@rollcall/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Vendor code in its own long-lived chunks, so a deploy of the app itself re-downloads little.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 40 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group)[\\/]/, priority: 30 },
            // Shared by react-admin and the charts: kept out of the charts' chunk so that stays lazy.
            { name: 'events', test: /node_modules[\\/]eventemitter3[\\/]/, priority: 26 },
            // The dashboard's charts load with the chart (a lazy import), not with every page.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|decimal\.js-light)[\\/]/,
              priority: 25,
            },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|@wry|optimism|zen-observable|rxjs)[\\/]/, priority: 20 },
            { name: 'react-admin', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
