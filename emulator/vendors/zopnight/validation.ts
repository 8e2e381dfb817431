/**
 * Wire-level validation for ZopNight requests. Every field rule comes from the vendor's contracts
 * (pulumi-resource-groups-contracts/zopnight); this module only parses JSON and turns broken rules into
 * ZopNight's 400 answers, whose message names the field.
 */
import type { z } from "zod";
import {
  createGroupBody,
  inventoryResource,
  parsePaging,
  sequenceBody,
  updateGroupBody,
  type Paging,
} from "pulumi-resource-groups-contracts/zopnight";
import { parseJsonObject } from "../../core/json";
import { zopnightErrors } from "./errors";

export const SCHEDULE_ID = /^sch_[A-Za-z0-9]+$/;

function jsonObject(body: string): Record<string, unknown> {
  return parseJsonObject(body, {
    empty: () => zopnightErrors.badRequest("the request body must be a JSON object (got nothing)"),
    notJson: () => zopnightErrors.badRequest("the request body is not valid JSON"),
    notObject: () => zopnightErrors.badRequest("the request body must be a JSON object"),
  });
}

function parseWith<S extends z.ZodType>(schema: S, body: string): z.output<S> {
  const result = schema.safeParse(jsonObject(body));
  if (result.success) return result.data;
  // Messages of the contracts already start with the field name.
  throw zopnightErrors.badRequest(result.error.issues.map((issue) => issue.message).join("; "));
}

export const parseCreateGroup = (body: string) => parseWith(createGroupBody, body);
export const parseUpdateGroup = (body: string) => parseWith(updateGroupBody, body);
export const parseSequence = (body: string) => parseWith(sequenceBody, body);
export const parseInventoryResource = (body: string) => parseWith(inventoryResource, body);

export function parseListPaging(query: URLSearchParams): Paging {
  const paging = parsePaging(query);
  if ("error" in paging) throw zopnightErrors.badRequest(paging.error);
  return paging;
}

export interface InventoryFilters {
  search?: string;
  provider?: string;
  type?: string;
}

export function parseInventoryFilters(query: URLSearchParams): InventoryFilters {
  const value = (name: string) => query.get(name) ?? undefined;
  return { search: value("search"), provider: value("provider"), type: value("type") };
}

export interface NewSchedule {
  id?: string;
  name: string;
  timezone: string;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Admin body to attach a schedule: `{id?, name, timezone}`; an id already known updates that schedule. */
export function parseScheduleAttachment(body: string): NewSchedule {
  const input = jsonObject(body);
  const text = (field: string): string => {
    const value = input[field];
    if (typeof value !== "string" || value.trim() === "") {
      throw zopnightErrors.badRequest(`${field} must be a non-empty string`);
    }
    return value;
  };
  const id = input.id === undefined ? undefined : text("id");
  if (id !== undefined && !SCHEDULE_ID.test(id)) {
    throw zopnightErrors.badRequest("id must be 'sch_' followed by letters or digits");
  }
  const timezone = text("timezone");
  if (!isTimeZone(timezone)) {
    throw zopnightErrors.badRequest(
      `timezone must be an IANA time zone such as Europe/Paris (got '${timezone}')`,
    );
  }
  return { id, name: text("name"), timezone };
}
