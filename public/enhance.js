// Broadsheet's only client script on reader pages (DESIGN §1): small enhancements over HTML that
// already works without it. Hand-written, no dependencies, loaded as a module (deferred).
//
// Markup contract with the reader pages:
//   <button type="button" data-theme-toggle hidden>Theme</button>     cycles system → dark → light
//   <nav data-share-url="…" data-share-title="…"><ul><li>Share:</li>…  adds "Share…" (share sheet) and "Copy link"
//   <figure data-embed-url="https://youtube.com/watch?v=…"><p>title</p>…<a data-embed-load href="…">
//                                                                     YouTube, Vimeo, Spotify links become iframes on click
//   <article data-article-id="123">                                    counts one view per page load

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

function button(label, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.className = 'inline-block border border-rule px-3 py-1.5 text-ink hover:bg-surface';
  element.addEventListener('click', () => onClick(element));
  return element;
}

// Share links stay plain links; where the browser has a share sheet or a clipboard, offer them first.
for (const nav of document.querySelectorAll('[data-share-url]')) {
  const url = nav.dataset.shareUrl;
  const title = nav.dataset.shareTitle || document.title;
  const list = nav.querySelector('ul') || nav;
  const extras = [];
  if (typeof navigator.share === 'function') {
    extras.push(
      button('Share…', async () => {
        try {
          await navigator.share({ title, url });
        } catch {
          // Dismissing the sheet rejects; the plain links remain.
        }
      }),
    );
  }
  if (navigator.clipboard) {
    extras.push(
      button('Copy link', async (element) => {
        try {
          await navigator.clipboard.writeText(url);
          announce(element, 'Link copied');
        } catch {
          announce(element, 'Could not copy the link');
        }
      }),
    );
  }
  const label = list.firstElementChild;
  for (const extra of extras.reverse()) {
    const item = document.createElement('li');
    item.append(extra);
    if (label) label.after(item);
    else list.prepend(item);
  }
}

/** The iframe address for a link to a provider we embed, or null (then the link just opens). */
function embedAddress(href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/^www\.|^m\./, '');
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'youtube-nocookie.com') {
    const id = host === 'youtu.be' ? url.pathname.slice(1) : url.searchParams.get('v') || url.pathname.split('/').pop();
    return id && /^[\w-]{6,20}$/.test(id) ? `https://www.youtube-nocookie.com/embed/${id}?autoplay=1` : null;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = url.pathname.split('/').filter(Boolean).pop();
    return id && /^\d+$/.test(id) ? `https://player.vimeo.com/video/${id}?autoplay=1` : null;
  }
  if (host === 'open.spotify.com' && !url.pathname.startsWith('/embed/')) return `https://open.spotify.com/embed${url.pathname}`;
  return null;
}

// Click-to-load embeds: nothing from the provider loads until the reader asks for it.
for (const link of document.querySelectorAll('[data-embed-url] [data-embed-load]')) {
  const holder = link.closest('[data-embed-url]');
  const src = embedAddress(holder.dataset.embedUrl);
  if (!src) continue;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = holder.querySelector('p')?.textContent || 'Embedded content';
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation');
    frame.style.width = '100%';
    frame.style.aspectRatio = '16 / 9';
    frame.style.border = '0';
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
  else {
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      document.removeEventListener('visibilitychange', onVisible);
      send();
    };
    document.addEventListener('visibilitychange', onVisible);
  }
}
