/**
 * The policy pack. This file only assembles the PolicyPack: constructing it starts the analyzer's gRPC
 * server, so tests import the policies from ./policies, never this file.
 */
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("pulumi-resource-groups", {
  description:
    "Guardrails for the resource groups managed with pulumi-resource-groups at every vendor: Huawei Cloud Eye (CES), Cloudflare IAM, Strongly FinOps and ZopNight.",
  policies,
});
