import { SAVE_ANSWERS } from '../../../src/device';
import { saveConfig, SAVE_NOT_CONFIRMED } from '../../../src/converge/save-config';
import { CommandRejectedError } from '../../../src/errors';
import { withDevice } from './helpers';

/**
 * The save's own questions are answered with exactly the keys each reads, against a scripted
 * server that records every line and every single key it received; anything else is refused.
 */
const SAVED = 'Building configuration...\n[OK]';
const DEST = 'Destination filename [startup-config]? ';
const NVRAM =
  'Warning: Attempting to overwrite an NVRAM configuration previously written\nby a different version of the system image.\nOverwrite the previous NVRAM configuration?[confirm]';

/** The lines entered after login (`terminal monitor` is the last on-open command). */
function after(lines: string[], marker: string): string[] {
  return lines.slice(lines.lastIndexOf(marker) + 1);
}

describe('save prompts', () => {
  it('saves with write memory when the device asks nothing, and requires [OK]', async () => {
    await withDevice({ startPrivileged: true, replies: { 'write memory': SAVED } }, async (d, s) => {
      await saveConfig(d);
      expect(after(s.lines, 'terminal monitor')).toEqual(['write memory']);
    });
  });

  it('answers "Destination filename [startup-config]?" with a bare return', async () => {
    await withDevice({ startPrivileged: true, replies: { 'write memory': { question: DEST, output: SAVED } } }, async (d, s) => {
      await saveConfig(d);
      expect(after(s.lines, 'terminal monitor')).toEqual(['write memory', '']);
    });
  });

  it('answers copy running-config startup-config the same way', async () => {
    const replies = { 'copy running-config startup-config': { question: DEST, output: '[OK]' } };
    await withDevice({ startPrivileged: true, replies }, async (d, s) => {
      const r = await d.run('copy running-config startup-config', { answers: [...SAVE_ANSWERS] });
      expect(r.output).toBe('[OK]');
      expect(after(s.lines, 'terminal monitor')).toEqual(['copy running-config startup-config', '']);
    });
  });

  it('answers "Overwrite the previous NVRAM configuration?[confirm]" with one key and no return', async () => {
    const replies = { 'write memory': { question: NVRAM, oneKey: true, output: SAVED } };
    await withDevice({ startPrivileged: true, replies }, async (d, s) => {
      await saveConfig(d);
      // One key: a return after it would reach the shell as an empty line.
      expect(after(s.lines, 'terminal monitor')).toEqual(['write memory', 'key:"\\n"']);
      await expect(d.run('show privilege')).resolves.toMatchObject({ output: 'Current privilege level is 15' });
    });
  });

  it('answers both questions when an image asks one after the other', async () => {
    const replies = { 'write memory': { question: DEST, thenAsk: [{ question: NVRAM, oneKey: true }], output: SAVED } };
    await withDevice({ startPrivileged: true, replies }, async (d, s) => {
      await saveConfig(d);
      expect(after(s.lines, 'terminal monitor')).toEqual(['write memory', '', 'key:"\\n"']);
    });
  });

  it('never types into a question that is not on the list, and fails the save', async () => {
    // A look-alike with another default file: answering it would write somewhere else.
    const replies = { 'write memory': { question: 'Destination filename [backup-config]? ', output: SAVED } };
    await withDevice({ startPrivileged: true, replies }, async (d, s) => {
      const err = await saveConfig(d).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CommandRejectedError);
      expect(err).toMatchObject({ command: 'write memory', indicator: 'unexpected question "Destination filename [backup-config]?"' });
      // Abandoned with Ctrl-C (the shell's line buffer), not answered with a return.
      expect(after(s.lines, 'terminal monitor')).toEqual(['write memory']);
    });
  });

  it('does not report saved when the device did not print [OK]', async () => {
    const replies = { 'write memory': 'Building configuration...\n%Error writing nvram: (No space left on device)' };
    await withDevice({ startPrivileged: true, replies }, async (d) => {
      await expect(saveConfig(d)).rejects.toMatchObject({ command: 'write memory', indicator: '% Error' });
    });
    await withDevice({ startPrivileged: true, replies: { 'write memory': 'Building configuration...' } }, async (d) => {
      await expect(saveConfig(d)).rejects.toMatchObject({ command: 'write memory', indicator: SAVE_NOT_CONFIRMED });
    });
  });

  it('refuses to type a multi-key answer into a [confirm], which reads one key', async () => {
    const replies = { 'license smart factory reset': { question: 'Proceed? [confirm]', oneKey: true, output: 'done' } };
    await withDevice({ startPrivileged: true, replies }, async (d, s) => {
      const err = await d.run('license smart factory reset', { answers: [{ pattern: /\[confirm\]/, answer: 'yes' }] }).catch((e: unknown) => e);
      expect(err).toMatchObject({ indicator: 'unexpected question "Proceed? [confirm]"' });
      expect(after(s.lines, 'terminal monitor')).toEqual(['license smart factory reset', 'key:"\\u0003"']);
    });
  });
});
