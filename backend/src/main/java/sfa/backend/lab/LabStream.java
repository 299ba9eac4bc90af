package sfa.backend.lab;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import sfa.lab.plant.IoPoint;
import sfa.lab.session.LabSession;

/**
 * Streams live sessions to browsers as server-sent events: the plant's state 20 times a second while it
 * changes, from one thread for all sessions.
 */
@Component
class LabStream implements org.springframework.context.SmartLifecycle {

    static final long FRAME_MS = 50;
    /** How soon a browser whose stream ended reconnects (EventSource's own default is about 3 s). */
    static final long RECONNECT_MS = 1000;

    /**
     * What a browser draws: simulated time, the PLC's state, every I/O point's value by name, the program's
     * variables (online values), the inputs the student forced, and the plant's scene (parts, sensors, strokes,
     * levels: what the workbench draws to scale).
     */
    record Frame(String id, String lab, long timeMs, long scans, boolean running, String mode, String lastError,
            Map<String, Integer> values, Map<String, Object> variables, Map<String, Integer> forced,
            sfa.lab.plant.Scene scene) {

        static Frame of(LabSession s) {
            LabSession.Status st = s.status();
            Map<String, Integer> values = new LinkedHashMap<>();
            List<IoPoint> points = s.points();
            for (int i = 0; i < points.size(); i++) {
                values.put(points.get(i).name(), st.value(i));
            }
            return new Frame(s.id(), s.lab().id(), st.timeMillis(), st.scans(), st.running(), st.mode().name(),
                    st.lastError(), values, s.variables(), s.forced(), s.scene());
        }
    }

    /**
     * A browser following a session. {@code sending} is set while a frame is on its way to it: the next tick skips a
     * browser still receiving the last frame, so a slow connection gets fewer frames instead of holding the others.
     */
    private record Subscriber(SseEmitter emitter, LabSession session, long[] lastScans,
            java.util.concurrent.atomic.AtomicBoolean sending) {
    }

    /** Sends frames: each on a virtual thread, so that the writes of many streams share the cores and never queue. */
    private final java.util.concurrent.ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("lab-frame-", 0).factory());

    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService frames = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lab-stream");
        t.setDaemon(true);
        return t;
    });

    LabStream(LabHost host) {
        frames.scheduleAtFixedRate(this::send, FRAME_MS, FRAME_MS, TimeUnit.MILLISECONDS);
        host.onClose(this::end);
    }

    /**
     * Ends the streams of a session that stopped running here (closed, or moved to another node): the browsers
     * reconnect by themselves, within a second, and find it where it runs now.
     */
    private void end(String id) {
        List<Subscriber> ended = subscribers.remove(id);
        if (ended != null) {
            ended.forEach(s -> s.emitter().complete());
        }
    }

    /** Stops after {@link LiveLabs} has let its sessions go, still before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    private volatile boolean running = true;

    /**
     * Ends every stream when the platform stops, before the web server's graceful shutdown waits for open requests
     * (a lifecycle of the default phase stops before it): an open stream would otherwise hold the shutdown for its
     * whole timeout. Browsers reconnect by themselves.
     */
    @Override
    public void stop() {
        running = false;
        close();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        frames.shutdownNow();
        senders.shutdown();
        subscribers.values().forEach(l -> l.forEach(s -> s.emitter().complete()));
        subscribers.clear();
    }

    SseEmitter subscribe(LabSession session) {
        SseEmitter emitter = new SseEmitter(30 * 60_000L);
        // sending from the start: the first frame goes from here, and no tick sends one beside it
        Subscriber sub = new Subscriber(emitter, session, new long[] {-1},
                new java.util.concurrent.atomic.AtomicBoolean(true));
        subscribers.computeIfAbsent(session.id(), k -> new CopyOnWriteArrayList<>()).add(sub);
        Runnable remove = () -> subscribers.getOrDefault(session.id(), List.of()).remove(sub);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            push(sub);
        } finally {
            sub.sending().set(false);
        }
        return emitter;
    }

    int subscriberCount() {
        return subscribers.values().stream().mapToInt(List::size).sum();
    }

    private void send() {
        for (List<Subscriber> list : subscribers.values()) {
            for (Subscriber s : list) {
                if (s.session().status().scans() != s.lastScans()[0] && s.sending().compareAndSet(false, true)) {
                    try {
                        senders.execute(() -> {
                            try {
                                push(s);
                            } finally {
                                s.sending().set(false);
                            }
                        });
                    } catch (java.util.concurrent.RejectedExecutionException stopped) {
                        s.sending().set(false);
                    }
                }
            }
        }
    }

    private void push(Subscriber s) {
        Frame f = Frame.of(s.session());
        try {
            SseEmitter.SseEventBuilder event = SseEmitter.event().name("frame").data(f, MediaType.APPLICATION_JSON);
            if (s.lastScans()[0] < 0) {
                event.reconnectTime(RECONNECT_MS);
            }
            s.emitter().send(event);
            s.lastScans()[0] = f.scans();
        } catch (IOException | IllegalStateException e) {
            subscribers.getOrDefault(s.session().id(), List.of()).remove(s);
        }
    }
}
