/** The top-level `location` blocks of a generated gateway configuration, and the one nginx would pick for a path. */

export interface Location {
  modifier: '=' | '^~' | '~' | '';
  match: string;
  body: string;
}

export function locations(config: string): Location[] {
  return [...config.matchAll(/^ {2}location (=|\^~|~|) ?"?([^"\s]+)"? \{\n([\s\S]*?)^ {2}\}/gm)].map(
    ([, modifier, match, body]) => ({ modifier: modifier as Location['modifier'], match, body }),
  );
}

/** nginx's choice: an exact match, else the longest prefix if it says ^~, else the first regex, else that prefix. */
export function locationFor(all: Location[], path: string): Location | undefined {
  const exact = all.find((l) => l.modifier === '=' && l.match === path);
  if (exact) return exact;
  const prefix = all
    .filter((l) => (l.modifier === '' || l.modifier === '^~') && path.startsWith(l.match))
    .sort((a, b) => b.match.length - a.match.length)[0];
  if (prefix?.modifier === '^~') return prefix;
  return all.find((l) => l.modifier === '~' && new RegExp(l.match).test(path)) ?? prefix;
}

export const upstreamOf = (location: Location | undefined) =>
  /proxy_pass http:\/\/([^;]+);/.exec(location?.body ?? '')?.[1];
