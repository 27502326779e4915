import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { PartnerScopeRegistry } from './partner-scope.registry';
import { TokenVerifier, TokenVerifierOptions } from './token-verifier';

@Global()
@Module({})
export class AuthModule {
  static forRoot(options: () => TokenVerifierOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(options()) },
        PartnerScopeRegistry,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier, PartnerScopeRegistry],
    };
  }
}
