/** Toast messages at the bottom of the page (errors stay longer). */
import { useApp } from '../AppContext';
import { useStore } from '../state/store';

/** The toast stack. */
export function Toasts() {
  const { toasts } = useApp();
  const list = useStore(toasts, (t) => t);
  return (
    <div className="gp-toasts" aria-live="polite">
      {list.map((t) => <div key={t.id} className={`gp-toast ${t.kind}`} data-testid={`toast-${t.kind}`}>{t.text}</div>)}
    </div>
  );
}
