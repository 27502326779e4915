// The embedded default's public entry (nothing imports it today; kept so every app has one).
export { ALL_IN_ONE_API, AllInOneModule } from './all-in-one.module';
export { type AllInOneConfig, allInOneConfigSchema } from './all-in-one.config';
export { type DemoLogin } from './demo-seed/demo-seed.service';
