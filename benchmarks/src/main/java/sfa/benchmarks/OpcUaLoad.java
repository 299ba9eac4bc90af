package sfa.benchmarks;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;

/**
 * The OPC UA load client of docs/benchmarks.md: reads the sessions {@code labsim serve --sessions N}
 * printed, connects one client per session (as each student would), calls Start, subscribes to 16 items
 * at a 100 ms sampling and publishing interval, and measures notification latency: the client's receive
 * time minus the server's source timestamp (set when the scan published the value; same machine clock).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar sfa.benchmarks.OpcUaLoad serve.out [seconds] [none | secure PKI_DIR]</pre>
 *
 * With {@code secure} every client connects over Basic256Sha256 SignAndEncrypt with one client
 * certificate, which is first put into the server's {@code PKI_DIR/trusted/certs} (as a teacher would).
 */
public final class OpcUaLoad {

    private static final String[] ITEMS = {"Program/ScanCount", "Program/TimeMs", "Program/Mode", "Program/Running",
            "Program/LastError", "Devices/START/Value", "Devices/STOP/Value", "Devices/METAL/Value", "Devices/AT_PUSHER/Value",
            "Devices/CYL_HOME/Value", "Devices/CYL_OUT/Value", "Devices/CONVEYOR/Value", "Devices/PUSHER/Value", "Devices/LAMP_RUN/Value",
            "IoImage/%IX0.0", "IoImage/%QX0.0"};

    public static void main(String[] args) throws Exception {
        String serveOutput = Files.readString(Path.of(args[0]));
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        boolean secure = args.length > 2 && args[2].equals("secure");
        String endpoint = find(serveOutput, "OPC UA endpoint / 엔드포인트: (\\S+)").getFirst();
        int ns = Integer.parseInt(find(serveOutput, "ns=(\\d+) ").getFirst());
        List<String> ids = find(serveOutput, "session / 세션 (\\w+) ");
        List<String> passwords = find(serveOutput, "password / 비밀번호: (\\w+)");
        java.security.KeyPair keys = null;
        java.security.cert.X509Certificate certificate = null;
        if (secure) {
            keys = org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            certificate = new org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder(keys)
                    .setCommonName("load client").setApplicationUri("urn:sfa:load-client").addDnsName("localhost")
                    .build();
            Files.write(Path.of(args[3], "trusted", "certs", "load-client.der"), certificate.getEncoded());
            Thread.sleep(2_000);
        }
        java.security.KeyPair keyPair = keys;
        java.security.cert.X509Certificate cert = certificate;

        long[] latencies = new long[4_000_000];
        AtomicLong count = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        List<OpcUaClient> clients = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String password = passwords.get(i);
            OpcUaClient client = OpcUaClient.create(endpoint,
                    eps -> eps.stream().filter(e -> secure
                            ? e.getSecurityPolicyUri().equals(SecurityPolicy.Basic256Sha256.getUri())
                                    && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt
                            : e.getSecurityPolicyUri().equals(SecurityPolicy.None.getUri())).findFirst(),
                    transport -> {
                    },
                    cfg -> {
                        cfg.setApplicationName(LocalizedText.english("load client"))
                                .setApplicationUri("urn:sfa:load-client")
                                .setIdentityProvider(new UsernameProvider(id, password))
                                .setRequestTimeout(uint(30_000));
                        if (cert != null) {
                            cfg.setKeyPair(keyPair).setCertificate(cert)
                                    .setCertificateChain(new java.security.cert.X509Certificate[] {cert})
                                    // the benchmark trusts the server it started
                                    .setCertificateValidator((chain, uri, hosts) -> {
                                    });
                        }
                    });
            client.connect();
            clients.add(client);
            NodeId root = new NodeId(ns, "Labs/" + id);
            client.call(List.of(new CallMethodRequest(root, new NodeId(ns, "Labs/" + id + "/Start"), new Variant[0])));
            OpcUaSubscription sub = new OpcUaSubscription(client, 100.0);
            sub.create();
            List<OpcUaMonitoredItem> items = new ArrayList<>();
            for (String path : ITEMS) {
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(new NodeId(ns, "Labs/" + id + "/" + path));
                item.setSamplingInterval(100.0);
                item.setDataValueListener((it, v) -> {
                    if (measuring.get() && v.getSourceTime() != null) {
                        long ms = System.currentTimeMillis() - v.getSourceTime().getJavaTime();
                        long n = count.getAndIncrement();
                        if (n < latencies.length) {
                            latencies[(int) n] = ms;
                        }
                    }
                });
                items.add(item);
            }
            sub.addMonitoredItems(items);
            sub.synchronizeMonitoredItems();
        }
        System.out.printf("connected %d sessions x %d items in %.1f s (%s)%n", clients.size(), ITEMS.length,
                (System.nanoTime() - t0) / 1e9, secure ? "Basic256Sha256 SignAndEncrypt" : "None");
        Thread.sleep(5_000);
        measuring.set(true);
        System.out.println("MEASURING " + seconds + " s");
        // Isolation under load: meanwhile every client keeps trying to read and write the next session's conveyor
        // (each login may reach only its own session) and writes its own; every foreign attempt must be refused.
        AtomicLong foreign = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong allowed = new AtomicLong();
        AtomicLong own = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread prober = Thread.ofPlatform().start(() -> {
            while (System.nanoTime() < end) {
                for (int i = 0; i < clients.size() && System.nanoTime() < end; i++) {
                    OpcUaClient c = clients.get(i);
                    NodeId mine = new NodeId(ns, "Labs/" + ids.get(i) + "/Devices/CONVEYOR/Value");
                    NodeId theirs = new NodeId(ns, "Labs/" + ids.get((i + 1) % ids.size()) + "/Devices/CONVEYOR/Value");
                    try {
                        var wrote = c.writeValues(List.of(theirs), List.of(new org.eclipse.milo.opcua.stack.core.types.builtin
                                .DataValue(new Variant(true)))).getFirst();
                        var read = c.readValues(0.0, org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn.Neither,
                                List.of(theirs)).getFirst().getStatusCode();
                        foreign.addAndGet(2);
                        for (var status : List.of(wrote, read)) {
                            if (status.value() == org.eclipse.milo.opcua.stack.core.StatusCodes.Bad_UserAccessDenied) {
                                refused.incrementAndGet();
                            } else if (status.isGood()) {
                                allowed.incrementAndGet();
                            }
                        }
                        if (c.writeValues(List.of(mine), List.of(new org.eclipse.milo.opcua.stack.core.types.builtin
                                .DataValue(new Variant(i % 2 == 0)))).getFirst().isGood()) {
                            own.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // a timeout under load is not a leak; it is counted as neither
                    }
                }
            }
        });
        Thread.sleep(seconds * 1000L);
        prober.join();
        measuring.set(false);
        System.out.printf("isolation under load: %d foreign reads and writes, %d refused (Bad_UserAccessDenied), %d allowed;"
                + " %d writes to the client's own session accepted%n", foreign.get(), refused.get(), allowed.get(), own.get());
        int n = (int) Math.min(count.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf("notifications: %d (%.0f/s); latency ms p50 %d, p90 %d, p99 %d, max %d%n", n,
                n / (double) seconds, sorted[n / 2], sorted[(int) (n * 0.9)], sorted[(int) (n * 0.99)], sorted[n - 1]);
        for (OpcUaClient c : clients) {
            c.disconnect();
        }
        System.exit(allowed.get() == 0 ? 0 : 2);
    }

    private static List<String> find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no '" + regex + "' in the labsim serve output");
        }
        return out;
    }
}
