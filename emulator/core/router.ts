/** Matches request paths against `{param}` route patterns; no framework, just segment comparison. */
import type { Route } from "./vendor";

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function splitPath(path: string): string[] {
  return path.split("/").slice(1);
}

/** Routes whose pattern matches the path, in declaration order, regardless of method. */
function matchPath(routes: readonly Route[], path: string): RouteMatch[] {
  const segments = splitPath(path);
  const matches: RouteMatch[] = [];
  for (const route of routes) {
    const parts = splitPath(route.pattern);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const part = parts[i] ?? "";
      const segment = segments[i] ?? "";
      if (part.startsWith("{") && part.endsWith("}")) {
        if (segment === "") ok = false;
        else params[part.slice(1, -1)] = segment;
      } else {
        ok = part === segment;
      }
    }
    if (ok) matches.push({ route, params });
  }
  return matches;
}

/** The methods some route serves at this path, for a 405's `Allow` header; empty when none does. */
export function allowedMethods(routes: readonly Route[], path: string): string[] {
  return [...new Set(matchPath(routes, path).map((m) => m.route.method))].sort();
}

/** The route for this method and path, with decoded parameters; literal routes win over `{param}` ones. */
export function findRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const candidates = matchPath(routes, path).filter((m) => m.route.method === method);
  candidates.sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
  const best = candidates[0];
  if (!best) return undefined;
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(best.params)) {
    try {
      params[name] = decodeURIComponent(raw);
    } catch {
      // Left raw: the vendor's parameter rules then reject it with their own "bad URL parameter" error.
      params[name] = raw;
    }
  }
  return { route: best.route, params };
}
