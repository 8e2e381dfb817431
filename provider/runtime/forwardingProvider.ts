/**
 * The provider objects Pulumi serializes into every resource's state. Each method loads the runtime
 * by package name when it runs, so the stored text holds no settings, no credential and no library
 * code: only the resource kind and these few forwarding lines.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { KindName } from "pulumi-resource-groups-contracts/kinds";
import type { Runtime } from "../core/handler";

export function forwardingProvider(kind: KindName): pulumi.dynamic.ResourceProvider {
  // A literal, not an imported constant: the serialized text must not refer to this module's exports.
  // The dynamic-provider host resolves it from the program's node_modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (): Runtime => require("pulumi-resource-groups/runtime") as Runtime;
  return {
    configure: (req) => load().configure(req),
    check: (olds, news) => load().handlers[kind].check(olds, news),
    diff: (id, olds, news) => load().handlers[kind].diff(id, olds, news),
    create: (inputs) => load().handlers[kind].create(inputs),
    read: (id, props) => load().handlers[kind].read(id, props),
    update: (id, olds, news) => load().handlers[kind].update(id, olds, news),
    delete: (id, props) => load().handlers[kind].delete(id, props),
  };
}
