import { readOnce } from '../../../src/device/read-once';
import { FakeDevice } from '../../helpers/fake-device';

const sent = (d: FakeDevice): string[] => d.log.filter((l) => l.mode === 'exec').map((l) => l.command);

test('the running-config is read once while only shows run, and read again after a change', async () => {
  const fake = new FakeDevice({ config: ['hostname sw1'] });
  const device = readOnce(fake);
  const first = (await device.run('show running-config')).output;
  await device.run('show license status');
  expect((await device.run('show running-config')).output).toBe(first);
  expect(sent(fake).filter((c) => c === 'show running-config')).toHaveLength(1);

  await device.configure(['ip domain name example.com']);
  const after = (await device.run('show running-config')).output;
  expect(after).toContain('ip domain name example.com');
  expect(sent(fake).filter((c) => c === 'show running-config')).toHaveLength(2);

  // Any EXEC command that is not a show (write memory, trust, sync) may change what a show says.
  await device.run('write memory');
  await device.run('show running-config');
  expect(sent(fake).filter((c) => c === 'show running-config')).toHaveLength(3);
});

test('other outputs are always read afresh: show license status moves by itself', async () => {
  const fake = new FakeDevice();
  const device = readOnce(fake);
  await device.run('show license status');
  await device.run('show license status');
  expect(sent(fake).filter((c) => c === 'show license status')).toHaveLength(2);
});
