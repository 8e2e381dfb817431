// Resource groups at Huawei Cloud Eye (CES), Cloudflare IAM, Strongly FinOps and ZopNight: declare the groups your platform monitors, scopes, bills and schedules.
package resourcegroups
