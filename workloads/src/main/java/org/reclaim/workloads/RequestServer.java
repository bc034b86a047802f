package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * request-server: {@code n} requests arriving at a fixed intended rate ({@code --rate} per second;
 * 0 sends them back to back). Each request allocates its own garbage (the request with a body of
 * 4 to 64 words, two header strings, a response) and updates its session in a long-lived session
 * table of {@code max(16, min(4096, n / 10))} sessions; one request in 50 replaces its session
 * (log out, log in), so the table slowly turns over. The start and end of every request are kept
 * ({@link LatencyRecording}); when a request would start early the server waits for its arrival
 * time, when it is late (a pause) it starts at once and the lateness is part of its latency.
 *
 * <p>Live heap (peak bytes in use under {@code manual}, seed 1; {@code lab list} prints it): tiny 2.5 KiB,
 * small 172.7 KiB, default 352.8 KiB, large 352.8 KiB (the session table and one request in flight).
 * At the default rate of 20000 requests per second, small lasts 1 s, default 5 s, large 25 s.
 *
 * <pre>{@code
 * struct Session { hits: i64, bytes: i64, user: i64, data: [i64; 5] }
 * struct Request { id: i64, session: i64, body: Vec<i64> }
 * }</pre>
 */
public final class RequestServer implements Workload, LatencyRecording {
    static final int HITS = 0, BYTES = 1, USER = 2;
    private Latencies last;

    @Override public String name() { return "request-server"; }

    @Override public String description() { return "requests at a fixed rate: per-request garbage beside a long-lived session table"; }

    @Override public Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("tiny", 200);
        s.put("small", 20_000);
        s.put("default", 100_000);
        s.put("large", 500_000);
        return s;
    }

    @Override public Map<String, Long> liveBytes() {
        return Map.of("tiny", 2520L, "small", 176808L, "default", 361264L, "large", 361264L);
    }

    @Override public Map<String, String> parameters() { return Map.of("rate", "20000"); }

    @Override public void checkParameters(Map<String, String> params) { rate(params.getOrDefault("rate", "20000")); }

    @Override public Latencies latencies() { return last; }

    @Override
    public long run(Mutator m, int n, long seed, Map<String, String> params) {
        long rate = rate(params.getOrDefault("rate", "20000"));
        int tableShape = m.shapes().defineSlotArray("Vec<Option<Box<Session>>>", SlotKind.OWNED, 0);
        int sessionShape = m.shapes().define("Session", 8);
        int requestShape = m.shapes().defineDataArray("Request", 2);
        int text = m.shapes().defineDataArray("String", 0);
        int responseShape = m.shapes().define("Response", 4);
        int sessions = Math.max(16, Math.min(4096, n / 10));
        SplittableRandom random = new SplittableRandom(seed);
        long interval = rate == 0 ? 0 : 1_000_000_000L / rate;
        long[] starts = new long[n], ends = new long[n];
        long first = System.nanoTime();
        long checksum = 0;
        int served = 0;
        try (Scope main = m.scope()) {
            int table = m.alloc(tableShape, sessions);
            for (int i = 0; i < n; i++) {
                long intended = first + i * interval;
                long now = System.nanoTime();
                while (now < intended) {
                    Thread.onSpinWait();
                    now = System.nanoTime();
                }
                starts[i] = now;
                checksum += serve(m, table, i, random, sessions, requestShape, text, responseShape, sessionShape);
                ends[i] = System.nanoTime();
                served = i + 1;
            }
            for (int s = 0; s < sessions; s++) {
                if (m.isNull(table, s)) continue;
                try (Scope sc = m.scope()) {
                    checksum += m.read(m.borrow(table, s), HITS) * 7;
                }
            }
            m.drop(table);
        } finally {
            last = new Latencies(first, interval, starts, ends, served);
        }
        return checksum;
    }

    private static long rate(String text) {
        try {
            long r = Long.parseLong(text);
            if (r < 0) throw new NumberFormatException();
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate takes requests per second (0 for back to back), not '" + text + "'");
        }
    }

    /** One request: parse, look up the session, answer; everything but the session is garbage after. */
    private static long serve(Mutator m, int table, int id, SplittableRandom random, int sessions,
                              int requestShape, int text, int responseShape, int sessionShape) {
        try (Scope s = m.scope()) {
            int bodyWords = 4 + random.nextInt(61);
            int request = m.alloc(requestShape, bodyWords);
            int sid = random.nextInt(sessions);
            m.write(request, 0, id);
            m.write(request, 1, sid);
            long body = 0;
            for (int i = 0; i < bodyWords; i++) {
                long v = random.nextLong() & 0xFFFF;
                m.write(request, 2 + i, v);
                body += v;
            }
            int host = m.alloc(text, 2 + random.nextInt(6));
            int agent = m.alloc(text, 4 + random.nextInt(12));
            m.write(host, 0, sid);
            m.write(agent, 0, id);

            if (!m.isNull(table, sid) && random.nextInt(50) == 0) m.drop(m.take(table, sid));
            int session = m.isNull(table, sid) ? newSession(m, sessionShape, sid, id) : m.take(table, sid);
            m.write(session, HITS, m.read(session, HITS) + 1);
            m.write(session, BYTES, m.read(session, BYTES) + bodyWords);
            long user = m.read(session, USER);
            m.put(table, sid, session);

            int response = m.alloc(responseShape, 0);
            m.write(response, 0, body ^ user);
            m.write(response, 1, m.length(host) + m.length(agent));
            long answer = m.read(response, 0) + m.read(response, 1) + m.read(request, 0);
            m.drop(response);
            m.drop(agent);
            m.drop(host);
            m.drop(request);
            return answer;
        }
    }

    private static int newSession(Mutator m, int sessionShape, int sid, int id) {
        int session = m.alloc(sessionShape, 0);
        m.write(session, USER, sid * 1_000_003L + id);
        return session;
    }
}
