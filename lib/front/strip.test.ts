import { describe, expect, it } from 'vitest';
import { THEME_SNIPPET } from '../theme-snippet';
import { stripLinkHeader, stripRuntime } from './strip';

const NEXT_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>
<link rel="modulepreload" href="/_next/static/chunks/m.js"/>
<link rel="preload" href="/_next/static/media/font.woff2" as="font" type="font/woff2" crossorigin=""/>
<script src="/_next/static/chunks/main.js" async=""></script>
<title>Story</title></head><body><article><h1>Story</h1>
<script type="application/ld+json">{"@type":"NewsArticle"}</script></article>
<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"payload"])</script>
</body></html>`;

describe('stripRuntime', () => {
  const out = stripRuntime(NEXT_PAGE, { enhanceUrl: '/enhance.js?v=abc' });
  const scripts = [...out.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[0]);

  it('removes framework scripts, the RSC payload and script preloads', () => {
    expect(out).not.toContain('/_next/static/chunks/main.js');
    expect(out).not.toContain('__next_f');
    expect(out).not.toContain('w.js');
    expect(out).not.toContain('m.js');
  });

  it('keeps stylesheets, font preloads, JSON-LD and the content', () => {
    expect(out).toContain('a.css');
    expect(out).toContain('font.woff2');
    expect(out).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>');
    expect(out).toContain('<h1>Story</h1>');
  });

  it('leaves exactly the theme snippet first in <head>, the enhancement module and JSON-LD', () => {
    expect(scripts).toEqual([
      `<script>${THEME_SNIPPET}</script>`,
      '<script type="module" src="/enhance.js?v=abc"></script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
    ]);
    expect(out.indexOf(THEME_SNIPPET)).toBeLessThan(out.indexOf('<meta charSet'));
  });

  it('does not add the snippet or module twice when the layout already has them', () => {
    const again = stripRuntime(out, { enhanceUrl: '/enhance.js?v=abc' });
    expect(again).toBe(out);
  });

  it('removes an inline script that only resembles the snippet', () => {
    const html = `<html><head><script>${THEME_SNIPPET};alert(1)</script></head><body></body></html>`;
    expect(stripRuntime(html, { enhanceUrl: '/enhance.js' })).not.toContain('alert(1)');
  });
});

describe('stripLinkHeader', () => {
  it('drops script preloads and keeps the rest', () => {
    expect(stripLinkHeader('</_next/a.js>; rel=preload; as="script", </f.woff2>; rel=preload; as="font"')).toBe('</f.woff2>; rel=preload; as="font"');
    expect(stripLinkHeader('</m.js>; rel=modulepreload')).toBeUndefined();
  });
});
