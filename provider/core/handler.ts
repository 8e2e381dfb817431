import type * as pulumi from "@pulumi/pulumi";

/** What a resource kind implements: every dynamic-provider call but configure(), which is shared. */
export type ResourceHandler = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;
