/**
 * The inventory the ZopNight emulator starts with (and returns to on reset): the resources that group
 * members point at. Ids are stable so tests and examples can name them; more are added through
 * `POST /_emulator/zopnight/resources`.
 */
import type { CloudProvider, WireResource } from "pulumi-resource-groups-contracts/zopnight";

/** A resource as the inventory answers it, from one of the clouds ZopNight knows. */
export type InventoryResource = WireResource & { provider: CloudProvider };

const AWS_ACCOUNT = "123456789012";
const GCP_PROJECT = "acme-prod";
const AZURE_SUBSCRIPTION = "3f2b8c1e-9a4d-4e7b-8c61-2d5f0a9b7e14";

export const STARTING_INVENTORY: readonly InventoryResource[] = [
  {
    id: "res_001",
    uid: "arn:aws:rds:us-east-1:123456789012:db:orders-postgres",
    name: "orders-postgres",
    type: "aws-rds",
    provider: "aws",
    cloudAccountID: AWS_ACCOUNT,
    region: "us-east-1",
  },
  {
    id: "res_002",
    uid: "arn:aws:elasticache:us-east-1:123456789012:cluster:orders-redis",
    name: "orders-redis",
    type: "aws-elasticache",
    provider: "aws",
    cloudAccountID: AWS_ACCOUNT,
    region: "us-east-1",
  },
  {
    id: "res_003",
    uid: "i-0abc123def456",
    name: "orders-app-1",
    type: "aws-ec2",
    provider: "aws",
    cloudAccountID: AWS_ACCOUNT,
    region: "us-east-1",
  },
  {
    id: "res_004",
    uid: "i-0abc123def789",
    name: "orders-app-2",
    type: "aws-ec2",
    provider: "aws",
    cloudAccountID: AWS_ACCOUNT,
    region: "us-east-1",
  },
  {
    id: "res_005",
    uid: "projects/acme-prod/instances/analytics-sql",
    name: "analytics-sql",
    type: "gcp-cloudsql",
    provider: "gcp",
    cloudAccountID: GCP_PROJECT,
    region: "europe-west1",
  },
  {
    id: "res_006",
    uid: "projects/acme-prod/zones/europe-west1-b/instances/analytics-worker",
    name: "analytics-worker",
    type: "gcp-compute",
    provider: "gcp",
    cloudAccountID: GCP_PROJECT,
    region: "europe-west1",
  },
  {
    id: "res_007",
    uid: "/subscriptions/3f2b8c1e-9a4d-4e7b-8c61-2d5f0a9b7e14/resourceGroups/web/providers/Microsoft.Compute/virtualMachines/web-vm-1",
    name: "web-vm-1",
    type: "azure-vm",
    provider: "azure",
    cloudAccountID: AZURE_SUBSCRIPTION,
    region: "westeurope",
  },
  {
    id: "res_008",
    uid: "/subscriptions/3f2b8c1e-9a4d-4e7b-8c61-2d5f0a9b7e14/resourceGroups/web/providers/Microsoft.DBforPostgreSQL/flexibleServers/web-db",
    name: "web-db",
    type: "azure-postgresql",
    provider: "azure",
    cloudAccountID: AZURE_SUBSCRIPTION,
    region: "westeurope",
  },
];
