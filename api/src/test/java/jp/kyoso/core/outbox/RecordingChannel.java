package jp.kyoso.core.outbox;



import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A channel of the tests: records what it delivers; a payload {"fail": n} fails its first n
 * attempts, {"hang": true} never answers (cut off at the timeout), {"permanent": true} fails for good.
 */
@jakarta.inject.Singleton
public class RecordingChannel implements OutboxChannel {

    static final String NAME = "test-recording";

    final List<String> delivered = new CopyOnWriteArrayList<>();
    final List<String> gaveUp = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(OutboxMessage m) throws Exception {
        if (m.payload().contains("\"hang\": true")) {
            Thread.sleep(60_000);
        }
        if (m.payload().contains("\"permanent\": true")) {
            throw new Permanent("refused for good");
        }
        var fail = java.util.regex.Pattern.compile("\"fail\": (\\d+)").matcher(m.payload());
        if (fail.find() && failures.computeIfAbsent(m.dedupeKey(), k -> new AtomicInteger()).incrementAndGet()
                <= Integer.parseInt(fail.group(1))) {
            throw new java.io.IOException("receiver down");
        }
        delivered.add(m.dedupeKey());
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Duration giveUpAfter() {
        return Duration.ofMinutes(5);
    }

    @Override
    public void gaveUp(OutboxMessage m) {
        gaveUp.add(m.dedupeKey());
    }
}
