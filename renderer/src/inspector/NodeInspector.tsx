import type { CatalogBundle } from '../../../src/core/bundles/manifest';
import type { DiagramNode } from '../../../src/core/model/diagram';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { OverrideList } from './OverrideList';
import { ParamsForm } from './ParamsForm';
import { PortList } from './PortList';
import { PresetPicker } from './PresetPicker';
import { RenameField } from './RenameField';
import { SecretField } from './SecretField';
import { VersionPicker } from './VersionPicker';
import { usePlanCompareStore } from '../environments/planCompareStore';
import { NodePlanChanges } from '../runs/NodePlanChanges';
import { NodeRunActions } from '../runs/NodeRunActions';
import { sensitiveParams } from './paramsSchema';

/** Everything about one node: name, bundle, params (or an environment's overrides), secrets and ports. */
export function NodeInspector({ node, bundle }: { node: DiagramNode; bundle?: CatalogBundle }) {
  const environmentId = useUiStore((state) => state.environmentId);
  const environment = useDiagramStore((state) => state.project?.environments.find((candidate) => candidate.id === environmentId));
  const manifest = bundle?.manifest;
  const properties = (manifest?.params.properties ?? {}) as Record<string, { title?: string }>;
  // While two environments' plans are compared, the inspector shows both (Inspector's compare section), not the one current run.
  const comparing = usePlanCompareStore((state) => state.environmentIds !== undefined);
  return (
    <div className="node-inspector">
      <RenameField key={node.id} node={node} />
      {!comparing && <NodePlanChanges nodeId={node.id} />}
      <p className="inspector-bundle">
        {manifest?.title ?? 'Unknown bundle'} <code>{node.bundle}</code>
      </p>
      {!manifest && <p className="field-error">This bundle version is not in the catalog. Add it, or change the node's bundle.</p>}
      {bundle && <VersionPicker key={`version:${node.id}`} node={node} bundle={bundle} />}
      {manifest && (
        <>
          <h3>{environment ? `Params in ${environment.name}` : 'Params (defaults for every environment)'}</h3>
          {!environment && <PresetPicker nodeId={node.id} manifest={manifest} />}
          <ParamsForm key={`${node.id}:${environment?.id ?? ''}`} node={node} manifest={manifest} environment={environment} />
          {environment && <OverrideList node={node} environment={environment} />}
          {sensitiveParams(manifest.params).map((param) => (
            <SecretField key={param} nodeId={node.id} param={param} title={properties[param]?.title ?? param} value={node.params[param]} />
          ))}
          <PortList node={node} manifest={manifest} />
        </>
      )}
      {manifest && !comparing && <NodeRunActions nodeId={node.id} />}
    </div>
  );
}
