import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// In development the API runs on :8080; the dev server forwards API calls so that the
// session cookie stays first-party, exactly as when the API serves the built files.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/q': 'http://localhost:8080' },
  },
  test: {
    projects: [
      // Rules and formatting: plain functions, in Node.
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      // Screens and components: rendered in jsdom with Testing Library; only the network is faked.
      {
        extends: true,
        test: { name: 'components', include: ['src/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['src/test/setup.ts'] },
      },
    ],
  },
});
