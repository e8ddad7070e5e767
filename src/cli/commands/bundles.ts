import type { CatalogSnapshot } from '../../core/bundles/manifest';
import { hasErrors, type Diagnostic } from '../../core/diagnostics';
import { createHost } from '../../host/createHost';
import { resolveDataDir } from '../../host/dataDir';
import type { Command } from '../command';
import { packageVersion } from '../packageRoot';

function where(diagnostic: Diagnostic): string {
  const location = diagnostic.location;
  if (!location?.file) return '';
  const at = location.pointer ? `#${location.pointer}` : location.line ? `:${location.line}${location.column ? `:${location.column}` : ''}` : '';
  return ` ${location.file}${at}`;
}

function line(diagnostic: Diagnostic): string {
  return `    ${diagnostic.severity} ${diagnostic.code}${where(diagnostic)}: ${diagnostic.message}`;
}

function describe(snapshot: CatalogSnapshot): string {
  const rows: string[] = [];
  for (const bundle of snapshot.bundles) {
    const errors = bundle.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    const status = bundle.diagnostics.length === 0 ? 'ok' : `${errors} error(s), ${bundle.diagnostics.length - errors} other`;
    rows.push(`${bundle.ref.padEnd(36)} ${bundle.origin.padEnd(16)} ${status.padEnd(22)} ${bundle.manifest.title}`);
    rows.push(`    ${bundle.dir}`);
    rows.push(...bundle.diagnostics.map(line));
  }
  rows.push('', `Artifact types: ${snapshot.types.map((type) => type.name).join(', ') || '(none)'}`);
  if (snapshot.diagnostics.length > 0) rows.push('', 'Catalog:', ...snapshot.diagnostics.map(line));
  return rows.join('\n');
}

export const bundlesCommand: Command = {
  name: 'bundles',
  summary: 'List the bundle catalog (built-in and --dir folders) with every diagnostic',
  usage: 'driftless bundles [--dir DIR]... [--json] [--manifest NAME@VERSION]',
  options: {
    dir: { type: 'string', multiple: true, description: 'A folder of bundles (or one bundle) to load besides the built-in library; repeatable', valueName: 'DIR' },
    json: { type: 'boolean', description: 'Print the catalog snapshot as JSON' },
    manifest: { type: 'string', description: "Print one bundle's manifest as bundle.yaml (derived for plain .tf folders)", valueName: 'REF' },
  },
  details: 'A folder with bundle.yaml, massdriver.yaml or plain .tf files is a bundle.\nExit codes: 0 no errors, 1 a bundle or the catalog has errors.',
  async run({ values, stdout, stderr }) {
    const dirs = ((values.dir as string[] | undefined) ?? []).map(String);
    const host = createHost({ version: packageVersion(), dataDir: resolveDataDir(values['data-dir'] as string | undefined), shell: 'cli', heartbeatMs: 0, bundleDirs: dirs });
    try {
      if (typeof values.manifest === 'string') {
        const manifest = await host.call('catalog.manifestYaml', { ref: values.manifest });
        if (!manifest.ok) {
          stderr(manifest.error.message);
          return 1;
        }
        stdout(manifest.value.yaml.trimEnd());
        return 0;
      }
      const result = await host.call('catalog.list', {});
      if (!result.ok) throw new Error(result.error.message);
      const snapshot = result.value;
      stdout(values.json ? JSON.stringify(snapshot, null, 2) : describe(snapshot));
      const failed = hasErrors(snapshot.diagnostics) || snapshot.bundles.some((bundle) => hasErrors(bundle.diagnostics));
      return failed ? 1 : 0;
    } finally {
      await host.close();
    }
  },
};
