import { describe, expect, it } from '@jest/globals';
import { fitPage, MAX_CANVAS_PIXELS } from './pdf-page-fit';

const A4 = { width: 595.28, height: 841.89 };

describe('fitPage', () => {
  it('scales an A4 page to the width it is given, keeping its proportions', () => {
    const fit = fitPage(A4, 600, 1);
    expect(fit.cssWidth).toBe(600);
    expect(fit.cssHeight).toBeCloseTo((841.89 * 600) / 595.28, 6);
    expect(fit.pixelWidth).toBe(600);
    expect(fit.pixelHeight).toBe(Math.floor(fit.cssHeight));
    expect(fit.renderScale).toBeCloseTo(600 / 595.28, 6);
  });

  it('draws twice the pixels on a 2x screen for the same size on screen', () => {
    const plain = fitPage(A4, 600, 1);
    const sharp = fitPage(A4, 600, 2);
    expect([sharp.cssWidth, sharp.cssHeight]).toEqual([plain.cssWidth, plain.cssHeight]);
    expect(sharp.pixelWidth).toBe(1200);
    expect(sharp.pixelHeight).toBe(Math.floor(plain.cssHeight * 2));
    expect(sharp.renderScale).toBeCloseTo(plain.renderScale * 2, 6);
  });

  it('draws a landscape page wider than tall', () => {
    const fit = fitPage({ width: A4.height, height: A4.width }, 800, 1);
    expect(fit.cssHeight).toBeLessThan(fit.cssWidth);
    expect(fit.cssHeight).toBeCloseTo((595.28 * 800) / 841.89, 6);
  });

  it('lowers the pixel density of a page that would exceed the largest canvas, not its size on screen', () => {
    const fit = fitPage(A4, 2000, 3);
    expect(fit.cssWidth).toBe(2000);
    expect(fit.pixelWidth * fit.pixelHeight).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(fit.pixelWidth).toBeGreaterThan(2000);
    expect(fit.pixelWidth).toBeLessThan(2000 * 3);
    // The page drawn at renderScale fills the canvas.
    expect(Math.abs(fit.renderScale * A4.width - fit.pixelWidth)).toBeLessThan(1);
  });

  it('takes a missing or nonsensical pixel ratio as 1', () => {
    for (const ratio of [0, -2, Number.NaN]) expect(fitPage(A4, 600, ratio)).toEqual(fitPage(A4, 600, 1));
  });
});
