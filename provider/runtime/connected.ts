/**
 * Serves each resource in its named connection (core/connections.ts): the `connection` argument is the
 * runtime's, not the kind's, so the handlers never see it. check() refuses a connection that is not
 * defined and, in it, every setting the resource will need, so a preview fails where `up` would; diff()
 * makes a change of connection a replacement (the object lives in another account, region or
 * instance); the other calls run in the connection the state records, and record it again.
 */
import type * as pulumi from "@pulumi/pulumi";
import { KINDS, type KindName } from "pulumi-resource-groups-contracts/kinds";
import { CONNECTION_NAME, CONNECTION_NAME_RULE } from "pulumi-resource-groups-contracts/settings";
import { UNKNOWN } from "pulumi-resource-groups-contracts/constants";
import { requireConnection, runInConnection } from "../core/connections";
import type { ResourceHandler } from "../core/handler";
import { checkVendorSettings } from "./vendorChecks";

type Props = Record<string, unknown>;

const CONNECTION_ARG = "connection";

/** The connection a resource names (undefined: the default settings), and its other properties. */
function split(props: Props | undefined): [string | undefined, Props] {
  const { [CONNECTION_ARG]: connection, ...rest } = props ?? {};
  return [typeof connection === "string" ? connection : undefined, rest];
}

/** `props` recording `connection`, when the resource names one (a state without one stays as it was). */
function recording<T extends Props | undefined>(props: T, connection: string | undefined): T {
  return connection === undefined || props === undefined ? props : { ...props, [CONNECTION_ARG]: connection };
}

function connectionProblem(value: unknown): string | undefined {
  if (value === undefined || value === UNKNOWN) return undefined;
  if (typeof value !== "string" || !CONNECTION_NAME.test(value)) {
    return `connection must be the name of a connection: ${CONNECTION_NAME_RULE}`;
  }
  try {
    requireConnection(value);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function connected(kind: KindName, handler: ResourceHandler): ResourceHandler {
  const vendor = KINDS[kind].vendor;
  return {
    async check(olds, news) {
      const named = (news as Props)[CONNECTION_ARG];
      const problem = connectionProblem(named);
      if (problem !== undefined) {
        return { inputs: news as Props, failures: [{ property: CONNECTION_ARG, reason: problem }] };
      }
      const [connection, rest] = split(news as Props);
      const [, oldRest] = split(olds as Props);
      return runInConnection(connection, async () => {
        const result = await handler.check(oldRest, rest);
        const checked = (result.inputs ?? rest) as Props;
        if (result.failures === undefined || result.failures.length === 0) {
          await checkVendorSettings(vendor, checked);
        }
        const inputs = named === UNKNOWN ? { ...checked, [CONNECTION_ARG]: UNKNOWN } : checked;
        return { ...result, inputs: recording(inputs, connection) };
      });
    },
    async diff(id, olds, news) {
      const [was, oldRest] = split(olds as Props);
      const [now, newRest] = split(news as Props);
      const named = (news as Props)[CONNECTION_ARG];
      const result = await runInConnection(now, () => handler.diff(id, oldRest, newRest));
      if (was === now && named !== UNKNOWN) return result;
      const replaces = [...(result.replaces ?? []), CONNECTION_ARG];
      return { ...result, changes: true, replaces } satisfies pulumi.dynamic.DiffResult;
    },
    async create(inputs) {
      const [connection, rest] = split(inputs as Props);
      const result = await runInConnection(connection, () => handler.create(rest));
      return { ...result, outs: recording(result.outs as Props | undefined, connection) };
    },
    async read(id, props) {
      const [connection, rest] = split(props as Props);
      const result = await runInConnection(connection, () => handler.read(id, rest));
      return {
        ...result,
        props: recording(result.props as Props | undefined, connection),
        ...(result.inputs === undefined ? {} : { inputs: recording(result.inputs as Props, connection) }),
      };
    },
    async update(id, olds, news) {
      const [, oldRest] = split(olds as Props);
      const [connection, rest] = split(news as Props);
      const result = await runInConnection(connection, () => handler.update(id, oldRest, rest));
      return { ...result, outs: recording(result.outs as Props | undefined, connection) };
    },
    async delete(id, props) {
      const [connection, rest] = split(props as Props);
      await runInConnection(connection, () => handler.delete(id, rest));
    },
  };
}

/**
 * Every kind's handler, served in its connections. Each is wrapped when first used, so a table whose
 * handlers load on first use stays lazy.
 */
export function connectedTable(table: { readonly [K in KindName]: ResourceHandler }): {
  readonly [K in KindName]: ResourceHandler;
} {
  const served = {} as Record<KindName, ResourceHandler>;
  for (const kind of Object.keys(KINDS) as KindName[]) {
    let wrapped: ResourceHandler | undefined;
    Object.defineProperty(served, kind, {
      enumerable: true,
      get: () => (wrapped ??= connected(kind, table[kind])),
    });
  }
  return served;
}
