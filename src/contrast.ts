/** sRGB channel (0–255) → linear light, per WCAG 2's relative luminance. */
const linear = (c: number): number => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

export const luminance = ([r, g, b]: number[]): number =>
  0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);

export const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * White or black, whichever reads better on `background` (any colour a page can give). Pure black,
 * not a softer near-black: only the pair white/black reaches 4.5:1 on every possible colour.
 */
export const readableOn = (rgb: number[]): string => {
  const l = luminance(rgb);
  return contrast(l, 1) >= contrast(l, 0) ? '#fff' : '#000';
};

/** Any CSS colour → its sRGB bytes, by painting one pixel: works for names, hex, hsl, oklch alike. */
export const toRgb = (cssColor: string): number[] | undefined => {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  ctx.fillStyle = cssColor;
  ctx.fillRect(0, 0, 1, 1);
  return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
};
