/** The editor page: top bar, palette, canvas, side panel, overlays and toasts. */
import { ReactFlowProvider } from '@xyflow/react';
import { AppContext, useApp, type AppServices } from './AppContext';
import { Canvas } from './canvas/Canvas';
import { Palette } from './palette/Palette';
import { GalleryOverlay } from './shell/GalleryOverlay';
import { HelpOverlay } from './shell/HelpOverlay';
import { ShareOverlay } from './shell/ShareOverlay';
import { ShortcutHandler } from './shell/ShortcutHandler';
import { SidePanel } from './shell/SidePanel';
import { Toasts } from './shell/Toasts';
import { TopBar } from './shell/TopBar';
import { useStore } from './state/store';

/** The whole editor, given its services. */
export function App({ services }: { services: AppServices }) {
  return (
    <AppContext.Provider value={services}>
      <ReactFlowProvider>
        <div className="gp-app" onPointerDown={() => void services.player.unlock()}>
          <TopBar />
          <main className="gp-main">
            <Palette />
            <Canvas />
            <SidePanel />
          </main>
          <Overlays />
          <Toasts />
          <ShortcutHandler />
        </div>
      </ReactFlowProvider>
    </AppContext.Provider>
  );
}

function Overlays() {
  const { ui } = useApp();
  const overlay = useStore(ui, (s) => s.overlay);
  const close = (): void => ui.set((s) => ({ ...s, overlay: null }));
  if (overlay === 'help') return <HelpOverlay onClose={close} />;
  if (overlay === 'gallery') return <GalleryOverlay onClose={close} />;
  if (overlay === 'share') return <ShareOverlay onClose={close} />;
  return null;
}
