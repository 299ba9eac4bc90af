package sfa.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import sfa.lab.session.LabSessions;

class LabSchedulerHealthTests {

    private final LabHost host = mock(LabHost.class);
    private final LabSchedulerHealth health = new LabSchedulerHealth(host);

    // #15: a scheduler that had stopped ticking froze every lab while health said UP
    @Test
    void aStalledSchedulerIsDownAndNamesTheSessionItIsStuckIn() {
        when(host.schedulerHealth()).thenReturn(new LabSessions.Health(false, 7_000, 12_345, 30, 0, 0, 0, "n1-abcd2345"));

        Health h = health.health();

        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails()).containsEntry("stuckIn", "n1-abcd2345").containsEntry("sinceLastTickMillis", 7_000L);
    }

    @Test
    void aTickingSchedulerIsUpWithItsFigures() {
        when(host.schedulerHealth()).thenReturn(new LabSessions.Health(true, 1, 12_345, 30, 1, 0, 0, null));

        Health h = health.health();

        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsEntry("sessions", 30).containsEntry("sessionsStoppedOnFault", 1L)
                .doesNotContainKey("stuckIn");
    }
}
