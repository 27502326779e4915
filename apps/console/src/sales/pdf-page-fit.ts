/** Canvases above this many pixels fail to draw in some browsers (Safari on iOS); pages stay below it. */
export const MAX_CANVAS_PIXELS = 16_777_216;

export interface PageFit {
  /** The page's size on screen, in CSS pixels. */
  cssWidth: number;
  cssHeight: number;
  /** The canvas's own size, in device pixels. */
  pixelWidth: number;
  pixelHeight: number;
  /** pdf.js's viewport scale: PDF points to canvas pixels. */
  renderScale: number;
}

/**
 * Fits a page (its size in PDF points) to `width` CSS pixels, with a canvas of `pixelRatio` device pixels per
 * CSS pixel so text stays sharp on HiDPI screens, fewer when that would exceed MAX_CANVAS_PIXELS.
 */
export function fitPage(page: { width: number; height: number }, width: number, pixelRatio: number): PageFit {
  const cssScale = width / page.width;
  const cssWidth = width;
  const cssHeight = page.height * cssScale;
  const wanted = Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1;
  const ratio = Math.min(wanted, Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight)));
  return {
    cssWidth,
    cssHeight,
    pixelWidth: Math.floor(cssWidth * ratio),
    pixelHeight: Math.floor(cssHeight * ratio),
    renderScale: cssScale * ratio,
  };
}
