package sfa.backend.lab;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Between the nodes of a cluster only: another node, asked for a session this node runs, asks it to let the session
 * go ({@link LiveLabs#release}). Answers only requests carrying the cluster's secret; a proxy in front of the
 * cluster does not pass {@code /internal/} on (docs/cluster.md).
 */
@RestController
class LabHandover {

    private final LiveLabs labs;
    private final LabNodes nodes;

    LabHandover(LiveLabs labs, LabNodes nodes) {
        this.labs = labs;
        this.nodes = nodes;
    }

    @PostMapping("/internal/labs/{id}/release")
    ResponseEntity<Void> release(@PathVariable String id,
            @RequestHeader(name = LabNodes.SECRET_HEADER, required = false) String secret) {
        if (!nodes.fromPeer(secret)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        labs.release(id);
        return ResponseEntity.ok().build();
    }
}
