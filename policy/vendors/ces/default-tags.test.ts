import {
  SERIALIZED_PROVIDER,
  Secret,
  UNKNOWN,
  group,
  member,
  otherVendorsStack,
  runRemediateThenValidate,
  runRemediation,
  runResourceValidation,
} from "../../testing";
import { defaultTags, parseDefaultTagsConfig } from "./default-tags";

const config = { defaults: { owner: "platform", "cost-center": "cc-0001" } };
const tags = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: "v" }));

describe("resource-groups-default-tags", () => {
  it("remediates by default and has no defaults out of the box", async () => {
    expect(defaultTags.name).toBe("resource-groups-default-tags");
    expect(defaultTags.enforcementLevel).toBe("remediate");
    expect(defaultTags.configSchema?.properties["defaults"]?.default).toEqual({});
    const web = group("web", { name: "web", type: "TAG", tags: [] });
    expect(await runRemediation(defaultTags, web)).toEqual({ notApplicable: "no default tags configured" });
  });

  it("appends the missing defaults to a TAG group's tags, keeping everything else", async () => {
    const web = group("web", {
      name: "web",
      type: "TAG",
      tags: [{ key: "owner", value: "alice" }, { key: "env" }],
    });
    const { props } = await runRemediation(defaultTags, web, config);
    expect(props).toEqual({
      __provider: SERIALIZED_PROVIDER,
      name: "web",
      type: "TAG",
      tags: [{ key: "owner", value: "alice" }, { key: "env" }, { key: "cost-center", value: "cc-0001" }],
    });
  });

  it("leaves complete, Manual, EPS and untyped groups unchanged", async () => {
    for (const props of [
      {
        name: "web",
        type: "TAG",
        tags: [
          { key: "owner", value: "x" },
          { key: "cost-center", value: "y" },
        ],
      },
      { name: "ops", type: "Manual" },
      { name: "proj", type: "EPS" },
      { name: "plain" },
    ]) {
      expect(await runRemediation(defaultTags, group("g", props), config)).toEqual({});
    }
  });

  it("fills up to exactly 10 tags, but adds nothing if that would exceed 10, and reports it", async () => {
    const fits = await runRemediation(
      defaultTags,
      group("fits", { name: "fits", type: "TAG", tags: tags(8) }),
      config,
    );
    expect((fits.props?.["tags"] as unknown[]).length).toBe(10);

    const full = group("full", { name: "full", type: "TAG", tags: tags(9) });
    const { remediation, validation } = await runRemediateThenValidate(defaultTags, full, config);
    expect(remediation).toEqual({});
    expect(validation.messages).toEqual([
      "TAG group 'full' field tags is missing default tag(s): owner=platform, cost-center=cc-0001 (config defaults), " +
        "but adding them would make 11 tags, above the vendor limit of 10 per group, so none were added: make room in 'tags' and add them by hand.",
    ]);
  });

  it("leaves nothing to report after a remediation (the engine's remediate-then-validate flow)", async () => {
    const web = group("web", { name: "web", type: "TAG" });
    const { remediation, validation } = await runRemediateThenValidate(defaultTags, web, config);
    expect(remediation.props?.["tags"]).toEqual([
      { key: "owner", value: "platform" },
      { key: "cost-center", value: "cc-0001" },
    ]);
    expect(validation.violations).toEqual([]);
  });

  it("reports missing defaults when run at advisory or mandatory (no remediation)", async () => {
    const outcome = await runResourceValidation(
      defaultTags,
      group("web", { name: "web", type: "TAG", tags: [{ key: "owner", value: "a" }] }),
      config,
    );
    expect(outcome.messages).toEqual([
      "TAG group 'web' field tags is missing default tag(s): cost-center=cc-0001 (config defaults). They are added automatically only at enforcementLevel 'remediate'.",
    ]);
  });

  it("keeps secret and unknown values as the engine gave them", async () => {
    const web = group("web", {
      name: "web",
      type: "TAG",
      enterpriseProjectId: UNKNOWN,
      tags: new Secret([{ key: "owner", value: UNKNOWN }]),
    });
    const { props } = await runRemediation(defaultTags, web, config);
    expect(props?.["enterpriseProjectId"]).toBe(UNKNOWN);
    const remediated = props?.["tags"];
    expect(remediated).toBeInstanceOf(Secret);
    expect((remediated as InstanceType<typeof Secret>).value).toEqual([
      { key: "owner", value: UNKNOWN },
      { key: "cost-center", value: "cc-0001" },
    ]);
  });

  it("waits when the type or the tag keys are unknown (preview)", async () => {
    for (const props of [
      { name: "a", type: UNKNOWN, tags: [] },
      { name: "b", type: "TAG", tags: UNKNOWN },
      { name: "c", type: "TAG", tags: [{ key: UNKNOWN, value: "x" }] },
    ]) {
      const { remediation, validation } = await runRemediateThenValidate(
        defaultTags,
        group("g", props),
        config,
      );
      expect(remediation).toEqual({});
      expect(validation).toEqual({ violations: [], messages: [] });
    }
  });

  it("does not apply to other resources", async () => {
    const outcome = await runRemediation(defaultTags, member("m", { groupId: "rg1" }), config);
    expect(outcome.notApplicable).toBe("applies to ResourceGroup resources only");
  });

  it("validates its config against the vendor's tag rules", () => {
    expect(parseDefaultTagsConfig({ defaults: { team: "" } }).defaults.get("team")).toBe("");
    expect(() => parseDefaultTagsConfig({ defaults: { "bad key": "x" } })).toThrow(
      "invalid config for policy 'resource-groups-default-tags': 'defaults.bad key': tag key may contain only CJK characters, letters, digits, '_' and '-' (vendor rule)",
    );
    expect(() => parseDefaultTagsConfig({ defaults: { team: 1 } })).toThrow(
      "'defaults.team' must be a string",
    );
  });

  it("ignores the resources of other vendors", async () => {
    const config = { defaults: { owner: "platform-team" } };
    for (const resource of otherVendorsStack()) {
      expect(await runRemediation(defaultTags, resource, config)).toEqual({
        notApplicable: "applies to ResourceGroup resources only",
      });
      const outcome = await runResourceValidation(defaultTags, resource, config);
      expect(outcome.notApplicable).toBe("applies to ResourceGroup resources only");
    }
  });
});
