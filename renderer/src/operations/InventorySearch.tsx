import { useReactFlow } from '@xyflow/react';
import { useState, type FormEvent } from 'react';
import type { InventorySearch as SearchRequest, InventorySearchResult } from '../../../src/core/api/areas/inventory';
import { useApi } from '../api/ApiContext';
import type { BundleFlowNode, TypedFlowEdge } from '../state/deriveFlow';
import { NodeResources } from './NodeResources';
import { showOnCanvas } from './showOnCanvas';

const LIMIT = 500;

/** Builds the search request from the form: blank fields are left out, as the API wants. */
function requestOf(fields: Record<'text' | 'type' | 'address' | 'resourceId' | 'attributeName' | 'attributeValue', string>): SearchRequest {
  const request: SearchRequest = { limit: LIMIT };
  for (const key of ['text', 'type', 'address', 'resourceId'] as const) if (fields[key].trim()) request[key] = fields[key].trim();
  if (fields.attributeName.trim()) request.attribute = { name: fields.attributeName.trim(), value: fields.attributeValue };
  return request;
}

/** Every resource of every environment, searchable, each traced to environment → node → bundle → module path. */
export function InventorySearch() {
  const api = useApi();
  const flow = useReactFlow<BundleFlowNode, TypedFlowEdge>();
  const [fields, setFields] = useState({ text: '', type: '', address: '', resourceId: '', attributeName: '', attributeValue: '' });
  const [result, setResult] = useState<InventorySearchResult>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const field = (key: keyof typeof fields, label: string, placeholder = '') => (
    <label>
      {label}
      <input value={fields[key]} placeholder={placeholder} onChange={(event) => setFields({ ...fields, [key]: event.target.value })} />
    </label>
  );
  const search = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await api.call('inventory.search', requestOf(fields));
    setBusy(false);
    if (answer.ok) {
      setResult(answer.value);
      setMessage(undefined);
    } else setMessage(answer.error.message);
  };
  return (
    <div className="inventory-search">
      <form role="search" aria-label="Inventory search" onSubmit={(event) => void search(event)}>
        {field('text', 'Search resources', 'words or their start: db.r6, arn:aws:iam, payments')}
        {field('type', 'Type', 'aws_db_instance')}
        {field('address', 'Address contains')}
        {field('resourceId', 'Resource id')}
        {field('attributeName', 'Attribute', 'tags.env')}
        {field('attributeValue', 'Attribute value')}
        <button type="submit" disabled={busy}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>
      {message && (
        <p role="alert" className="operations-message">
          {message}
        </p>
      )}
      {result && result.resources.length === 0 && <p className="operations-note">No resource matches. The inventory holds what the latest state of each environment records.</p>}
      {result && result.resources.length > 0 && (
        <>
          <p className="operations-note" role="status">
            {result.resources.length} resource{result.resources.length === 1 ? '' : 's'}
            {result.truncated ? ` (first ${LIMIT}; narrow the search for the rest)` : ''}
          </p>
          <table aria-label="Inventory results">
            <thead>
              <tr>
                {['Environment', 'Address', 'Type', 'Id', 'Node', 'Bundle', 'Module path', ''].map((name) => (
                  <th key={name} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.resources.map((resource) => {
                const { trace } = resource;
                return (
                  <tr key={`${resource.environmentId}:${resource.address}`}>
                    <td>{trace.project ? `${trace.project.name} / ${trace.environment?.name ?? resource.environmentId}` : (trace.environment?.name ?? resource.environmentId)}</td>
                    <th scope="row">{resource.address}</th>
                    <td>{resource.type}</td>
                    <td>{resource.resourceId ?? ''}</td>
                    <td>{trace.node?.name ?? '(root)'}</td>
                    <td>{trace.bundle ? `${trace.bundle.name}@${trace.bundle.version}` : ''}</td>
                    <td>{trace.modulePath || '(root)'}</td>
                    <td>
                      {trace.node && (
                        <button
                          type="button"
                          aria-label={`Show ${resource.address} of ${trace.environment?.name ?? resource.environmentId} on canvas`}
                          onClick={() => void showOnCanvas(flow, { projectId: trace.project?.id, environmentId: trace.environment?.id, nodeId: trace.node!.id })}
                        >
                          Show on canvas
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <NodeResources />
    </div>
  );
}
