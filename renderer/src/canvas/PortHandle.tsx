import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';

interface PortHandleProps {
  side: 'connection' | 'artifact';
  id: string;
  port: string;
  title: string;
  artifactType: string;
  colour: string;
  /** While a connection is dragged: true = compatible, false = not, undefined = no drag. */
  compatible?: boolean;
  required?: boolean;
}

/** One typed port: a handle named "<port> (<artifact type>)" with its label beside it. */
export const PortHandle = memo(function PortHandle({ side, id, port, title, artifactType, colour, compatible, required }: PortHandleProps) {
  const state = compatible === undefined ? '' : compatible ? ' port-compatible' : ' port-dimmed';
  return (
    <div className={`port port-${side}${state}`} title={`${title}: ${artifactType}`}>
      <Handle
        id={id}
        type={side === 'connection' ? 'target' : 'source'}
        position={side === 'connection' ? Position.Left : Position.Right}
        aria-label={`${port} (${artifactType})`}
        className="port-handle"
        style={{ background: colour, borderColor: colour }}
      />
      <span className="port-label">
        {port}
        {required ? '*' : ''}
        <small style={{ color: colour }}> {artifactType}</small>
      </span>
    </div>
  );
});
