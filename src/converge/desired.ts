/**
 * The desired SLP state of one host, as the playbook declares it (docs/contracts.md §2, `slp:`).
 * Types come from the schema (src/schema/types.generated.ts); slp/ imports them from here only.
 */
import type { Play, SlpState } from '../schema/types.generated';

export type DesiredSlp = SlpState;

/** Play-level settings the converge engine honours besides `slp`. */
export type PlaySettings = Pick<Play, 'revert_timer' | 'save'>;
