import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBinary } from '../support/binaries';
import { TerraformSetupPage } from './pages/TerraformSetupPage';
import { chromiumBinary } from './support/browser';
import { useAppSession } from './support/appSession';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;
const tf = requireBinary('terraform');
// The serve process gets a PATH without terraform's folder: the first-launch case of a machine without it.
const pathWithoutTerraform = (process.env.PATH ?? '').split(':').filter((dir) => dir && dir !== dirname(tf.path)).join(':');

describe.skipIf(!chromiumBinary.available || !tf.available)(`choosing the terraform binary in Chromium ${chromiumBinary.reason || tf.reason}`, () => {
  const session = useAppSession((page) => new TerraformSetupPage(page), { env: { PATH: pathWithoutTerraform } });

  it('without terraform on PATH, says what to install; a wrong path is refused; the real one is kept across reloads', async () => {
    const { app } = session;
    await app.dialog().waitFor();
    expect(await app.current().textContent()).toMatch(/terraform was not found on PATH\. Install Terraform 1\.5 or newer/);
    expect(await app.terraformStatus().textContent()).toBe('terraform not found');
    await app.page.screenshot({ path: join(screenshots, 'terraform-setup.png') });

    await app.choose('/nonexistent/terraform');
    await app.refusal().waitFor();
    expect(await app.refusal().textContent()).toMatch(/was not found at \/nonexistent\/terraform.*Nothing was changed\./);
    expect(await app.terraformStatus().textContent()).toBe('terraform not found');

    await app.choose(tf.path);
    await app.current().filter({ hasText: 'chosen here' }).waitFor();
    expect(await app.current().textContent()).toBe(`Runs use ${tf.path} 1.11.4 at ${tf.path} (chosen here).`);
    expect(await app.terraformStatus().textContent()).toBe('terraform 1.11.4');
    await app.dialog().getByRole('button', { name: 'Close' }).click();
    expect(await app.dialog().count()).toBe(0);

    await app.page.reload();
    await app.terraformStatus().filter({ hasText: 'terraform 1.11.4' }).waitFor();
    expect(await app.dialog().count()).toBe(0);
    await app.terraformStatus().click();
    await app.current().filter({ hasText: 'chosen here' }).waitFor();
  });
});
