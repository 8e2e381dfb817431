/**
 * Starts the plugin as the engine expects: a gRPC server on a free loopback port, whose number is the
 * first line on stdout. bin/pulumi-resource-resourcegroups runs it; the engine's address, passed as an
 * argument, is not needed.
 */
import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { packageSchema } from "../schema/packageSchema";
import { resourceProviderService } from "./grpcService";
import { PLUGIN_VERSION } from "./version";

export async function main(): Promise<void> {
  const schema = JSON.stringify(packageSchema(PLUGIN_VERSION));
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(provrpc.ResourceProviderService, resourceProviderService(schema));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  process.stdout.write(`${port}\n`);
}
