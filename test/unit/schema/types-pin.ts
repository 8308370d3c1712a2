/**
 * Compile-time pins of the generated types (checked by types-generated.test.ts through the
 * TypeScript compiler, and by `npm run typecheck`). If a schema change alters these shapes,
 * the parts that consume them must change too.
 */
import type { HostVars, Play, Playbook, SlpState, VerifyItem } from '../../../src/schema/types.generated';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Assert<T extends true> = T;

export type PinPlaybook = Assert<Equals<Playbook, Play[]>>;
export type PinPlayKeys = Assert<Equals<keyof Play, 'name' | 'hosts' | 'serial' | 'max_fail_percentage' | 'revert_timer' | 'save' | 'vars' | 'slp' | 'verify'>>;
export type PinPlayRequired = Assert<Equals<Pick<Play, 'name' | 'hosts' | 'slp'>, { name: string; hosts: string; slp: SlpState }>>;
export type PinSerial = Assert<Equals<Play['serial'], number | string | undefined>>;
export type PinSlpState = Assert<
  Equals<
    SlpState,
    {
      state?: 'replaced' | 'merged';
      transport: 'smart' | 'callhome' | 'cslu' | 'off';
      url?: 'default' | { smart?: string; cslu?: string };
      vrf?: string;
      http_client_source_interface?: string;
      usage_interval?: number;
      dns?: { lookup?: boolean; servers?: string[]; domain?: string; source_interface?: string };
      proxy?: { address: string; port: number };
      trust?: { token?: string; token_file?: string; scope?: 'all' | 'local'; force?: boolean; timeout?: string };
      sync?: boolean;
      purge?: ('dns.servers' | 'dns.domain' | 'http_client_source_interface')[];
    }
  >
>;
export type PinVerifyKeys = Assert<
  Equals<
    keyof VerifyItem,
    | 'name' | 'within' | 'trust_installed' | 'trust_sync_ok' | 'no_comm_failure_since'
    | 'last_ack_within_days' | 'settings_as_declared' | 'reachable' | 'history_has_response' | 'account_is'
  >
>;
export type PinHostVarsPort = Assert<Equals<HostVars['ansible_port'], number | undefined>>;
