/** Share links as plain URLs: no third-party script loads until the reader clicks one. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const targets = [
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { name: 'LINE', href: `https://social-plugins.line.me/lineit/share?url=${u}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${t}%20${u}` },
    { name: 'Email', href: `mailto:?subject=${t}&body=${u}` },
  ];
  return (
    <nav aria-label="Share this story" className="no-print">
      <ul className="flex flex-wrap gap-2 font-sans text-sm">
        <li className="self-center font-semibold">Share:</li>
        {targets.map((target) => (
          <li key={target.name}>
            <a
              href={target.href}
              rel="noopener nofollow"
              className="inline-block border border-rule px-3 py-1.5 text-ink hover:bg-surface"
              // The email link doubles as the system share sheet where there is one (public/enhance.js).
              {...(target.name === 'Email' ? { 'data-share': '', 'data-share-title': title } : {})}
            >
              {target.name}
              <span className="sr-only"> (share this story)</span>
            </a>
          </li>
        ))}
        <li>
          <button type="button" data-copy-link="" hidden className="border border-rule px-3 py-1.5 text-ink hover:bg-surface">
            Copy link
          </button>
        </li>
      </ul>
    </nav>
  );
}
