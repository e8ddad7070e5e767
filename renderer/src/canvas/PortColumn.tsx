import type { ArtifactSpec, ArtifactTypeDef, ConnectionSpec } from '../../../src/core/bundles/manifest';
import { artifactHandle, connectionHandle, FALLBACK_COLOUR } from '../state/deriveFlow';
import { PortHandle } from './PortHandle';

interface PortColumnProps {
  side: 'connection' | 'artifact';
  ports: Record<string, ConnectionSpec | ArtifactSpec> | undefined;
  types: readonly ArtifactTypeDef[];
  /** While a connection is dragged: per handle id, whether it may take part. */
  compatible: ReadonlyMap<string, boolean> | undefined;
}

/** One side of a node: its connections (left, targets) or its artifacts (right, sources), one typed handle each. */
export function PortColumn({ side, ports, types, compatible }: PortColumnProps) {
  const handleOf = side === 'connection' ? connectionHandle : artifactHandle;
  return (
    <div className={side === 'connection' ? 'ports-in' : 'ports-out'}>
      {Object.entries(ports ?? {}).map(([port, spec]) => (
        <PortHandle
          key={port}
          side={side}
          id={handleOf(port)}
          port={port}
          title={spec.title}
          artifactType={spec.type}
          colour={types.find((type) => type.name === spec.type)?.colour ?? FALLBACK_COLOUR}
          required={'required' in spec ? spec.required : undefined}
          compatible={compatible?.get(handleOf(port))}
        />
      ))}
    </div>
  );
}
