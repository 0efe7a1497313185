package io.medgw.gateway.net;

import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.SelectStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

final class BusyPollSelectStrategyTest
{
    private long nowNs = 1_000_000_000L;
    private int ready;
    private int polls;

    private final io.netty.util.IntSupplier selectNow = () ->
    {
        polls++;
        return ready;
    };

    @Test
    void shouldUseNettysDefaultStrategyWhenTheWindowIsZero()
    {
        assertThat(BusyPollSelectStrategy.factory(() -> nowNs, 0)).isSameAs(DefaultSelectStrategyFactory.INSTANCE);
    }

    @Test
    void shouldPollWithoutBlockingWithinTheWindowAfterActivityThenBlock() throws Exception
    {
        final SelectStrategy s = BusyPollSelectStrategy.factory(() -> nowNs, 100).newSelectStrategy();

        assertThat(s.calculateStrategy(selectNow, false)).as("idle since start").isEqualTo(SelectStrategy.SELECT);
        nowNs += 5_000_000;
        assertThat(s.calculateStrategy(selectNow, false)).as("first turn after the blocking wait is activity").isZero();
        nowNs += 60_000;
        assertThat(s.calculateStrategy(selectNow, false)).as("inside the window").isZero();
        nowNs += 50_000;
        assertThat(s.calculateStrategy(selectNow, false)).as("window over").isEqualTo(SelectStrategy.SELECT);
    }

    @Test
    void shouldRestartTheWindowOnEveryEventOrTask() throws Exception
    {
        final SelectStrategy s = BusyPollSelectStrategy.factory(() -> nowNs, 100).newSelectStrategy();

        assertThat(s.calculateStrategy(selectNow, true)).as("a task is activity: poll, never block").isZero();
        nowNs += 90_000;
        ready = 1;
        assertThat(s.calculateStrategy(selectNow, false)).as("an event is handed on").isEqualTo(1);
        ready = 0;
        nowNs += 90_000;
        assertThat(s.calculateStrategy(selectNow, false)).as("window restarted by the event").isZero();
        nowNs += 90_000;
        assertThat(s.calculateStrategy(selectNow, true)).isZero();
        nowNs += 99_000;
        assertThat(s.calculateStrategy(selectNow, false)).isZero();
        assertThat(polls).isEqualTo(5);
    }
}
