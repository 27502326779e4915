import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZE = 20;

/**
 * The page a list is on, kept in the URL (`?page=`) so a reload or a shared link shows the same rows, with
 * the `range` (limit, offset) the services' paging wants.
 */
export function usePageParam() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const setPage = (next: number) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next > 1) updated.set('page', String(next));
        else updated.delete('page');
        return updated;
      },
      { replace: true },
    );
  return { page, setPage, range: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } };
}

/**
 * A table's pager over a service page: the services do not count all rows, so a full page means there may be
 * a next one (the pager offers it) and a short one is the last.
 */
export function serverPagination(
  { page, setPage }: { page: number; setPage: (page: number) => void },
  rowsOnPage: number,
): TablePaginationConfig {
  const total = (page - 1) * PAGE_SIZE + rowsOnPage + (rowsOnPage === PAGE_SIZE ? 1 : 0);
  return { current: page, pageSize: PAGE_SIZE, total, simple: true, onChange: setPage };
}
