package io.medgw.codec.reply;

import org.junit.jupiter.api.Test;

import static io.medgw.codec.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseReaderTest
{
    private final ResponseReader reader = new ResponseReader();

    private ResponseReader read(final String json)
    {
        final byte[] b = utf8(json);
        return reader.read(b, 0, b.length);
    }

    @Test
    void shouldReadPlatformResponseWithNumericInfcode()
    {
        read("{\"output\":{\"idetinfo\":[],\"baseinfo\":{\"psn_no\":\"801874939\",\"age\":50.2},\"insuinfo\":[{\"balc\":41509.00," +
            "\"insutype\":\"310\",\"paus_insu_date\":null}]},\"infcode\":0,\"warn_msg\":null,\"err_msg\":null," +
            "\"inf_refmsgid\":\"310000202309201823500002516630\"}");
        assertThat(reader.infcode()).isZero();
        assertThat(reader.errMsg()).isNull();
        assertThat(reader.infRefmsgid()).isEqualTo("310000202309201823500002516630");
        assertThat(reader.fen("output.insuinfo[0].balc")).isEqualTo(4_150_900);
        assertThat(reader.size("output.idetinfo")).isZero();
        assertThat(reader.size("output.insuinfo")).isEqualTo(1);
        assertThat(reader.has("output.insuinfo[0].paus_insu_date")).isTrue();
        assertThat(reader.text("output.baseinfo.psn_no")).isEqualTo("801874939");
        assertThat(reader.isNumber("output.baseinfo.psn_no")).isFalse();
    }

    @Test
    void shouldAcceptInfcodeAsString()
    {
        assertThat(read("{\"infcode\":\"0\",\"err_msg\":\"成功\",\"output\":\"Zm9v\"}").infcode()).isZero();
        assertThat(read("{\"infcode\":\"-1\",\"err_msg\":\"E9001: x\"}").infcode()).isEqualTo(-1);
        assertThat(read("{\"err_msg\":\"x\"}").infcode()).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void shouldRefuseNonObject()
    {
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read("{\"a\":")).isInstanceOf(java.io.UncheckedIOException.class);
    }
}
