// The app frame: navigation on the left, the workspace's brand, policy and as-of date on top,
// and the open screen. A page opened without Tillit's token gets an explanation instead.

import { useEffect, useRef, type ComponentType } from 'react';
import { LiveRegion } from './components/LiveRegion.tsx';
import { FatalBanner } from './frame/FatalBanner.tsx';
import { Header } from './frame/Header.tsx';
import { LedgerBanner } from './frame/LedgerBanner.tsx';
import { Nav } from './frame/Nav.tsx';
import { ReadOnlyBanner } from './frame/ReadOnlyBanner.tsx';
import { SkipLink } from './frame/SkipLink.tsx';
import { TokenMissing } from './frame/TokenMissing.tsx';
import { ContactsScreen } from './screens/contacts/ContactsScreen.tsx';
import { ExportScreen } from './screens/export/ExportScreen.tsx';
import { ImportScreen } from './screens/import/ImportScreen.tsx';
import { ReviewScreen } from './screens/review/ReviewScreen.tsx';
import { HelpScreen } from './screens/help/HelpScreen.tsx';
import { FirstStart } from './screens/welcome/FirstStart.tsx';
import { SettingsScreen } from './screens/settings/SettingsScreen.tsx';
import { useApp, type Screen } from './state/app.ts';
import { useErrors } from './state/errors.ts';

const SCREEN_COMPONENTS: Record<Screen, ComponentType> = {
  contacts: ContactsScreen,
  import: ImportScreen,
  review: ReviewScreen,
  export: ExportScreen,
  settings: SettingsScreen,
  help: HelpScreen,
};

export function App() {
  const unauthorized = useErrors((s) => s.unauthorized);
  const screen = useApp((s) => s.screen);
  const firstScreen = useRef(true);

  // After a switch of screen, focus its heading (not on the first load: focus stays at the top).
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    document.getElementById('screen-title')?.focus();
  }, [screen]);

  if (unauthorized) return <TokenMissing />;

  const Current = SCREEN_COMPONENTS[screen];
  return (
    <div className={`app screen-${screen}`}>
      <SkipLink />
      <Nav />
      <div className="main">
        <Header />
        <FatalBanner />
        <LedgerBanner />
        <ReadOnlyBanner />
        <main id="content" className={`content content-${screen}`} tabIndex={-1}>
          {screen !== 'help' && <FirstStart />}
          <Current />
        </main>
      </div>
      <LiveRegion />
    </div>
  );
}
