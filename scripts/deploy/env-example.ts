import { EnvironmentVariable, ServiceManifest } from '../service-manifests/service-manifest';
import { comment } from './text-blocks';

/** deploy/env.example below its marker: the published ports, then each service's own variables. */
export function environmentExample(manifests: ServiceManifest[]): string {
  const ports = manifests.map((m) => `${m.name} ${m.port}`).join(', ');
  return [
    '',
    ...comment(`Host address the service ports are published on (${ports}); 0.0.0.0 for every interface.`),
    'CRM_PUBLISH_ADDRESS=127.0.0.1',
    ...manifests
      .filter((m) => m.env.length > 0)
      .flatMap((m) => [
        '',
        `# --- ${m.name} ${'-'.repeat(Math.max(3, 93 - m.name.length))}`,
        ...m.env.flatMap(entry),
      ]),
    '',
  ].join('\n');
}

/** A required variable is listed to be filled in; an optional one commented out, with an example. */
function entry(variable: EnvironmentVariable): string[] {
  const value = variable.required ? '' : (variable.example ?? '');
  const line = `${variable.name}=${shellValue(value)}`;
  return ['', ...comment(variable.description), variable.required ? line : `# ${line}`];
}

/** Values with spaces, quotes or braces are single-quoted, as compose's .env parser reads them. */
function shellValue(value: string): string {
  return /^[\w.:/@,=+-]*$/.test(value) ? value : `'${value}'`;
}
