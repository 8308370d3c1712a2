/** `show clock`: a leading `*` means no authoritative time source (reference §4.1, clock row). */
import type { SimDevice } from '../sim-device';
import { localClock } from './sessions-clock';

export function renderShowClock(d: SimDevice): string {
  return `${d.clockUnsynced() ? '*' : ''}${localClock(d)}\n`;
}
