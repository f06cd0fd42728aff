/** The share dialog: the patch's link (compressed into the fragment) with a copy button. */
import { useMemo, useState } from 'react';
import { useApp } from '../AppContext';
import { shareUrl } from '../files/share';
import { Overlay } from './Overlay';

/** Shows and copies the share link. */
export function ShareOverlay({ onClose }: { onClose(): void }) {
  const app = useApp();
  const url = useMemo(() => shareUrl(app), [app]);
  const [copied, setCopied] = useState(false);
  return (
    <Overlay title="Share link" onClose={onClose} testId="share">
      <p>Anyone opening this link gets this patch (it travels in the link itself, {url.length.toLocaleString()} characters; embedded files included).</p>
      <div className="gp-share-row">
        <input readOnly value={url} data-testid="share-url" onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => { void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false)); }}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </Overlay>
  );
}
