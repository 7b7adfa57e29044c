/**
 * DynamoDB stream records to table changes (images unmarshalled).
 */
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBRecord } from "aws-lambda";
import type { TableChange } from "../shared/ports";

/**
 * The changes of a stream batch; records that are not item changes are left out.
 *
 * @example
 * changesOfStream(event.Records)[0].eventName // "INSERT"
 */
export function changesOfStream(records: readonly DynamoDBRecord[]): TableChange[] {
  const changes: TableChange[] = [];
  for (const record of Array.isArray(records) ? records : []) {
    const name = record?.eventName;
    if (name !== "INSERT" && name !== "MODIFY" && name !== "REMOVE") continue;
    const image = (value: unknown) =>
      value && typeof value === "object" ? unmarshall(value as never) : undefined;
    changes.push({
      id: record.dynamodb?.SequenceNumber ?? record.eventID ?? "",
      eventName: name,
      ...(record.dynamodb?.OldImage ? { oldImage: image(record.dynamodb.OldImage) } : {}),
      ...(record.dynamodb?.NewImage ? { newImage: image(record.dynamodb.NewImage) } : {}),
    });
  }
  return changes;
}
