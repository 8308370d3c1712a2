import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a fixture written for these tests (test/fixtures/parsers). */
export const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/parsers', name), 'utf8');
