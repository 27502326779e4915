import { Inject, Injectable } from '@nestjs/common';
import { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress } from './webhook-target-addresses';

/** Resolves a host name to every address it has (dns.lookup by default; tests swap in their own). */
export type HostResolver = (host: string) => Promise<LookupAddress[]>;
export const HOST_RESOLVER = Symbol('HOST_RESOLVER');
export const systemResolver: HostResolver = (host) => lookup(host, { all: true, verbatim: true });

export class WebhookTargetRefused extends Error {}

/** Where an app's webhooks may point; each app fills it from its own configuration. */
export interface WebhookTargetSettings {
  /** Plain http allowed (the embedded default and tests); deployments need https. */
  allowHttp: boolean;
  /** Loopback and private networks reachable (the embedded default and tests only). */
  allowPrivateTargets: boolean;
  /** The platform's own host names and addresses (and their subdomains) a webhook must never reach. */
  deniedHosts: string[];
}
export const WEBHOOK_TARGET_SETTINGS = Symbol('WEBHOOK_TARGET_SETTINGS');

/**
 * Where a webhook (a station's, a subscriber's) may point (SSRF guard): https unless http is allowed, never this host,
 * the platform's networks or its own named hosts. Checked at registration and again, after DNS,
 * for the one address the sender then connects to.
 */
@Injectable()
export class WebhookTargetPolicy {
  constructor(
    @Inject(WEBHOOK_TARGET_SETTINGS) private readonly settings: WebhookTargetSettings,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
  ) {}

  /** The URL's own problems (scheme, credentials, a denied or private literal host), before any DNS. */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new WebhookTargetRefused('is not a URL');
    }
    const allowed = this.settings.allowHttp ? ['https:', 'http:'] : ['https:'];
    if (!allowed.includes(url.protocol))
      throw new WebhookTargetRefused(this.settings.allowHttp ? 'must be http(s)' : 'must be https');
    if (url.username || url.password) throw new WebhookTargetRefused('must not carry credentials');
    const host = hostOf(url);
    if (this.isDenied(host)) throw new WebhookTargetRefused('points at the platform itself');
    if (isIP(host)) this.checkAddress(host);
    return url;
  }

  /** The URL checked, then every address its host resolves to (one bad address refuses it all). */
  async check(raw: string): Promise<LookupAddress> {
    const url = this.checkUrl(raw);
    return this.pick(hostOf(url));
  }

  /** The one address to connect to, every resolved address checked; the sender pins its socket to it. */
  async pick(host: string): Promise<LookupAddress> {
    if (isIP(host)) return { address: host, family: isIP(host) };
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(host);
    } catch {
      throw new WebhookTargetRefused(`host ${host} does not resolve`);
    }
    if (addresses.length === 0) throw new WebhookTargetRefused(`host ${host} does not resolve`);
    for (const a of addresses) this.checkAddress(a.address);
    return addresses[0];
  }

  private checkAddress(address: string): void {
    if (this.isDenied(address)) throw new WebhookTargetRefused('points at the platform itself');
    if (!this.settings.allowPrivateTargets && !isPublicAddress(address))
      throw new WebhookTargetRefused(`resolves to a non-public address (${address})`);
  }

  private isDenied(host: string): boolean {
    return this.settings.deniedHosts.some(
      (denied) => host === denied || (!isIP(host) && host.endsWith(`.${denied}`)),
    );
  }
}

/** The host as compared and resolved: lower case, no IPv6 brackets, no trailing root dot. */
export function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** A comma-separated list of denied hosts (a setting) as the policy compares them. */
export function deniedHostList(list: string): string[] {
  return list
    .split(',')
    .map((host) =>
      host
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, ''),
    )
    .filter(Boolean);
}
