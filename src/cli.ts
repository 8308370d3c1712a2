import { Command, CommanderError } from 'commander';
import { boundMessage } from './bounded-text';
import { exitCodeFor, SlpError } from './errors';
import { COMMANDS } from './commands';
import { exitHelpText } from './commands/exit-help';

/**
 * Entry point. Each sub-command lives in src/commands/<name>.ts and registers itself on the
 * program; its action returns the exit code. Errors escaping an action are mapped to exit codes
 * in one table (errors.ts), and printed as one line without a stack trace unless -vv.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('slp')
    .description('Smart Licensing Using Policy runner for Cisco Catalyst 9000 (IOS XE 17.9.1+)')
    .version(require('../package.json').version)
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  for (const register of COMMANDS) register(program, setExit);
  for (const command of program.commands) {
    const text = exitHelpText(command.name());
    if (text) command.addHelpText('after', text);
  }
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; a usage error is bad input.
      return error.exitCode === 0 ? 0 : 2;
    }
    const code = exitCodeFor(error);
    // Messages may quote input: escaped and bounded whatever built them.
    if (error instanceof SlpError) process.stderr.write(`${boundMessage(error.message)}\n`);
    else process.stderr.write(`internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return code;
  }
  return exitCode;
}
