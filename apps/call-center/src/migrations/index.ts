import { CreateCallCenterSchema1765000000000 } from './1765000000000-create-call-center-schema';

export const callCenterMigrations = [CreateCallCenterSchema1765000000000];
