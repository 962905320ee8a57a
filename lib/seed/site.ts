/** Static pages and site settings for the demo paper. */
import type { Body } from '../validation/body';
import { PAPER } from './words';

export interface SeedPage {
  slug: string;
  title: string;
  body: Body;
}

const p = (text: string) => ({ type: 'paragraph' as const, content: [{ text }] });

export const PAGES: readonly SeedPage[] = [
  {
    slug: 'about',
    title: 'About us',
    body: {
      blocks: [
        {
          type: 'paragraph',
          content: [
            { text: PAPER.name, italic: true },
            { text: ' is an independent English-language newspaper for Chiang Rai and the upper North of Thailand. We report on the province’s councils and courts, its farms and markets, its rivers and hills, and the people who live among them.' },
          ],
        },
        {
          type: 'paragraph',
          content: [
            { text: 'This is a demonstration site. ', bold: true },
            { text: 'The paper, its staff and every story published here are invented, generated to show how the Broadsheet publishing system works. Places and institutions are real; the events, people and quotations are not.' },
          ],
        },
        { type: 'heading', level: 2, text: 'What we believe' },
        {
          type: 'list',
          ordered: false,
          items: [
            [{ text: 'Local news matters most to the people it is about.' }],
            [{ text: 'Every story should say who said what, and how we know.' }],
            [{ text: 'Mistakes are corrected openly, at the foot of the article.' }],
            [{ text: 'Our journalism is free to read, without tracking.' }],
          ],
        },
        { type: 'heading', level: 2, text: 'Our newsroom' },
        p('Our reporters and editors work from Chiang Rai city, with correspondents in Mae Sai, Chiang Saen, Phayao and Nan. Their pages list the stories each of them has written.'),
        { type: 'pullquote', text: 'A newspaper is a town talking to itself.' },
        { type: 'heading', level: 2, text: 'Corrections' },
        {
          type: 'paragraph',
          content: [
            { text: 'If we get something wrong, tell us through our ' },
            { text: 'contact page', href: '/contact' },
            { text: '. We correct errors of fact as soon as we can and say so on the article.' },
          ],
        },
      ],
    },
  },
  {
    slug: 'contact',
    title: 'Contact',
    body: {
      blocks: [
        p('We read everything readers send us, and we answer as much of it as we can.'),
        { type: 'heading', level: 2, text: 'News tips and corrections' },
        {
          type: 'list',
          ordered: false,
          items: [
            [{ text: 'News desk: ', bold: true }, { text: `news@${PAPER.domain}`, href: `mailto:news@${PAPER.domain}` }],
            [{ text: 'Corrections: ', bold: true }, { text: `corrections@${PAPER.domain}`, href: `mailto:corrections@${PAPER.domain}` }],
            [{ text: 'Letters to the editor: ', bold: true }, { text: `letters@${PAPER.domain}`, href: `mailto:letters@${PAPER.domain}` }],
          ],
        },
        { type: 'heading', level: 2, text: 'Advertising' },
        {
          type: 'paragraph',
          content: [
            { text: 'For advertising and sponsored listings, write to ' },
            { text: `advertising@${PAPER.domain}`, href: `mailto:advertising@${PAPER.domain}` },
            { text: '.' },
          ],
        },
        { type: 'heading', level: 2, text: 'Our office' },
        p('The Lanna Ledger is a fictional newspaper, so there is no office to visit. In a real deployment this is where the address and opening hours would go.'),
      ],
    },
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    body: {
      blocks: [
        p('This page explains what information this site collects and why. The short version: very little.'),
        { type: 'heading', level: 2, text: 'Reading articles' },
        p('We count how many times each article is read, in hourly totals, to show the most-read list. These counts are not linked to you, your device or your IP address.'),
        { type: 'heading', level: 2, text: 'Cookies' },
        p('Readers get no tracking or advertising cookies. Your choice of light or dark theme is remembered in your browser. Staff who sign in to the newsroom receive a session cookie.'),
        { type: 'heading', level: 2, text: 'Newsletter' },
        p('If you subscribe to the newsletter we keep your email address to send it, and nothing else. Every email has a link to unsubscribe, which removes you at once.'),
        { type: 'heading', level: 2, text: 'Questions' },
        {
          type: 'paragraph',
          content: [
            { text: 'Write to ' },
            { text: `privacy@${PAPER.domain}`, href: `mailto:privacy@${PAPER.domain}` },
            { text: ' with any question about your data.' },
          ],
        },
      ],
    },
  },
];

export const SETTINGS = {
  name: PAPER.name,
  tagline: PAPER.tagline,
  timeZone: 'Asia/Bangkok',
  language: 'en',
  socialLinks: [
    { network: 'facebook', url: 'https://www.facebook.com/lannaledger' },
    { network: 'x', url: 'https://x.com/lannaledger' },
    { network: 'instagram', url: 'https://www.instagram.com/lannaledger' },
    { network: 'youtube', url: 'https://www.youtube.com/@lannaledger' },
  ],
  sponsoredLinks: [
    { label: 'Riverside homestays in Chiang Khong', url: 'https://homestays.example.com/chiang-khong' },
    { label: 'Single-origin coffee from Doi Chang', url: 'https://coffee.example.com/doi-chang' },
    { label: 'Learn northern Thai cooking in Chiang Rai', url: 'https://cooking.example.com/chiang-rai' },
  ],
  appPromo: {
    title: `${PAPER.name} app`,
    text: 'Morning headlines, haze alerts and the day’s football results, on your phone.',
    url: `https://${PAPER.domain}/app`,
  },
  footerText: `© ${PAPER.name}. A demonstration newspaper: its staff and stories are invented.`,
} as const;
