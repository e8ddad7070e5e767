import type { TerraformInfo, TerraformSource } from '../../core/api/areas/app';
import { detectBinary } from '../runner/binary';

export { whichBinary } from '../runner/binary';

/** Looks for terraform (or tofu: a name or a path) and asks it for its version. Never throws. */
export async function findTerraform(binary = 'terraform', env: NodeJS.ProcessEnv = process.env, source: TerraformSource = 'path'): Promise<TerraformInfo> {
  const isTofu = /tofu[^/\\]*$/.test(binary);
  const info = await detectBinary(binary === 'terraform' || binary === 'tofu' ? { kind: binary } : { kind: isTofu ? 'tofu' : 'terraform', path: binary }, env);
  return info.found
    ? { found: true, binary, source, path: info.path, version: info.version, platform: info.platform }
    : { found: false, binary, source, reason: info.reason, message: info.message };
}
