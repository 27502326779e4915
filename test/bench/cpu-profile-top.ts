import { readFileSync } from 'node:fs';

/**
 * The top self-time functions of a V8 CPU profile (`node --cpu-prof`), and the same by package:
 *   ts-node test/bench/cpu-profile-top.ts <file.cpuprofile> [--window <url part>] [--top N]
 * `--window` keeps the samples from the first to the last whose stack has a frame from a file whose path holds
 * that part (`src/import/`: the import, not the start-up), so the shares are of that stretch of time.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const repo = url.search(/\/(apps|libs|test)\//);
  return repo >= 0 ? url.slice(repo + 1) : url.replace(/^file:\/\//, '');
}

function packageOf(url: string): string {
  const path = shortUrl(url);
  if (!url) return '(native/vm)';
  if (url.includes('node_modules/'))
    return path.startsWith('@') ? path.split('/', 2).join('/') : path.split('/')[0];
  if (url.startsWith('node:')) return 'node';
  return path.split('/').slice(0, 2).join('/');
}

function main(): void {
  const [file, ...args] = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const window = option('--window');
  const top = Number(option('--top') ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inWindow = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)?.callFrame.url.includes(window as string)) return true;
    return false;
  };
  let [first, last] = [0, profile.samples.length - 1];
  if (window) {
    first = profile.samples.findIndex(inWindow);
    last = profile.samples.length - 1 - [...profile.samples].reverse().findIndex(inWindow);
    if (first < 0) throw new Error(`no sample has a frame from ${window}`);
  }
  const selfUs = new Map<string, number>();
  const packageUs = new Map<string, number>();
  let totalUs = 0;
  for (let i = first; i <= last; i++) {
    const node = byId.get(profile.samples[i]) as ProfileNode;
    const us = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
    selfUs.set(key, (selfUs.get(key) ?? 0) + us);
    const pkg = packageOf(url);
    packageUs.set(pkg, (packageUs.get(pkg) ?? 0) + us);
    totalUs += us;
  }
  const table = (title: string, totals: Map<string, number>) => {
    console.log(`\n| ${title} | self ms | share |\n|---|---|---|`);
    for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`| \`${key}\` | ${(us / 1000).toFixed(0)} | ${((100 * us) / totalUs).toFixed(1)}% |`);
  };
  console.log(
    `${last - first + 1} samples over ${(totalUs / 1e6).toFixed(1)} s${window ? ` (window: ${window})` : ''}`,
  );
  table('function', selfUs);
  table('package', packageUs);
}

main();
