/**
 * The one inline script reader pages carry (DESIGN §1): it applies the saved colour theme before
 * first paint so a dark-theme reader never sees a white flash. Its sha256 goes into the CSP, so
 * the text must never vary per request. The front layer puts it at the top of every reader
 * page's <head>; `public/enhance.js` writes the same storage key when the toggle is clicked.
 *
 * Contract with the CSS: `<html data-theme="dark|light">` when the reader chose one; no attribute
 * means "follow the system" (prefers-color-scheme).
 */
import { createHash } from 'node:crypto';

export const THEME_STORAGE_KEY = 'broadsheet-theme';

export const THEME_SNIPPET = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}`;

/** The CSP source expression that allows exactly {@link THEME_SNIPPET}. */
export const THEME_SNIPPET_HASH = `'sha256-${createHash('sha256').update(THEME_SNIPPET).digest('base64')}'`;
