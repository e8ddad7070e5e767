import { describe, expect, it } from 'vitest';
import { constraintsCompatible } from './versionConstraints';

describe('constraintsCompatible', () => {
  it('accepts constraints that overlap', () => {
    expect(constraintsCompatible(['>= 5.0', '~> 5.10'])).toBe(true);
    expect(constraintsCompatible(['~> 5.0', '5.100.0'])).toBe(true);
    expect(constraintsCompatible(['> 1.2.3', '< 1.2.5'])).toBe(true);
    expect(constraintsCompatible(['>= 4.0, != 4.2.0', '<= 4.2.0, >= 4.1.9'])).toBe(true);
  });

  it('rejects constraints with no common version', () => {
    expect(constraintsCompatible(['~> 4.0', '>= 5.0'])).toBe(false);
    expect(constraintsCompatible(['~> 5.1.0', '>= 5.2'])).toBe(false);
    expect(constraintsCompatible(['= 1.0.0', '!= 1.0.0'])).toBe(false);
    expect(constraintsCompatible(['> 1.2.3', '< 1.2.4'])).toBe(false);
  });

  it('leaves constraints it cannot read to Terraform', () => {
    expect(constraintsCompatible(['whatever', '>= 1'])).toBe(true);
  });
});
