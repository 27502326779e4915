import { useEffect, useRef, useState } from 'react';
import { useDebounced } from '../agent/use-debounced';

/**
 * A list's search box: what is typed, and the search sent once typing stops (undefined when empty); a new
 * search starts the list on its first page.
 */
export function useListSearch(setPage: (page: number) => void) {
  const [typed, setTyped] = useState('');
  const settled = useDebounced(typed.trim(), 250);
  const searched = useRef(settled);
  useEffect(() => {
    if (searched.current === settled) return;
    searched.current = settled;
    setPage(1);
  }, [settled]);
  return { typed, setTyped, search: settled || undefined };
}
