/**
 * An INI inventory read as Ansible's ini plugin reads it (ansible/plugins/inventory/ini.py):
 * `[group]`, `[group:vars]`, `[group:children]`, `host key=value …` with Ansible's value typing,
 * host ranges and `:port`, `#`/`;` comments, hosts before any section in `ungrouped`.
 *
 * The result is the YAML inventory shape (`group: {hosts, vars, children}`) as a yaml Document
 * whose nodes carry ranges into the INI text, so every later check (schema, templates, host
 * variables) reports file:line:column in the INI file itself.
 */
import { Document, LineCounter, Pair, Scalar, YAMLMap, type Node } from 'yaml';
import { ConfigError, type ConfigIssue } from '../errors';
import type { YamlSource } from '../schema/yaml-source';
import { expandHostRange, HostRangeError, splitHostPort } from './host-range';
import { iniValue, shlexSplit } from './ini-values';

const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
const GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;

interface Pending {
  kind: 'vars' | 'children';
  offset: number;
  parent?: string;
}

export function parseIniInventory(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) lines.addNewLine(k + 1);
  const issues: ConfigIssue[] = [];
  const fail = (offset: number, message: string): void => {
    const { line, col } = lines.linePos(offset);
    issues.push({ file, line, column: col, path: '', message });
  };

  const doc = new Document<YAMLMap>(new YAMLMap());
  const root = doc.contents!;
  const data: Record<string, Record<string, Record<string, unknown>>> = {};
  const groupNodes = new Map<string, YAMLMap>();
  const declared = new Set(['all', 'ungrouped']);
  const pending = new Map<string, Pending>();

  const scalar = (value: unknown, start: number, end: number): Node => {
    const node = value !== null && typeof value === 'object' ? (doc.createNode(value) as Node) : new Scalar(value);
    node.range = [start, end, end];
    return node;
  };
  const entry = (map: YAMLMap, key: string, start: number, end: number, make: () => Node): Node => {
    const found = map.items.find((p) => (p.key as Scalar).value === key);
    if (found) return found.value as Node;
    const value = make();
    map.items.push(new Pair(scalar(key, start, end), value));
    return value;
  };
  const group = (name: string, at: number): { node: YAMLMap; data: Record<string, Record<string, unknown>> } => {
    if (!groupNodes.has(name)) {
      const node = new YAMLMap();
      node.range = [at, at + name.length, at + name.length];
      root.items.push(new Pair(scalar(name, at, at + name.length), node));
      groupNodes.set(name, node);
      data[name] = {};
    }
    return { node: groupNodes.get(name)!, data: data[name]! };
  };
  const section = (g: ReturnType<typeof group>, name: 'hosts' | 'vars' | 'children', at: number): { node: YAMLMap; data: Record<string, unknown> } => {
    const node = entry(g.node, name, at, at, () => {
      const m = new YAMLMap();
      m.range = [at, at, at];
      return m;
    }) as YAMLMap;
    g.data[name] ??= {};
    return { node, data: g.data[name]! };
  };
  const setVar = (target: { node: YAMLMap; data: Record<string, unknown> }, key: string, keyAt: number, value: unknown, valueAt: number, valueEnd: number): void => {
    const i = target.node.items.findIndex((p) => (p.key as Scalar).value === key);
    if (i >= 0) target.node.items.splice(i, 1);
    target.node.items.push(new Pair(scalar(key, keyAt, keyAt + key.length), scalar(value, valueAt, valueEnd)));
    delete target.data[key]; // later wins, and is listed where it was last written
    target.data[key] = value;
  };

  let groupName = 'ungrouped';
  let state = 'hosts';
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const at = lineStart + lead;
    if (!line || line[0] === '#' || line[0] === ';') continue;
    const m = SECTION.exec(line);
    if (m) {
      groupName = m[1]!;
      state = m[2] ?? 'hosts';
      if (!['hosts', 'children', 'vars'].includes(state)) {
        fail(at, `section [${groupName}:${state}] has unknown type "${state}" (expected hosts, vars or children)`);
        continue;
      }
      const g = group(groupName, at + 1);
      if (!declared.has(groupName)) {
        if (state === 'vars' && !pending.has(groupName)) pending.set(groupName, { kind: 'vars', offset: at });
        declared.add(groupName);
      }
      if (state !== 'vars' && pending.has(groupName)) pending.delete(groupName);
      if (state === 'children') section(g, 'children', at);
      continue;
    }
    if (line.startsWith('[') && line.endsWith(']')) {
      fail(at, `invalid section entry "${line}": no spaces inside the brackets, and only [name], [name:vars] or [name:children]`);
      continue;
    }
    const g = group(groupName, at);
    if (state === 'hosts') {
      let tokens;
      try {
        tokens = shlexSplit(raw.slice(lead));
      } catch (error) {
        fail(at, `cannot read host line: ${(error as Error).message}`);
        continue;
      }
      if (tokens.length === 0) continue;
      const [first, ...rest] = tokens;
      const hostAt = at + first!.offset;
      const { pattern, port } = splitHostPort(first!.text);
      if (first!.text.endsWith(':') && port === undefined) {
        fail(hostAt, `invalid host "${first!.text}": a trailing ":" is reserved for a port`);
        continue;
      }
      if (pattern === '---') {
        fail(hostAt, 'invalid host "---" (this looks like a YAML file; give it a .yml or .yaml extension)');
        continue;
      }
      let names: string[];
      try {
        names = expandHostRange(pattern);
      } catch (error) {
        if (!(error instanceof HostRangeError)) throw error;
        fail(hostAt, error.message);
        continue;
      }
      const hosts = section(g, 'hosts', at);
      const vars: { key: string; keyAt: number; value: unknown; valueAt: number; end: number }[] = [];
      if (port !== undefined) vars.push({ key: 'ansible_port', keyAt: hostAt, value: port, valueAt: hostAt, end: hostAt + first!.text.length });
      let bad = false;
      for (const t of rest) {
        const eq = t.text.indexOf('=');
        const tAt = at + t.offset;
        if (eq < 0) {
          fail(tAt, `expected key=value after the host name, got "${t.text}"`);
          bad = true;
          continue;
        }
        const written = raw.slice(lead).slice(t.offset).split(/\s/)[0]!;
        const valueAt = tAt + Math.max(written.indexOf('='), 0) + 1;
        vars.push({ key: t.text.slice(0, eq), keyAt: tAt, value: iniValue(t.text.slice(eq + 1)), valueAt, end: valueAt + Math.max(written.length - eq - 1, 0) });
      }
      if (bad) continue;
      for (const name of names) {
        const hostNode = entry(hosts.node, name, hostAt, hostAt + first!.text.length, () => {
          const node = new YAMLMap();
          node.range = [hostAt, hostAt, hostAt];
          return node;
        }) as YAMLMap;
        const hostData = (hosts.data[name] ??= {}) as Record<string, unknown>;
        for (const v of vars) setVar({ node: hostNode, data: hostData }, v.key, v.keyAt, v.value, v.valueAt, v.end);
      }
    } else if (state === 'vars') {
      const eq = line.indexOf('=');
      if (eq < 0) {
        fail(at, `expected key=value in [${groupName}:vars], got "${line}"`);
        continue;
      }
      const key = line.slice(0, eq).trim();
      const rawValue = line.slice(eq + 1);
      const valueAt = at + eq + 1 + (rawValue.length - rawValue.trimStart().length);
      const value = rawValue.trim();
      setVar(section(g, 'vars', at), key, at, iniValue(value), valueAt, valueAt + value.length);
    } else {
      const cm = GROUP_NAME.exec(line);
      if (!cm) {
        fail(at, `expected a group name in [${groupName}:children], got "${line}"`);
        continue;
      }
      const child = cm[1]!;
      if (!declared.has(child) && !pending.has(child)) pending.set(child, { kind: 'children', offset: at, parent: groupName });
      const children = section(g, 'children', at);
      entry(children.node, child, at, at + child.length, () => scalar(null, at, at + child.length));
      children.data[child] = null;
    }
  }
  for (const [name, p] of pending) {
    fail(
      p.offset,
      p.kind === 'vars'
        ? `section [${name}:vars] is for a group that is never declared (add a [${name}] or [${name}:children] section)`
        : `[${p.parent}:children] names group "${name}", which is never declared (add a [${name}] section)`,
    );
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return { file, text, doc: doc as unknown as Document, lines, data };
}
