package sfa.backend.lab;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nodes that run live labs, as the store knows them. Each node names itself ({@code sfa.cluster.node}, such as
 * {@code n1}; empty on a server that runs alone), tells the store every {@code sfa.cluster.heartbeat-ms} (2 s)
 * that it is alive, with the address its peers reach it at ({@code sfa.cluster.url}) and how many sessions it runs.
 * A node not heard of for {@code sfa.cluster.dead-after-ms} (10 s), or whose port refuses connections, is gone: its
 * sessions continue on other nodes from their last snapshots. A node that is alive hands a session over on request
 * ({@link LabHandover}): it snapshots it, stores the snapshot and lets it go.
 */
@Component
public class LabNodes {

    private static final Logger log = LoggerFactory.getLogger(LabNodes.class);

    /** A node as the store knows it. */
    @Document("lab_nodes")
    record Node(@Id String name, String url, Instant seenAt, int sessions) {
    }

    /** The header carrying the secret the nodes of one cluster share ({@code SFA_CLUSTER_SECRET}). */
    static final String SECRET_HEADER = "X-SFA-Cluster-Secret";

    private final MongoTemplate mongo;
    private final String name;
    private final String url;
    private final String secret;
    private final Duration deadAfter;
    private final LabHost host;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LabNodes(MongoTemplate mongo, LabHost host, @Value("${sfa.cluster.node:}") String name,
            @Value("${sfa.cluster.url:}") String url, @Value("${sfa.cluster.secret:}") String secret,
            @Value("${sfa.cluster.dead-after-ms:10000}") long deadAfterMs) {
        if (!name.isEmpty() && !name.matches("[a-z][a-z0-9]{0,11}")) {
            throw new IllegalStateException("sfa.cluster.node is a short name of a-z and 0-9 starting with a letter (n1, "
                    + "lab2), not '" + name + "'");
        }
        if (!name.isEmpty() && (url.isEmpty() || secret.length() < 16)) {
            throw new IllegalStateException("a node of a cluster (sfa.cluster.node=" + name + ") needs sfa.cluster.url, the "
                    + "address its peers reach it at, and SFA_CLUSTER_SECRET, a secret of 16 characters or more shared by "
                    + "the nodes, from the environment");
        }
        this.mongo = mongo;
        this.host = host;
        this.name = name.isEmpty() ? "solo" : name;
        this.url = url;
        this.secret = secret;
        this.deadAfter = Duration.ofMillis(deadAfterMs);
    }

    /** This node's name ({@code solo} on a server that runs alone). */
    public String me() {
        return name;
    }

    boolean inCluster() {
        return !url.isEmpty();
    }

    /** Tells the store this node is alive, and how many sessions it runs. */
    @Scheduled(fixedDelayString = "${sfa.cluster.heartbeat-ms:2000}")
    void heartbeat() {
        if (!inCluster()) {
            return;
        }
        try {
            mongo.save(new Node(name, url, Instant.now(), host.ids().size()));
        } catch (DataAccessException e) {
            log.warn("node {} could not tell the store it is alive: {}", name, e.getMessage());
        }
    }

    /** What came of asking a node to let a session go. */
    enum Handover {
        /** The node stored the session's snapshot and runs it no more (or did not run it). */
        RELEASED,
        /** The node is gone: nobody runs the session any more; it continues from its last stored snapshot. */
        NODE_GONE,
        /** The node did not answer in time: it may still run the session, which must not run twice. */
        NO_ANSWER
    }

    /** Asks {@code node}, which the store says runs session {@code id}, to let it go. */
    Handover askToRelease(String node, String id) {
        if (node.equals(name)) {
            return Handover.RELEASED;
        }
        Node known = mongo.findById(node, Node.class);
        if (known == null || known.seenAt().isBefore(Instant.now().minus(deadAfter))) {
            return Handover.NODE_GONE;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(known.url() + "/internal/labs/" + id + "/release"))
                .timeout(Duration.ofSeconds(5)).header(SECRET_HEADER, secret)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return Handover.RELEASED;
            }
            log.warn("node {} refused to release lab session {}: HTTP {}", node, id, r.statusCode());
            return Handover.NO_ANSWER;
        } catch (ConnectException e) {
            // nothing listens at the node's address: its process is gone, whatever its last heartbeat said
            log.info("node {} is gone (connection refused): lab session {} continues here", node, id);
            return Handover.NODE_GONE;
        } catch (IOException e) {
            log.warn("node {} did not answer about lab session {}: {}", node, id, e.toString());
            return Handover.NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Handover.NO_ANSWER;
        }
    }

    /** Whether a peer's request carries this cluster's secret (compared in constant time). */
    boolean fromPeer(@Nullable String presented) {
        return inCluster() && presented != null && java.security.MessageDigest.isEqual(
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Removes this node from the store when it stops, so that its peers know at once that it is gone. */
    @jakarta.annotation.PreDestroy
    void leave() {
        if (inCluster()) {
            try {
                mongo.remove(Query.query(where("_id").is(name)), Node.class);
            } catch (DataAccessException e) {
                log.warn("node {} could not leave the store's list of nodes: {}", name, e.getMessage());
            }
        }
    }
}
