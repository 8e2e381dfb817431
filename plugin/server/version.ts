/** The plugin's version: its package's, which the engine records and `pulumi plugin ls` shows. */
import { version } from "../package.json";

export const PLUGIN_VERSION: string = version;
