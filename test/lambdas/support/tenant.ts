import { type TenantRuntimeConfig, toRuntimeConfig } from "../../../domain/tenant-runtime";
import { requireRegistry } from "../../../registry/load-registry";

let cached: TenantRuntimeConfig | undefined;

/** Kota Manado's runtime configuration, from the example registry. */
export function manadoRuntime(): TenantRuntimeConfig {
  cached ??= toRuntimeConfig(requireRegistry({ dir: "tenants" }).tenants.find((t) => t.code === "71.71")!);
  return cached;
}

/** A ContactFlowEvent as Connect sends it. */
export function contactFlowEvent(contactId: string, address?: string) {
  return {
    Name: "ContactFlowEvent",
    Details: {
      ContactData: {
        ContactId: contactId,
        InitialContactId: contactId,
        Channel: "VOICE",
        InitiationMethod: "INBOUND",
        InstanceARN: "arn:aws:connect:ap-southeast-1:111111111111:instance/abc",
        CustomerEndpoint: address ? { Address: address, Type: "TELEPHONE_NUMBER" } : null,
        SystemEndpoint: { Address: "+62431860112", Type: "TELEPHONE_NUMBER" },
        Queue: null,
        Attributes: {},
      },
      Parameters: {},
    },
  };
}
