import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is a static bundle: the API serves `dist/` at `/` (with an SPA fallback) and answers
 * GraphQL on the same origin at `/graphql`. In development `vite` proxies `/graphql` to the API.
 */
export default defineConfig({
  plugins: [react()],
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
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|@wry|optimism|zen-observable|rxjs)[\\/]/, priority: 20 },
            { name: 'react-admin', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
