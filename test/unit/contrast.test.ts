import { expect } from '@open-wc/testing';
import { contrast, luminance, readableOn, toRgb } from '../../src/contrast.js';

const rgbOfHex = (hex: string): number[] => {
  const full = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex;
  return [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16));
};
const ratio = (a: number[], b: number[]) => contrast(luminance(a), luminance(b));

describe('contrast', () => {
  it('computes WCAG ratios: black on white is 21:1, a colour on itself 1:1', () => {
    expect(ratio([0, 0, 0], [255, 255, 255])).to.be.closeTo(21, 1e-9);
    expect(ratio([120, 30, 200], [120, 30, 200])).to.equal(1);
  });

  describe('readableOn', () => {
    it('picks white text on dark colours', () => {
      for (const bg of [[0, 0, 0], [0, 0, 128], [139, 0, 0], [0, 100, 0], [75, 0, 130], [51, 51, 51]]) {
        expect(readableOn(bg), String(bg)).to.equal('#fff');
      }
    });

    it('picks dark text on light colours', () => {
      for (const bg of [[255, 255, 255], [255, 255, 0], [144, 238, 144], [255, 192, 203], [0, 255, 255], [255, 165, 0]]) {
        expect(readableOn(bg), String(bg)).to.equal('#000');
      }
    });

    it('always picks the better of the two for a sweep of colours', () => {
      for (let r = 0; r <= 255; r += 17) {
        for (let g = 0; g <= 255; g += 17) {
          for (let b = 0; b <= 255; b += 17) {
            const bg = [r, g, b];
            const chosen = ratio(rgbOfHex(readableOn(bg)), bg);
            const other = ratio(rgbOfHex(readableOn(bg) === '#fff' ? '#000' : '#fff'), bg);
            expect(chosen, `rgb(${bg})`).to.be.at.least(other);
          }
        }
      }
    });

    it('the chosen text reaches 4.5:1 on every colour of a sweep, mid-tones like #777 included', () => {
      const short: string[] = [];
      for (let r = 0; r <= 255; r += 17) {
        for (let g = 0; g <= 255; g += 17) {
          for (let b = 0; b <= 255; b += 17) {
            const bg = [r, g, b];
            const chosen = ratio(rgbOfHex(readableOn(bg)), bg);
            if (chosen < 4.5) short.push(`rgb(${bg}) ${readableOn(bg)} ${chosen.toFixed(2)}:1`);
          }
        }
      }
      expect(short, `${short.length} colours below 4.5:1, e.g. ${short.slice(0, 3).join('; ')}`).to.deep.equal([]);
    });
  });

  describe('toRgb', () => {
    const cases: Array<[string, number[]]> = [
      ['#ff8000', [255, 128, 0]],
      ['#f80', [255, 136, 0]],
      ['#0a84ff', [10, 132, 255]],
      ['rebeccapurple', [102, 51, 153]],
      ['white', [255, 255, 255]],
      ['Navy', [0, 0, 128]],
      ['rgb(12, 34, 56)', [12, 34, 56]],
      ['rgb(12 34 56)', [12, 34, 56]],
      ['hsl(0, 100%, 50%)', [255, 0, 0]],
      ['hsl(240 100% 50%)', [0, 0, 255]],
      ['hsl(120deg 100% 25%)', [0, 128, 0]],
    ];
    for (const [css, rgb] of cases) {
      it(`reads ${css}`, () => {
        const got = toRgb(css)!;
        expect(got, css).to.have.length(3);
        got.forEach((c, i) => expect(c, `${css}[${i}]`).to.be.closeTo(rgb[i]!, 1));
      });
    }

    it('gives readable text for real colours end to end', () => {
      expect(readableOn(toRgb('midnightblue')!)).to.equal('#fff');
      expect(readableOn(toRgb('#ffd700')!)).to.equal('#000');
    });
  });
});
