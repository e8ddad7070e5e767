import { describe, expect, it } from 'vitest';
import { requireBinary } from '../../../test/support/binaries';
import { findTerraform } from '../terraform/findTerraform';
import { detectBinary, parseVersionJson, versionAtLeast } from './binary';

const tf = requireBinary('terraform');

describe('terraform binary detection', () => {
  it('says what to install and how to point Driftless at it when absent from PATH', async () => {
    const info = await detectBinary({ kind: 'tofu' }, { PATH: '/nonexistent' });
    expect(info).toMatchObject({ found: false, kind: 'tofu', reason: 'not_found' });
    expect(info.found || info.message).toMatch(/tofu was not found on PATH\. Install Terraform 1\.5 or newer .* File → Terraform binary… in the app/);
  });

  it('names the chosen path when the setting points nowhere', async () => {
    const info = await detectBinary({ path: '/opt/nowhere/terraform' });
    expect(info.found || info.message).toContain('at /opt/nowhere/terraform (the path chosen in Settings)');
  });

  it('reads both products\' version -json and enforces 1.5', () => {
    expect(parseVersionJson('{"terraform_version":"1.11.4","platform":"linux_amd64","provider_selections":{},"terraform_outdated":false}')).toEqual({ version: '1.11.4', platform: 'linux_amd64' });
    expect(parseVersionJson('{"tofu_version":"1.11.5","platform":"darwin_arm64"}').version).toBe('1.11.5');
    expect(versionAtLeast('1.4.7', '1.5.0')).toBe(false);
    expect(versionAtLeast('1.5.0', '1.5.0')).toBe(true);
    expect(versionAtLeast('1.10.0-beta1', '1.5.0')).toBe(true);
    expect(versionAtLeast('0.15.5', '1.5.0')).toBe(false);
  });

  describe.skipIf(!tf.available)(`with the real terraform ${tf.reason}`, () => {
    it('finds terraform on PATH and its version', async () => {
      const info = await detectBinary();
      expect(info).toMatchObject({ found: true, kind: 'terraform', path: tf.path, version: '1.11.4' });
    });

    it('keeps app.info\'s findTerraform answering', async () => {
      expect(await findTerraform('terraform')).toMatchObject({ found: true, binary: 'terraform', version: '1.11.4' });
      expect(await findTerraform(tf.path)).toMatchObject({ found: true, path: tf.path });
      expect(await findTerraform('terraform', { PATH: '' })).toMatchObject({ found: false });
    });
  });
});
