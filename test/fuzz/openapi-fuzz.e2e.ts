import { generateCases, platformCases } from './fuzz-cases';
import { closeClient, FuzzRequest, judge, send } from './fuzz-client';
import { foreignToken, FuzzTarget, fuzzTargets } from './fuzz-targets';

const CONCURRENCY = 6;
const MAX_FAILURES_SHOWN = 40;

interface Verdict {
  app: string;
  label: string;
  failure: string | null;
}

async function fuzz(target: FuzzTarget, cases: FuzzRequest[]): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const fuzzCase = cases[next++];
      let failure: string | null;
      try {
        failure = judge(fuzzCase, await send(target.url, fuzzCase));
      } catch (error) {
        failure = `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
      verdicts.push({ app: target.name, label: fuzzCase.label, failure });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return verdicts;
}

/**
 * Every operation of every app's OpenAPI document gets bad input (wrong types, missing fields, huge
 * strings, bad ids, NUL and lone surrogates, impossible dates, deep nesting, wrong media types, bad
 * tokens): none may answer 5xx, and every error must be problem+json.
 */
describe('fuzzing every operation of the OpenAPI documents', () => {
  const verdicts: Verdict[] = [];
  let foreign: string;

  beforeAll(async () => {
    foreign = await foreignToken();
  });

  afterAll(() => {
    closeClient();
    const failed = verdicts.filter((verdict) => verdict.failure);
    for (const verdict of failed.slice(0, MAX_FAILURES_SHOWN))
      process.stdout.write(`fuzz failure [${verdict.app}] ${verdict.label}: ${verdict.failure}\n`);
    if (failed.length > MAX_FAILURES_SHOWN)
      process.stdout.write(`... and ${failed.length - MAX_FAILURES_SHOWN} more failures\n`);
    process.stdout.write(`fuzz: ${verdicts.length - failed.length} passed, ${failed.length} failed\n`);
  });

  it.each(fuzzTargets())(
    '%s answers bad input with 4xx problem+json',
    async (_name, start) => {
      const target = await start(foreign);
      try {
        const cases = [
          ...generateCases(target.document, target.credentials),
          ...platformCases(target.credentials),
        ];
        const results = await fuzz(target, cases);
        verdicts.push(...results);
        const failures = results.filter((verdict) => verdict.failure);
        const operations = new Set(cases.map((fuzzCase) => fuzzCase.label.split(': ')[0])).size;
        process.stdout.write(
          `fuzz [${target.name}]: ${operations} operations, ${cases.length} requests, ${failures.length} failed\n`,
        );
        expect(failures.map((verdict) => `${verdict.label}: ${verdict.failure}`)).toEqual([]);
      } finally {
        await target.stop();
      }
    },
    180_000,
  );
});
