// **address-guard** refuses connections to loopback, private, link-local and metadata addresses (SSRF).
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';
import { NetworkError } from '../errors.js';

/** ipaddr.js ranges a server may reach: the public internet only. */
const PUBLIC_RANGES = new Set(['unicast']);

/**
 * Why an address is refused (`loopback`, `private`, `linkLocal`, …), or undefined when it is a
 * public unicast address. IPv4-mapped IPv6 addresses are judged as the IPv4 they carry.
 */
export function refusedRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'invalid';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return PUBLIC_RANGES.has(range) ? undefined : range;
}

function refusal(host: string, address: string, range: string): NetworkError {
  return new NetworkError(
    `${host} resolves to ${address} (${range} address): the validator does not fetch from private, loopback, link-local or metadata addresses`,
    host,
    {
      code: 'DH_URL_REFUSED',
      hint: 'Give a public http(s) URL, or upload the document instead; an operator can start the server with --allow-private-urls.',
    },
  );
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/** Why an address is refused, or undefined when it may be reached. */
export type AddressPolicy = (address: string) => string | undefined;

/**
 * A `dns.lookup` that fails when any address of the name is refused: the connection is made to an
 * address checked here, so a name cannot resolve to a public address for a check and to a private
 * one for the connection.
 */
export function guardedLookup(refuse: AddressPolicy = refusedRange) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void =>
    lookupChecked(refuse, hostname, options, callback);
}

function lookupChecked(
  refuse: AddressPolicy,
  hostname: string,
  options: dns.LookupOptions,
  callback: LookupCallback,
): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const list = addresses as dns.LookupAddress[];
    for (const entry of list) {
      const range = refuse(entry.address);
      if (range) return callback(refusal(hostname, entry.address, range), '');
    }
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`${hostname}: no address`)), '');
    callback(null, first.address, first.family);
  });
}

/**
 * An undici Agent that connects only to public addresses: host names are resolved through
 * {@link guardedLookup} and literal addresses checked before connecting, on every connection, so
 * every hop of a redirect chain is checked.
 */
export function guardedAgent(
  options: { connectTimeoutMs?: number; refuse?: AddressPolicy } = {},
): Agent {
  const refuse = options.refuse ?? refusedRange;
  const connector = buildConnector({
    timeout: options.connectTimeoutMs ?? 15_000,
    lookup: guardedLookup(refuse),
  } as buildConnector.BuildOptions);
  return new Agent({
    connections: 4,
    connect: (opts, callback) => {
      const host = opts.hostname.replace(/^\[|\]$/g, '');
      const range = net.isIP(host) ? refuse(host) : undefined;
      if (range) return callback(refusal(host, host, range), null);
      return connector(opts, callback);
    },
  });
}
