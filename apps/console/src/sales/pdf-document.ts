import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import workerSrc from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useState } from 'react';

/**
 * pdf.js comes with the first PDF shown, not with the console's first load; its worker is served from the
 * console's own assets (the Content-Security-Policy allows no other origin).
 */
async function pdfjs() {
  const lib = await import('pdfjs-dist');
  lib.GlobalWorkerOptions.workerSrc = workerSrc;
  return lib;
}

export interface PdfDocumentState {
  doc?: PDFDocumentProxy;
  error?: Error;
}

/** A PDF parsed by pdf.js in its worker, released when the PDF changes or the screen closes. */
export function usePdfDocument(pdf: Blob | undefined): PdfDocumentState {
  const [state, setState] = useState<PdfDocumentState>({});
  useEffect(() => {
    if (!pdf) return;
    let loading: PDFDocumentLoadingTask | undefined;
    let current = true;
    setState({});
    void (async () => {
      try {
        const [lib, bytes] = await Promise.all([pdfjs(), pdf.arrayBuffer()]);
        if (!current) return;
        // Pages are drawn on this thread, so a test can read the canvas's pixels back.
        loading = lib.getDocument({ data: new Uint8Array(bytes), disableWorkerRendering: true });
        const doc = await loading.promise;
        if (current) setState({ doc });
      } catch (error) {
        if (current) setState({ error: error instanceof Error ? error : new Error(String(error)) });
      }
    })();
    return () => {
      current = false;
      void loading?.destroy();
    };
  }, [pdf]);
  return state;
}
