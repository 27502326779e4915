import { useEffect, useRef, useState } from 'react';

/** The width of an element's content box in whole CSS pixels, kept up to date as the layout changes. */
export function useContentWidth<T extends HTMLElement>() {
  const element = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(target);
    return () => observer.disconnect();
  }, []);
  return [element, width] as const;
}
