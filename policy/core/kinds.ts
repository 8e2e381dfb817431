/**
 * The contracts' table of kinds, as the pack uses it: which resource is of which kind (by its type
 * token), and how a vendor's groups and the kinds that target them are told apart and read.
 */
import { KINDS, type KindName } from "pulumi-resource-groups-contracts/kinds";
import type { Maybe } from "./known";
import type { GroupKind } from "./targets";

/** Tells the resources of one kind by their type token, narrowing `type` to that token. */
export type KindGuard<K extends KindName> = <R extends { type: string }>(
  resource: R,
) => resource is R & { type: (typeof KINDS)[K]["token"] };

/** A type guard for the resources of `kind`. */
export function isKind<K extends KindName>(kind: K): KindGuard<K> {
  const token: string = KINDS[kind].token;
  return <R extends { type: string }>(resource: R): resource is R & { type: (typeof KINDS)[K]["token"] } =>
    resource.type === token;
}

/** What every view of a resource that targets a group, and of a group itself, carries. */
export interface WithGroupId {
  groupId: Maybe<string> | undefined;
}

/**
 * A vendor's {@link GroupKind}: its groups, read by `readGroup` (the view's `groupId` is the group's
 * output), and the kinds that target a group through their `groupId` input, each with its reader.
 */
export function groupKind<View extends WithGroupId>(
  group: KindName,
  readGroup: (props: object) => View,
  targeting: Partial<Record<KindName, (props: object) => WithGroupId>>,
): GroupKind<View> {
  const readers = new Map(
    Object.entries(targeting).map(([kind, read]) => [KINDS[kind as KindName].token as string, read]),
  );
  return {
    isGroup: isKind(group),
    readGroup,
    groupIdOf: (view) => view.groupId,
    targetIdOf: (resource) => readers.get(resource.type)?.(resource.props).groupId,
  };
}
