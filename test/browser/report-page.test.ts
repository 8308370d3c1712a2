/// <reference lib="dom" />
/**
 * The fleet report page in a real browser: Debian's headless Chromium (driven by puppeteer-core,
 * which never downloads a browser) opens the page `--html` wrote for a mixed lab run, from disk.
 * It checks the counts against the JSON report, filters to failed hosts, opens one and reads its
 * cause and evidence, sorts, and sees no console error. The screenshot goes to a temp dir, or to
 * docs/img/report-page.png (shown in the README) with UPDATE_SCREENSHOTS=1.
 *
 * Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it). Missing: in CI (CI=true)
 * the suite fails; elsewhere it is skipped with a note.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { JsonReport } from '../../src/report/json-report';
import { startLab, TOKEN, CREDENTIALS, type Captured, type Lab, type LabHost } from '../helpers/fleet-run';
import { describeRequiring, type Requirement } from '../helpers/requires';

const CHROMIUM = process.env.SLP_CHROMIUM ?? '/usr/bin/chromium';
const chromium: Requirement = { what: CHROMIUM, missing: existsSync(CHROMIUM) ? null : `${CHROMIUM} not found (apt-get install chromium; .ci/run installs it)` };

const HOSTS: LabHost[] = [
  { name: 'sw-ok-1' }, { name: 'sw-ok-2' }, { name: 'sw-ok-3' }, { name: 'sw-slow', sim: { latency_ms: 60 } },
  { name: 'sw-bad-token', sim: { faults: { token: 'invalid' } } },
  { name: 'sw-no-dns', sim: { faults: { dns_unreachable: true } } },
  { name: 'sw-reject', sim: { faults: { reject_command: 'ip name-server' } } },
  { name: 'sw-auth', sim: { faults: { auth_failure: true } } },
  { name: 'sw-down', down: true },
];

describeRequiring([chromium])('fleet report page in headless Chromium', () => {
  let lab: Lab;
  let run: Captured;
  let report: JsonReport;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    lab = await startLab(HOSTS);
    run = await lab.run({ forks: 9 });
    report = JSON.parse(readFileSync(run.jsonFile, 'utf8'));
    const puppeteer = await import('puppeteer-core');
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${(e as Error).message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(run.htmlFile).href, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  });

  const visibleHosts = (): Promise<string[]> =>
    page.$$eval('#hosts tbody tr.host-row', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute('data-host')!));

  test('shows the counts of the run, by outcome and by cause', async () => {
    const hosts = report.plays[0]!.hosts;
    const count = (s: string): number => hosts.filter((h) => h.status === s).length;
    const shown = await page.$$eval('[data-count]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-count'), Number(e.textContent)])));
    expect(shown).toEqual({ hosts: HOSTS.length, ok: count('ok'), changed: count('changed'), failed: count('failed'), unreachable: count('unreachable'), skipped: count('skipped') });
    expect(shown.changed).toBe(4);
    expect(shown.unreachable).toBe(2);
    expect(shown.failed).toBe(3);
    const causes = await page.$$eval('#causes tbody th', (ths) => ths.map((t) => t.textContent));
    for (const h of hosts.filter((x) => x.diagnosis)) expect(causes).toContain(h.diagnosis!.cause);
    expect(await page.$eval('#shown', (e) => e.textContent)).toBe(`Showing ${HOSTS.length} of ${HOSTS.length} host results`);
  });

  test('filters to failed hosts, opens one and shows its cause, evidence and remedy', async () => {
    await page.select('#f-status', 'failed');
    const failed = report.plays[0]!.hosts.filter((h) => h.status === 'failed').map((h) => h.host);
    expect((await visibleHosts()).sort()).toEqual(failed.sort());
    const diagnosed = report.plays[0]!.hosts.find((h) => h.status === 'failed' && h.diagnosis && h.diagnosis.evidence.length > 0)!;
    expect(diagnosed).toBeDefined();
    const button = (await page.$(`#hosts tr[data-host="${diagnosed.host}"] button.host`))!;
    await button.click();
    const detail = (await page.$eval(`#hosts tr[data-host="${diagnosed.host}"] button.host`, (b) => b.getAttribute('aria-controls')))!;
    const text = await page.$eval(`#${detail}`, (d) => ((d as HTMLElement).hidden ? '' : (d as HTMLElement).innerText));
    expect(text).toContain(diagnosed.diagnosis!.cause);
    expect(text).toContain(diagnosed.diagnosis!.evidence[0]!.trim());
    expect(text).toContain('Remedy');
    expect(await button.evaluate((b) => b.getAttribute('aria-expanded'))).toBe('true');
    const shotDir = process.env.UPDATE_SCREENSHOTS ? path.join(__dirname, '../../docs/img') : mkdtempSync(path.join(os.tmpdir(), 'slp-shot-'));
    const shot = path.join(shotDir, 'report-page.png');
    await page.screenshot({ path: shot as `${string}.png`, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    if (!process.env.UPDATE_SCREENSHOTS) copyFileSync(shot, path.join(lab.dir, 'shot.png'));
  });

  test('search and sort work; no console error and no network request', async () => {
    await page.select('#f-status', 'all');
    await page.type('#f-text', 'sw-ok');
    expect((await visibleHosts()).sort()).toEqual(['sw-ok-1', 'sw-ok-2', 'sw-ok-3']);
    await page.$eval('#f-text', (e) => {
      (e as HTMLInputElement).value = '';
      e.dispatchEvent(new Event('input'));
    });
    await page.click('th[data-key="host"] button');
    const asc = await visibleHosts();
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
    await page.click('th[data-key="host"] button');
    expect(await visibleHosts()).toEqual([...asc].reverse());
    expect(await page.$eval('th[data-key="host"]', (t) => t.getAttribute('aria-sort'))).toBe('descending');
    expect(problems).toEqual([]);
  });

  test('accessibility basics: one h1, sections under h2, table semantics, text contrast ≥ 4.5:1', async () => {
    const headings = await page.$$eval('h1, h2', (hs) => hs.map((h) => `${h.tagName} ${h.textContent}`));
    expect(headings.filter((h) => h.startsWith('H1'))).toHaveLength(1);
    expect(headings.filter((h) => h.startsWith('H2')).map((h) => h.slice(3))).toEqual(['Outcomes', 'Causes', 'Timing', 'Hosts']);
    expect(await page.$$eval('table', (ts) => ts.every((t) => !!t.querySelector('caption') && !!t.querySelector('thead th[scope=col]')))).toBe(true);
    expect(await page.$$eval('input, select', (els) => els.every((e) => !!document.querySelector(`label[for="${e.id}"]`)))).toBe(true);
    // Every visible text element against the nearest opaque background behind it (WCAG formula).
    const worst = await page.evaluate(() => {
      const lum = (c: string): number => {
        const [r, g, b] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const bg = (e: Element | null): string => {
        for (let x = e; x; x = x.parentElement) {
          const c = getComputedStyle(x).backgroundColor;
          if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') return c;
        }
        return 'rgb(255, 255, 255)';
      };
      let min = { ratio: 99, text: '' };
      for (const e of Array.from(document.querySelectorAll('body *'))) {
        const own = Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
        if (!own || (e as HTMLElement).offsetParent === null) continue;
        const [a, b] = [lum(getComputedStyle(e).color), lum(bg(e))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < min.ratio) min = { ratio, text: e.textContent!.slice(0, 40) };
      }
      return min;
    });
    expect(worst.ratio).toBeGreaterThanOrEqual(4.5);
  });

  test('the page holds no secret', () => {
    const html = readFileSync(run.htmlFile, 'utf8');
    for (const secret of [TOKEN, CREDENTIALS.password, CREDENTIALS.enableSecret]) expect(html).not.toContain(secret);
  });
});
