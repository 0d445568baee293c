import { prerenderedAttribute } from '../contract/prerender';
// Every style sheet is one file linked from index.html (build.cssCodeSplit is off), so the
// prerendered idle screen is painted fully styled before any of the app's script has run.
import './styles/kiosk.css';

/**
 * The page's entry. When the browser host put the idle screen into the page already
 * (main/host/idle-markup.ts), the app's script waits for that screen's first frame: parsing and
 * running it would otherwise hold the first paint back. Elsewhere (Electron) it starts at once.
 */
let started = false;
function boot(): void {
  if (started) return;
  started = true;
  void import('./boot');
}

if (document.getElementById('root')?.getAttribute(prerenderedAttribute) === 'idle') {
  requestAnimationFrame(() => setTimeout(boot, 0));
  setTimeout(boot, 250); // no frame comes while the window is hidden
} else boot();
