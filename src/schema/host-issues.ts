import type { ConfigIssue } from '../errors';

/**
 * Per-host problems that are the same for many hosts (a group variable, an env var used by every
 * host) are reported once, naming the hosts, instead of once per host.
 */
export class HostIssues {
  private readonly byKey = new Map<string, { issue: ConfigIssue; hosts: string[] }>();

  add(issue: ConfigIssue, host: string): void {
    const key = `${issue.file}:${issue.line}:${issue.column}:${issue.message}`;
    const entry = this.byKey.get(key);
    if (entry) {
      if (!entry.hosts.includes(host)) entry.hosts.push(host);
    } else {
      this.byKey.set(key, { issue, hosts: [host] });
    }
  }

  toIssues(): ConfigIssue[] {
    return [...this.byKey.values()].map(({ issue, hosts }) => ({
      ...issue,
      message: `${issue.message} (${describeHosts(hosts)})`,
    }));
  }
}

function describeHosts(hosts: string[]): string {
  if (hosts.length === 1) return `host ${hosts[0]}`;
  const shown = hosts.slice(0, 4).join(', ');
  return hosts.length > 4 ? `hosts ${shown} and ${hosts.length - 4} more` : `hosts ${shown}`;
}
