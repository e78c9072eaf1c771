/**
 * Which URLs and network addresses the crawler may contact (SSRF protection). Only public unicast
 * addresses pass: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast, broadcast, unspecified, documentation/reserved and IPv6 transition ranges that can embed
 * an IPv4 address (6to4, Teredo, NAT64) are refused. Loopback passes only when explicitly allowed
 * (QUOTEDESK_ALLOW_LOOPBACK=1), for tests and a local demo.
 */
import ipaddr from 'ipaddr.js';

export class RefusedError extends Error {
  readonly code = 'E_REFUSED';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RefusedError';
  }
}

export function loopbackAllowedByEnv(): boolean {
  return process.env.QUOTEDESK_ALLOW_LOOPBACK === '1';
}

/** Why an address may not be contacted, or undefined when it may. */
export function addressRefusal(address: string, allowLoopback: boolean): string | undefined {
  if (!ipaddr.isValid(address)) return `not an IP address: ${address}`;
  // ::ffff:10.0.0.1 is 10.0.0.1: judge the IPv4 address it maps to.
  // ::169.254.169.254 (IPv4-compatible IPv6, deprecated by RFC 4291) embeds an IPv4 address that some
  // stacks route to: refuse the whole ::/96 block outright (:: and ::1 are labelled below), whatever
  // the library version makes of it.
  const raw = ipaddr.parse(address);
  if (raw.kind() === 'ipv6') {
    const parts = (raw as ipaddr.IPv6).parts;
    if (parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7] > 1)) {
      const v4 = `${parts[6] >> 8}.${parts[6] & 255}.${parts[7] >> 8}.${parts[7] & 255}`;
      return `address ${raw.toString()} is an IPv4-compatible IPv6 address (it embeds ${v4})`;
    }
  }
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  if (range === 'loopback' && allowLoopback) return undefined;
  const label: Record<string, string> = {
    loopback: 'loopback',
    private: 'private network',
    uniqueLocal: 'private network',
    linkLocal: 'link-local (cloud metadata)',
    multicast: 'multicast',
    broadcast: 'broadcast',
    unspecified: 'unspecified',
    carrierGradeNat: 'carrier-grade NAT',
    reserved: 'reserved',
  };
  return `address ${parsed.toString()} is ${label[range] ?? `not public (${range})`}`;
}

/** IP literal of a URL hostname (brackets of IPv6 removed), or undefined for a DNS name. */
export function ipLiteral(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : undefined;
}

/**
 * Parses and checks a URL before any network activity: scheme http/https only, no embedded credentials,
 * and an IP-literal host must be allowed. DNS names are checked when resolved (see fetch.ts).
 */
export function checkUrl(raw: string, allowLoopback: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedError(`not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedError(`scheme ${url.protocol} is not allowed (only http and https)`);
  if (url.username || url.password) throw new RefusedError('URLs with credentials are not allowed');
  if (!url.hostname) throw new RefusedError('URL has no host');
  const literal = ipLiteral(url.hostname);
  if (literal) {
    const refusal = addressRefusal(literal, allowLoopback);
    if (refusal) throw new RefusedError(refusal);
  } else if (/^(localhost|.*\.localhost)$/i.test(url.hostname) && !allowLoopback) {
    throw new RefusedError(`host ${url.hostname} is loopback`);
  }
  return url;
}
