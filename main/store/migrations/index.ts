import { foundation } from './001-foundation';
import { sync } from './002-sync';
import { ordering } from './003-ordering';
import { staff } from './004-staff';
import type { Migration } from './migration';

/** Every migration, in order. Add new ones at the end with the next version number. */
export const migrations: readonly Migration[] = [foundation, sync, ordering, staff];

export const latestSchemaVersion = migrations.length;
