export * from './principal';
export * from './auth.decorators';
export * from './token-verifier';
export * from './partner-scope.registry';
export * from './auth.guard';
export * from './auth.module';
export * from './session-cookie';
