import { defineConfig } from 'vite';

// Native modules stay outside the bundle; Forge packages and unpacks them (auto-unpack-natives).
export default defineConfig({
  build: {
    rollupOptions: { external: ['electron', 'better-sqlite3', 'node-pty', 'ws'] },
  },
});
