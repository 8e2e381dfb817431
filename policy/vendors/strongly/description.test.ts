import { UNKNOWN, cloudflare, group, runResourceValidation, strongly, zopnight } from "../../testing";
import { stronglyDescription } from "./description";

describe("resource-groups-strongly-description", () => {
  it("is advisory and has nothing to configure", () => {
    expect(stronglyDescription.name).toBe("resource-groups-strongly-description");
    expect(stronglyDescription.enforcementLevel).toBe("advisory");
    expect(stronglyDescription.configSchema).toEqual({ properties: {} });
  });

  it("passes a group with a description", async () => {
    const outcome = await runResourceValidation(
      stronglyDescription,
      strongly.group("data", { name: "data-team", description: "Costs of the data team's models" }),
    );
    expect(outcome.violations).toEqual([]);
  });

  it("reports a missing, empty or blank description", async () => {
    const missing = await runResourceValidation(
      stronglyDescription,
      strongly.group("data", { name: "data" }),
    );
    expect(missing.messages).toEqual(["Strongly ResourceGroup 'data' has no 'description' field."]);
    for (const description of ["", "   "]) {
      const outcome = await runResourceValidation(
        stronglyDescription,
        strongly.group("data", { name: "data", description }),
      );
      expect(outcome.messages).toEqual([
        "Strongly ResourceGroup 'data' field description is empty (or only spaces).",
      ]);
    }
  });

  it("leaves a description unknown during preview for the update to check", async () => {
    const outcome = await runResourceValidation(
      stronglyDescription,
      strongly.group("data", { name: "data", description: UNKNOWN }),
    );
    expect(outcome).toEqual({ violations: [], messages: [] });
  });

  it("does not apply to members or to other vendors' groups", async () => {
    for (const resource of [
      strongly.member("m", { groupId: "rg_x", type: "app", resourceId: "a", name: "a" }),
      group("ces", { name: "ces" }),
      cloudflare.group("cf", { name: "cf" }),
      zopnight.group("zn", { name: "zn" }),
    ]) {
      const outcome = await runResourceValidation(stronglyDescription, resource);
      expect(outcome.notApplicable).toBe("applies to Strongly ResourceGroup resources only");
    }
  });
});
