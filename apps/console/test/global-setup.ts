import { ConsoleUnderTest } from './console-under-test';

/**
 * One all-in-one for every browser suite (its demo seed is most of the start-up): the suites attach to it
 * through CONSOLE_TEST_URL and CONSOLE_TEST_DATA_DIR, so they share its data and must not assume a fresh one.
 */
export default async function startConsole(): Promise<void> {
  if (process.env.CONSOLE_TEST_URL) return;
  const crm = await ConsoleUnderTest.start();
  process.env.CONSOLE_TEST_URL = crm.url;
  process.env.CONSOLE_TEST_DATA_DIR = crm.dataDir;
  (globalThis as { consoleUnderTest?: ConsoleUnderTest }).consoleUnderTest = crm;
}
