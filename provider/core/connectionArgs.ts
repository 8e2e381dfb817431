/** The argument every resource class takes to choose its named connection. Loaded by user programs. */
import type * as pulumi from "@pulumi/pulumi";

export interface ConnectionArgs {
  /**
   * The named connection (settings of another account, region or instance) to manage this resource
   * with: a key of the stack config `resourcegroups:connections` or of the JSON in the environment
   * variable `RESOURCEGROUPS_CONNECTIONS`. Default: the default settings. A name that is not defined
   * fails at preview. Changing it replaces the resource.
   */
  connection?: pulumi.Input<string>;
}
