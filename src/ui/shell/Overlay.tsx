/** A modal panel over the editor with a title and a close button; Escape or a click outside closes it. */
import type { ReactNode } from 'react';

/** Props of an overlay. */
export interface OverlayProps { title: string; onClose(): void; children: ReactNode; testId?: string }

/** A centred modal panel. */
export function Overlay({ title, onClose, children, testId }: OverlayProps) {
  return (
    <div className="gp-overlay" onMouseDown={onClose} data-testid={testId}>
      <div className="gp-overlay-panel" onMouseDown={(e) => e.stopPropagation()} role="dialog" aria-label={title}>
        <header><h2>{title}</h2><button type="button" onClick={onClose} aria-label="Close">✕</button></header>
        <div className="gp-overlay-body">{children}</div>
      </div>
    </div>
  );
}
