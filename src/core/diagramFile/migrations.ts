type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Format 0 (Driftless previews): bundles as `{name, version}`, positions as `x`/`y` on the node,
 * edges as "node.port" strings, environments as a map by name holding `region` and `overrides`.
 * Shapes it does not recognize pass through unchanged, so the format-1 reader reports them.
 */
function migrate0to1(document: Json): Json {
  const nodes = Array.isArray(document.nodes)
    ? document.nodes.map((node) => {
        if (!isObject(node)) return node;
        const { x, y, bundle, ...rest } = node;
        const ref = isObject(bundle) ? `${String(bundle.name)}@${String(bundle.version)}` : bundle;
        return { ...rest, bundle: ref, position: { x, y }, params: node.params ?? {} };
      })
    : document.nodes;
  const split = (end: unknown, port: string) => {
    if (typeof end !== 'string' || !end.includes('.')) return end;
    const dot = end.indexOf('.');
    return { node: end.slice(0, dot), [port]: end.slice(dot + 1) };
  };
  const edges = Array.isArray(document.edges)
    ? document.edges.map((edge) => (isObject(edge) ? { ...edge, from: split(edge.from, 'artifact'), to: split(edge.to, 'connection') } : edge))
    : document.edges;
  const environments = isObject(document.environments)
    ? Object.entries(document.environments).map(([name, environment]) => {
        if (!isObject(environment)) return environment;
        const { region, overrides, ...rest } = environment;
        return {
          ...rest,
          id: `env-${name}`,
          name,
          providers: region === undefined ? {} : { aws: { region } },
          backend: { type: 'embedded' },
          overrides: overrides ?? {},
        };
      })
    : document.environments;
  const { name, id, ...rest } = document;
  return { ...rest, format: 1, project: { id: id ?? name, name }, bundles: {}, nodes, edges, environments: environments ?? [] };
}

/** Forward migrations: `migrations[n]` turns format n into format n + 1. */
export const migrations: ReadonlyArray<(document: Json) => Json> = [migrate0to1];
