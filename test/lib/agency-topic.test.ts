import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as kms from "aws-cdk-lib/aws-kms";
import type { Agency } from "../../domain/tenant";
import { AgencyTopic } from "../../lib/agency-topic";

const agency: Agency = {
  id: "damkar",
  kind: "fire",
  name: "Dinas Pemadam Kebakaran",
  contacts: [
    {
      id: "piket",
      name: "Piket",
      sms: ["+6281200000111", "+6281200000119"],
      email: ["piket@damkar.example"],
    },
    { id: "kabid", name: "Kabid", sms: [], email: ["kabid@damkar.example"] },
  ],
  escalation: { steps: [{ afterMinutes: 0, contacts: ["piket"] }], repeat: 0 },
};

describe("AgencyTopic", () => {
  it("subscribes every number and address of every contact, each filtered on its contact id", () => {
    const stack = new Stack(new App(), "S");
    new AgencyTopic(stack, "T", {
      topicName: "siaga112-71-71-agency-damkar",
      agency,
      masterKey: new kms.Key(stack, "K"),
    });
    const subscriptions = Object.values(
      Template.fromStack(stack).findResources("AWS::SNS::Subscription"),
    ).map((s) => [s.Properties.Protocol, s.Properties.Endpoint, s.Properties.FilterPolicy.contact[0]]);
    expect(subscriptions).toEqual([
      ["sms", "+6281200000111", "piket"],
      ["sms", "+6281200000119", "piket"],
      ["email", "piket@damkar.example", "piket"],
      ["email", "kabid@damkar.example", "kabid"],
    ]);
  });

  it("refuses an agency nobody can be reached at", () => {
    const stack = new Stack(new App(), "S");
    expect(
      () =>
        new AgencyTopic(stack, "T", {
          topicName: "siaga112-71-71-agency-damkar",
          agency: { ...agency, contacts: [] },
          masterKey: new kms.Key(stack, "K"),
        }),
    ).toThrow('AgencyTopic props.agency.contacts of "damkar": expected at least one contact');
  });
});
