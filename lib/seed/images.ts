/**
 * Demo pictures drawn locally: SVG composed here, rasterised by sharp, written as a JPEG
 * original plus the WebP widths the image loader expects (lib/image-loader.ts). Files that
 * already exist are kept, so a re-seed costs nothing.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { VARIANT_WIDTHS } from '../image-loader';
import { Random } from './random';
import { IMAGE_SCENES, type ImageScene } from './words';

interface ImageVariant {
  width: number;
  height: number;
  path: string;
}

export interface ImageFile {
  /** Relative to MEDIA_DIR. */
  path: string;
  originalName: string;
  width: number;
  height: number;
  bytes: number;
  variants: ImageVariant[];
  focalX: number;
  focalY: number;
}

const SEED_DIR = 'seed';
const HERO = { width: 1600, height: 900 };
const PORTRAIT = { width: 1600, height: 1600 };

const SKIES: Record<ImageScene['sky'], { top: string; bottom: string; sun?: string; clouds?: boolean }> = {
  morning: { top: '#bcd7ea', bottom: '#f4ead2', sun: '#fff3c4' },
  dusk: { top: '#3b3f7a', bottom: '#f29e5c', sun: '#ffd08a' },
  haze: { top: '#b9a46a', bottom: '#e3d3a1', sun: '#f7e3a0' },
  evening: { top: '#4a2f6b', bottom: '#c86b85', sun: '#f5b7a0' },
  day: { top: '#4f9bd9', bottom: '#cfe8f7', clouds: true },
  mist: { top: '#9fb4c8', bottom: '#e4ebf0' },
  sunrise: { top: '#f07b3f', bottom: '#ffd39a', sun: '#fff0c8' },
  night: { top: '#0f1d3a', bottom: '#2c3e6b', sun: '#f1f0e0' },
  grey: { top: '#6f7b86', bottom: '#b4bcc2', clouds: true },
  pink: { top: '#d98ca6', bottom: '#f6d1b8', sun: '#fff1dc' },
  clear: { top: '#f3efe6', bottom: '#f3efe6' },
};

function hex(c: string): [number, number, number] {
  const n = Number.parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `a` moved towards `b` by t (0..1): distant layers take on the colour of the sky. */
function mix(a: string, b: string, t: number): string {
  const [r1, g1, b1] = hex(a);
  const [r2, g2, b2] = hex(b);
  const m = (x: number, y: number) => Math.round(x + (y - x) * t).toString(16).padStart(2, '0');
  return `#${m(r1, r2)}${m(g1, g2)}${m(b1, b2)}`;
}

/** A smooth ridge line across the width, closed along the bottom edge. */
function ridge(rng: Random, w: number, h: number, base: number, amplitude: number, points: number): string {
  const step = w / points;
  const ys = Array.from({ length: points + 1 }, () => base - rng.next() * amplitude);
  let d = `M0 ${h} L0 ${ys[0]!.toFixed(1)}`;
  for (let i = 0; i < points; i++) {
    const x0 = i * step;
    const midX = x0 + step / 2;
    const midY = (ys[i]! + ys[i + 1]!) / 2;
    d += ` Q${x0.toFixed(1)} ${ys[i]!.toFixed(1)} ${midX.toFixed(1)} ${midY.toFixed(1)}`;
  }
  return `${d} T${w} ${ys[points]!.toFixed(1)} L${w} ${h} Z`;
}

function sky(rng: Random, scene: ImageScene, w: number, h: number): string {
  const s = SKIES[scene.sky];
  let out = `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${s.top}"/><stop offset="1" stop-color="${s.bottom}"/></linearGradient></defs>`;
  out += `<rect width="${w}" height="${h}" fill="url(#sky)"/>`;
  if (s.sun) out += `<circle cx="${rng.int(w * 0.2, w * 0.8)}" cy="${rng.int(h * 0.15, h * 0.35)}" r="${rng.int(45, 90)}" fill="${s.sun}" opacity="0.9"/>`;
  if (s.clouds) {
    for (let i = 0; i < rng.int(3, 6); i++) {
      const x = rng.int(0, w);
      const y = rng.int(h * 0.08, h * 0.3);
      out += `<ellipse cx="${x}" cy="${y}" rx="${rng.int(90, 200)}" ry="${rng.int(22, 40)}" fill="#ffffff" opacity="0.75"/>`;
    }
  }
  return out;
}

function layers(rng: Random, scene: ImageScene, w: number, h: number, from: number, to: number): string {
  const horizon = SKIES[scene.sky].bottom;
  const colors = [...scene.colors].reverse();
  let out = '';
  colors.forEach((color, i) => {
    const t = colors.length === 1 ? 1 : i / (colors.length - 1);
    const base = from + (to - from) * t;
    out += `<path d="${ridge(rng, w, h, base, h * 0.12, rng.int(5, 9))}" fill="${mix(color, horizon, (1 - t) * 0.35)}"/>`;
  });
  return out;
}

function landscape(rng: Random, scene: ImageScene, w: number, h: number): string {
  const skyColor = SKIES[scene.sky].bottom;
  let out = sky(rng, scene, w, h);
  switch (scene.kind) {
    case 'hills': {
      out += layers(rng, scene, w, h, h * 0.4, h * 0.78);
      if (scene.feature === 'waterfall') {
        const x = rng.int(w * 0.35, w * 0.65);
        out += `<path d="M${x} ${h * 0.45} C${x + 10} ${h * 0.6} ${x - 10} ${h * 0.75} ${x + 6} ${h}" stroke="#e8f4f8" stroke-width="14" fill="none" opacity="0.85"/>`;
      }
      return out;
    }
    case 'river': {
      out += layers(rng, { ...scene, colors: scene.colors.slice(0, -1) }, w, h, h * 0.38, h * 0.55);
      const water = scene.feature === 'winding' ? mix('#8a6a44', skyColor, 0.2) : mix(skyColor, '#6b7c85', 0.45);
      if (scene.feature === 'lake') {
        out += `<rect x="0" y="${h * 0.58}" width="${w}" height="${h * 0.42}" fill="${water}"/>`;
      } else if (scene.feature === 'winding') {
        out += `<rect x="0" y="${h * 0.55}" width="${w}" height="${h * 0.45}" fill="${scene.colors.at(-1)}"/>`;
        out += `<path d="M${w * 0.45} ${h * 0.56} C${w * 0.2} ${h * 0.7} ${w * 0.8} ${h * 0.8} ${w * 0.35} ${h}" stroke="${water}" stroke-width="${h * 0.09}" fill="none"/>`;
      } else {
        out += `<path d="M0 ${h * 0.6} Q${w / 2} ${h * 0.55} ${w} ${h * 0.62} L${w} ${h} L0 ${h} Z" fill="${water}"/>`;
        if (scene.feature === 'confluence') out += `<path d="M${w * 0.15} ${h} Q${w * 0.3} ${h * 0.75} ${w * 0.5} ${h * 0.6}" stroke="${mix(water, '#ffffff', 0.2)}" stroke-width="${h * 0.08}" fill="none"/>`;
        out += `<path d="M0 ${h * 0.85} Q${w * 0.3} ${h * 0.8} ${w * 0.5} ${h * 0.9} T${w} ${h * 0.88} L${w} ${h} L0 ${h} Z" fill="${scene.colors[0]}"/>`;
      }
      for (let i = 0; i < 8; i++) {
        const y = rng.int(h * 0.64, h * 0.82);
        const x = rng.int(0, w * 0.8);
        out += `<rect x="${x}" y="${y}" width="${rng.int(60, 220)}" height="3" fill="#ffffff" opacity="0.35"/>`;
      }
      return out;
    }
    case 'fields': {
      out += layers(rng, { ...scene, colors: ['#5b7a6a', '#8aa39a'] }, w, h, h * 0.42, h * 0.5);
      const bands = scene.colors.length * 2;
      for (let i = 0; i < bands; i++) {
        const y = h * 0.52 + (i * h * 0.5) / bands;
        const color = scene.feature === 'paddies' && i % 2 === 1 ? mix(skyColor, '#ffffff', 0.2) : scene.colors[(bands - 1 - i) % scene.colors.length]!;
        const bend = scene.feature === 'terraces' ? h * 0.06 : h * 0.015;
        out += `<path d="M0 ${y.toFixed(1)} Q${w / 2} ${(y - bend).toFixed(1)} ${w} ${y.toFixed(1)} L${w} ${h} L0 ${h} Z" fill="${color}"/>`;
      }
      if (scene.feature === 'rows') {
        for (let row = 0; row < 7; row++) {
          const y = h * 0.6 + row * h * 0.06;
          for (let x = (row % 2) * 30; x < w; x += 60 + row * 8) out += `<circle cx="${x}" cy="${y.toFixed(1)}" r="${10 + row * 2}" fill="${scene.colors[0]}" opacity="0.8"/>`;
        }
      }
      if (scene.feature === 'hut') {
        const x = rng.int(w * 0.55, w * 0.75);
        const y = h * 0.6;
        out += `<rect x="${x}" y="${y}" width="110" height="70" fill="#6b4a2b"/><path d="M${x - 20} ${y} L${x + 55} ${y - 55} L${x + 130} ${y} Z" fill="#8c6a3c"/>`;
      }
      return out;
    }
    case 'city': {
      out += layers(rng, { ...scene, colors: [mix(scene.colors[1]!, skyColor, 0.5)] }, w, h, h * 0.55, h * 0.55);
      const [near, far] = [scene.colors[0]!, scene.colors[1]!];
      const lit = scene.sky === 'night' ? '#f5d67a' : mix(skyColor, '#ffffff', 0.4);
      for (let x = -20; x < w; ) {
        const bw = rng.int(90, 200);
        const bh = scene.feature === 'roofs' ? rng.int(140, 260) : rng.int(160, 420);
        const y = h - 120 - bh;
        out += `<rect x="${x}" y="${y}" width="${bw}" height="${bh + 120}" fill="${rng.chance(0.5) ? near : far}"/>`;
        if (scene.feature === 'roofs') out += `<path d="M${x - 10} ${y} L${x + bw / 2} ${y - 45} L${x + bw + 10} ${y} Z" fill="${far}"/>`;
        for (let wy = y + 25; wy < h - 140; wy += 45) {
          for (let wx = x + 18; wx < x + bw - 25; wx += 38) if (rng.chance(0.6)) out += `<rect x="${wx}" y="${wy}" width="16" height="22" fill="${lit}" opacity="0.8"/>`;
        }
        x += bw + rng.int(0, 12);
      }
      const cx = rng.int(w * 0.3, w * 0.7);
      if (scene.feature === 'spire') out += `<path d="M${cx - 70} ${h - 300} L${cx} ${h - 620} L${cx + 70} ${h - 300} Z" fill="#d9a441"/><rect x="${cx - 90}" y="${h - 300}" width="180" height="300" fill="#c98f2f"/>`;
      if (scene.feature === 'tower') out += `<rect x="${cx - 45}" y="${h - 560}" width="90" height="560" fill="#c9a24a"/><circle cx="${cx}" cy="${h - 480}" r="30" fill="#f8f1d8"/>`;
      out += `<rect x="0" y="${h - 120}" width="${w}" height="120" fill="${mix(near, '#000000', 0.3)}"/>`;
      return out;
    }
    case 'abstract':
      return abstract(rng, scene, w, h);
  }
}

function abstract(rng: Random, scene: ImageScene, w: number, h: number): string {
  const colors = scene.colors;
  let out = `<rect width="${w}" height="${h}" fill="${SKIES.clear.top}"/>`;
  const color = () => rng.pick(colors);
  switch (scene.feature) {
    case 'circles':
      for (let i = 0; i < 14; i++) out += `<circle cx="${rng.int(0, w)}" cy="${rng.int(0, h)}" r="${rng.int(60, 260)}" fill="${color()}" opacity="0.7"/>`;
      break;
    case 'bands':
      for (let x = -h; x < w; x += 140) out += `<path d="M${x} ${h} L${x + h} 0 L${x + h + 140} 0 L${x + 140} ${h} Z" fill="${color()}"/>`;
      break;
    case 'blocks':
      for (let i = 0; i < 18; i++) out += `<rect x="${rng.int(-100, w)}" y="${rng.int(-50, h)}" width="${rng.int(150, 500)}" height="${rng.int(80, 260)}" fill="${color()}" opacity="0.85"/>`;
      break;
    case 'waves':
      for (let i = 0; i < 7; i++) {
        const y = (i + 1) * (h / 8);
        out += `<path d="M0 ${y} C${w * 0.25} ${y - 80} ${w * 0.5} ${y + 80} ${w} ${y - 20} L${w} ${h} L0 ${h} Z" fill="${colors[i % colors.length]}" opacity="0.8"/>`;
      }
      break;
    default:
      for (let y = 0; y < h; y += 100) for (let x = 0; x < w; x += 100) out += `<rect x="${x + 4}" y="${y + 4}" width="92" height="92" fill="${color()}"/>`;
  }
  return out;
}

const PORTRAIT_BACKGROUNDS = ['#d8e2dc', '#f2d7c9', '#cfd8e8', '#e8e0c9', '#d5e8d4', '#ead1dc', '#d9d3e8', '#f0e3c0'];
const SKIN = ['#8d5a3b', '#a86b4a', '#c68863', '#e0ac85', '#6e4530'];
const CLOTHES = ['#2f3e46', '#354f52', '#6b3e26', '#3d405b', '#81b29a', '#e07a5f', '#1d3557'];

function portrait(rng: Random, w: number, h: number): string {
  const hair = rng.pick(['#1b1b1b', '#2e2118', '#4a3322', '#6b6b6b']);
  const long = rng.chance(0.5);
  return (
    `<rect width="${w}" height="${h}" fill="${rng.pick(PORTRAIT_BACKGROUNDS)}"/>` +
    (long ? `<ellipse cx="${w / 2}" cy="${h * 0.45}" rx="${w * 0.2}" ry="${h * 0.26}" fill="${hair}"/>` : '') +
    `<path d="M${w * 0.15} ${h} C${w * 0.15} ${h * 0.72} ${w * 0.3} ${h * 0.66} ${w / 2} ${h * 0.66} C${w * 0.7} ${h * 0.66} ${w * 0.85} ${h * 0.72} ${w * 0.85} ${h} Z" fill="${rng.pick(CLOTHES)}"/>` +
    `<rect x="${w * 0.44}" y="${h * 0.5}" width="${w * 0.12}" height="${h * 0.18}" fill="${rng.pick(SKIN)}"/>` +
    `<ellipse cx="${w / 2}" cy="${h * 0.4}" rx="${w * 0.14}" ry="${h * 0.17}" fill="${rng.pick(SKIN)}"/>` +
    `<path d="M${w * 0.35} ${h * 0.38} C${w * 0.36} ${h * 0.2} ${w * 0.64} ${h * 0.2} ${w * 0.65} ${h * 0.38} C${w * 0.6} ${h * 0.28} ${w * 0.4} ${h * 0.28} ${w * 0.35} ${h * 0.38} Z" fill="${hair}"/>`
  );
}

async function writeImage(mediaDir: string, base: string, size: { width: number; height: number }, draw: () => string): Promise<ImageFile> {
  const dir = join(mediaDir, SEED_DIR);
  const path = `${SEED_DIR}/${base}.jpg`;
  const variants: ImageVariant[] = VARIANT_WIDTHS.map((width) => ({
    width,
    height: Math.round((size.height * width) / size.width),
    path: `${SEED_DIR}/${base}-${width}.webp`,
  }));
  const missing = [path, ...variants.map((v) => v.path)].filter((p) => !existsSync(join(mediaDir, p)));
  if (missing.length) {
    mkdirSync(dir, { recursive: true });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">${draw()}</svg>`;
    // Rasterise once; every output is encoded from the same pixels.
    const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    await Promise.all([
      missing.includes(path) ? pixels().jpeg({ quality: 82 }).toFile(join(mediaDir, path)) : undefined,
      ...variants
        .filter((v) => missing.includes(v.path))
        .map((v) => pixels().resize(v.width, v.height).webp({ quality: 75, effort: 2 }).toFile(join(mediaDir, v.path))),
    ]);
  }
  return {
    path,
    originalName: `${base}.jpg`,
    width: size.width,
    height: size.height,
    bytes: statSync(join(mediaDir, path)).size,
    variants,
    focalX: 0.5,
    focalY: 0.45,
  };
}

/** Runs `jobs` with at most `limit` in flight; libvips already uses every core for each one. */
async function limited<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** One hero image per scene in words.ts, in that order. */
export function renderHeroImages(mediaDir: string): Promise<ImageFile[]> {
  return limited(
    IMAGE_SCENES.map((scene, i) => () => {
      const name = `hero-${String(i + 1).padStart(2, '0')}`;
      return writeImage(mediaDir, name, HERO, () => landscape(new Random(name), scene, HERO.width, HERO.height));
    }),
    4,
  );
}

export function renderPortraits(mediaDir: string, count: number): Promise<ImageFile[]> {
  return limited(
    Array.from({ length: count }, (_, i) => () => {
      const name = `portrait-${String(i + 1).padStart(2, '0')}`;
      return writeImage(mediaDir, name, PORTRAIT, () => portrait(new Random(name), PORTRAIT.width, PORTRAIT.height)).then((file) => ({ ...file, focalY: 0.4 }));
    }),
    4,
  );
}
