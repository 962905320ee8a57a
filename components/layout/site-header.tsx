import type { NavSection } from '@/lib/taxonomy';
import { SectionNav } from './section-nav';

function SearchForm({ id }: { id: string }) {
  return (
    <form role="search" action="/search" method="get" className="flex">
      <label htmlFor={id} className="sr-only">
        Search the site
      </label>
      <input
        id={id}
        name="q"
        type="search"
        placeholder="Search"
        className="w-full min-w-0 border border-rule bg-paper px-3 py-2 text-sm text-ink placeholder:text-muted"
      />
      <button type="submit" className="bg-ink px-3 py-2 text-sm font-semibold text-paper">
        Search
      </button>
    </form>
  );
}

export function SiteHeader({ name, tagline, sections }: { name: string; tagline: string; sections: NavSection[] }) {
  return (
    <header role="banner" className="border-b-4 border-double border-ink">
      <div className="mx-auto flex max-w-6xl flex-wrap items-end justify-between gap-4 px-4 pt-5 pb-3">
        <div>
          <a href="/" className="font-serif text-3xl font-black tracking-tight text-ink sm:text-5xl">
            {name}
          </a>
          {tagline ? <p className="mt-1 font-serif text-sm text-muted italic">{tagline}</p> : null}
        </div>
        <div className="flex items-center gap-3">
          {/* Shown and wired by public/enhance.js; without JavaScript the theme follows the system. Its box
              keeps the button's width from the start, so the search form does not move when it appears. */}
          <span className="inline-flex w-20 justify-end">
            <button type="button" data-theme-toggle="" hidden className="w-full border border-rule px-3 py-2 font-sans text-sm font-semibold text-ink hover:bg-surface">
              Theme
            </button>
          </span>
          <div className="hidden w-72 md:block">
            <SearchForm id="header-search" />
          </div>
        </div>
      </div>
      <SectionNav
        label="Sections"
        sections={sections}
        className="hidden border-t border-rule md:block"
        listClassName="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-2 font-sans text-sm font-semibold"
        linkClassName="story-link inline-block py-1"
      />
      {/* Small screens: a <details> menu that opens without JavaScript. */}
      <details className="nav-menu border-t border-rule md:hidden">
        <summary className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-3 font-sans text-sm font-bold">
          <span aria-hidden="true">☰</span> Menu
        </summary>
        <div className="mx-auto max-w-6xl space-y-4 px-4 pb-4">
          <SearchForm id="menu-search" />
          <SectionNav label="Sections menu" sections={sections} listClassName="grid grid-cols-2 gap-x-4 font-sans text-sm" linkClassName="story-link block py-2 font-semibold" />
        </div>
      </details>
    </header>
  );
}
