package sfa.backend.lab;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import sfa.lab.session.LabSessions;

/**
 * The live labs' scheduler in {@code /actuator/health} ({@code labScheduler}): down when it has not ticked for
 * seconds, every live lab on this server then standing still; the installer's monitoring or the cluster's proxy
 * sees it. The log says the same, with the session it was stepping.
 */
@Component("labScheduler")
class LabSchedulerHealth implements HealthIndicator {

    private final LabHost host;

    LabSchedulerHealth(LabHost host) {
        this.host = host;
    }

    @Override
    public Health health() {
        LabSessions.Health h = host.schedulerHealth();
        Health.Builder b = h.ticking() ? Health.up() : Health.down();
        b.withDetail("sessions", h.sessions())
                .withDetail("sinceLastTickMillis", h.sinceLastTickMillis())
                .withDetail("sessionsStoppedOnFault", h.sessionFaults())
                .withDetail("restarts", h.restarts());
        if (h.stuckIn() != null) {
            b.withDetail("stuckIn", h.stuckIn());
        }
        return b.build();
    }
}
