package io.medgw.loadtest.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.reference.ReferenceDataLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The generated SMALL region must pass the gateway's own loader and validation
 * ({@link ReferenceDataLoader}, written by another helper at the same time as this generator).
 */
class DemoRegionLoadsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLoadWithTheGatewayLoaderWhenScaleIsSmall() throws Exception
    {
        final DemoRegionGenerator.Summary s = DemoRegionGenerator.generate(dir, 7L, Scale.SMALL);
        final ReferenceData data = ReferenceDataLoader.load(dir);
        assertThat(data.version()).isEqualTo(s.version());
        assertThat(data.institutions()).hasSize(s.institutions());
        assertThat(data.persons()).hasSize(s.persons());
        assertThat(data.catalogues()).containsOnlyKeys("320900", "320100", "611000");
        data.catalogues().values().forEach(c ->
        {
            assertThat(c.codeCount()).isEqualTo(s.catalogueCodes());
        });
        for (final String admdvs : new String[] {"320900", "320100", "611000"})
        {
            for (final String insutype : new String[] {"310", "390"})
            {
                assertThat(data.policy(admdvs, insutype, 2025)).isNotNull();
                assertThat(data.policy(admdvs, insutype, 2026)).isNotNull();
            }
        }
    }
}
