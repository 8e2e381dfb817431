import type * as pulumi from "@pulumi/pulumi";
import type { KindName } from "pulumi-resource-groups-contracts/kinds";

/** What a resource kind implements: every dynamic-provider call but configure(), which is shared. */
export type ResourceHandler = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

/** What a serialized provider loads by package path: `pulumi-resource-groups/runtime`. */
export interface Runtime {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
  handlers: { readonly [K in KindName]: ResourceHandler };
}
