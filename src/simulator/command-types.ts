/** What a command handler gets and returns; shared by the exec and config command tables. */
import type { Args } from './command-tree';
import type { SimDevice } from './sim-device';

export type Mode = 'user' | 'exec' | 'config' | 'config-if' | 'config-line' | 'config-vrf' | 'config-archive';

/** A question the device asks before the next prompt (`Password:`, `[confirm]`, a banner body). */
export interface Question {
  prompt: string;
  /** Typed characters are not echoed (passwords). */
  secret?: boolean;
  answer(line: string): Reply;
}

/** An outgoing telnet session the far end holds open (reference §3.12 note: HTTPS servers do). */
export interface OutgoingConnection {
  host: string;
  address: string;
  port: number;
}

/** `attach`: the terminal now belongs to an outgoing session (no prompt until it is suspended). */
export type Reply = string | { output?: string; ask?: Question; close?: boolean; attach?: OutgoingConnection };

export interface SessionApi {
  readonly device: SimDevice;
  readonly username: string;
  readonly peer: string;
  mode: Mode;
  /** Interface being configured in config-if mode. */
  iface?: string;
  terminal: { length: number; width: number; monitor: boolean };
  setMonitor(on: boolean): void;
  /** Runs an exec command from config mode (`do …`). */
  runExec(line: string): Reply;
  /** Marks the running config changed (for `Last configuration change`). */
  changed(): void;
  /** Suspended outgoing sessions (`show sessions`, `disconnect`), oldest first. */
  outgoing: OutgoingConnection[];
}

export type Handler = (s: SessionApi, a: Args) => Reply;
