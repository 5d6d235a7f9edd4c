/** How quickly workers notice trouble: the lease of a running job and how often it is renewed and checked. */

/** A running job whose worker has not renewed its lease for this long is taken as abandoned. */
export const LEASE_SECONDS = 15;
/** A worker renews the leases of its running jobs this often (and learns of cancellations, at the latest). */
export const HEARTBEAT_MS = 3_000;
/** Every worker looks for abandoned jobs this often, and once when it starts. */
export const RECOVER_EVERY_MS = 2_000;
/** A job's progress is written at most this often (and always when it ends). */
export const PROGRESS_EVERY_MS = 250;
/** Advisory-lock key space of worker liveness: a worker holds (WORKER_LOCK_SPACE, its id) while it lives. */
export const WORKER_LOCK_SPACE = 7_256_002;
