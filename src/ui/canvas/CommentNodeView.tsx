/** A free comment on the canvas: a sticky note, editable by double-click, resizable when selected. */
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useApp } from '../AppContext';
import type { FlowCommentNode } from './toFlow';

/** The canvas view of a comment. */
export const CommentNodeView = memo(function CommentNodeView({ id, data, selected }: NodeProps<FlowCommentNode>) {
  const { editor } = useApp();
  const [editing, setEditing] = useState(false);
  const c = data.comment;
  return (
    <div className={`gp-comment${selected ? ' selected' : ''}`} style={c.color ? { borderColor: c.color } : undefined}
      onDoubleClick={(e) => { e.stopPropagation(); setEditing(true); }}>
      <NodeResizer isVisible={selected} minWidth={120} minHeight={48}
        onResizeEnd={(_, p) => editor.dispatch({ type: 'editComment', id, size: { width: p.width, height: p.height } })} />
      {editing ? (
        <textarea className="nodrag" autoFocus defaultValue={c.text}
          onBlur={(e) => { setEditing(false); if (e.target.value !== c.text) editor.dispatch({ type: 'editComment', id, text: e.target.value }); }}
          onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur(); }} />
      ) : (
        <div className="gp-comment-text">{c.text || 'Double-click to write a comment'}</div>
      )}
    </div>
  );
});
