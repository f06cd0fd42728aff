/**
 * The patch canvas (React Flow): typed connections refused while dragged, pan/zoom/minimap,
 * multi-select and box select, snap to grid, drop from the palette or of files, quick-add by
 * double-click. React Flow is controlled by nodes derived from the patch (see toFlow.ts).
 */
import {
  Background, BackgroundVariant, Controls, MiniMap, Panel, ReactFlow, useReactFlow, useStore as useFlowStore,
  type Connection, type EdgeChange, type IsValidConnection, type NodeChange, type OnConnectEnd,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import type { NodeDef } from '../../engine/node';
import { useApp } from '../AppContext';
import { importDroppedFiles } from '../files/dropImport';
import { nextId } from '../state/actions';
import { useStore } from '../state/store';
import { CommentNodeView } from './CommentNodeView';
import { ConnectionLine } from './ConnectionLine';
import { connectionProblem } from './connection';
import { GroupNodeView } from './GroupNodeView';
import { RunStatus } from '../shell/RunStatus';
import { Legend } from './Legend';
import { createNode, SNAP } from './nodeFactory';
import { PatchNodeView } from './PatchNodeView';
import { QuickAdd } from './QuickAdd';
import { FlowEdgeCache, FlowNodeCache, groupFrame, type FlowNode, type Size } from './toFlow';

/** Stable node types (defined once, outside components, as React Flow asks). */
const nodeTypes = { patch: PatchNodeView, comment: CommentNodeView, frame: GroupNodeView };
const snapGrid: [number, number] = [SNAP, SNAP];
const proOptions = { hideAttribution: true };
const defaultViewport = { x: 40, y: 40, zoom: 1 };
const noNodes: FlowNode[] = [];
const hasPaneSize = (s: { width: number; height: number }): boolean => s.width > 0 && s.height > 0;

/** MIME type of palette drags. */
export const NODE_DRAG_MIME = 'application/x-genpatch-node';

/** The canvas. */
export function Canvas() {
  const app = useApp();
  const { editor, registry, ui, notify } = app;
  const patch = useStore(editor.state, (s) => s.patch);
  const selection = useStore(editor.state, (s) => s.selection);
  const hint = useStore(ui, (s) => s.connectionHint);
  const docVersion = useStore(editor.state, (s) => s.docVersion);
  const flow = useReactFlow();
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const [quick, setQuick] = useState<{ screen: { x: number; y: number }; flow: { x: number; y: number } } | null>(null);
  const nodeCache = useRef(new FlowNodeCache());
  const edgeCache = useRef(new FlowEdgeCache());
  const wrapper = useRef<HTMLDivElement>(null);
  const selected = useMemo(() => new Set(selection), [selection]);
  // Nodes are handed to React Flow once its pane has a size: before that it cannot tell which
  // nodes are on screen and would mount every node of a large patch.
  const paneSized = useFlowStore(hasPaneSize);
  const nodes = useMemo(() => (paneSized ? nodeCache.current.nodes(patch, selected, sizes) : noNodes), [paneSized, patch, selected, sizes]);
  const edges = useMemo(() => edgeCache.current.edges(patch, registry, selected), [patch, registry, selected]);

  // Fit the view to each newly loaded document (unmeasured nodes count at their default size); a
  // very large patch opens legible (zoom ≥ 0.5) around its centre instead of drawing every node tiny.
  useEffect(() => {
    if (paneSized && editor.state.get().patch.nodes.length > 0) void flow.fitView({ padding: 0.2, maxZoom: 1, minZoom: 0.5 });
  }, [docVersion, paneSized, flow, editor]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const current = editor.state.get();
    const moves: { id: string; x: number; y: number }[] = [];
    let nextSizes: Map<string, Size> | null = null;
    let sel: Set<string> | null = null;
    let dragEnded = false;
    for (const c of changes) {
      if (c.type === 'position') {
        if (c.dragging === false) dragEnded = true;
        if (!c.position) continue;
        const group = current.patch.groups.find((g) => g.id === c.id);
        if (group) moves.push(...moveGroup(current.patch, group.id, c.position, sizes));
        else moves.push({ id: c.id, x: c.position.x, y: c.position.y });
      } else if (c.type === 'dimensions' && c.dimensions) {
        const old = (nextSizes ?? sizes).get(c.id);
        if (!old || old.width !== c.dimensions.width || old.height !== c.dimensions.height) {
          nextSizes ??= new Map(sizes);
          nextSizes.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
        }
      } else if (c.type === 'select') {
        sel ??= new Set(current.selection);
        if (c.selected) sel.add(c.id);
        else sel.delete(c.id);
      }
    }
    if (nextSizes) setSizes(nextSizes);
    if (sel) editor.select([...sel]);
    if (moves.length) editor.dispatch({ type: 'move', moves }, { merge: 'move' });
    if (dragEnded) editor.seal();
  }, [editor, sizes]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    let sel: Set<string> | null = null;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      sel ??= new Set(editor.state.get().selection);
      if (c.selected) sel.add(c.id);
      else sel.delete(c.id);
    }
    if (sel) editor.select([...sel]);
  }, [editor]);

  const isValidConnection: IsValidConnection = useCallback((c) => {
    const problem = connectionProblem(editor.state.get().patch, registry, c);
    if (ui.get().connectionHint !== problem) ui.set((s) => ({ ...s, connectionHint: problem }));
    return problem === null;
  }, [editor, registry, ui]);

  const onConnect = useCallback((c: Connection) => {
    const p = editor.state.get().patch;
    const problem = connectionProblem(p, registry, c);
    if (problem) return notify(`Connection refused: ${problem}`, 'error');
    editor.dispatch({ type: 'connect', edge: { id: nextId(p, 'e'), from: { node: c.source, port: c.sourceHandle! }, to: { node: c.target, port: c.targetHandle! } } });
  }, [editor, registry, notify]);

  const onConnectEnd: OnConnectEnd = useCallback((_event, state) => {
    const problem = ui.get().connectionHint;
    if (problem && state.toHandle) notify(`Connection refused: ${problem}`, 'error');
    ui.set((s) => ({ ...s, connectionHint: null }));
  }, [ui, notify]);

  const addAt = useCallback((def: NodeDef, position: { x: number; y: number }) => {
    const node = createNode(editor.state.get().patch, def, position);
    editor.dispatch({ type: 'addNodes', nodes: [node] });
    editor.select([node.id]);
  }, [editor]);

  const onDragOver = useCallback((e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    e.preventDefault();
    const position = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const type = e.dataTransfer.getData(NODE_DRAG_MIME);
    if (type) {
      const def = registry.get(type);
      if (def) addAt(def, position);
      return;
    }
    if (e.dataTransfer.files.length) void importDroppedFiles(app, [...e.dataTransfer.files], position);
  }, [flow, registry, addAt, app]);

  const onDoubleClick = useCallback((e: MouseEvent) => {
    const target = e.target as HTMLElement;
    if (!target.classList.contains('react-flow__pane')) return;
    const box = wrapper.current!.getBoundingClientRect();
    setQuick({ screen: { x: e.clientX - box.left, y: e.clientY - box.top }, flow: flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
  }, [flow]);

  return (
    <div className="gp-canvas" ref={wrapper} onDoubleClick={onDoubleClick} data-testid="canvas">
      <ReactFlow<FlowNode>
        nodes={nodes} edges={edges} nodeTypes={nodeTypes}
        onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
        onConnect={onConnect} isValidConnection={isValidConnection} onConnectEnd={onConnectEnd}
        connectionLineComponent={ConnectionLine}
        onDrop={onDrop} onDragOver={onDragOver}
        snapToGrid snapGrid={snapGrid} zoomOnDoubleClick={false} deleteKeyCode={null}
        selectionKeyCode="Shift" multiSelectionKeyCode={['Meta', 'Control']}
        onlyRenderVisibleElements minZoom={0.1} maxZoom={2.5} defaultViewport={defaultViewport} proOptions={proOptions}
        colorMode="dark">
        <Background variant={BackgroundVariant.Dots} gap={SNAP * 2} size={1.2} color="#2b303b" />
        <MiniMap pannable zoomable nodeStrokeWidth={2} nodeColor={minimapColor} maskColor="rgba(10,12,16,0.7)" />
        <Controls showInteractive={false} />
        <Panel position="top-left"><Legend /></Panel>
        <Panel position="bottom-center"><RunStatus /></Panel>
        {hint && <Panel position="top-center"><div className="gp-hint" data-testid="connection-hint">Refused: {hint}</div></Panel>}
      </ReactFlow>
      {quick && (
        <QuickAdd screen={quick.screen} onClose={() => setQuick(null)}
          onPick={(def) => { addAt(def, quick.flow); setQuick(null); }} />
      )}
    </div>
  );
}

function minimapColor(n: FlowNode): string {
  if (n.type === 'comment') return '#6b6440';
  if (n.type === 'frame') return 'transparent';
  return n.selected ? '#4f9dff' : '#3a4150';
}

/** Moves the members of a group so that its frame lands at `to`. */
function moveGroup(patch: import('../../engine/patch/types').Patch, groupId: string, to: { x: number; y: number }, sizes: ReadonlyMap<string, Size>) {
  const group = patch.groups.find((g) => g.id === groupId)!;
  const byId = new Map(patch.nodes.map((n) => [n.id, n]));
  const frame = groupFrame(group, byId, sizes);
  if (!frame) return [];
  const dx = to.x - frame.x;
  const dy = to.y - frame.y;
  return group.nodes.flatMap((id) => {
    const n = byId.get(id);
    return n ? [{ id, x: n.position.x + dx, y: n.position.y + dy }] : [];
  });
}
