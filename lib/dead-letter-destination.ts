/**
 * Sends failed invocations to a dead-letter queue encrypted with a customer key, granting exactly
 * `sqs:SendMessage` on that queue and `kms:GenerateDataKey`/`kms:Decrypt` on that key (the stock
 * `SqsDlq` and `SqsDestination` grant `kms:ReEncrypt*` and `kms:GenerateDataKey*` wildcards).
 */
import * as iam from "aws-cdk-lib/aws-iam";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as sqs from "aws-cdk-lib/aws-sqs";

function statements(queue: sqs.IQueue, key: kms.IKey): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [queue.queueArn] }),
    new iam.PolicyStatement({ actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [key.keyArn] }),
  ];
}

/**
 * On-failure destination of an event source mapping (e.g. a DynamoDB stream).
 *
 * @example
 * new lambda.EventSourceMapping(this, "Stream", { ..., onFailure: eventSourceDeadLetters(queue, key) });
 */
export function eventSourceDeadLetters(queue: sqs.IQueue, key: kms.IKey): lambda.IEventSourceDlq {
  return {
    bind: (_target, targetHandler) => {
      for (const statement of statements(queue, key)) targetHandler.addToRolePolicy(statement);
      return { destination: queue.queueArn };
    },
  };
}

/**
 * On-failure destination of asynchronous invocations (EventBridge Scheduler, EventBridge rules):
 * what Lambda gives up on after its retries lands in the queue instead of being dropped.
 *
 * @example
 * fn.configureAsyncInvoke({ onFailure: asyncDeadLetters(queue, key), retryAttempts: 2 });
 */
export function asyncDeadLetters(queue: sqs.IQueue, key: kms.IKey): lambda.IDestination {
  return {
    bind: (_scope, fn) => {
      for (const statement of statements(queue, key)) fn.addToRolePolicy(statement);
      return { destination: queue.queueArn };
    },
  };
}
