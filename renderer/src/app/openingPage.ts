/**
 * Imported first by main.tsx, for its side effect: the code and the data of the page the window opens on start loading now, while
 * the rest of the first bundle is still evaluated (an import's code runs before the importing module's own, so a call
 * in main.tsx would come after the whole bundle). main.tsx's preloadRoute then only waits for it.
 */
import { startFirstReads } from './firstReads';
import { startPageLoad } from './pageLoaders';

startPageLoad(window.location.hash);
startFirstReads(window.location.hash);
