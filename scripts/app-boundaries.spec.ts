import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

interface Case {
  file: string;
  code: string;
}

/**
 * Lints snippets with the repository's own eslint.config.mjs. ESLint loads that file with a
 * dynamic import, which Jest's module runtime refuses, so the linting runs in a plain node process.
 */
function boundaryMessages(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const found = [];
      for (const { file, code } of cases) {
        const [result] = await eslint.lintText(code, { filePath: file });
        found.push(result.messages.filter((m) => m.ruleId === 'crm/app-boundaries').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(found));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const input = cases.map(({ file, code }) => ({ file: resolve(ROOT, file), code }));
  const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(input)], { cwd: ROOT });
  return JSON.parse(output.toString()) as string[][];
}

describe('crm/app-boundaries (eslint.config.mjs)', () => {
  const [
    deepImport,
    aliasDeepImport,
    libImport,
    entryImports,
    ownInternals,
    testInternals,
    testHarness,
    testBenchData,
  ] = boundaryMessages([
    {
      file: 'apps/call-center/src/x.ts',
      code: "export { a } from '../../service/src/tickets/ticket.service';\n",
    },
    {
      file: 'apps/call-center/src/x.ts',
      code: "export { a } from '@crm/app-service/tickets/ticket.service';\n",
    },
    { file: 'libs/core/src/x.ts', code: "export { a } from '../../../apps/service/src';\n" },
    {
      file: 'apps/all-in-one/src/x.ts',
      code: "export { a } from '@crm/app-service';\nexport { b } from '../../identity/src/index';\n",
    },
    { file: 'apps/service/src/x.ts', code: "export { a } from './tickets/ticket.service';\n" },
    {
      file: 'test/journeys/x.ts',
      code: "export { a } from '../../apps/service/src/webhooks/webhook-signature';\n",
    },
    { file: 'test/journeys/x.ts', code: "export { a } from '../../apps/service/test/service.harness';\n" },
    { file: 'test/bench/x.ts', code: "export { a } from '../../apps/service/bench/routing-data';\n" },
  ]);

  it("reports an app importing another app's internals by a relative path", () => {
    expect(deepImport).toEqual([expect.stringContaining('only through its public entry @crm/app-service')]);
  });

  it('reports a path below the public entry alias', () => {
    expect(aliasDeepImport).toHaveLength(1);
  });

  it('reports a lib importing from an app', () => {
    expect(libImport).toEqual([expect.stringContaining('libs/ must not import from apps/')]);
  });

  it("lets an app use another app's public entry, by alias or path", () => {
    expect(entryImports).toEqual([]);
  });

  it('lets an app import its own files', () => {
    expect(ownInternals).toEqual([]);
  });

  it("lets cross-service tests use an app's test harness but not its internals", () => {
    expect(testInternals).toHaveLength(1);
    expect(testHarness).toEqual([]);
  });

  it("lets cross-service benchmarks reuse an app's benchmark data generator", () => {
    expect(testBenchData).toEqual([]);
  });
});
