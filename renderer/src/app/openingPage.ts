/**
 * Imported first by main.tsx, for its side effect: the code of the page the window opens on starts loading now, while
 * the rest of the first bundle is still evaluated (an import's code runs before the importing module's own, so a call
 * in main.tsx would come after the whole bundle). main.tsx's preloadRoute then only waits for it.
 */
import { startPageLoad } from './pageLoaders';

startPageLoad(window.location.hash);
