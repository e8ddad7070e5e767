import { method, type JsonSchema } from '../schema';

/** Where a resource comes from: project → environment → node → bundle@version → module path. */
export interface ResourceTrace {
  project: { id: string; name: string } | null;
  environment: { id: string; name: string } | null;
  /** The diagram node (null at the root, or when no node of that name exists any more); "show on canvas" selects it. */
  node: { id: string; name: string } | null;
  bundle: { name: string; version: string } | null;
  /** Terraform's module path of the resource, e.g. `module.db` or `module.db.module.subnet`; '' at the root. */
  modulePath: string;
}

/** One resource instance of an environment's latest state. */
export interface InventoryResource {
  environmentId: string;
  address: string;
  mode: string;
  type: string;
  name: string;
  indexKey: string | null;
  resourceId: string | null;
  provider: string;
  status: string | null;
  /** Scalar attributes and string maps, sensitive ones masked. */
  attributes: Record<string, unknown>;
  stateVersion: number | null;
  trace: ResourceTrace;
}

export interface InventorySearch {
  /**
   * Words (case-insensitive), each found in the type, address, id or an attribute value, as whole
   * tokens with the last a prefix: `db.r6` finds `db.r6g.large`, `arn:aws:iam` every IAM ARN.
   * Text with no letter or digit is matched as a plain substring instead.
   */
  text?: string;
  /** Exact resource type, e.g. `aws_db_instance`. */
  type?: string;
  /** Substring of the address. */
  address?: string;
  /** Exact cloud id (the `id` attribute). */
  resourceId?: string;
  /** An attribute equal to a value; `name` may be a dotted path (`tags.env`). */
  attribute?: { name: string; value: string };
  projectId?: string;
  environmentId?: string;
  limit?: number;
}

export interface InventorySearchResult {
  resources: InventoryResource[];
  /** True when more resources matched than `limit`. */
  truncated: boolean;
}

/** A node's resources, per environment of its project. */
export interface NodeInventory {
  node: { id: string; name: string; bundle: string };
  environments: { environmentId: string; name: string; resources: InventoryResource[] }[];
}

export const MAX_INVENTORY_RESULTS = 5000;

const text: JsonSchema = { type: 'string', minLength: 1, maxLength: 1000 };
const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };

export const inventoryMethods = {
  'inventory.search': method<InventorySearch, InventorySearchResult>(
    'Resources of every environment by type, address, id and attribute values, each traced to its node.',
    {
      type: 'object',
      properties: {
        text,
        type: text,
        address: text,
        resourceId: text,
        attribute: {
          type: 'object',
          properties: { name: { type: 'string', pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$', maxLength: 200 }, value: { type: 'string', maxLength: 1000 } },
          required: ['name', 'value'],
          additionalProperties: false,
        },
        projectId: id,
        environmentId: id,
        limit: { type: 'integer', minimum: 1, maximum: MAX_INVENTORY_RESULTS },
      },
      additionalProperties: false,
    },
  ),
  'inventory.forNode': method<{ projectId: string; nodeId: string }, NodeInventory>(
    "A node's resources in each environment of its project.",
    { type: 'object', properties: { projectId: id, nodeId: id }, required: ['projectId', 'nodeId'], additionalProperties: false },
  ),
};
