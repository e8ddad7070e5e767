import type { CatalogSnapshot } from '../../bundles/manifest';
import { emptyRequest, event, method } from '../schema';

export const catalogMethods = {
  'catalog.list': method<Record<string, never>, CatalogSnapshot>('Every bundle version and artifact type, with the diagnostics of each.', emptyRequest),
  'catalog.reload': method<Record<string, never>, CatalogSnapshot>('Reads the bundle folders again (only changed bundles are parsed).', emptyRequest),
  'catalog.manifestYaml': method<{ ref: string }, { ref: string; yaml: string }>(
    "A bundle's manifest as bundle.yaml text: for plain Terraform modules, the derived manifest to save and refine.",
    { type: 'object', properties: { ref: { type: 'string', minLength: 3, maxLength: 200 } }, required: ['ref'], additionalProperties: false },
  ),
};

export const catalogEvents = {
  'catalog.changed': event<CatalogSnapshot>('Bundle files changed on disk; the payload is the reloaded catalog.'),
};
