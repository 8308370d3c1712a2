import { renderValue } from '../../../src/template/template';

const ctx = {
  vars: { port: 8080, site: { name: 'lab', dns: ['10.0.0.1'] }, alias: '{{ site.name }}', loop: '{{ loop }}' },
  env: { TOKEN: 'tok', EMPTY: '' },
};

describe('templates', () => {
  test('a whole-value template keeps the variable type; mixed text becomes a string', () => {
    const r = renderValue({ a: '{{ port }}', b: 'p{{port}}x', c: '{{ site.dns }}', d: '{{ site.dns.0 }}', e: '{{ env.TOKEN }}', f: '{{ env.EMPTY }}' }, ctx);
    expect(r.value).toEqual({ a: 8080, b: 'p8080x', c: ['10.0.0.1'], d: '10.0.0.1', e: 'tok', f: '' });
    expect(r.problems).toEqual([]);
    expect([...r.templated.keys()]).toEqual(['/a', '/b', '/c', '/d', '/e', '/f']);
  });

  test('a variable holding a template is rendered in turn', () => {
    expect(renderValue('{{ alias }}', ctx).value).toBe('lab');
  });

  test('nothing is evaluated and every problem is collected with its template', () => {
    const r = renderValue(['{{ nope }}', 'x {{ site.zip }}', '{{ env.MISSING }}', "{{ lookup('pipe', 'id') }}", '{{ site }}-x', '{{ loop }}', '{{ open'], ctx);
    expect(r.problems).toEqual([
      { path: '/0', template: '{{ nope }}', message: 'undefined variable "nope"' },
      { path: '/1', template: '{{ site.zip }}', message: 'undefined variable "site.zip" (no "zip" in site)' },
      { path: '/2', template: '{{ env.MISSING }}', message: 'environment variable MISSING is not set' },
      { path: '/3', template: "{{ lookup('pipe', 'id') }}", message: `"{{ lookup('pipe', 'id') }}" is not a variable reference: only {{ name }}, {{ a.b.c }} and {{ env.NAME }} are allowed (no filters or expressions)` },
      { path: '/4', template: '{{ site }}', message: '"site" is a mapping and cannot be part of a string' },
      { path: '/5', template: '{{ loop }}', message: 'variable "loop" refers to itself (template loop)' },
      { path: '/6', template: '{{', message: 'unclosed or malformed template (expected "{{ name }}")' },
    ]);
  });

  test('with missingEnv defer an unset env var is marked deferred', () => {
    expect(renderValue('{{ env.X }}', { ...ctx, missingEnv: 'defer' }).problems).toEqual([
      { path: '', template: '{{ env.X }}', message: 'environment variable X is not set', deferred: true },
    ]);
  });
});
