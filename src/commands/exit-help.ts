/**
 * Each command's exit codes, shown at the end of its --help. The codes follow Ansible's
 * (errors.ts EXIT_CODES); what each means differs a little per command, so each says it in words.
 */
export const EXIT_HELP: Readonly<Record<string, readonly [number, string][]>> = {
  run: [[0, 'every host ok or changed'], [1, 'internal error, or Ctrl-C left hosts unrun'], [2, 'some host failed, or bad input (nothing contacted)'], [4, 'some host unreachable']],
  plan: [[0, 'every host planned'], [1, 'internal error'], [2, 'some host failed, or bad input (nothing contacted)'], [4, 'some host unreachable']],
  apply: [[0, 'every host ok or changed'], [1, 'internal error, or Ctrl-C left hosts unrun'], [2, 'some host failed (drift, a refused line), or a bad or stale plan (nothing contacted)'], [4, 'some host unreachable']],
  diagnose: [[0, 'every host healthy'], [1, 'internal error'], [2, 'a cause was found on some host, or bad input'], [4, 'some host unreachable']],
  validate: [[0, 'inventory and playbook valid'], [2, 'a problem, each printed as file:line:column: message']],
  parse: [[0, 'parsed'], [1, 'internal error'], [2, 'nothing of that command found in the input (e.g. a "% Invalid input" capture), an unknown command, or an unreadable file']],
  sim: [[0, 'stopped with Ctrl-C'], [1, 'internal error'], [2, 'bad inventory']],
  demo: [[0, 'every lab switch behaved as its injected fault says'], [1, 'otherwise']],
};

export function exitHelpText(command: string): string | undefined {
  const rows = EXIT_HELP[command];
  if (!rows) return undefined;
  return `\nExit codes:\n${rows.map(([code, what]) => `  ${code}  ${what}`).join('\n')}\n`;
}
