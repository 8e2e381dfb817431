/**
 * The ZopNight argument schemas, loaded with the schema library by the first check(): reads and deletes
 * (a refresh, a destroy) never need them (bench/README.md, "Small stacks").
 */
import type * as contracts from "pulumi-resource-groups-contracts/zopnight";
import { lazy } from "../../core/lazy";

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, as said above */
export const zopnightSchemas = lazy(
  () => require("pulumi-resource-groups-contracts/zopnight") as typeof contracts,
);
/* eslint-enable @typescript-eslint/no-require-imports */
