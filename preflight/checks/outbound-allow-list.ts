/**
 * Each hub's instance may call Indonesian numbers (+62): the overflow transfer to the backup centre
 * and call-backs dial out. An instance in Asia Pacific (Singapore) may call only a few countries by
 * default (Singapore, Australia, Hong Kong, United States, United Kingdom), and more are allowed
 * through an AWS Support case ("Connect (Number Management)", "Country Allowlisting for Outbound
 * Calls").
 * https://docs.aws.amazon.com/connect/latest/adminguide/country-code-allow-list.html
 *
 * No AWS API shows the allow-list: the only programmatic view found is the Agent Workspace SDK's
 * `listDialableCountries()`, which runs inside a signed-in agent's browser session, not with account
 * credentials. So this check never passes: it prints what to ask AWS for.
 * https://docs.aws.amazon.com/agentworkspace/latest/devguide/3p-apps-voice-requests-listdialablecountries.html
 */
import { type PreflightCheck, resultsOf } from "../check";
import { connectInstances } from "../connect-instances";

const ID = "outbound-allow-list";
const result = resultsOf(ID);

export const outboundAllowList: PreflightCheck = {
  id: ID,
  title: "each hub's instance may call +62 (overflow transfer, call-backs): cannot be checked by an API",
  calls: ["connect:ListInstances (only to name the instance ARN in the support case)"],
  source: "https://docs.aws.amazon.com/connect/latest/adminguide/country-code-allow-list.html",
  run: (target, aws) =>
    Promise.all(
      target.hubs.map(async (hub) => {
        const instance = await connectInstances(aws.connect(hub.connectRegion)).then(
          (all) => all.find((i) => i.InstanceAlias === hub.instanceAlias)?.Arn,
          () => undefined,
        );
        return result.unknown(
          `hub ${hub.id}`,
          "cannot be checked by an API: no AWS API shows the countries an instance may call",
          `open an AWS Support case (Service "Connect (Number Management)", Category "Country Allowlisting for Outbound Calls") asking to allow Indonesia (ID, +62) for ${instance ?? `instance ${hub.instanceAlias} in ${hub.connectRegion}`}; then place a test call to the overflow number`,
        );
      }),
    ),
};
