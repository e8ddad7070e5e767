import { describe, expect, it } from 'vitest';
import { terraformLabel } from './terraformLabel';

describe('terraformLabel', () => {
  it('names the file and version of a binary that answers', () => {
    expect(terraformLabel({ found: true, binary: 'terraform', source: 'path', path: '/usr/bin/terraform', version: '1.11.4', platform: 'linux_amd64' })).toBe('terraform 1.11.4');
    expect(terraformLabel({ found: true, binary: '/opt/tofu/tofu', source: 'setting', path: '/opt/tofu/tofu', version: '1.11.5', platform: 'linux_amd64' })).toBe('tofu 1.11.5');
  });

  it.each([
    ['not_found', 'terraform not found'],
    ['too_old', 'terraform too old'],
    ['not_answering', 'terraform not answering'],
  ] as const)('says why a binary cannot be used (%s), with the file name of a chosen path', (reason, label) => {
    expect(terraformLabel({ found: false, binary: '/opt/hashicorp/terraform', source: 'setting', reason, message: 'what to do' })).toBe(label);
  });
});
