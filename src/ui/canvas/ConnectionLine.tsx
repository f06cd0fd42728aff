/** The line drawn while dragging a connection: the source port's colour, red and dashed when refused. */
import { getBezierPath, type ConnectionLineComponentProps } from '@xyflow/react';

/** Custom connection line for React Flow. */
export function ConnectionLine({ fromX, fromY, toX, toY, fromPosition, toPosition, connectionStatus, fromHandle }: ConnectionLineComponentProps) {
  const [path] = getBezierPath({ sourceX: fromX, sourceY: fromY, sourcePosition: fromPosition, targetX: toX, targetY: toY, targetPosition: toPosition });
  const invalid = connectionStatus === 'invalid';
  const color = invalid ? '#ff5555' : (fromHandle?.id ? undefined : '#9aa3b5');
  return (
    <g className={`gp-connection-line${invalid ? ' invalid' : ''}`}>
      <path d={path} fill="none" stroke={color ?? 'var(--gp-connection, #4f9dff)'} strokeWidth={2.5} strokeDasharray={invalid ? '6 4' : undefined} />
      <circle cx={toX} cy={toY} r={4} fill={invalid ? '#ff5555' : '#ffffff'} />
    </g>
  );
}
