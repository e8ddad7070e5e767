import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerZIP } from '@electron-forge/maker-zip';
import { AutoUnpackNativesPlugin } from '@electron-forge/plugin-auto-unpack-natives';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

// Native modules (and what they load at run time) are packaged beside the Vite output, then unpacked from the asar.
const nativeModules = ['better-sqlite3', 'bindings', 'file-uri-to-path', 'node-pty', 'node-addon-api'];
const kept = (file: string) =>
  file === '' ||
  file === '/package.json' ||
  file.startsWith('/.vite') ||
  file === '/node_modules' ||
  nativeModules.some((name) => file === `/node_modules/${name}` || file.startsWith(`/node_modules/${name}/`)) ||
  file.startsWith('/bundles');

const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    name: 'Driftless',
    executableName: 'driftless',
    ignore: (file: string) => !kept(file),
  },
  rebuildConfig: { onlyModules: ['better-sqlite3', 'node-pty'] },
  makers: [new MakerZIP({}, ['darwin', 'linux', 'win32']), new MakerDeb({ options: { name: 'driftless', bin: 'driftless' } })],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'main/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'main/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    new AutoUnpackNativesPlugin({}),
    // As in Forge's template: no running as plain Node, no inspector flags, only the signed asar.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

export default config;
