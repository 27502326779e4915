import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const EMBEDDED_DEFAULT = 'all-in-one';

const folders = (root: string, area: string) =>
  readdirSync(join(root, area), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();

/**
 * nest-cli.json: the embedded default as its root, every app with a main.ts, every lib; one line
 * per project, as the file has always been laid out.
 */
export function nestCliJson(root: string): string {
  const apps = folders(root, 'apps').filter((app) => existsSync(join(root, 'apps', app, 'src', 'main.ts')));
  const ordered = [EMBEDDED_DEFAULT, ...apps.filter((app) => app !== EMBEDDED_DEFAULT)];
  const projects = [
    ...ordered.map(
      (app) =>
        `"${app}": { "type": "application", "root": "apps/${app}", "entryFile": "main", "sourceRoot": "apps/${app}/src" }`,
    ),
    ...folders(root, 'libs').map(
      (lib) => `"${lib}": { "type": "library", "root": "libs/${lib}", "sourceRoot": "libs/${lib}/src" }`,
    ),
  ];
  return [
    '{',
    '  "$schema": "https://json.schemastore.org/nest-cli",',
    '  "collection": "@nestjs/schematics",',
    '  "monorepo": true,',
    `  "root": "apps/${EMBEDDED_DEFAULT}",`,
    `  "sourceRoot": "apps/${EMBEDDED_DEFAULT}/src",`,
    '  "compilerOptions": { "tsConfigPath": "tsconfig.build.json", "webpack": false },',
    '  "projects": {',
    projects.map((project) => `    ${project}`).join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}
