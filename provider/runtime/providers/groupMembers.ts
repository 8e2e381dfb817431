// The provider stored in the state of every resource of this kind, as one line that loads this module
// by its package path (pulumi-resource-groups/runtime/groupMembers): see runtime/forwardingProvider.ts.
import { forwardingProvider } from "../forwardingProvider";

export = forwardingProvider("groupMembers");
