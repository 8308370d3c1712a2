import { readFileSync } from 'fs';
import { generateValidators, GENERATED_VALIDATORS } from '../../../src/schema/generate-validators';
import { validateHostVars, validatePlaybook } from '../../../src/schema/validators';

describe('validators compiled ahead of time from the schemas', () => {
  test('src/schema/validators.generated.ts is up to date (run `npm run gen:validators` if not)', () => {
    expect(generateValidators()).toBe(readFileSync(GENERATED_VALIDATORS, 'utf8'));
  });

  test('the generated code checks the custom formats and keeps x-expected for messages', () => {
    expect(validateHostVars({ ansible_host: '10.0.0.1' })).toBe(true);
    expect(validateHostVars({ ansible_host: 'sw1.example.com' })).toBe(true);
    // A bare number-and-dots value is a mistyped IPv4 address (net-address format).
    expect(validateHostVars({ ansible_host: '10.0.0.256' })).toBe(false);
    expect(validateHostVars.errors?.[0]).toMatchObject({ instancePath: '/ansible_host', keyword: 'format', params: { format: 'net-address' } });
    expect(validatePlaybook([{ name: 'p', hosts: 'all', slp: { transport: 'smart', trust: { token: 'a b' } } }])).toBe(false);
    const tokenError = validatePlaybook.errors?.find((e) => e.instancePath.endsWith('/trust/token'));
    expect(tokenError?.parentSchema?.['x-expected']).toEqual(expect.any(String));
  });
});
