import { transcriptSessions } from '../../../bench/src/bare-client';

describe('bare client: the lines slp typed, read back from its transcript', () => {
  // As slp writes a transcript (src/device/transcript.ts): each session under its header, the
  // last prompt of one session left open on the line the next header starts.
  const text = [
    '### slp-runner session sw0000 2026-12-03T10:42:58.945Z',
    '',
    'Switch>',
    'Switch>enable',
    'Password: ',
    'Switch#terminal length 0',
    'Switch#configure terminal',
    'Enter configuration commands, one per line.  End with CNTL/Z.',
    'Switch(config)#license smart transport smart',
    'Switch(config)#end',
    'Switch#license smart trust idtoken *** all',
    'Switch#',
    'Switch#show license status',
    'Smart Licensing is ENABLED',
    'Switch#### slp-runner session sw0000 2026-12-03T10:43:01.002Z',
    '',
    'Switch>',
    'Switch>enable',
    'Password: ',
    'Switch#show license status',
    'Switch#',
  ].join('\n');

  it('one list per session: every line typed at a prompt, an Enter alone included, the password not', () => {
    expect(transcriptSessions(text)).toEqual([
      ['', 'enable', 'terminal length 0', 'configure terminal', 'license smart transport smart', 'end', 'license smart trust idtoken *** all', '', 'show license status'],
      ['', 'enable', 'show license status'],
    ]);
  });
});
