/**
 * The gRPC side of the plugin: the engine's ResourceProvider service, each call converted to plain
 * values and handed to ./resourceProvider. Written against the SDK's protocol modules rather than
 * `@pulumi/pulumi/provider`'s server, which neither passes the provider's configuration on nor sends a
 * detailed diff. Errors reach the engine as their message alone, never a stack trace.
 */
import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import * as anyproto from "google-protobuf/google/protobuf/any_pb";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { invoke } from "./invoke";
import * as provider from "./resourceProvider";
import { PLUGIN_VERSION } from "./version";

type Props = Record<string, unknown>;

/** The engine's marker of a secret value (sig.Secret), with the value beside it. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A value with every secret marker replaced by its value: the handlers see plain values. */
function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === "object") {
    const object = value as Props;
    if (object[SIG_KEY] === SECRET_SIG) return unwrapSecrets(object.value);
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

const plain = (struct: structproto.Struct | undefined): Props =>
  struct === undefined ? {} : (unwrapSecrets(struct.toJavaScript()) as Props);

/** undefined cannot go into a protobuf Struct: leave such keys out, as the engine does. */
function toStruct(props: Props): structproto.Struct {
  return structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(props)) as Record<string, never>);
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** An operation that failed: its message, and for a create or update applied in part, what now exists. */
function failure(error: unknown): Partial<grpc.StatusObject> {
  const partial = error as { id?: unknown; properties?: Props; reasons?: string[] };
  const metadata = new grpc.Metadata();
  if (typeof partial.id === "string" && partial.id !== "") {
    // The engine records the id and properties of a resource that exists although its operation
    // failed (pulumirpc.ErrorResourceInitFailed), so the next update finishes the work.
    const detail = new provproto.ErrorResourceInitFailed();
    detail.setId(partial.id);
    detail.setProperties(toStruct(partial.properties ?? {}));
    detail.setReasonsList(partial.reasons ?? [messageOf(error)]);
    const packed = new anyproto.Any();
    packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusproto.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(messageOf(error));
    status.addDetails(packed);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: messageOf(error), metadata };
}

/** A unary call whose answer `work` builds; its failure goes back as the call's error. */
function unary<Req, Res>(work: (request: Req) => Promise<Res> | Res): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => work(call.request))
      .then(
        (response) => callback(null, response),
        (error: unknown) => callback(failure(error), null),
      );
  };
}

const unimplemented =
  (what: string): grpc.handleUnaryCall<unknown, unknown> =>
  (_call, callback) =>
    callback({ code: grpc.status.UNIMPLEMENTED, details: `${what} is not implemented by this plugin` }, null);

/** The service implementation, for `server.addService(ResourceProviderService, ...)`. */
export function resourceProviderService(schema: string): grpc.UntypedServiceImplementation {
  return {
    getPluginInfo: unary(() => new plugproto.PluginInfo().setVersion(PLUGIN_VERSION)),
    getSchema: unary((request: provproto.GetSchemaRequest) => {
      if (request.getVersion() !== 0) throw new Error(`unsupported schema version ${request.getVersion()}`);
      return new provproto.GetSchemaResponse().setSchema(schema);
    }),
    attach: unary(() => new emptyproto.Empty()),
    cancel: unary(() => new emptyproto.Empty()),
    // The engine then checks and diffs the configuration itself, as for the dynamic provider.
    checkConfig: unimplemented("CheckConfig"),
    diffConfig: unimplemented("DiffConfig"),
    configure: unary(async (request: provproto.ConfigureRequest) => {
      const args = request.getArgs();
      if (args !== undefined) {
        await provider.configure(plain(args));
      } else {
        // An engine that sends no arguments sends `<package>:config:<key>` variables.
        const variables: Props = {};
        for (const [key, value] of request.getVariablesMap().entries()) {
          variables[String(key).replace(/^resourcegroups:config:/, "")] = value;
        }
        await provider.configure(variables);
      }
      // Plain values in: the engine marks an output secret where the input was.
      return new provproto.ConfigureResponse().setAcceptsecrets(false).setAcceptresources(false);
    }),
    check: unary(async (request: provproto.CheckRequest) => {
      const result = await provider.check(
        request.getUrn(),
        plain(request.getOlds()),
        plain(request.getNews()),
      );
      const response = new provproto.CheckResponse().setInputs(toStruct(result.inputs));
      response.setFailuresList(
        result.failures.map((f) => new provproto.CheckFailure().setProperty(f.property).setReason(f.reason)),
      );
      return response;
    }),
    diff: unary(async (request: provproto.DiffRequest) => {
      const result = await provider.diff(
        request.getId(),
        request.getUrn(),
        plain(request.getOlds()),
        plain(request.getNews()),
      );
      const response = new provproto.DiffResponse().setChanges(
        result.changes
          ? provproto.DiffResponse.DiffChanges.DIFF_SOME
          : provproto.DiffResponse.DiffChanges.DIFF_NONE,
      );
      response.setReplacesList(result.replaces).setDeletebeforereplace(result.deleteBeforeReplace);
      if (result.detailedDiff !== undefined) {
        response.setHasdetaileddiff(true);
        const map = response.getDetaileddiffMap();
        for (const [property, kind] of Object.entries(result.detailedDiff)) {
          map.set(property, new provproto.PropertyDiff().setKind(kind).setInputdiff(true));
        }
        response.setDiffsList(Object.keys(result.detailedDiff));
      }
      return response;
    }),
    create: unary(async (request: provproto.CreateRequest) => {
      const result = await provider.create(request.getUrn(), plain(request.getProperties()));
      return new provproto.CreateResponse().setId(result.id).setProperties(toStruct(result.outs));
    }),
    read: unary(async (request: provproto.ReadRequest) => {
      const result = await provider.read(request.getId(), request.getUrn(), plain(request.getProperties()));
      const response = new provproto.ReadResponse().setId(result.id).setProperties(toStruct(result.props));
      // The program's inputs stay what they were: a refresh records what the vendor holds as outputs.
      // An import has none: the engine then takes the arguments that reproduce the object.
      const inputs = request.getInputs();
      const imported = inputs === undefined || inputs.getFieldsMap().getLength() === 0;
      if (result.id !== "" && !imported) response.setInputs(inputs);
      if (result.id !== "" && imported) {
        response.setInputs(toStruct(provider.importedInputs(request.getUrn(), result.props)));
      }
      return response;
    }),
    update: unary(async (request: provproto.UpdateRequest) => {
      const outs = await provider.update(
        request.getId(),
        request.getUrn(),
        plain(request.getOlds()),
        plain(request.getNews()),
      );
      return new provproto.UpdateResponse().setProperties(toStruct(outs));
    }),
    delete: unary(async (request: provproto.DeleteRequest) => {
      await provider.remove(request.getId(), request.getUrn(), plain(request.getProperties()));
      return new emptyproto.Empty();
    }),
    invoke: unary(async (request: provproto.InvokeRequest) => {
      const result = await invoke(request.getTok(), plain(request.getArgs()));
      return new provproto.InvokeResponse().setReturn(toStruct(result));
    }),
    call: unimplemented("Call"),
    construct: unimplemented("Construct"),
  };
}
