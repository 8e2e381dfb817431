import type { Dimension, Member } from "./model";

/** A member's identity is its namespace plus the set of its dimensions, whatever their order. */
export function memberKey(member: Member): string {
  const dims = [...member.dimensions]
    .sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value))
    .map((d) => `${d.name}=${d.value}`);
  return `${member.namespace}:${dims.join(",")}`;
}

export function sameDimensions(a: Dimension[], b: Dimension[]): boolean {
  return memberKey({ namespace: "", dimensions: a }) === memberKey({ namespace: "", dimensions: b });
}
