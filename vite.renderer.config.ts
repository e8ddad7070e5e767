import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ConfigEnv } from 'vite';

// One renderer config for both shells. Under Forge (which passes forgeConfigSelf) Forge picks the
// output folder; otherwise the build lands in dist/renderer, which the web shell serves.
export default defineConfig((env: ConfigEnv & { forgeConfigSelf?: unknown }) => ({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    ...(env.forgeConfigSelf ? {} : { outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)) }),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
}));
