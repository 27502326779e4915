import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { deploymentDrift } from '../../scripts/deploy/generate-deployment';
import { loadServiceManifests } from '../../scripts/service-manifests/service-manifest';

/*
 * The deployment descriptions, checked without a cluster or a Docker engine: the kustomize sources
 * and docker-compose.yml are parsed directly; the rendered manifests are checked too wherever
 * kubectl is installed, and docker-compose.yml validated wherever a compose tool is.
 */

const ROOT = join(__dirname, '..', '..');
const K8S = join(ROOT, 'deploy', 'k8s');

/** Every deployable service: a folder in apps/ with a main.ts; the all-in-one is not deployed. */
const SERVICES = readdirSync(join(ROOT, 'apps'))
  .filter((app) => app !== 'all-in-one' && exists(join(ROOT, 'apps', app, 'src', 'main.ts')))
  .sort();
const MANIFESTS = loadServiceManifests(ROOT);
/** The console's static container and the gateway in front of it and the services (deploy/k8s/gateway). */
const FRONT = ['console', 'gateway'];
const WITHOUT_KAFKA = MANIFESTS.filter((m) => !m.kafka).map((m) => m.name);

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped YAML */
type Manifest = { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec?: any };

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function yamlFile(path: string): any {
  return parse(readFileSync(path, 'utf8'), { merge: true });
}

function yamlDocuments(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((document) => document.toJS())
    .filter(Boolean);
}

function schemaOf(service: string): string {
  return service.replace(/-/g, '_');
}

function tool(command: string, args: string[]): boolean {
  return !spawnSync(command, args, { stdio: 'ignore' }).error;
}

/** What every pod must have: no service account token, non-root, bounded and locked-down containers. */
function expectLockedDownContainers(pod: any, where: string): void {
  expect({ where, runAsNonRoot: pod.securityContext?.runAsNonRoot }).toEqual({ where, runAsNonRoot: true });
  expect(pod.automountServiceAccountToken).toBe(false);
  for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
    const name = `${where}/${container.name}`;
    expect({
      name,
      requests: Boolean(container.resources?.requests?.cpu && container.resources.requests.memory),
    }).toEqual({ name, requests: true });
    expect({ name, memoryLimit: Boolean(container.resources?.limits?.memory) }).toEqual({
      name,
      memoryLimit: true,
    });
    expect({ name, securityContext: container.securityContext }).toMatchObject({
      name,
      securityContext: {
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      },
    });
  }
}

/** What every pod of a service must have, whether read from the template or from the rendering. */
function expectLockedDownPod(pod: any, where: string): void {
  expectLockedDownContainers(pod, where);
  const [app] = pod.containers;
  expect({
    where,
    liveness: app.livenessProbe?.httpGet?.path,
    readiness: app.readinessProbe?.httpGet?.path,
  }).toEqual({
    where,
    liveness: '/health/live',
    readiness: '/health/ready',
  });
  expect(app.startupProbe?.httpGet?.path).toBe('/health/live');
  expect(app.ports).toContainEqual({ name: 'http', containerPort: 3000 });
  expect(app.env).toContainEqual({ name: 'DATABASE_MIGRATIONS', value: 'skip' });
  expect(pod.initContainers.map((container: any) => container.name)).toEqual(['migrate']);
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);
}

describe('the deployment descriptions generated from apps/*/service.json', () => {
  it('has a service.json in every deployable app', () => {
    expect(MANIFESTS.map((m) => m.name)).toEqual(SERVICES);
  });

  it('matches a fresh `npm run deploy:generate` (docker-compose.yml, deploy/env.example, deploy/k8s, nest-cli.json)', () => {
    expect(deploymentDrift(ROOT)).toEqual({ changed: [], stale: [] });
  });
});

describe('Kubernetes manifests (deploy/k8s)', () => {
  const top = yamlFile(join(K8S, 'kustomization.yaml'));

  it.each(SERVICES)(
    'deploys %s from its own folder, named and built on the crm-service component',
    (service) => {
      expect(top.resources).toContain(`services/${service}`);
      const overlay = yamlFile(join(K8S, 'services', service, 'kustomization.yaml'));
      expect(overlay.components.at(-1)).toBe('../../components/crm-service');
      expect(overlay.configMapGenerator).toContainEqual(
        expect.objectContaining({
          name: 'crm-service-name',
          namespace: service,
          literals: [`name=${service}`],
        }),
      );
      expect(top.images).toContainEqual(expect.objectContaining({ name: `crm/${service}` }));
    },
  );

  it('gives the service template probes, resources, a PDB, a NetworkPolicy and a locked-down pod', () => {
    const template = yamlDocuments(readFileSync(join(K8S, 'components/crm-service/deployment.yaml'), 'utf8'));
    const deployment = template.find((m) => m.kind === 'Deployment') as Manifest;
    expectLockedDownPod(deployment.spec.template.spec, 'components/crm-service');
    expect(template.map((m) => m.kind)).toEqual(expect.arrayContaining(['Service', 'PodDisruptionBudget']));
    const policies = yamlDocuments(
      readFileSync(join(K8S, 'components/crm-service/network-policy.yaml'), 'utf8'),
    );
    expect(policies[0].spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  it.each(WITHOUT_KAFKA)('sends %s, which publishes no events, nowhere near Kafka', (service) => {
    const overlay = readFileSync(join(K8S, 'services', service, 'kustomization.yaml'), 'utf8');
    expect(overlay).not.toContain('kafka-client');
    expect(overlay).toMatch(/name: EVENT_TRANSPORT, value: none/);
  });

  describe('rendered (kubectl kustomize deploy/k8s)', () => {
    const hasKubectl = tool('kubectl', ['version', '--client']);
    if (!hasKubectl) console.log('kubectl is not installed: the rendered manifests are not checked');
    const itRendered = hasKubectl ? it : it.skip;
    let manifests: Manifest[] = [];

    beforeAll(() => {
      if (!hasKubectl) return;
      const result = spawnSync('kubectl', ['kustomize', K8S], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`kubectl kustomize failed: ${result.stderr}`);
      manifests = yamlDocuments(result.stdout);
    });

    const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind);

    itRendered.each(SERVICES)('renders the overlay of %s on its own', (service) => {
      const result = spawnSync('kubectl', ['kustomize', join(K8S, 'services', service)], {
        encoding: 'utf8',
      });
      expect({ service, stderr: result.stderr, status: result.status }).toEqual({
        service,
        stderr: '',
        status: 0,
      });
      const rendered = yamlDocuments(result.stdout);
      expect(rendered.filter((m) => m.kind === 'Deployment').map((m) => m.metadata.name)).toEqual([service]);
      expect(JSON.stringify(rendered)).not.toMatch(/\bSERVICE\b/);
    });

    itRendered(
      'has exactly one Deployment per service, each with probes, resources, PDB and NetworkPolicy',
      () => {
        expect(
          ofKind('Deployment')
            .map((d) => d.metadata.name)
            .sort(),
        ).toEqual([...SERVICES, ...FRONT].sort());
        for (const deployment of ofKind('Deployment').filter((d) => SERVICES.includes(d.metadata.name))) {
          const name = deployment.metadata.name;
          const pod = deployment.spec.template.spec;
          const labels = deployment.spec.template.metadata.labels;
          expectLockedDownPod(pod, name);
          expect(pod.initContainers[0].args).toEqual([name]);
          expect(pod.containers[0].image).toMatch(new RegExp(`^crm/${name}:`));
          const secrets = [...pod.initContainers, ...pod.containers].map(
            (c: any) => c.env.find((e: any) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef.name,
          );
          expect(secrets).toEqual([`crm-${name}-migrator`, `crm-${name}-database`]);
          expect(
            ofKind('PodDisruptionBudget').filter((p) => selects(p.spec.selector.matchLabels, labels)),
          ).toHaveLength(1);
          expect(ofKind('Service').filter((s) => selects(s.spec.selector, labels))).toHaveLength(1);
          const policies = ofKind('NetworkPolicy').filter((p) =>
            selects(p.spec.podSelector.matchLabels, labels),
          );
          expect(policies.some((p) => p.spec.ingress && p.spec.egress)).toBe(true);
          const kafkaEgress = policies.some((p) => JSON.stringify(p.spec.egress ?? []).includes('9092'));
          expect({ name, kafkaEgress }).toEqual({ name, kafkaEgress: !WITHOUT_KAFKA.includes(name) });
        }
      },
    );

    itRendered(
      'puts the console and every service behind one Ingress, through the gateway and its generated routing',
      () => {
        const deployments = ofKind('Deployment').filter((d) => FRONT.includes(d.metadata.name));
        for (const deployment of deployments)
          expectLockedDownContainers(deployment.spec.template.spec, deployment.metadata.name);
        const [ingress, ...others] = ofKind('Ingress');
        expect(others).toEqual([]);
        expect(ingress.spec.rules[0].http.paths).toEqual([
          {
            path: '/',
            pathType: 'Prefix',
            backend: { service: { name: 'gateway', port: { name: 'http' } } },
          },
        ]);
        const gateway = deployments.find((d) => d.metadata.name === 'gateway') as Manifest;
        const routing = gateway.spec.template.spec.volumes.find((v: any) => v.name === 'routing').configMap
          .name;
        const configMap = ofKind('ConfigMap').find((c) => c.metadata.name === routing) as any;
        expect(configMap.data['default.conf']).toBe(readFileSync(join(K8S, 'gateway', 'nginx.conf'), 'utf8'));
        for (const upstream of configMap.data['default.conf'].matchAll(/server ([a-z-]+):(\d+);/g)) {
          const service = ofKind('Service').find((candidate) => candidate.metadata.name === upstream[1]);
          expect({ upstream: upstream[0], port: service?.spec.ports[0].port }).toEqual({
            upstream: upstream[0],
            port: Number(upstream[2]),
          });
        }
      },
    );

    itRendered(
      'denies all traffic by default, scales only what exists, and renders no Secret or placeholder',
      () => {
        expect(ofKind('NetworkPolicy').find((p) => p.metadata.name === 'default-deny')?.spec).toEqual({
          podSelector: {},
          policyTypes: ['Ingress', 'Egress'],
        });
        const deployments = ofKind('Deployment').map((d) => d.metadata.name);
        for (const hpa of ofKind('HorizontalPodAutoscaler'))
          expect(deployments).toContain(hpa.spec.scaleTargetRef.name);
        expect(ofKind('Secret')).toEqual([]);
        expect(ofKind('ConfigMap').map((c) => c.metadata.name)).not.toContain('crm-service-name');
        expect(JSON.stringify(manifests)).not.toMatch(/\bSERVICE\b/);
      },
    );
  });
});

describe('docker compose (docker-compose.yml)', () => {
  const compose = yamlFile(join(ROOT, 'docker-compose.yml'));
  const services: Record<string, any> = compose.services;

  it('runs the same services as Kubernetes', () => {
    const apps = Object.keys(services).filter((name) => services[`${name}-migrate`]);
    expect(apps.sort()).toEqual(SERVICES);
    expect(services['db-roles'].environment.CRM_APPS.split(' ').sort()).toEqual(SERVICES);
  });

  it.each(SERVICES)(
    'starts %s on its DML-only role after its one-shot migrate step on the migrator role',
    (app) => {
      const migrate = services[`${app}-migrate`];
      expect(migrate.restart).toBe('no');
      expect(migrate.command.slice(-2)).toEqual(['dist/deploy/migrate.js', app]);
      expect(migrate.environment.DATABASE_URL).toContain(`//crm_${schemaOf(app)}_migrator:`);
      expect(migrate.depends_on['db-roles'].condition).toBe('service_completed_successfully');
      expect(migrate.image).toBe(services[app].image);

      expect(services[app].depends_on[`${app}-migrate`].condition).toBe('service_completed_successfully');
      expect(services[app].environment.DATABASE_URL).toContain(`//crm_${schemaOf(app)}_app:`);
      expect(services[app].environment.DATABASE_MIGRATIONS).toBe('skip');
      expect(services[app].healthcheck).toBeDefined();
    },
  );

  it.each(WITHOUT_KAFKA)('starts %s without Kafka', (service) => {
    expect(Object.keys(services[service].depends_on)).not.toContain('kafka');
    expect(services[service].environment.EVENT_TRANSPORT).toBe('none');
    expect(services[service].environment.KAFKA_BROKERS).toBeUndefined();
  });

  it('serves the console and every service on one origin through the gateway, which starts after them', () => {
    expect(services.gateway.volumes).toEqual([
      './deploy/gateway/nginx.conf:/etc/nginx/conf.d/default.conf:ro',
    ]);
    expect(Object.keys(services.gateway.depends_on).sort()).toEqual(['console', ...SERVICES].sort());
    expect(services.console.build.dockerfile).toBe('deploy/Dockerfile.console');
    expect(services.console.ports).toBeUndefined();
    const config = readFileSync(join(ROOT, 'deploy/gateway/nginx.conf'), 'utf8');
    for (const [, host] of config.matchAll(/server ([a-z-]+):\d+;/g))
      expect(Object.keys(services)).toContain(host);
  });

  it.each(MANIFESTS.map((m): [string, number] => [m.name, m.port]))(
    'publishes %s on its own host port %d',
    (service, port) => {
      expect(services[service].ports).toEqual([`\${CRM_PUBLISH_ADDRESS:-127.0.0.1}:${port}:3000`]);
    },
  );

  it('passes `docker compose config` where a compose tool is installed', () => {
    const env = {
      ...process.env,
      POSTGRES_PASSWORD: 'x',
      REDIS_PASSWORD: 'x',
      DB_MIGRATOR_PASSWORD: 'x',
      DB_APP_PASSWORD: 'x',
    };
    const candidates: [string, string[]][] = [
      ['docker', ['compose']],
      ['docker-compose', []],
    ];
    for (const [command, prefix] of candidates) {
      if (spawnSync(command, [...prefix, 'version'], { stdio: 'ignore' }).status !== 0) continue;
      const result = spawnSync(command, [...prefix, 'config', '--quiet'], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
      });
      expect({ command, status: result.status, stderr: result.stderr }).toEqual({
        command,
        status: 0,
        stderr: '',
      });
      return;
    }
    console.log(
      'neither `docker compose` nor `docker-compose` is installed: docker-compose.yml is not validated',
    );
  });
});

describe('no secret values in the repository (deploy/, docs/, docker-compose.yml)', () => {
  const files = [
    join(ROOT, 'docker-compose.yml'),
    ...walk(join(ROOT, 'deploy')),
    ...walk(join(ROOT, 'docs')),
  ];
  const placeholder = /^(\$\{[A-Z_]+(:\?[^}]*)?\}|\$[A-Z_]+|<[^>]*>|\.\.\.|\*+|CHANGE_ME|password|x+)$/;

  function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  }

  it('writes passwords in connection URLs only as placeholders or variables', () => {
    const leaks = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/'"]*:([^\s@/'"]+)@/gi)]
        .filter(([, password]) => !placeholder.test(password))
        .map(([url]) => `${relative(ROOT, file)}: ${url}`),
    );
    expect(leaks).toEqual([]);
  });

  it('keeps only placeholders in Secret manifests, no private keys, and empty passwords in env.example', () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => /\.ya?ml$/.test(f))) {
      for (const manifest of yamlDocuments(readFileSync(file, 'utf8')) as any[]) {
        if (manifest?.kind !== 'Secret') continue;
        for (const [key, value] of Object.entries({ ...manifest.data, ...manifest.stringData })) {
          if (!String(value).includes('CHANGE_ME')) problems.push(`${relative(ROOT, file)}: ${key}`);
        }
      }
    }
    for (const file of files) {
      if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(readFileSync(file, 'utf8')))
        problems.push(relative(ROOT, file));
    }
    for (const line of readFileSync(join(ROOT, 'deploy/env.example'), 'utf8').split('\n')) {
      if (/^[A-Z_]*(PASSWORD|SECRET|_KEY)[A-Z_]*=./.test(line)) problems.push(`deploy/env.example: ${line}`);
    }
    expect(problems).toEqual([]);
  });
});
