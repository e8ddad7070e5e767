import type { AppInfo, TerraformInfo } from '../../core/api/areas/app';
import { ApiFailure } from '../../core/api/errors';
import type { TerraformBinarySetting } from '../settings/terraformBinary';
import { findTerraform } from '../terraform/findTerraform';

export interface AppServiceOptions {
  version: string;
  dataDir: string;
  shell: AppInfo['shell'];
  terraform: TerraformBinarySetting;
}

/** Answers `app.*` requests. */
export function createAppService(options: AppServiceOptions) {
  const { terraform } = options;
  const current = (): Promise<TerraformInfo> => {
    const binary = terraform.current();
    return findTerraform(binary, process.env, terraform.override ? 'launch' : binary === 'terraform' ? 'path' : 'setting');
  };
  return {
    async info(): Promise<AppInfo> {
      return { name: 'Driftless', version: options.version, dataDir: options.dataDir, shell: options.shell, terraform: await current() };
    },
    /** Saves a binary only when it answers as terraform/tofu 1.5+, so a typo never breaks every run. */
    async chooseTerraform(path: string | null): Promise<TerraformInfo> {
      if (terraform.override) {
        throw new ApiFailure('conflict', `This launch runs ${terraform.override}, chosen by DRIFTLESS_TERRAFORM; unset it and restart Driftless to choose the binary in the app.`);
      }
      if (path === null) {
        terraform.save(null);
        return current();
      }
      const found = await findTerraform(path, process.env, 'setting');
      if (found.found) terraform.save(found.path);
      return found;
    },
    echo(request: { text: string; repeat?: number }): { text: string } {
      return { text: request.text.repeat(request.repeat ?? 1) };
    },
  };
}
