import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const APP_ALIAS = /^@crm\/app-([a-z0-9-]+)(\/.*)?$/;

/** Where a file lives: in an app (and which), in a lib, in the top-level test/, or elsewhere. */
function ownerOf(file) {
  const [area, name] = path.relative(ROOT, file).split(path.sep);
  if (area === 'apps' && name) return { area, app: name };
  if (area === 'libs' || area === 'test') return { area };
  return { area: 'other' };
}

/** What of which app an import names, or null when it names no app. */
function appTargetOf(specifier, fromFile) {
  const alias = APP_ALIAS.exec(specifier);
  if (alias) return { app: alias[1], part: alias[2] ? `src${alias[2]}` : 'src' };
  if (!specifier.startsWith('.')) return null;
  const [area, app, ...rest] = path
    .relative(ROOT, path.resolve(path.dirname(fromFile), specifier))
    .split(path.sep);
  return area === 'apps' && app ? { app, part: rest.join('/') } : null;
}

const isPublicEntry = (part) => ['src', 'src/index', 'src/index.ts'].includes(part);

/**
 * Services stay independent: an app reaches another app only through its public entry
 * (apps/<b>/src/index.ts, imported as @crm/app-<b>); libs never reach into apps. Cross-service
 * tests and benchmarks under test/ may also use an app's test harnesses (apps/<b>/test/) and benchmark
 * data generators (apps/<b>/bench/), never its internals.
 */
const appBoundaries = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      libImportsApp: 'libs/ must not import from apps/ ({{specifier}}); move the shared code into a lib.',
      internal:
        'apps/{{app}} may be imported only through its public entry @crm/app-{{app}} (apps/{{app}}/src/index.ts), not {{specifier}}.',
    },
  },
  create(context) {
    const owner = ownerOf(context.filename);
    if (owner.area === 'other') return {};
    const check = (source) => {
      if (!source || typeof source.value !== 'string') return;
      const target = appTargetOf(source.value, context.filename);
      if (!target) return;
      const data = { app: target.app, specifier: source.value };
      if (owner.area === 'libs') return context.report({ node: source, messageId: 'libImportsApp', data });
      if (owner.area === 'apps' && target.app === owner.app) return;
      if (isPublicEntry(target.part)) return;
      if (owner.area === 'test' && /^(test|bench)\//.test(target.part)) return;
      context.report({ node: source, messageId: 'internal', data });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.cache/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts'],
    plugins: { crm: { rules: { 'app-boundaries': appBoundaries } } },
    rules: { 'crm/app-boundaries': 'error' },
  },
);
