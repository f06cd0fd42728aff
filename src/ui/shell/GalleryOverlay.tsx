/** The examples gallery: every bundled patch with its title and description; a click opens it. */
import { useMemo } from 'react';
import { useApp } from '../AppContext';
import { openPatchText } from '../files/documents';
import { listExamples } from '../files/gallery';
import { Overlay } from './Overlay';

/** Lists the examples. */
export function GalleryOverlay({ onClose }: { onClose(): void }) {
  const app = useApp();
  const examples = useMemo(() => listExamples(), []);
  return (
    <Overlay title="Examples" onClose={onClose} testId="gallery">
      {examples.length === 0 && <p className="gp-muted">No example patches are bundled yet (patches/*.genpatch.json).</p>}
      <ul className="gp-gallery">
        {examples.map((ex) => (
          <li key={ex.file}>
            <button type="button" data-example={ex.file} onClick={() => { if (openPatchText(app, ex.text, ex.file)) onClose(); }}>
              <strong className="gp-gallery-title">{ex.title}</strong>
              <span className="gp-gallery-description">{ex.description}</span>
              <code>{ex.file}</code>
            </button>
          </li>
        ))}
      </ul>
    </Overlay>
  );
}
