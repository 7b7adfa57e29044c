/**
 * Change capture without DynamoDB Streams (dynalite has none): wraps a client so that every
 * successful write reports the item before and after, as the stream would. Used by the local
 * centre and the tests to drive `relayChanges` exactly as the stream does in the cloud.
 * Not for production: it costs two reads per write and is not atomic with the write.
 */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { DocumentStore, TableChange } from "../lambdas/shared/ports";

const WRITES = new Set([
  "PutCommand",
  "UpdateCommand",
  "DeleteCommand",
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
]);

let sequence = 0;

/**
 * A client that reports each change of an item to `onChange` after the write succeeded.
 * `reader` reads items (a DynamoDBDocumentClient on the same table).
 *
 * @example
 * const db = captureChanges(doc, doc, (change) => changes.push(change));
 * const intakeClient = captureChanges(rawClient, doc, (change) => changes.push(change));
 */
export function captureChanges<T extends DocumentStore>(
  client: T,
  reader: DocumentStore,
  onChange: (change: TableChange) => void | Promise<void>,
): T {
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    if (!WRITES.has(command.constructor.name)) return client.send(command);
    const input = command.input;
    const raw = command.constructor.name.endsWith("ItemCommand");
    const rawKey = (input.Key ?? pick(input.Item as Record<string, unknown>)) as Record<string, unknown>;
    const key = raw ? unmarshall(rawKey as never) : rawKey;
    const read = async () =>
      (
        await reader.send(
          new GetCommand({ TableName: input.TableName as string, Key: key, ConsistentRead: true }),
        )
      ).Item as Record<string, unknown> | undefined;
    const before = await read();
    const result = await client.send(command);
    const after = await read();
    if (JSON.stringify(before, setsAsLists) !== JSON.stringify(after, setsAsLists)) {
      await onChange({
        id: `change-${++sequence}`,
        eventName: !before ? "INSERT" : !after ? "REMOVE" : "MODIFY",
        ...(before ? { oldImage: before } : {}),
        ...(after ? { newImage: after } : {}),
      });
    }
    return result;
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      return property === "send" ? send : Reflect.get(target, property, receiver);
    },
  });
}

/** JSON.stringify shows a Set as `{}`: compare string sets (DynamoDB SS) by their members. */
function setsAsLists(_key: string, value: unknown): unknown {
  return value instanceof Set ? [...value].sort() : value;
}

function pick(item: Record<string, unknown> | undefined): Record<string, unknown> {
  return { pk: item?.pk, sk: item?.sk };
}
