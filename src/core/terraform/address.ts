/**
 * Terraform addresses → Driftless nodes. The compiled root module calls each node as
 * `module.<nodeId>`, so a resource belongs to the node named by its first module step.
 */

/** The node a module address belongs to (`module.db`, `module.a["x"].module.b` → `db`, `a`); undefined at root. */
export function nodeOfModuleAddress(moduleAddress: string | undefined | null): string | undefined {
  if (!moduleAddress || !moduleAddress.startsWith('module.')) return undefined;
  let end = 'module.'.length;
  while (end < moduleAddress.length) {
    const character = moduleAddress[end];
    if (character === '.' || character === '[') break;
    end++;
  }
  return end > 'module.'.length ? moduleAddress.slice('module.'.length, end) : undefined;
}

/** The node of a full resource address (`module.a.aws_s3_bucket.b[0]` → `a`); undefined for root resources. */
export function nodeOfResourceAddress(address: string | undefined | null): string | undefined {
  return nodeOfModuleAddress(address);
}
