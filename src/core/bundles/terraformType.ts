import type { JsonSchema } from '../api/schema';

/** A Terraform type constraint, structured. */
export type TerraformType =
  | { kind: 'string' | 'number' | 'bool' | 'any' }
  | { kind: 'list' | 'set' | 'map'; element: TerraformType }
  | { kind: 'object'; attributes: Record<string, ObjectAttribute> }
  | { kind: 'tuple'; elements: TerraformType[] };

export interface ObjectAttribute {
  type: TerraformType;
  optional: boolean;
  /** The second argument of `optional(T, default)`, when given. */
  default?: unknown;
}

export type TypeParse = { ok: true; type: TerraformType } | { ok: false; message: string };

type Token = { kind: 'word' | 'punct' | 'string' | 'number'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (/\s/.test(char)) {
      index++;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(index))![0];
      tokens.push({ kind: 'word', text: match });
      index += match.length;
    } else if (/[-0-9]/.test(char)) {
      const match = /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(source.slice(index));
      if (!match) throw new Error(`unexpected "${char}"`);
      tokens.push({ kind: 'number', text: match[0] });
      index += match[0].length;
    } else if (char === '"') {
      let end = index + 1;
      while (end < source.length && source[end] !== '"') end += source[end] === '\\' ? 2 : 1;
      if (end >= source.length) throw new Error('unterminated string');
      tokens.push({ kind: 'string', text: source.slice(index, end + 1) });
      index = end + 1;
    } else if ('(){}[],=:'.includes(char)) {
      tokens.push({ kind: 'punct', text: char });
      index++;
    } else {
      throw new Error(`unexpected "${char}"`);
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.position >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new Error('the expression ends too early');
    return token;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw new Error(`expected "${text}" but found "${token.text}"`);
  }

  private accept(text: string): boolean {
    if (this.peek()?.text !== text) return false;
    this.position++;
    return true;
  }

  type(): TerraformType {
    const token = this.next();
    if (token.kind !== 'word') throw new Error(`expected a type but found "${token.text}"`);
    switch (token.text) {
      case 'string':
      case 'number':
      case 'bool':
      case 'any':
        return { kind: token.text };
      case 'list':
      case 'set':
      case 'map': {
        this.expect('(');
        const element = this.type();
        this.expect(')');
        return { kind: token.text, element };
      }
      case 'tuple': {
        this.expect('(');
        this.expect('[');
        const elements: TerraformType[] = [];
        while (!this.accept(']')) {
          elements.push(this.type());
          if (!this.accept(',')) {
            this.expect(']');
            break;
          }
        }
        this.expect(')');
        return { kind: 'tuple', elements };
      }
      case 'object':
        return this.object();
      default:
        throw new Error(`"${token.text}" is not a Terraform type (use string, number, bool, list, set, map, object, tuple or any)`);
    }
  }

  private object(): TerraformType {
    this.expect('(');
    this.expect('{');
    const attributes: Record<string, ObjectAttribute> = {};
    while (!this.accept('}')) {
      const name = this.next();
      if (name.kind !== 'word' && name.kind !== 'string') throw new Error(`expected an attribute name but found "${name.text}"`);
      const key = name.kind === 'string' ? (JSON.parse(name.text) as string) : name.text;
      if (!this.accept('=')) this.expect(':');
      attributes[key] = this.attribute();
      this.accept(',');
    }
    this.expect(')');
    return { kind: 'object', attributes };
  }

  private attribute(): ObjectAttribute {
    if (this.peek()?.text !== 'optional') return { type: this.type(), optional: false };
    this.next();
    this.expect('(');
    const type = this.type();
    const attribute: ObjectAttribute = { type, optional: true };
    if (this.accept(',')) attribute.default = this.literal();
    this.expect(')');
    return attribute;
  }

  private literal(): unknown {
    const token = this.next();
    if (token.kind === 'string') return JSON.parse(token.text);
    if (token.kind === 'number') return Number(token.text);
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    if (token.text === 'null') return null;
    if (token.text === '[') {
      const items: unknown[] = [];
      while (!this.accept(']')) {
        items.push(this.literal());
        this.accept(',');
      }
      return items;
    }
    if (token.text === '{') {
      const value: Record<string, unknown> = {};
      while (!this.accept('}')) {
        const key = this.next();
        value[key.kind === 'string' ? (JSON.parse(key.text) as string) : key.text] = (this.accept('=') || this.accept(':'), this.literal());
        this.accept(',');
      }
      return value;
    }
    throw new Error(`the default "${token.text}" is not a literal value`);
  }
}

/** Strips the `${…}` wrapper hcl2json puts around expressions. */
export function unwrapExpression(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('${') && trimmed.endsWith('}') ? trimmed.slice(2, -1).trim() : trimmed;
}

/** Parses a Terraform type expression (`object({a = string, b = optional(number, 1)})`) into a structured type. */
export function parseTerraformType(expression: string): TypeParse {
  try {
    const parser = new Parser(tokenize(unwrapExpression(expression)));
    const type = parser.type();
    if (!parser.done()) return { ok: false, message: `"${unwrapExpression(expression)}" is not a valid type: it has text after the type` };
    return { ok: true, type };
  } catch (error) {
    return { ok: false, message: `"${unwrapExpression(expression)}" is not a valid type: ${(error as Error).message}` };
  }
}

/** Writes a structured type back as Terraform type syntax. */
export function formatTerraformType(type: TerraformType): string {
  switch (type.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${type.kind}(${formatTerraformType(type.element)})`;
    case 'tuple':
      return `tuple([${type.elements.map(formatTerraformType).join(', ')}])`;
    case 'object': {
      const attributes = Object.entries(type.attributes).map(([name, attribute]) => {
        const inner = formatTerraformType(attribute.type);
        if (!attribute.optional) return `${name} = ${inner}`;
        return attribute.default === undefined ? `${name} = optional(${inner})` : `${name} = optional(${inner}, ${JSON.stringify(attribute.default)})`;
      });
      return `object({${attributes.join(', ')}})`;
    }
    default:
      return type.kind;
  }
}

/** The JSON Schema that accepts exactly the values of a Terraform type. */
export function terraformTypeToJsonSchema(type: TerraformType): JsonSchema {
  switch (type.kind) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'bool':
      return { type: 'boolean' };
    case 'any':
      return {};
    case 'list':
      return { type: 'array', items: terraformTypeToJsonSchema(type.element) };
    case 'set':
      return { type: 'array', items: terraformTypeToJsonSchema(type.element), uniqueItems: true };
    case 'map':
      return { type: 'object', additionalProperties: terraformTypeToJsonSchema(type.element) };
    case 'tuple':
      return {
        type: 'array',
        items: type.elements.map(terraformTypeToJsonSchema),
        minItems: type.elements.length,
        maxItems: type.elements.length,
      };
    case 'object': {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [name, attribute] of Object.entries(type.attributes)) {
        const schema = terraformTypeToJsonSchema(attribute.type);
        if (attribute.default !== undefined) schema.default = attribute.default;
        properties[name] = schema;
        if (!attribute.optional) required.push(name);
      }
      return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
    }
  }
}
