/** The right-hand side panel with tabs: inspector, viewer, patch info. */
import { useApp, type UiState } from '../AppContext';
import { GaRatingPanel } from '../ga/GaRatingPanel';
import { Inspector } from '../inspector/Inspector';
import { useStore } from '../state/store';
import { ViewerPanel } from '../viewers/ViewerPanel';
import { PatchInfo } from './PatchInfo';

const TABS: { id: UiState['sideTab']; label: string }[] = [
  { id: 'inspector', label: 'Inspector' }, { id: 'viewer', label: 'Viewer' }, { id: 'patch', label: 'Patch' },
];

/** Tabs and the open tab's content. */
export function SidePanel() {
  const { ui } = useApp();
  const tab = useStore(ui, (s) => s.sideTab);
  return (
    <aside className="gp-side">
      <div className="gp-tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''}
            data-testid={`tab-${t.id}`} onClick={() => ui.set((s) => ({ ...s, sideTab: t.id }))}>{t.label}</button>
        ))}
      </div>
      <div className="gp-side-body">
        {tab === 'inspector' && <Inspector />}
        {tab === 'viewer' && <GaRatingPanel fallback={<ViewerPanel />} />}
        {tab === 'patch' && <PatchInfo />}
      </div>
    </aside>
  );
}
