// Broadsheet's only client script on reader pages (DESIGN §1): small enhancements over HTML that
// already works without it. Hand-written, no dependencies, loaded as a module (deferred).
//
// Markup contract with the reader pages:
//   <button type="button" data-theme-toggle hidden>Theme</button>   cycles system → dark → light
//   <a href="mailto:…" data-share data-share-title="…">Share</a>     opens the system share sheet when there is one
//   <button type="button" data-copy-link hidden>Copy link</button>   copies the page URL
//   <figure data-embed-src="https://www.youtube-nocookie.com/embed/…" data-embed-title="…">
//     <button type="button" data-embed-load>Load video</button>…</figure>     click-to-load embeds
//   <article data-article-id="123">                                  counts one view per page load

const THEME_KEY = 'broadsheet-theme'; // same key as lib/theme-snippet.ts
const THEMES = ['system', 'dark', 'light'];
const root = document.documentElement;

function currentTheme() {
  const t = root.dataset.theme;
  return t === 'dark' || t === 'light' ? t : 'system';
}

function applyTheme(theme) {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Private browsing may refuse storage: the choice still applies to this page.
  }
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  for (const button of document.querySelectorAll('[data-theme-toggle]')) labelThemeButton(button);
}

function labelThemeButton(button) {
  const theme = currentTheme();
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
  button.setAttribute('aria-label', `Colour theme: ${theme}. Switch to ${next}.`);
  button.dataset.themeCurrent = theme;
}

for (const button of document.querySelectorAll('[data-theme-toggle]')) {
  labelThemeButton(button);
  button.hidden = false;
  button.addEventListener('click', () => {
    const theme = currentTheme();
    applyTheme(THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]);
  });
}

function announce(element, text) {
  let status = element.parentElement?.querySelector('[data-enhance-status]');
  if (!status) {
    status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.dataset.enhanceStatus = '';
    status.className = 'sr-only';
    element.after(status);
  }
  status.textContent = text;
}

for (const link of document.querySelectorAll('[data-share]')) {
  if (typeof navigator.share !== 'function') continue;
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    try {
      await navigator.share({ title: link.dataset.shareTitle || document.title, url: location.href });
    } catch (error) {
      // Dismissing the sheet is an AbortError; anything else falls back to the plain link.
      if (error?.name !== 'AbortError') location.href = link.href;
    }
  });
}

for (const button of document.querySelectorAll('[data-copy-link]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      announce(button, 'Link copied');
    } catch {
      announce(button, 'Could not copy the link');
    }
  });
}

for (const button of document.querySelectorAll('[data-embed-load]')) {
  button.addEventListener('click', () => {
    const holder = button.closest('[data-embed-src]');
    const src = holder?.dataset.embedSrc;
    if (!src || !/^https:\/\//.test(src)) return;
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = holder.dataset.embedTitle || 'Embedded content';
    frame.loading = 'lazy';
    frame.allow = 'encrypted-media; picture-in-picture; fullscreen';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation');
    frame.className = 'embed-frame';
    holder.replaceChildren(frame);
    frame.focus();
  });
}

const article = document.querySelector('[data-article-id]');
const articleId = article?.getAttribute('data-article-id');
if (articleId && /^\d+$/.test(articleId) && navigator.sendBeacon) {
  // Counted once the page has been visible, so prerendered and background tabs do not count.
  const send = () => navigator.sendBeacon(`/api/views?a=${articleId}`);
  if (document.visibilityState === 'visible') send();
  else document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && send(), { once: true });
}
