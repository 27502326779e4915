import { ApiRoutes } from './api-routes';

/** A location of the gateway: requests whose path matches `pattern` (a regular expression) go to `service`. */
export interface GatewayRoute {
  pattern: string;
  service: string;
  /** Server-Sent Events: proxied unbuffered, with a long read timeout. */
  stream: boolean;
}

/** Each service answers these itself (probes, not clients): the gateway routes none of them. */
const PER_SERVICE = /^\/health\//;

/** A path parameter (`{id}`) matches any one segment. */
const PARAMETER = '*';

interface Owner {
  service: string;
  stream: boolean;
}

interface PathNode {
  children: Map<string, PathNode>;
  /** Who answers the routes at and below this node, by ownerKey. */
  owners: Map<string, Owner>;
  /** Who answers the path ending here, if one does. */
  endpoint?: Owner;
}

const ownerKey = (owner: Owner) => `${owner.service}${owner.stream ? ' (stream)' : ''}`;
const newNode = (): PathNode => ({ children: new Map(), owners: new Map() });

function pathTree(routes: ApiRoutes): PathNode {
  const root = newNode();
  for (const [service, { paths, streams }] of Object.entries(routes))
    for (const path of paths.filter((candidate) => !PER_SERVICE.test(candidate))) {
      const owner = { service, stream: streams.includes(path) };
      let node = root;
      node.owners.set(ownerKey(owner), owner);
      for (const segment of path.split('/').slice(1)) {
        const key = /^\{[^}]+\}$/.test(segment) ? PARAMETER : segment;
        if (!node.children.has(key)) node.children.set(key, newNode());
        node = node.children.get(key) as PathNode;
        node.owners.set(ownerKey(owner), owner);
      }
      if (node.endpoint && ownerKey(node.endpoint) !== ownerKey(owner))
        throw new Error(`${path} is served by both ${ownerKey(node.endpoint)} and ${ownerKey(owner)}`);
      node.endpoint = owner;
    }
  return root;
}

const escapeSegment = (segment: string) =>
  segment === PARAMETER ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The fewest locations that send every path to its service: a whole subtree (`^/tickets(/|$)`) where one
 * service answers everything below it, else the node's own path exactly and its children one by one. Literal
 * segments come before a parameter at the same place (the gateway takes the first regular expression that
 * matches), so `/customers/search` wins over `/customers/{id}`.
 */
export function gatewayRoutes(routes: ApiRoutes): GatewayRoute[] {
  const found: GatewayRoute[] = [];
  const visit = (node: PathNode, prefix: string) => {
    const owners = [...node.owners.values()];
    if (prefix && owners.length === 1) {
      found.push({ pattern: `^${prefix}(/|$)`, ...owners[0] });
      return;
    }
    // Express answers a path with a trailing slash as the path itself.
    if (prefix && node.endpoint) found.push({ pattern: `^${prefix}/?$`, ...node.endpoint });
    const segments = [...node.children.keys()].sort((a, b) =>
      a === PARAMETER ? 1 : b === PARAMETER ? -1 : a.localeCompare(b),
    );
    for (const segment of segments)
      visit(node.children.get(segment) as PathNode, `${prefix}/${escapeSegment(segment)}`);
  };
  visit(pathTree(routes), '');
  return found;
}
