import { servicesSetup } from '@garage/test-services/vitest-setup';

export default servicesSetup({ postgres: true, redis: true });
