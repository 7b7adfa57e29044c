/**
 * Powertools Logger and Metrics behind the `Log` and `MetricSink` ports, plus the middy
 * middlewares that flush metrics and add the Lambda context to log lines. Not used by intake
 * (cold-start budget).
 */
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import type { Log, MetricSink } from "./ports";

export interface Observability {
  readonly log: Log;
  readonly metrics: MetricSink;
  /** middy middlewares to `.use(...)`. */
  readonly middlewares: readonly ReturnType<typeof injectLambdaContext>[];
}

/**
 * Logger and metrics for one function, tagged with the tenant.
 *
 * @example
 * const { log, metrics, middlewares } = observability("escalation-relay", "71.71");
 */
export function observability(service: string, tenantCode: string): Observability {
  const logger = new Logger({ serviceName: service, persistentKeys: { tenant: tenantCode } });
  const metrics = new Metrics({
    serviceName: service,
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "siaga112",
  });
  metrics.addDimension("tenant", tenantCode);
  return {
    log: {
      info: (message, fields) => logger.info(message, fields ?? {}),
      warn: (message, fields) => logger.warn(message, fields ?? {}),
      error: (message, fields) => logger.error(message, fields ?? {}),
    },
    metrics: { count: (name, value = 1) => metrics.addMetric(name, MetricUnit.Count, value) },
    middlewares: [injectLambdaContext(logger), logMetrics(metrics) as ReturnType<typeof injectLambdaContext>],
  };
}
