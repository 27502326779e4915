import { LookupAddress } from 'node:dns';
import { isPublicAddress } from './webhook-target-addresses';
import { HostResolver, WebhookTargetPolicy, WebhookTargetSettings } from './webhook-target-policy';

const publicV4: LookupAddress = { address: '93.184.216.34', family: 4 };
const answers: Record<string, LookupAddress[]> = {
  'station.example.com': [publicV4],
  localhost: [
    { address: '127.0.0.1', family: 4 },
    { address: '::1', family: 6 },
  ],
  'split.example.com': [publicV4, { address: '10.1.2.3', family: 4 }],
  'metadata.example.com': [{ address: '169.254.169.254', family: 4 }],
};
const resolver: HostResolver = async (host) => {
  const found = answers[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};

function policy(settings: Partial<WebhookTargetSettings> = {}, resolve: HostResolver = resolver) {
  return new WebhookTargetPolicy(
    {
      allowHttp: false,
      allowPrivateTargets: false,
      deniedHosts: ['crm.example.com', '203.0.113.7'],
      ...settings,
    },
    resolve,
  );
}

describe(WebhookTargetPolicy.name, () => {
  it('accepts an https URL whose host resolves only to public addresses', async () => {
    await expect(policy().check('https://station.example.com/crm/tickets')).resolves.toEqual(publicV4);
    await expect(policy().check('https://93.184.216.34/hook')).resolves.toMatchObject({ family: 4 });
    await expect(policy().check('https://[2606:4700::1111]/hook')).resolves.toMatchObject({ family: 6 });
  });

  it.each([
    ['http://station.example.com/hook', /must be https/],
    ['ftp://station.example.com/hook', /must be https/],
    ['https://user:pw@station.example.com/hook', /credentials/],
    ['not a url', /not a URL/],
  ])('refuses %s by its form', async (url, reason) => {
    await expect(policy().check(url)).rejects.toThrow(reason);
  });

  it.each([
    ['IPv4 loopback', 'https://127.0.0.1/hook'],
    ['IPv4 loopback, short form', 'https://127.1/hook'],
    ['IPv4 loopback as a decimal number', 'https://2130706433/hook'],
    ['IPv4 loopback in hex parts', 'https://0x7f.1/hook'],
    ['IPv4 loopback in octal', 'https://0177.0.0.1/hook'],
    ['IPv6 loopback', 'https://[::1]/hook'],
    ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/hook'],
    ['unspecified IPv4', 'https://0.0.0.0/hook'],
    ['unspecified IPv6', 'https://[::]/hook'],
    ['link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data'],
    ['IPv6 link-local', 'https://[fe80::1]/hook'],
    ['private 10/8', 'https://10.0.0.5/hook'],
    ['private 172.16/12', 'https://172.20.1.1/hook'],
    ['private 192.168/16', 'https://192.168.1.10/hook'],
    ['carrier-grade NAT 100.64/10', 'https://100.64.0.1/hook'],
    ['IPv6 unique local fc00::/7', 'https://[fd12:3456::1]/hook'],
    ['IPv4 multicast', 'https://224.0.0.1/hook'],
    ['IPv6 multicast', 'https://[ff02::1]/hook'],
    ['a host name resolving to loopback', 'https://localhost/hook'],
    ['a host name with one private address among public ones', 'https://split.example.com/hook'],
    ['a host name resolving to link-local', 'https://metadata.example.com/hook'],
  ])('refuses %s (%s)', async (_kind, url) => {
    await expect(policy().check(url)).rejects.toThrow(/non-public address/);
  });

  it.each([
    'https://crm.example.com/hook',
    'https://api.crm.example.com/hook',
    'https://CRM.example.com./hook',
    'https://203.0.113.7/hook',
  ])('refuses the platform’s own hosts: %s', async (url) => {
    await expect(policy().check(url)).rejects.toThrow(/platform itself/);
  });

  it('refuses a host that does not resolve', async () => {
    await expect(policy().check('https://nowhere.example.com/hook')).rejects.toThrow(/does not resolve/);
  });

  it('allows http and local receivers only when the settings say so (embedded default, tests)', async () => {
    const local = policy({ allowHttp: true, allowPrivateTargets: true });
    await expect(local.check('http://127.0.0.1:8080/hook')).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(local.check('http://localhost:8080/hook')).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(local.check('https://crm.example.com/hook')).rejects.toThrow(/platform itself/);
    await expect(policy({ allowHttp: true }).check('http://localhost/hook')).rejects.toThrow(/non-public/);
  });

  it('checks the address the sender will connect to, not the one seen at registration (DNS rebinding)', async () => {
    let calls = 0;
    const rebinding: HostResolver = async () =>
      ++calls === 1 ? [publicV4] : [{ address: '127.0.0.1', family: 4 }];
    const guard = policy({}, rebinding);
    await expect(guard.check('https://rebind.example.com/hook')).resolves.toEqual(publicV4);
    await expect(guard.pick('rebind.example.com')).rejects.toThrow(/non-public address \(127\.0\.0\.1\)/);
  });
});

describe(isPublicAddress.name, () => {
  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (a) =>
    expect(isPublicAddress(a)).toBe(true),
  );
  it.each(['127.0.0.1', '::1', '::ffff:7f00:1', '::7f00:1', '64:ff9b::a00:1', 'fe80::1%eth0', 'garbage', ''])(
    '%s is not',
    (a) => expect(isPublicAddress(a)).toBe(false),
  );
});
