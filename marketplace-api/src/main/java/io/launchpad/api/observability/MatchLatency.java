package io.launchpad.api.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code launchpad.matching.duration}: how long the matching engine takes to rank one
 * list, as a histogram per list ({@code challenge-suppliers},
 * {@code supplier-challenges}, {@code role-candidates}, {@code candidate-roles}), apart
 * from the rest of the request (ownership checks, paging, JSON), so an operator can tell
 * a slow cluster from a slow API.
 */
@Component
public class MatchLatency {

    private final MeterRegistry meters;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    MatchLatency(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * For {@code Mono.transform}: times the ranking from subscription to its end,
     * whatever the outcome.
     */
    public <T> Function<Mono<T>, Mono<T>> of(String list) {
        Timer timer = timers.computeIfAbsent(list,
                name -> Timer.builder("launchpad.matching.duration")
                    .description("Time the matching engine took to rank one list of matches")
                    .tag("list", name)
                    .publishPercentileHistogram()
                    .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250))
                    .register(meters));
        return ranking -> Mono.defer(() -> {
            long started = System.nanoTime();
            return ranking.doFinally(signal -> timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        });
    }

}
