/**
 * The Connect instances of one Region, read once per client: the instance-quota check counts them
 * and the phone-number check finds a hub's instance among them by alias.
 */
import { type ConnectClient, type InstanceSummary, ListInstancesCommand } from "@aws-sdk/client-connect";
import { allPages } from "./pages";

const listed = new WeakMap<object, Promise<InstanceSummary[]>>();

/**
 * @example
 * const hub = (await connectInstances(aws.connect("ap-southeast-1"))).find((i) => i.InstanceAlias === "siaga112-jawa-1");
 */
export function connectInstances(client: Pick<ConnectClient, "send">): Promise<InstanceSummary[]> {
  let instances = listed.get(client);
  if (!instances) {
    instances = allPages(async (NextToken) => {
      const page = await client.send(new ListInstancesCommand({ NextToken }));
      return { items: page.InstanceSummaryList, next: page.NextToken };
    });
    listed.set(client, instances);
  }
  return instances;
}
