import type { Diagnostic } from '../diagnostics';
import type { ProviderRequirement } from './manifest';
import { parseTerraformType, unwrapExpression, type TerraformType } from './terraformType';

/** A module variable, as read from HCL. */
export interface ModuleVariable {
  name: string;
  /** The type expression as written (`any` when absent). */
  typeText: string;
  type: TerraformType;
  hasDefault: boolean;
  default?: unknown;
  description?: string;
  sensitive: boolean;
  nullable: boolean;
  /** From a `validation { condition = contains([...], var.x) }` block. */
  allowed?: unknown[];
  file: string;
  line?: number;
}

export interface ModuleOutput {
  name: string;
  description?: string;
  sensitive: boolean;
  file: string;
  line?: number;
}

/** What the catalog knows of a Terraform module: its interface, not its resources. */
export interface ModuleInfo {
  variables: Record<string, ModuleVariable>;
  outputs: Record<string, ModuleOutput>;
  providers: Record<string, ProviderRequirement>;
}

/** One .tf file: its path relative to the bundle folder, its text and hcl2json's JSON of it. */
export interface ParsedTerraformFile {
  path: string;
  text: string;
  json: Record<string, unknown>;
}

type Block = Record<string, unknown>;

function firstBlock(value: unknown): Block {
  return (Array.isArray(value) ? value[0] : value) as Block ?? {};
}

/** The 1-based line where `<keyword> "<name>"` opens, for diagnostics. */
export function lineOf(text: string, keyword: string, name: string): number | undefined {
  const pattern = new RegExp(`^[ \\t]*${keyword}\\s+"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'm');
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index).split('\n').length : undefined;
}

/** Reads `contains(["a", "b"], var.x)` into its list of allowed values. */
export function allowedValuesOf(condition: unknown, variable: string): unknown[] | undefined {
  if (typeof condition !== 'string') return undefined;
  const expression = unwrapExpression(condition);
  const match = /^contains\(\s*(\[[\s\S]*\])\s*,\s*var\.([A-Za-z_][A-Za-z0-9_-]*)\s*\)$/.exec(expression);
  if (!match || match[2] !== variable) return undefined;
  try {
    const values = JSON.parse(match[1]!) as unknown;
    return Array.isArray(values) && values.every((value) => ['string', 'number', 'boolean'].includes(typeof value)) ? values : undefined;
  } catch {
    return undefined;
  }
}

/** Collects the variables, outputs and required providers of a module's parsed .tf files. */
export function moduleInfoOf(files: readonly ParsedTerraformFile[]): { value: ModuleInfo; diagnostics: Diagnostic[] } {
  const info: ModuleInfo = { variables: {}, outputs: {}, providers: {} };
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    for (const [name, raw] of Object.entries((file.json.variable ?? {}) as Record<string, unknown>)) {
      const block = firstBlock(raw);
      const line = lineOf(file.text, 'variable', name);
      const typeText = typeof block.type === 'string' ? unwrapExpression(block.type) : 'any';
      const parsed = parseTerraformType(typeText);
      if (!parsed.ok) {
        diagnostics.push({
          severity: 'error',
          code: 'module.bad-variable-type',
          message: `Variable "${name}": ${parsed.message}. Fix the type expression.`,
          location: { file: file.path, line },
        });
      }
      const validations = Array.isArray(block.validation) ? (block.validation as Block[]) : [];
      const allowed = validations.map((validation) => allowedValuesOf(validation.condition, name)).find((values) => values !== undefined);
      info.variables[name] = {
        name,
        typeText,
        type: parsed.ok ? parsed.type : { kind: 'any' },
        hasDefault: Object.hasOwn(block, 'default'),
        ...(Object.hasOwn(block, 'default') ? { default: block.default } : {}),
        ...(typeof block.description === 'string' ? { description: block.description } : {}),
        sensitive: block.sensitive === true,
        nullable: block.nullable !== false,
        ...(allowed ? { allowed } : {}),
        file: file.path,
        line,
      };
    }
    for (const [name, raw] of Object.entries((file.json.output ?? {}) as Record<string, unknown>)) {
      const block = firstBlock(raw);
      info.outputs[name] = {
        name,
        ...(typeof block.description === 'string' ? { description: block.description } : {}),
        sensitive: block.sensitive === true,
        file: file.path,
        line: lineOf(file.text, 'output', name),
      };
    }
    const terraformBlocks = Array.isArray(file.json.terraform) ? (file.json.terraform as Block[]) : [];
    for (const terraform of terraformBlocks) {
      const requirements = Array.isArray(terraform.required_providers) ? (terraform.required_providers as Block[]) : [];
      for (const requirement of requirements) {
        for (const [local, spec] of Object.entries(requirement)) {
          if (typeof spec === 'string') info.providers[local] = { source: `hashicorp/${local}`, version: spec };
          else if (spec && typeof spec === 'object') {
            const { source, version } = spec as { source?: unknown; version?: unknown };
            info.providers[local] = {
              source: typeof source === 'string' ? source : `hashicorp/${local}`,
              ...(typeof version === 'string' ? { version } : {}),
            };
          }
        }
      }
    }
  }
  return { value: info, diagnostics };
}
