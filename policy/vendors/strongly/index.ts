/** The policies for Strongly FinOps resources only. */
import type { Policies } from "@pulumi/policy";
import { stronglyDescription } from "./description";
import { stronglyMemberTypes } from "./member-types";

export const stronglyPolicies: Policies = [stronglyDescription, stronglyMemberTypes];
