import { PartialCreateError, PartialUpdateError } from "../../provider/core/errors";

// For a partial failure the CLI shows the reasons, not the message: the reasons must say it all, once.
describe("partial failures as the CLI shows them", () => {
  it("a partial create's one reason is its whole message", () => {
    const error = new PartialCreateError("rg1", {}, new Error("update resource group 'web' (rg1) failed"));
    expect(error.reasons).toEqual([
      "update resource group 'web' (rg1) failed (the resource rg1 exists and is kept in the stack; run the update again)",
    ]);
  });

  it("a partial update's one reason is its whole message", () => {
    const error = new PartialUpdateError("rg1", {}, new Error("added 1 of 2 members before this failed"));
    expect(error.reasons).toEqual([
      "added 1 of 2 members before this failed (the stack keeps what was applied; run the update again)",
    ]);
  });
});
