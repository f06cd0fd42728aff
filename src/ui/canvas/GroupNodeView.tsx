/** A group frame drawn behind its member nodes; its title is editable by double-click. */
import type { NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useApp } from '../AppContext';
import type { FlowGroupNode } from './toFlow';

/** The canvas view of a group. */
export const GroupNodeView = memo(function GroupNodeView({ id, data, selected }: NodeProps<FlowGroupNode>) {
  const { editor } = useApp();
  const [editing, setEditing] = useState(false);
  const g = data.group;
  return (
    <div className={`gp-group${selected ? ' selected' : ''}`} style={g.color ? { borderColor: g.color, background: `${g.color}14` } : undefined}>
      {editing ? (
        <input className="gp-group-title nodrag" autoFocus defaultValue={g.title}
          onBlur={(e) => { setEditing(false); if (e.target.value !== g.title) editor.dispatch({ type: 'renameGroup', id, title: e.target.value }); }}
          onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Enter' || e.key === 'Escape') (e.target as HTMLInputElement).blur(); }} />
      ) : (
        <div className="gp-group-title" onDoubleClick={(e) => { e.stopPropagation(); setEditing(true); }}>{g.title}</div>
      )}
    </div>
  );
});
