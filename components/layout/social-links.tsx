import type { SocialLink } from '@/lib/settings';

const NETWORK_NAMES: Record<string, string> = {
  facebook: 'Facebook',
  x: 'X',
  twitter: 'X',
  instagram: 'Instagram',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  line: 'LINE',
  tiktok: 'TikTok',
};

export function networkName(network: string): string {
  return NETWORK_NAMES[network.toLowerCase()] ?? network;
}

/** Links to the paper's (or an author's) profiles; `owner` names whose they are for screen readers. */
export function SocialLinks({ links, owner }: { links: SocialLink[]; owner: string }) {
  if (links.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 font-sans text-sm">
      {links.map((link) => (
        <li key={link.url}>
          <a href={link.url} rel="me noopener" className="inline-block border border-rule px-3 py-1.5 text-ink hover:bg-surface">
            {networkName(link.network)}
            <span className="sr-only"> ({owner})</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
