// A student's own OPC UA client, written with node-opcua (an implementation independent of Eclipse Milo).
// Connects to labsim serve over Basic256Sha256 SignAndEncrypt with session A's user name and password,
// browses its session, subscribes to an input, writes an output, calls Start and Grade, and checks that
// session B's nodes are refused. Exit 0 when every check passed, 3 when the server refused our certificate
// (a teacher must trust it first), 1 for any failed check.
"use strict";
const {
  OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, DataType, TimestampsToReturn,
  UserTokenType, StatusCodes,
} = require("node-opcua-client");
// a dependency of node-opcua-client, installed with it
const { OPCUACertificateManager } = require("node-opcua-certificate-manager");

const [endpoint, ns, sessionA, userA, passwordA, sessionB, pkiDir] = process.argv.slice(2);
const node = (session, path) => `ns=${ns};s=Labs/${session}${path ? "/" + path : ""}`;
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

async function main() {
  const certificateManager = new OPCUACertificateManager({ rootFolder: pkiDir, automaticallyAcceptUnknownCertificate: true });
  await certificateManager.initialize();
  const client = OPCUAClient.create({
    applicationName: "sfa-interop-student",
    applicationUri: "urn:sfa:interop:student-client",
    clientCertificateManager: certificateManager,
    securityMode: MessageSecurityMode.SignAndEncrypt,
    securityPolicy: SecurityPolicy.Basic256Sha256,
    endpointMustExist: false,
    connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
  });
  try {
    await client.connect(endpoint);
  } catch (e) {
    console.log(`connect refused: ${e.message}`);
    process.exit(3);
  }
  let session;
  try {
    session = await client.createSession({ type: UserTokenType.UserName, userName: userA, password: passwordA });
  } catch (e) {
    console.log(`session refused: ${e.message}`);
    await client.disconnect();
    process.exit(/BadSecurityChecksFailed/.test(e.message) ? 3 : 1);
  }
  try {
    const root = await session.browse(node(sessionA));
    const names = root.references.map((r) => r.browseName.name);
    check(["Devices", "IoImage", "Program", "Start", "Grade"].every((n) => names.includes(n)),
      `browse Labs/${sessionA} shows Devices, IoImage, Program, Start, Grade (got ${names.join(", ")})`);
    const devices = await session.browse(node(sessionA, "Devices"));
    check(devices.references.some((r) => r.browseName.name === "START"), "Devices has START");

    const subscription = await session.createSubscription2({
      requestedPublishingInterval: 50, requestedMaxKeepAliveCount: 20, requestedLifetimeCount: 200,
      maxNotificationsPerPublish: 100, publishingEnabled: true, priority: 1,
    });
    const seen = [];
    const item = await subscription.monitor(
      { nodeId: node(sessionA, "Devices/START/Value"), attributeId: AttributeIds.Value },
      { samplingInterval: 10, queueSize: 100, discardOldest: true }, TimestampsToReturn.Both);
    item.on("changed", (dv) => seen.push(dv.value.value));

    const start = await session.call({ objectId: node(sessionA), methodId: node(sessionA, "Start"), inputArguments: [] });
    check(start.statusCode === StatusCodes.Good, `call Start: ${start.statusCode.name}`);

    // The test sequence presses START at 1.0 s of simulated time.
    const until = Date.now() + 5000;
    while (!seen.includes(true) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    check(seen.includes(true), `subscription sees START pressed (values ${seen.join(",")})`);

    const write = await session.write({
      nodeId: node(sessionA, "Devices/MOTOR/Value"), attributeId: AttributeIds.Value,
      value: { value: { dataType: DataType.Boolean, value: true } },
    });
    check(write === StatusCodes.Good, `write MOTOR = true: ${write.name}`);
    await new Promise((r) => setTimeout(r, 200));
    const motor = await session.read({ nodeId: node(sessionA, "IoImage/%QX0.0"), attributeId: AttributeIds.Value });
    check(motor.value.value === true, `the plant's %QX0.0 is on after the write (${motor.value.value})`);

    const grade = await session.call({ objectId: node(sessionA), methodId: node(sessionA, "Grade"), inputArguments: [] });
    const verdict = grade.outputArguments.length ? JSON.parse(grade.outputArguments[0].value) : {};
    check(grade.statusCode === StatusCodes.Good && verdict.lab === "conveyor-self-hold" && verdict.passed === false,
      `call Grade returns the grader's JSON (${JSON.stringify(verdict).slice(0, 120)}…)`);

    const other = await session.read({ nodeId: node(sessionB, "Devices/START/Value"), attributeId: AttributeIds.Value });
    check(other.statusCode === StatusCodes.BadUserAccessDenied, `read session B: ${other.statusCode.name}`);
    const otherWrite = await session.write({
      nodeId: node(sessionB, "Devices/MOTOR/Value"), attributeId: AttributeIds.Value,
      value: { value: { dataType: DataType.Boolean, value: true } },
    });
    check(otherWrite === StatusCodes.BadUserAccessDenied, `write session B: ${otherWrite.name}`);
    const otherCall = await session.call({ objectId: node(sessionB), methodId: node(sessionB, "Start"), inputArguments: [] });
    check(otherCall.statusCode === StatusCodes.BadUserAccessDenied, `call session B's Start: ${otherCall.statusCode.name}`);

    await subscription.terminate();
  } finally {
    await session.close();
    await client.disconnect();
  }
  if (failures.length) {
    console.log(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log("node-opcua interop: all checks passed");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
