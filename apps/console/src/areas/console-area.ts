import type { ReactElement, ReactNode } from 'react';
import type { Role } from '../api/session';

/** One entry of the side menu. */
export interface NavItem {
  path: string;
  /** An i18n key, `namespace:key` for an area's own texts (`serviceManager:nav.board`). */
  label: string;
  icon: ReactNode;
  /** Who sees it; admin sees everything. */
  roles: Role[];
}

/** The texts of one area: Chinese (the default) and English with the same keys. */
export interface AreaTexts<T extends object = object> {
  'zh-CN': T;
  en: T;
}

/**
 * A part of the console people of some roles work in (agent desktop, service manager, station portal, ...).
 * Each lives in its own folder, brings its menu entries, routes and texts (an i18n namespace named after the
 * area), and loads its pages lazily so the first screen's bundle stays small.
 */
export interface ConsoleArea {
  /** The i18n namespace of the area's texts. */
  name: string;
  texts?: AreaTexts;
  nav: NavItem[];
  /** `<Route>` elements shown inside the signed-in layout. */
  routes: ReactElement;
  /** `<Route>` elements anyone may open without signing in (the customer survey page). */
  publicRoutes?: ReactElement;
}
