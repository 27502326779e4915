import { useEffect, useRef, useState } from 'react';

/**
 * The width of an element's content box in whole CSS pixels, kept up to date as the layout changes; a hidden
 * element (width 0) keeps its last width, so what is drawn for it is not thrown away.
 */
export function useContentWidth<T extends HTMLElement>() {
  const element = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry.contentRect.width);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, []);
  return [element, width] as const;
}
