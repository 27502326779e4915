import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const folders = (area: string) => readdirSync(join(ROOT, area)).filter((name) => !name.startsWith('.'));

/** Browser apps (React + Vite), built by Vite rather than Nest; they import no app and no app imports them. */
const WEB_APPS = ['console'];

describe('the workspace', () => {
  const { projects } = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8'));

  it.each(folders('apps').filter((app) => !WEB_APPS.includes(app)))(
    'nest-cli.json lists the app %s, which has one public entry',
    (app) => {
      expect(projects[app]).toMatchObject({ type: 'application', root: `apps/${app}` });
      expect(existsSync(join(ROOT, 'apps', app, 'src', 'index.ts'))).toBe(true);
    },
  );

  it.each(WEB_APPS)('%s is a Vite app, not a Nest project', (app) => {
    expect(existsSync(join(ROOT, 'apps', app, 'vite.config.mts'))).toBe(true);
    expect(projects[app]).toBeUndefined();
  });

  it.each(folders('libs'))('nest-cli.json lists the lib %s', (lib) => {
    expect(projects[lib]).toMatchObject({ type: 'library', root: `libs/${lib}` });
  });
});
