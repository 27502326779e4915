import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Which concept folders each concept folder imports from, read from its source files. */
function folderDependencies(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const folders = readdirSync(__dirname, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const { name: folder } of folders) {
    const uses = new Set<string>();
    const files = readdirSync(join(__dirname, folder), { recursive: true, encoding: 'utf8' });
    for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
      const source = readFileSync(join(__dirname, folder, file), 'utf8');
      for (const [, used] of source.matchAll(/from '(?:\.\.\/)+([a-z-]+)\//g))
        if (used !== folder) uses.add(used);
    }
    graph.set(folder, uses);
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const visit = (folder: string, path: string[]): string[] | null => {
    if (path.includes(folder)) return [...path.slice(path.indexOf(folder)), folder];
    if (done.has(folder)) return null;
    for (const used of graph.get(folder) ?? []) {
      const cycle = visit(used, [...path, folder]);
      if (cycle) return cycle;
    }
    done.add(folder);
    return null;
  };
  for (const folder of graph.keys()) {
    const cycle = visit(folder, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('the service app by concept', () => {
  const graph = folderDependencies();

  it('has dependencies one way: no concept folder reaches back to itself', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('keeps the ticket core ignorant of its side concerns', () => {
    expect([...(graph.get('tickets') ?? [])].sort()).toEqual([
      'customers',
      'partner-scopes',
      'sla-policy',
      'taxonomy',
    ]);
  });
});
