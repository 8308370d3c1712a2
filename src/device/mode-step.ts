import { IOS_MODES, IosMode, IosModeName } from './ios-platform';

/** What the driver should send next to move from one mode towards another. */
export type ModeStep =
  | { action: 'none' }
  | { action: 'escalate'; command: string; to: IosModeName; auth: boolean }
  | { action: 'deescalate'; command: string; to: IosModeName };

export interface PromptMode {
  mode: IosModeName;
  hostname: string;
}

/** Which mode a prompt line belongs to, and the hostname it shows; undefined if it is no prompt. */
export function modeOfPrompt(prompt: string, modes: readonly IosMode[] = IOS_MODES): PromptMode | undefined {
  // Most specific first: `sw(config)#` also ends in `#`.
  for (const m of [...modes].reverse()) {
    const match = m.pattern.exec(prompt.trimStart());
    if (match) return { mode: m.name, hostname: match[1] ?? '' };
  }
  return undefined;
}

function depth(name: IosModeName, modes: readonly IosMode[]): number {
  let d = 0;
  let m = modes.find((x) => x.name === name);
  while (m?.previous) {
    d += 1;
    m = modes.find((x) => x.name === m!.previous);
  }
  return d;
}

/**
 * One step of the walk from `current` to `target` along the `previous` chain of IOS_MODES, the
 * way scrapli's `_process_acquire_priv` decides: higher than target → leave current mode; lower →
 * enter the next mode up. The driver sends the command, reads the new prompt and asks again.
 */
export function nextModeStep(
  current: IosModeName,
  target: IosModeName,
  modes: readonly IosMode[] = IOS_MODES,
): ModeStep {
  if (current === target) return { action: 'none' };
  const here = modes.find((m) => m.name === current);
  if (!here) throw new Error(`unknown mode ${current}`);
  if (depth(current, modes) > depth(target, modes)) {
    // IOS's `end` goes from any config sub-mode straight to privileged EXEC.
    return { action: 'deescalate', command: here.deescalate ?? 'end', to: here.previous ?? 'exec' };
  }
  // Find the mode one level up from current on the way to target.
  let up = modes.find((m) => m.name === target);
  while (up && up.previous !== current) up = modes.find((m) => m.name === up!.previous);
  if (!up?.escalate) throw new Error(`no path from ${current} to ${target}`);
  return { action: 'escalate', command: up.escalate, to: up.name, auth: up.escalateAuth === true };
}
