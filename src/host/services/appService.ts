import type { AppInfo } from '../../core/api/areas/app';
import { findTerraform } from '../terraform/findTerraform';

export interface AppServiceOptions {
  version: string;
  dataDir: string;
  shell: AppInfo['shell'];
  terraformBinary: string;
}

/** Answers `app.*` requests. */
export function createAppService(options: AppServiceOptions) {
  return {
    async info(): Promise<AppInfo> {
      return {
        name: 'Driftless',
        version: options.version,
        dataDir: options.dataDir,
        shell: options.shell,
        terraform: await findTerraform(options.terraformBinary),
      };
    },
    echo(request: { text: string; repeat?: number }): { text: string } {
      return { text: request.text.repeat(request.repeat ?? 1) };
    },
  };
}
