import {
  BENIGN_CONFIG_MESSAGES,
  configLineFailure,
  FAILURE_INDICATORS,
  NO_ROLLBACK_PENDING,
  QUESTION_PATTERNS,
  SETTLED_QUESTION_PATTERNS,
} from '../../../src/device/ios-platform';
import { findFailureIndicator } from '../../../src/device/ios';
import { modeOfPrompt, nextModeStep } from '../../../src/device/mode-step';

describe('IOS_MODES prompts', () => {
  it.each([
    ['Switch>', { mode: 'exec', hostname: 'Switch' }],
    ['Switch#', { mode: 'privilege_exec', hostname: 'Switch' }],
    ['sw-a1.lab#', { mode: 'privilege_exec', hostname: 'sw-a1.lab' }],
    ['Switch(config)#', { mode: 'configuration', hostname: 'Switch' }],
    ['Switch(config-if)#', { mode: 'configuration', hostname: 'Switch' }],
    ['C9300-stack1(config-line)# ', { mode: 'configuration', hostname: 'C9300-stack1' }],
    ['Switch(config-vrf)#', { mode: 'configuration', hostname: 'Switch' }],
  ])('%s', (prompt, expected) => {
    expect(modeOfPrompt(prompt)).toEqual(expected);
  });

  it.each(['####################', 'Authorized users only>', '<<< lab >>', 'Switch#  ', 'Switch# show version', '% Invalid input'])(
    'is no prompt: %s',
    (line) => {
      expect(modeOfPrompt(line)).toBeUndefined();
    },
  );
});

describe('nextModeStep', () => {
  it.each([
    ['exec', 'privilege_exec', { action: 'escalate', command: 'enable', to: 'privilege_exec', auth: true }],
    ['exec', 'configuration', { action: 'escalate', command: 'enable', to: 'privilege_exec', auth: true }],
    ['privilege_exec', 'configuration', { action: 'escalate', command: 'configure terminal', to: 'configuration', auth: false }],
    ['configuration', 'privilege_exec', { action: 'deescalate', command: 'end', to: 'privilege_exec' }],
    ['privilege_exec', 'exec', { action: 'deescalate', command: 'disable', to: 'exec' }],
    ['privilege_exec', 'privilege_exec', { action: 'none' }],
  ] as const)('%s → %s', (from, to, step) => {
    expect(nextModeStep(from, to)).toEqual(step);
  });
});

describe('FAILURE_INDICATORS', () => {
  it.each([
    ["             ^\n% Invalid input detected at '^' marker.", '% Invalid input detected'],
    ['% Incomplete command.', '% Incomplete command'],
    ['% Ambiguous command:  "show l"', '% Ambiguous command'],
    ['% Unknown command or computer name, or unable to find computer address', '% Unknown command'],
    ['% Bad IP address or host name', '% Bad'],
    ['% Bad secrets', '% Bad'],
    ['%Error opening tftp://x (Timed out)', '% Error'],
    ['Command authorization failed.', '% Command authorization failed'],
  ])('finds %j', (output, indicator) => {
    expect(findFailureIndicator(`\n${output}\n`)).toBe(indicator);
  });

  it.each([
    'Failure Reason: <none>',
    'Last Communication Error: Connection timed out',
    '%Warning: reload required after "license smart factory reset" command',
    '  Status: SUCCESS on Jan 24 23:19:05 2025 UTC',
  ])('ignores %j', (output) => {
    expect(findFailureIndicator(output)).toBeUndefined();
  });

  it('has one row per indicator name', () => {
    const names = FAILURE_INDICATORS.map((f) => f.indicator);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('QUESTION_PATTERNS', () => {
  it.each([
    'Proceed with reload? [confirm]',
    'Destination filename [startup-config]? ',
    'Continue? [yes/no]: ',
    'Do you want to proceed? (yes/[no]): ',
    'Save? [y/n]',
  ])('%j is a question at once', (line) => {
    expect(QUESTION_PATTERNS.some((re) => re.test(line))).toBe(true);
  });
  it.each(['Switch#', 'Building configuration...', 'Help: https://www.cisco.com/go/smartlicensing?', 'Questions?'])(
    '%j is not, at once',
    (line) => {
      expect(QUESTION_PATTERNS.some((re) => re.test(line))).toBe(false);
    },
  );
  it.each(['Questions?', 'Erase the licensing trust store? '])('%j is a question once the device stays silent', (line) => {
    expect(SETTLED_QUESTION_PATTERNS.some((re) => re.test(line))).toBe(true);
  });
});

describe('configLineFailure: any % reply to a config line fails it, unless known benign', () => {
  it.each([
    ['% VRF Nope does not exist', '% VRF Nope does not exist'],
    ['\n% VRF Nope not configured.\n', '% VRF Nope not configured.'],
    ['% Cannot remove physical interface', '% Cannot remove physical interface'],
    ['%Some new message nobody listed', '%Some new message nobody listed'],
  ])('%j fails with its own line', (output, line) => {
    expect(configLineFailure(output)).toBe(line);
  });

  it.each([
    '',
    'Enter configuration commands, one per line.  End with CNTL/Z.',
    '%Warning: reload required after "license smart factory reset" command',
    '% Interface Vlan20 IPv4 disabled and address(es) removed due to enabling VRF Mgmt-vrf',
    // A syslog message without its stamp is an event, not the answer to the line.
    '%SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.0.0.1)',
    'Last Error: % something inside a line',
  ])('%j does not fail the line', (output) => {
    expect(configLineFailure(output)).toBeUndefined();
  });

  it('every benign message names its source', () => {
    for (const b of BENIGN_CONFIG_MESSAGES) expect(b.source).toMatch(/\S/);
  });
});

describe('NO_ROLLBACK_PENDING', () => {
  it.each(['%No Rollback Confirmed Change pending', '% No Rollback Confirmed Change pending', '\n%No rollback confirmed change pending\n'])('%j', (text) => {
    expect(NO_ROLLBACK_PENDING.test(text)).toBe(true);
  });
});
