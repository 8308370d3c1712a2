/**
 * The schemas' own formats, as the validators check them at run time (validators.generated.ts
 * requires this module by name). ipv4/ipv6 are ajv-formats' full checks.
 */
import { fullFormats } from 'ajv-formats/dist/formats';

/** A DNS host name: labels of letters, digits and inner hyphens, at most 253 characters. */
export const HOSTNAME_RE =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

const ipv4 = fullFormats.ipv4 as RegExp;
const ipv6 = fullFormats.ipv6 as RegExp;
const isIp = (s: string): boolean => ipv4.test(s) || ipv6.test(s);

/** ajv format definitions, by the names the schemas use. */
export const formats = {
  ipv4,
  ipv6,
  'ip-address': { type: 'string', validate: isIp },
  // A bare number-and-dots value is a mistyped IPv4 address, not a host name.
  'net-address': { type: 'string', validate: (s: string): boolean => isIp(s) || (HOSTNAME_RE.test(s) && !/^[0-9.]+$/.test(s)) },
} as const;
