import { defineConfig } from 'vite';

// The preload runs sandboxed: one bundled file that requires nothing but electron.
export default defineConfig({
  build: {
    rollupOptions: { external: ['electron'], output: { format: 'cjs', inlineDynamicImports: true } },
  },
});
