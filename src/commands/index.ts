import type { Command } from 'commander';
import { registerParse } from './parse';
import { registerValidate } from './validate';
import { registerSim } from './sim';
import { registerRun } from './run';
import { registerDemo } from './demo';
import { registerPlan } from './plan';
import { registerApply } from './apply';
import { registerDiagnose } from './diagnose';
import { registerReport } from './report';
import { registerInventory } from './inventory';

/**
 * A sub-command module: adds itself to the program. Its action calls `setExit` with the exit code
 * (0 ok, 2 failed or bad input, 4 unreachable) or throws; cli.ts maps thrown errors.
 */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

export const COMMANDS: RegisterCommand[] = [registerParse, registerValidate, registerSim, registerRun, registerDiagnose, registerDemo, registerPlan, registerApply, registerReport, registerInventory];
