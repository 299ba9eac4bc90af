package sfa.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the IT teacher sets up for a node of a cluster is checked when it starts, with what is missing named. */
class LabNodesTests {

    @Test
    void aNodeWithoutTheAddressItsPeersReachItAtOrWithoutTheSharedSecretDoesNotStart() {
        assertThatThrownBy(() -> new LabNodes(null, null, "n1", "", "a-secret-long-enough-for-it", 10_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sfa.cluster.url");
        assertThatThrownBy(() -> new LabNodes(null, null, "n1", "http://10.0.0.1:8080", "short", 10_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SFA_CLUSTER_SECRET");
    }

    @Test
    void aNodesNameMustBeUsableInTheIdsOfItsSessions() {
        assertThatThrownBy(() -> new LabNodes(null, null, "Node-1", "http://10.0.0.1:8080", "a-secret-long-enough", 10_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'Node-1'");
    }

    @Test
    void aServerRunningAloneIsNodeSoloAndAnswersNoPeer() {
        LabNodes alone = new LabNodes(null, null, "", "", "", 10_000);
        assertThat(alone.me()).isEqualTo("solo");
        assertThat(alone.fromPeer("")).isFalse();
        assertThat(alone.fromPeer(null)).isFalse();
    }
}
