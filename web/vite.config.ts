import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API runs on :8080; the dev server forwards API calls so that the
// session cookie stays first-party, exactly as when the API serves the built files.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/q': 'http://localhost:8080' },
  },
  test: { include: ['src/**/*.test.ts'] },
});
