import type { PageLink } from '@/lib/pages';
import type { SiteSettings } from '@/lib/settings';
import type { NavSection } from '@/lib/taxonomy';
import { SocialLinks } from './social-links';
import { SectionNav } from './section-nav';

export function SiteFooter({ settings, sections, pages }: { settings: SiteSettings; sections: NavSection[]; pages: PageLink[] }) {
  return (
    <footer className="mt-12 border-t-4 border-double border-ink bg-surface">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2 lg:grid-cols-4">
        <div className="lg:col-span-2">
          <p className="font-serif text-2xl font-black">{settings.name}</p>
          {settings.tagline ? <p className="mt-1 font-serif text-muted italic">{settings.tagline}</p> : null}
          <SectionNav
            label="Sections in footer"
            sections={sections}
            className="mt-4"
            listClassName="grid grid-cols-2 gap-x-4 gap-y-1 font-sans text-sm sm:grid-cols-3"
            linkClassName="story-link inline-block py-1"
          />
        </div>
        <nav aria-label="About the site">
          <h2 className="block-title">The paper</h2>
          <ul className="space-y-1 font-sans text-sm">
            {pages.map((p) => (
              <li key={p.path}>
                <a href={p.path} className="story-link inline-block py-1">
                  {p.title}
                </a>
              </li>
            ))}
            <li>
              <a href="/newsletter" className="story-link inline-block py-1">
                Newsletter
              </a>
            </li>
          </ul>
        </nav>
        <div>
          <h2 className="block-title">Follow us</h2>
          <SocialLinks links={settings.socialLinks} owner={settings.name} />
        </div>
      </div>
      <p className="border-t border-rule px-4 py-4 text-center font-sans text-xs text-muted">
        {settings.footerText || `© ${settings.name}`}
      </p>
    </footer>
  );
}
