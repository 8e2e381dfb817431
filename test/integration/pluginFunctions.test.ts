/**
 * The plugin's functions answer what the schema says: each vendor's look-up, run against the real
 * emulator, returns exactly the outputs its `resourcegroups:<vendor>:getResourceGroup` declares.
 */
import { ces, cloudflare, strongly, zopnight } from "../../provider/index";
import { resetSettings } from "../../provider/runtime";
import { lookupToken } from "../../plugin/schema/functions";
import { packageSchema } from "../../plugin/schema/packageSchema";
import { CLOUDFLARE_ACCOUNT, useEmulatorForProvider } from "../support/emulator";
import { StronglyClient } from "../support/strongly";
import { ZopNightClient } from "../support/zopnight";

const emulator = useEmulatorForProvider(resetSettings);
const schema = packageSchema("1.2.3");

function declaredOutputs(vendor: "ces" | "cloudflare" | "strongly" | "zopnight"): string[] {
  const fn = schema.functions[lookupToken("resourcegroups", vendor)];
  if (fn === undefined) throw new Error(`no function for ${vendor}`);
  return Object.keys(fn.outputs.properties).sort();
}

describe("the plugin's getResourceGroup functions", () => {
  it("declare exactly the fields each vendor's look-up answers", async () => {
    const made = await emulator().api<{ group_id: string }>("POST", "", {
      group_name: "fn-ces",
      type: "Manual",
    });
    await emulator().cloudflareApi("POST", CLOUDFLARE_ACCOUNT, "", {
      name: "fn-edge",
      scope: {
        key: `com.cloudflare.api.account.${CLOUDFLARE_ACCOUNT}`,
        objects: [{ key: `com.cloudflare.api.account.zone.${"d".repeat(32)}` }],
      },
    });
    await new StronglyClient(emulator().emulator).createOk("fn-costs");
    await new ZopNightClient(emulator().emulator).createOk("fn-nightly");

    const answers = {
      ces: await ces.getResourceGroup({ id: made.body.group_id }),
      cloudflare: await cloudflare.getResourceGroup({ name: "fn-edge" }),
      strongly: await strongly.getResourceGroup({ name: "fn-costs" }),
      zopnight: await zopnight.getResourceGroup({ name: "fn-nightly" }),
    };
    for (const [vendor, answer] of Object.entries(answers)) {
      const v = vendor as keyof typeof answers;
      expect({ vendor, outputs: Object.keys(answer).sort() }).toEqual({
        vendor,
        outputs: declaredOutputs(v),
      });
    }
  });
});
