/** The inspector: the selected node's title, doc, ports, params as widgets, and its run outcome. */
import { useApp } from '../AppContext';
import { shownStatus } from '../run/statusView';
import { useKeyed } from '../state/keyedStore';
import { useStore } from '../state/store';
import { ParamWidget } from './ParamWidget';

/** Shows the single selected node, or a hint. */
export function Inspector() {
  const { editor, registry, runtime } = useApp();
  const selection = useStore(editor.state, (s) => s.selection);
  const patch = useStore(editor.state, (s) => s.patch);
  const id = selection.length === 1 ? selection[0] : null;
  const node = id ? patch.nodes.find((n) => n.id === id) : undefined;
  const run = useKeyed(runtime.status, id ?? '');
  if (!node) {
    return (
      <div className="gp-inspector gp-empty" data-testid="inspector">
        <p>{selection.length > 1 ? `${selection.length} items selected.` : 'Select a node to edit its params.'}</p>
        <p className="gp-muted">Shift-drag draws a selection box; Ctrl-click adds to the selection.</p>
      </div>
    );
  }
  const def = registry.get(node.type);
  const exposed = new Set(node.exposed ?? []);
  const driven = new Set(patch.edges.filter((e) => e.to.node === node.id).map((e) => e.to.port));
  return (
    <div className="gp-inspector" data-testid="inspector">
      <input className="gp-title-entry" key={node.id + (node.title ?? '')} defaultValue={node.title ?? def?.title ?? node.type}
        onBlur={(e) => { const t = e.target.value; if (t !== (node.title ?? def?.title)) editor.dispatch({ type: 'setTitle', node: node.id, title: t === def?.title ? '' : t }); }}
        onKeyDown={(e) => { if (e.key === 'Enter') (e.target as HTMLInputElement).blur(); }} />
      <div className="gp-type"><code>{node.type}</code> · {def?.category ?? 'unknown type'} · id {node.id}</div>
      {def && run?.status === 'failed' && <div className={shownStatus(run).status === 'waiting' ? 'gp-wait-box' : 'gp-error-box'}>{run.error}</div>}
      {def ? <p className="gp-doc">{def.doc}</p> : <p className="gp-error-box">This node type is not installed; it is kept and saved back unchanged.</p>}
      {def && Object.keys(def.params).length > 0 && <h4>Params</h4>}
      {def && Object.entries(def.params).map(([name, spec]) => (
        <ParamWidget key={`${node.id}:${name}`} name={name} spec={spec} value={node.params[name] ?? spec.default}
          exposed={exposed.has(name)} driven={exposed.has(name) && driven.has(name)}
          onChange={(value, gesture) => {
            if (!gesture) editor.seal();
            editor.dispatch({ type: 'setParam', node: node.id, name, value }, { merge: gesture ? `param:${node.id}:${name}` : undefined });
          }}
          onGestureEnd={() => editor.seal()}
          onExpose={(on) => editor.dispatch({ type: 'setExposed', node: node.id, name, exposed: on })} />
      ))}
      {def && (
        <>
          <h4>Ports</h4>
          <ul className="gp-ports">
            {Object.entries(def.inputs).map(([n, p]) => <li key={`i${n}`}>in <b>{n}</b>: {p.type}{p.optional ? ' (optional)' : ''}{p.doc ? ` — ${p.doc}` : ''}</li>)}
            {Object.entries(def.outputs).map(([n, p]) => <li key={`o${n}`}>out <b>{n}</b>: {p.type}{p.doc ? ` — ${p.doc}` : ''}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}
