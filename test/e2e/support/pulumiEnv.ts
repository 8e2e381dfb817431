export { REPO, pulumiEnv } from "../../../scripts/lib/pulumiEnv";
