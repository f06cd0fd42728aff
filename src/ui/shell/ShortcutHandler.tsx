/** Installs the keyboard shortcuts on the window while mounted (inside the React Flow provider). */
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useApp } from '../AppContext';
import { fromTextField, shortcuts } from './shortcuts';

/** Renders nothing; handles keys. */
export function ShortcutHandler() {
  const app = useApp();
  const flow = useReactFlow();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (fromTextField(e)) return;
      const hit = shortcuts.find((s) => s.match(e));
      if (!hit) return;
      e.preventDefault();
      hit.run(app, flow);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app, flow]);
  return null;
}
