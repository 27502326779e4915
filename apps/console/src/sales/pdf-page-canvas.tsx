import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { fitPage, type PageFit } from './pdf-page-fit';

interface Props {
  doc: PDFDocumentProxy;
  pageNumber: number;
  /** The width to draw the page at, in CSS pixels. */
  width: number;
  label: string;
  onError: (error: Error) => void;
}

/** One page of a PDF drawn by pdf.js to fill `width`, redrawn when that changes. */
export function PdfPageCanvas({ doc, pageNumber, width, label, onError }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [fit, setFit] = useState<PageFit>();
  // The width the canvas holds a finished drawing for: a new width marks it undrawn in the same render.
  const [drawnWidth, setDrawnWidth] = useState<number>();
  useEffect(() => {
    const target = canvas.current;
    if (!target || width <= 0) return;
    let task: RenderTask | undefined;
    let current = true;
    void (async () => {
      try {
        const page = await doc.getPage(pageNumber);
        if (!current) return;
        const size = fitPage(page.getViewport({ scale: 1 }), width, window.devicePixelRatio);
        target.width = size.pixelWidth;
        target.height = size.pixelHeight;
        setFit(size);
        task = page.render({ canvas: target, viewport: page.getViewport({ scale: size.renderScale }) });
        await task.promise;
        if (current) setDrawnWidth(width);
      } catch (error) {
        // A drawing cancelled below (a new width, another PDF) is no failure.
        if (current) onError(error instanceof Error ? error : new Error(String(error)));
      }
    })();
    return () => {
      current = false;
      task?.cancel();
    };
  }, [doc, pageNumber, width, onError]);
  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={label}
      data-page={pageNumber}
      data-drawn={drawnWidth === width ? 'true' : undefined}
      style={{
        display: 'block',
        width: fit?.cssWidth ?? width,
        height: fit?.cssHeight,
        // An outline, not a border: the canvas fills the width exactly.
        boxShadow: '0 0 0 1px #d9d9d9',
        background: '#fff',
      }}
    />
  );
}
