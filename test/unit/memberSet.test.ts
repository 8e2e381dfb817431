import {
  chunks,
  diffMemberSets,
  memberListChanged,
  membersBy,
  repeatedMembers,
  sameMemberSet,
} from "../../provider/core/memberSet";

interface Item {
  id: string;
  label: string;
}

const item = (id: string, label = id): Item => ({ id, label });
const byId = (m: Item) => m.id;

describe("diffMemberSets", () => {
  it("sorts members into added, removed and kept by identity", () => {
    const before = [item("a"), item("b"), item("c")];
    const after = [item("c", "C2"), item("d"), item("a")];
    const change = diffMemberSets(before, after, byId);
    expect(change.added).toEqual([item("d")]);
    expect(change.removed).toEqual([item("b")]);
    expect(change.kept).toEqual([
      { previous: item("c"), next: item("c", "C2") },
      { previous: item("a"), next: item("a") },
    ]);
  });

  it("finds nothing to write when only the order differs", () => {
    const change = diffMemberSets([item("a"), item("b")], [item("b"), item("a")], byId);
    expect(change.added).toEqual([]);
    expect(change.removed).toEqual([]);
    expect(change.kept).toHaveLength(2);
  });

  it("adds everything to an empty set and removes everything to reach one", () => {
    expect(diffMemberSets([], [item("a")], byId)).toEqual({ added: [item("a")], removed: [], kept: [] });
    expect(diffMemberSets([item("a")], [], byId)).toEqual({ added: [], removed: [item("a")], kept: [] });
  });

  it("changes only the difference in a large set", () => {
    const before = Array.from({ length: 1000 }, (_, i) => item(`m${i}`));
    const after = [...before.slice(10), ...Array.from({ length: 10 }, (_, i) => item(`n${i}`))];
    const change = diffMemberSets(before, after, byId);
    expect(change.added.map(byId)).toEqual(Array.from({ length: 10 }, (_, i) => `n${i}`));
    expect(change.removed.map(byId)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    expect(change.kept).toHaveLength(990);
  });
});

describe("repeatedMembers", () => {
  it("names each repeat with the position of the first of its identity", () => {
    const list = [item("a"), item("b"), item("a", "again"), item("c"), item("b"), item("a")];
    expect(repeatedMembers(list, byId)).toEqual([
      [2, 0],
      [4, 1],
      [5, 0],
    ]);
  });

  it("finds none in a list of distinct members, or an empty one", () => {
    expect(repeatedMembers([item("a"), item("b")], byId)).toEqual([]);
    expect(repeatedMembers([], byId)).toEqual([]);
  });
});

describe("chunks", () => {
  it("splits into runs of at most the size, in order", () => {
    const items = Array.from({ length: 2500 }, (_, i) => i);
    const runs = chunks(items, 1000);
    expect(runs.map((r) => r.length)).toEqual([1000, 1000, 500]);
    expect(runs.flat()).toEqual(items);
  });

  it("gives one run for an exact fit and none for no items", () => {
    expect(chunks([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
    expect(chunks([], 1000)).toEqual([]);
  });

  it("refuses a size that would never advance", () => {
    expect(() => chunks([1], 0)).toThrow(RangeError);
    expect(() => chunks([1], -1)).toThrow(/whole number >= 1/);
    expect(() => chunks([1], 0.5)).toThrow(RangeError);
  });
});

describe("sameMemberSet", () => {
  it("ignores order", () => {
    expect(sameMemberSet([item("a"), item("b")], [item("b"), item("a")], byId)).toBe(true);
  });

  it("tells a missing, an added or a replaced member", () => {
    expect(sameMemberSet([item("a"), item("b")], [item("a")], byId)).toBe(false);
    expect(sameMemberSet([item("a")], [item("a"), item("b")], byId)).toBe(false);
    expect(sameMemberSet([item("a"), item("b")], [item("a"), item("c")], byId)).toBe(false);
  });

  it("compares identities, not the other fields", () => {
    expect(sameMemberSet([item("a", "x")], [item("a", "y")], byId)).toBe(true);
  });

  it("is not fooled by a repeat standing in for a missing member, either way round", () => {
    expect(sameMemberSet([item("a"), item("b")], [item("a"), item("a")], byId)).toBe(false);
    expect(sameMemberSet([item("a"), item("a")], [item("a"), item("b")], byId)).toBe(false);
  });

  it("holds two empty sets the same", () => {
    expect(sameMemberSet([], [], byId)).toBe(true);
  });
});

describe("membersBy", () => {
  const members = membersBy(byId);

  it("takes members away, and joins two lists, by identity and in order", () => {
    expect(members.except([item("a"), item("b"), item("c")], [item("b", "other")])).toEqual([
      item("a"),
      item("c"),
    ]);
    expect(members.union([item("b"), item("a")], [item("a", "other"), item("c")])).toEqual([
      item("b"),
      item("a"),
      item("c"),
    ]);
  });

  it("finds the declared members neither seen since nor wanted now", () => {
    const lastDeclared = [item("a"), item("b"), item("c"), item("d")];
    expect(members.stale(lastDeclared, [item("a")], [item("c")])).toEqual([item("b"), item("d")]);
  });

  it("puts the declared members first in their order, then the others as held", () => {
    const held = new Map([item("x"), item("b", "held"), item("a", "held")].map((m) => [m.id, m]));
    const declared = [item("a"), item("gone"), item("b"), item("a")];
    expect(members.declaredFirst(held, declared)).toEqual([item("a", "held"), item("b", "held"), item("x")]);
    expect(members.declaredFirst(held, declared, (_held, mine) => mine)).toEqual([
      item("a"),
      item("b"),
      item("x"),
    ]);
  });
});

describe("memberListChanged", () => {
  const wanted = [item("a"), item("b")];

  it("ignores order, and sees a difference from what was seen or last declared", () => {
    expect(memberListChanged(wanted, [item("b"), item("a")], undefined, byId)).toBe(false);
    expect(memberListChanged(wanted, [item("a")], undefined, byId)).toBe(true);
    expect(memberListChanged(wanted, wanted, [item("a"), item("b"), item("c")], byId)).toBe(true);
  });

  it("compares a state without members as empty, and a list not known yet as changed", () => {
    expect(memberListChanged([], undefined, undefined, byId)).toBe(false);
    expect(memberListChanged(undefined, wanted, undefined, byId)).toBe(true);
  });
});
