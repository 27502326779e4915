import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { PlatformConfig } from '@crm/config';
import { PLATFORM_CONFIG } from '@crm/platform';

/**
 * The token endpoint limits failures per caller address, so behind a proxy or load balancer the
 * address must come from X-Forwarded-For, and only when the proxy is trusted (TRUST_PROXY):
 * otherwise any caller could claim a fresh address with every guess.
 */
@Injectable()
export class TrustProxySetup implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  onApplicationBootstrap(): void {
    const app = this.adapterHost.httpAdapter?.getInstance() as {
      set?: (name: string, value: unknown) => void;
    };
    app?.set?.('trust proxy', this.config.TRUST_PROXY);
  }
}
