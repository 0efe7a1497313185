package io.medgw.gateway.recon;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory file store's bounds and the detail file format. */
final class FileStoreTest
{
    @Test
    void shouldEvictTheOldestBeyondTheCountAndByteLimits()
    {
        final FileStore store = new FileStore("", 2, 10, 100);
        store.put(store.nextId(), "H1", "a", new byte[4], 0);
        store.put(store.nextId(), "H1", "b", new byte[4], 1);
        store.put(store.nextId(), "H1", "c", new byte[4], 2);
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.get("F000000000001")).isNull();
        store.put(store.nextId(), "H1", "d", new byte[8], 3);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.totalBytes()).isEqualTo(8);
        assertThat(store.get("F000000000004").filename()).isEqualTo("d");
    }

    @Test
    void shouldExpireFilesAndKeepThemToTheirOwner()
    {
        final FileStore store = new FileStore("GW", 10, 1000, 100);
        final String id = store.nextId();
        assertThat(id).isEqualTo("GWF000000000001");
        store.put(id, "H1", "a", new byte[1], 1_000);
        assertThat(store.find("H1", id, 1_100)).isNotNull();
        assertThat(store.find("H1", id, 1_101)).isNull();
        assertThat(store.find("H2", id, 1_000)).isNull();
        assertThat(store.expiry(1_000)).isEqualTo(1_100);
        store.put(store.nextId(), "H1", "b", new byte[1], 1_200);
        assertThat(store.get(id)).isNull();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void shouldReadTheDetailFileFormat() throws Exception
    {
        final String text = "\uFEFFsetl_id\tmdtrt_id\tpsn_no\tmedfee_sumamt\tfund_pay_sumamt\tacct_pay\trefd_setl_flag\r\n" +
            "S1\tnull\tE1\t1.50\t0\tnull\t0\textra\r\n\r\n" + "S2\tM2\tE2\t-1.50\t-1\t-0.5\t1";
        final List<DetailFile.Row> rows = DetailFile.parse(text.getBytes(StandardCharsets.UTF_8), 10);
        assertThat(rows).containsExactly(new DetailFile.Row(2, "S1", null, "E1", 150, 0, 0, 0),
            new DetailFile.Row(4, "S2", "M2", "E2", -150, -100, -50, 1));
        assertThatThrownBy(() -> DetailFile.parse("S1\tM\tE\t1.005\t0\t0\t0".getBytes(StandardCharsets.UTF_8), 10))
            .hasMessageContaining("第 1 行 medfee_sumamt=1.005");
        assertThatThrownBy(() -> DetailFile.parse("S1\tM\tE\t1\t0\t0\t2".getBytes(StandardCharsets.UTF_8), 10))
            .hasMessageContaining("refd_setl_flag=2");
        assertThatThrownBy(() -> DetailFile.parse("S1\tM\tE\t1\t0\t0\t0\nS2\tM\tE\t1\t0\t0\t0".getBytes(StandardCharsets.UTF_8), 1))
            .hasMessageContaining("超过 1 行");
    }

    @Test
    void shouldRoundTripZipAndRefuseABomb()
    {
        final byte[] content = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
        final byte[] zip = ZipFiles.zip("a.txt", content, 1_000_000);
        assertThat(ZipFiles.zip("a.txt", content, 1_000_000)).isEqualTo(zip);
        assertThatThrownBy(() -> ZipFiles.firstEntry(zip, 100)).hasMessageContaining("larger than 100");
        final byte[] plain = "plain".getBytes(StandardCharsets.UTF_8);
        assertThat(ZipFiles.isZip(plain)).isFalse();
    }
}
