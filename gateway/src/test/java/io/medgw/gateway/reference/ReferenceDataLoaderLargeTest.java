package io.medgw.gateway.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads a synthetic region the size of the demo region (200,000 persons, 187,500 catalogue rows
 * over 3 regions, 1,000 institutions) and prints how long it took. The target (≤ 5 s with ≤ 1 GiB
 * heap on 2 cores) is not asserted: CI machines vary; the printed time is the record.
 */
final class ReferenceDataLoaderLargeTest
{
    private static final int PERSONS = 200_000;
    private static final int CODES_PER_REGION = 50_000;
    private static final int INSTITUTIONS = 1_000;

    @Test
    void shouldLoadDemoSizedRegionWhenGenerated(@TempDir final Path tmp) throws Exception
    {
        final long seed = 20_260_101L;
        final long genStart = System.nanoTime();
        final int catalogueRows = SyntheticRegion.write(tmp, seed, PERSONS, CODES_PER_REGION, INSTITUTIONS);
        final long loadStart = System.nanoTime();
        final ReferenceData data = ReferenceDataLoader.load(tmp);
        final long loadEnd = System.nanoTime();
        System.gc();
        final Runtime rt = Runtime.getRuntime();
        System.out.printf("reference data: generated in %d ms, loaded %d persons, %d catalogue rows, %d institutions in %d ms " +
            "(seed %d); heap in use after load and GC: %d MiB%n", (loadStart - genStart) / 1_000_000, PERSONS, catalogueRows,
            INSTITUTIONS, (loadEnd - loadStart) / 1_000_000, seed, (rt.totalMemory() - rt.freeMemory()) >> 20);

        assertThat(data.persons()).hasSize(PERSONS);
        assertThat(data.institutions()).hasSize(INSTITUTIONS);
        int items = 0;
        for (final String region : SyntheticRegion.REGIONS)
        {
            items += data.catalogue(region).itemCount();
            assertThat(data.catalogue(region).codeCount()).isEqualTo(CODES_PER_REGION);
        }
        assertThat(items).isEqualTo(catalogueRows).isGreaterThanOrEqualTo(150_000);
        final Person first = data.personByPsnNo("P320900000000000");
        assertThat(first.chronic()).hasSize(1);
        assertThat(data.personByCredential("02", first.certno())).isSameAs(first);
        assertThat(data.policy("611000", "390", 2026).serious().bandFromFen()).containsExactly(0L, 3_500_000L);
    }
}
