// Terraform version constraints (`>= 5.0, ~> 5.10, != 5.3.1`): just enough to tell whether the
// constraints of several bundles on one provider can all hold at once.
type Version = [number, number, number];
interface Constraint {
  operator: '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>';
  version: Version;
  /** Parts written: `~> 1.2` (2) differs from `~> 1.2.0` (3). */
  parts: number;
}

function parse(text: string): Constraint[] | undefined {
  const constraints: Constraint[] = [];
  for (const piece of text.split(',')) {
    const match = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?\s*$/.exec(piece);
    if (!match) return undefined;
    const numbers = [match[2], match[3], match[4]];
    constraints.push({
      operator: (match[1] ?? '=') as Constraint['operator'],
      version: numbers.map((part) => Number(part ?? 0)) as Version,
      parts: numbers.filter((part) => part !== undefined).length,
    });
  }
  return constraints;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function holds(version: Version, constraint: Constraint): boolean {
  const order = compare(version, constraint.version);
  switch (constraint.operator) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '~>': {
      if (order < 0) return false;
      const [major, minor] = constraint.version;
      // `~> 1` and `~> 1.2` let the minor float; `~> 1.2.3` only the patch.
      if (constraint.parts <= 2) return version[0] === major;
      return version[0] === major && version[1] === minor;
    }
  }
}

/**
 * Whether some version satisfies every constraint string (a constraint Terraform cannot parse
 * counts as satisfiable: Terraform itself will report it). The smallest satisfying version is one
 * of a few candidates next to the versions the constraints name.
 */
export function constraintsCompatible(texts: readonly string[]): boolean {
  const parsed = texts.map(parse);
  if (parsed.some((constraints) => constraints === undefined)) return true;
  const all = parsed.flat() as Constraint[];
  const candidates: Version[] = [[0, 0, 0]];
  for (const { version } of all) {
    const [major, minor, patch] = version;
    candidates.push(version, [major, minor, patch + 1], [major, minor, patch + 2], [major, minor + 1, 0], [major + 1, 0, 0]);
  }
  return candidates.some((candidate) => all.every((constraint) => holds(candidate, constraint)));
}
