'use client';
/**
 * Click (or use the arrow keys) on the picture to set the point every crop keeps in view.
 * The values travel in hidden inputs named focalX / focalY; the two previews show the 16:9 and
 * sharing crops as they will be cut.
 */
import { useState, type KeyboardEvent, type MouseEvent } from 'react';

function cropBox(width: number, height: number, ratio: number, fx: number, fy: number) {
  let w = width;
  let h = width / ratio;
  if (h > height) {
    h = height;
    w = height * ratio;
  }
  const left = Math.max(0, Math.min(width - w, fx * width - w / 2));
  const top = Math.max(0, Math.min(height - h, fy * height - h / 2));
  return { left: left / width, top: top / height, w: w / width, h: h / height };
}

function Preview({ src, width, height, ratio, fx, fy, label }: { src: string; width: number; height: number; ratio: number; fx: number; fy: number; label: string }) {
  const box = cropBox(width, height, ratio, fx, fy);
  // Scale the whole picture so the crop fills the frame, then shift it into place.
  const style = {
    width: `${100 / box.w}%`,
    height: `${100 / box.h}%`,
    left: `${(-box.left / box.w) * 100}%`,
    top: `${(-box.top / box.h) * 100}%`,
  };
  return (
    <figure className="space-y-1">
      <div className="relative w-full overflow-hidden rounded border border-neutral-300" style={{ aspectRatio: String(ratio) }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- a positioned preview, not a content image */}
        <img src={src} alt="" className="absolute max-w-none" style={style} />
      </div>
      <figcaption className="text-xs text-neutral-700">{label}</figcaption>
    </figure>
  );
}

export function FocalPointPicker({ src, width, height, initialX, initialY }: { src: string; width: number; height: number; initialX: number; initialY: number }) {
  const [point, setPoint] = useState({ x: initialX, y: initialY });
  const clamp = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * 100) / 100;

  function onClick(e: MouseEvent<HTMLButtonElement>) {
    const rect = e.currentTarget.getBoundingClientRect();
    setPoint({ x: clamp((e.clientX - rect.left) / rect.width), y: clamp((e.clientY - rect.top) / rect.height) });
  }
  function onKey(e: KeyboardEvent<HTMLButtonElement>) {
    const step = e.shiftKey ? 0.1 : 0.02;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setPoint((p) => ({ x: clamp(p.x + move[0]), y: clamp(p.y + move[1]) }));
  }

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-neutral-800">Focal point</legend>
      <p id="focal-hint" className="text-sm text-neutral-700">
        Click the part of the picture that must stay in every crop, or focus the picture and use the arrow keys. Now at {Math.round(point.x * 100)}% across, {Math.round(point.y * 100)}% down.
      </p>
      <input type="hidden" name="focalX" value={point.x} />
      <input type="hidden" name="focalY" value={point.y} />
      <button type="button" onClick={onClick} onKeyDown={onKey} aria-describedby="focal-hint" aria-label="Set the focal point" className="relative block w-full cursor-crosshair focus:outline-4 focus:outline-blue-700" style={{ aspectRatio: `${width} / ${height}` }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- the picker needs the plain picture at its own proportions */}
        <img src={src} alt="" className="h-full w-full" />
        <span aria-hidden className="absolute h-6 w-6 -translate-x-1/2 -translate-y-1/2 rounded-full border-4 border-white shadow-[0_0_0_2px_#000]" style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }} />
      </button>
      <div className="grid grid-cols-2 gap-3">
        <Preview src={src} width={width} height={height} ratio={16 / 9} fx={point.x} fy={point.y} label="16:9 crop (heroes, cards)" />
        <Preview src={src} width={width} height={height} ratio={1200 / 630} fx={point.x} fy={point.y} label="Sharing image (1200 × 630)" />
      </div>
    </fieldset>
  );
}
