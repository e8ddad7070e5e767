import { createHost } from '../../host/createHost';
import { resolveDataDir } from '../../host/dataDir';
import type { Command } from '../command';
import { packageVersion } from '../packageRoot';

export const infoCommand: Command = {
  name: 'info',
  summary: 'Show the version, the data directory and the terraform Driftless would run',
  usage: 'driftless info [--json]',
  options: { json: { type: 'boolean', description: 'Print JSON' } },
  details: 'Exit codes: 0 success, 1 failure.',
  async run({ values, stdout }) {
    const host = createHost({
      version: packageVersion(),
      dataDir: resolveDataDir(values['data-dir'] as string | undefined),
      shell: 'cli',
      heartbeatMs: 0,
    });
    try {
      const result = await host.call('app.info', {});
      if (!result.ok) throw new Error(result.error.message);
      const info = result.value;
      if (values.json) {
        stdout(JSON.stringify(info, null, 2));
      } else {
        const terraform = info.terraform.found
          ? `${info.terraform.binary} ${info.terraform.version} (${info.terraform.path})`
          : info.terraform.message;
        stdout(`Driftless ${info.version}\nData directory: ${info.dataDir}\nTerraform: ${terraform}`);
      }
      return 0;
    } finally {
      await host.close();
    }
  },
};
