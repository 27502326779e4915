import { readPath } from '../conditions/condition';
import { FiringInput } from './workflow-action';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** The placeholder of a cron rule: the occurrence's scheduled time. */
export const SCHEDULED_AT = 'scheduledAt';

/** The paths named by `{{ path }}` placeholders in a template. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/** The template with each placeholder replaced by the payload's value (empty when absent; objects as JSON). */
export function renderTemplate(template: string, input: FiringInput): string {
  return template.replace(PLACEHOLDER, (_match, path: string) => text(valueOf(input, path)));
}

function valueOf(input: FiringInput, path: string): unknown {
  if ('scheduledAt' in input) return path === SCHEDULED_AT ? input.scheduledAt : undefined;
  return readPath(input.event.payload, path);
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
