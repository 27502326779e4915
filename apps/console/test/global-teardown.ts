import type { ConsoleUnderTest } from './console-under-test';

export default async function stopConsole(): Promise<void> {
  await (globalThis as { consoleUnderTest?: ConsoleUnderTest }).consoleUnderTest?.stop();
}
