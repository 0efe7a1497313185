package io.medgw.gateway.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ReferenceDataHolderTest
{
    @Test
    void shouldSwapAndTellListenersWhenReloadSucceeds(@TempDir final Path tmp) throws Exception
    {
        final ReferenceDataHolder holder = ReferenceDataHolder.load(Fixture.valid());
        final ReferenceData first = holder.current();
        final Path next = Fixture.copyValid(tmp);
        Fixture.write(next, "version.properties", List.of("version=test-2026.2", "effective_from=2026-07-01"));
        final List<String> swaps = new ArrayList<>();
        holder.addListener((previous, current) -> swaps.add(previous.version() + "->" + current.version()));

        final ReferenceData loaded = holder.reload(next);

        assertThat(holder.current()).isSameAs(loaded);
        assertThat(loaded.version()).isEqualTo("test-2026.2");
        assertThat(first.version()).isEqualTo("test-2026.1");
        assertThat(first.personByPsnNo("P0001")).isNotNull();
        assertThat(swaps).containsExactly("test-2026.1->test-2026.2");
    }

    @Test
    void shouldKeepTheRunningVersionWhenReloadIsRefused(@TempDir final Path tmp) throws Exception
    {
        final ReferenceDataHolder holder = ReferenceDataHolder.load(Fixture.valid());
        final ReferenceData running = holder.current();
        final Path bad = Fixture.copyValid(tmp);
        Fixture.write(bad, "version.properties", List.of("version=test-2026.2", "effective_from=2026-07-01"));
        Fixture.replaceCell(bad, "persons.csv", 3, "benefit_end", "2025-02-30");
        final List<String> swaps = new ArrayList<>();
        holder.addListener((previous, current) -> swaps.add(current.version()));

        assertThatThrownBy(() -> holder.reload(bad))
            .isInstanceOf(ReferenceDataException.class)
            .hasMessageContaining("persons.csv:3: benefit_end: 2025-02-30 is not a date (yyyy-MM-dd)");

        assertThat(holder.current()).isSameAs(running);
        assertThat(swaps).isEmpty();
    }

    @Test
    void shouldStopTellingAListenerWhenRemoved() throws Exception
    {
        final ReferenceDataHolder holder = ReferenceDataHolder.load(Fixture.valid());
        final List<String> swaps = new ArrayList<>();
        final ReferenceDataHolder.Listener listener = (previous, current) -> swaps.add(current.version());
        holder.addListener(listener);
        holder.swap(ReferenceDataLoader.load(Fixture.valid()));
        holder.removeListener(listener);
        holder.swap(ReferenceDataLoader.load(Fixture.valid()));
        assertThat(swaps).containsExactly("test-2026.1");
    }
}
