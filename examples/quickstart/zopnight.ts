/**
 * ZopNight: the orders service starts database first, then its cache, then the two app servers, in
 * this order; ZopNight stops and starts it on schedules. Resources are named by their cloud ids, as the
 * ZopNight inventory lists them. Reorder the lists and `pulumi preview` shows in-place sequence updates.
 */
import { zopnight } from "pulumi-resource-groups";

const orders = new zopnight.StartupSequence("orders", {
  groupName: "orders",
  description: "Orders service: database, cache, app servers",
  tiers: [
    ["arn:aws:rds:us-east-1:123456789012:db:orders-postgres"],
    ["arn:aws:elasticache:us-east-1:123456789012:cluster:orders-redis"],
    ["i-0abc123def456", "i-0abc123def789"],
  ],
});

export const zopnightGroups = { orders: orders.groupId };
