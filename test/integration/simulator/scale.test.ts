import { startFleet, type SimDeviceSpec } from '../../../src/simulator';
import { openSim } from '../../helpers/sim-client';

test('one process serves 1,000 simulated devices on ephemeral ports, and reports memory per device', async () => {
  global.gc?.();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().external;
  const specs: SimDeviceSpec[] = Array.from({ length: 1000 }, (_, i) => ({ name: `sw${i}`, port: 0, credentials: { username: 'admin', password: 'admin' } }));
  const fleet = await startFleet(specs, { asyncDelayMs: 20 });
  try {
    const ports = new Set(Object.values(fleet.hosts).map((h) => h.port));
    expect(ports.size).toBe(1000);
    for (const name of ['sw0', 'sw499', 'sw999']) {
      const c = await openSim({ port: fleet.hosts[name].port, password: 'admin' });
      expect(await c.cmd('show privilege')).toBe('Current privilege level is 15');
      c.end();
    }
    const after = process.memoryUsage().heapUsed + process.memoryUsage().external;
    const perDevice = (after - before) / 1000;
    process.stdout.write(`simulator scale: 1000 devices, ${(perDevice / 1024).toFixed(1)} KiB per device (heap+external)\n`);
    expect(perDevice).toBeLessThan(512 * 1024);
  } finally {
    await fleet.stop();
  }
});
