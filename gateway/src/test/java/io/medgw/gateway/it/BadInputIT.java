package io.medgw.gateway.it;

import io.medgw.codec.reply.ResponseReader;
import io.medgw.gateway.TestRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static io.medgw.gateway.it.WireChecks.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a broken or unusual HIS sends, over real sockets: each refusal answers its code at the start
 * of err_msg with its infcode, and writes nothing (a decode refusal writes no ledger record at all;
 * a business refusal moves no money and leaves the state as it was). The tolerated variants
 * (text/plain, infno in the URL, per-service paths) settle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BadInputIT
{
    private static final int MAX_BODY = 4096;

    private ItGateway gw;
    private long ledgerBefore;
    private long stateBefore;

    @BeforeAll
    void start(@TempDir final Path root) throws Exception
    {
        gw = new ItGateway(root).start(ctx -> ctx.maxBodyBytes(MAX_BODY));
    }

    @AfterAll
    void stop()
    {
        gw.close();
    }

    @BeforeEach
    void mark()
    {
        ledgerBefore = gw.ledgerSize();
        stateBefore = gw.gateway().state().accountsDigest();
    }

    private Bill good()
    {
        return Bill.settle(gw.clock, TestRegion.H3, "E3").line("A001", 10_000, 12_000_000);
    }

    private ResponseReader post(final String json) throws Exception
    {
        try (WireClient c = gw.client())
        {
            final WireClient.Reply r = c.post(json);
            assertThat(r.status()).as("HTTP status of an envelope answer").isEqualTo(200);
            return r.envelope();
        }
    }

    private ResponseReader post(final String path, final String contentType, final String json) throws Exception
    {
        try (WireClient c = gw.client())
        {
            final WireClient.Reply r = c.post(path, contentType, json.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            return r.envelope();
        }
    }

    /** A decode refusal is not a transaction: not remembered, not journaled. */
    private void assertNothingWritten()
    {
        assertThat(gw.ledgerSize()).as("ledger records").isEqualTo(ledgerBefore);
        assertThat(gw.gateway().state().accountsDigest()).as("accounts and accumulators").isEqualTo(stateBefore);
    }

    /** A business refusal changes nothing (rules §2): no money record, no account or accumulator moved. */
    private void assertNoMoneyMoved()
    {
        assertThat(gw.moneyRecords()).as("money records in the ledger").isEqualTo(gw.gateway().state().recordCount());
        assertThat(gw.gateway().state().recordCount()).as("settlements known").isEqualTo(ledgerBefore);
        assertThat(gw.gateway().state().accountsDigest()).as("accounts and accumulators").isEqualTo(stateBefore);
    }

    @Test
    void shouldRefuseE5001WhenTheJsonIsMalformed() throws Exception
    {
        final String json = good().json();
        final ResponseReader r = post(json.substring(0, json.length() / 2));
        assertRefused(r, "E5001", -2);
        assertThat(r.errMsg()).contains("malformed JSON at line 1");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseE5004WhenTheInfnoIsUnknown() throws Exception
    {
        final ResponseReader r = post(good().envelope("infno", "9999").json());
        assertRefused(r, "E5004", -2);
        assertThat(r.errMsg()).contains("9999");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseE5002WhenTheMsgidIsMissing() throws Exception
    {
        final ResponseReader r = post(good().msgid(null).json());
        assertRefused(r, "E5002", -2);
        assertThat(r.errMsg()).contains("msgid");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseE5001WhenTheMsgidIsTooShort() throws Exception
    {
        final ResponseReader r = post(good().msgid(TestRegion.H3 + "2026030210").json());
        assertRefused(r, "E5001", -2);
        assertThat(r.errMsg()).contains("msgid").contains("22 characters");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseE5005WhenAnAmountIsAFractionOfAFen() throws Exception
    {
        final ResponseReader r = post(good().dataRaw("medfee_sumamt", "1.005").json());
        assertRefused(r, "E5005", -2);
        assertThat(r.errMsg()).contains("medfee_sumamt").contains("1.005");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseE5005WhenAnAmountIsNegative() throws Exception
    {
        final ResponseReader r = post(good().dataRaw("medfee_sumamt", "-12.00").json());
        assertRefused(r, "E5005", -2);
        assertThat(r.errMsg()).contains("medfee_sumamt");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseE5006WithHttp413AndCloseWhenTheBodyIsOverTheLimit() throws Exception
    {
        final String json = good().envelope("dev_safe_info", "x".repeat(MAX_BODY)).json();
        try (WireClient c = gw.client())
        {
            final WireClient.Reply r = c.post(WireClient.CALL_SERVICE, WireClient.JSON, json.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).isEqualTo(413);
            assertRefused(r.envelope(), "E5006", -2);
            assertThat(c.closedByServer()).as("connection closed after a too-large body").isTrue();
        }
        assertNothingWritten();
    }

    @Test
    void shouldRefuseE1021WhenTheInstitutionIsUnknown() throws Exception
    {
        final ResponseReader r = post(Bill.settle(gw.clock, "H99999999999", "E3").line("A001", 10_000, 12_000_000).json());
        assertRefused(r, "E1021", -2);
        assertThat(r.errMsg()).contains("H99999999999");
        assertNoMoneyMoved();
    }

    @Test
    void shouldRefuseE2003WhenACodeIsNotInTheCatalogue() throws Exception
    {
        final ResponseReader r = post(good().line("ZZ999", 10_000, 1_000_000).json());
        assertRefused(r, "E2003", -2);
        assertThat(r.errMsg()).contains("ZZ999");
        assertNoMoneyMoved();
    }

    @Test
    void shouldRefuseE1024WhenInfTimeIsTooFarFromTheGatewayClock() throws Exception
    {
        final ResponseReader r = post(good().infTime(gw.clock.infTime(-3600)).json());
        assertRefused(r, "E1024", -2);
        final ResponseReader ahead = post(good().infTime(gw.clock.infTime(3600)).json());
        assertRefused(ahead, "E1024", -2);
        assertNoMoneyMoved();
    }

    @Test
    void shouldSettleWhenTheInfTimeIsWithinTheSkew() throws Exception
    {
        final ResponseReader r = post(good().infTime(gw.clock.infTime(-300)).json());
        assertThat(r.infcode()).as(r.errMsg()).isZero();
        assertThat(gw.ledgerSize()).isEqualTo(ledgerBefore + 1);
    }

    @Test
    void shouldSettleWhenTheContentTypeIsTextPlain() throws Exception
    {
        final ResponseReader r = post(WireClient.CALL_SERVICE, "text/plain;charset=utf-8", good().json());
        assertThat(r.infcode()).as(r.errMsg()).isZero();
        assertThat(r.setlId()).isNotNull();
        assertThat(gw.ledgerSize()).isEqualTo(ledgerBefore + 1);
    }

    @Test
    void shouldRefuseE5001WithHttp415WhenTheContentTypeIsNotJson() throws Exception
    {
        try (WireClient c = gw.client())
        {
            final WireClient.Reply r = c.post(WireClient.CALL_SERVICE, "application/xml", good().bytes());
            assertThat(r.status()).isEqualTo(415);
            assertRefused(r.envelope(), "E5001", -2);
            final WireClient.Reply next = c.post(good().json());
            assertThat(next.envelope().infcode()).as("the connection stays usable").isZero();
        }
        assertThat(gw.ledgerSize()).isEqualTo(ledgerBefore + 1);
    }

    @Test
    void shouldSettleWhenTheInfnoIsOnlyAtTheEndOfThePath() throws Exception
    {
        final ResponseReader r = post(WireClient.CALL_SERVICE + "/2207", WireClient.JSON, good().envelope("infno", null).json());
        assertThat(r.infcode()).as(r.errMsg()).isZero();
        assertThat(r.setlId()).isNotNull();
        assertThat(gw.ledgerSize()).isEqualTo(ledgerBefore + 1);
    }

    @Test
    void shouldSettleAs2207WhenPostedToTheOldPerServicePath() throws Exception
    {
        final Bill bill = good().envelope("infno", null);
        final ResponseReader r = post("/fsi/api/outpatientSettleService/saveSettletmentV2", WireClient.JSON, bill.json());
        assertThat(r.infcode()).as(r.errMsg()).isZero();
        assertThat(r.setlId()).isNotNull();
        assertThat(r.text("output.setlinfo.medins_setl_id")).isEqualTo(bill.msgid());
        assertThat(gw.ledgerSize()).isEqualTo(ledgerBefore + 1);

        final ResponseReader pre = post("/ebus/rio_fsi/fsi/api/outpatientSettleService/preSettletment", WireClient.JSON,
            good().envelope("infno", null).json());
        assertThat(pre.infcode()).as("2206 by its path: " + pre.errMsg()).isZero();
        assertThat(pre.setlId()).as("a pre-settlement has no setl_id").isNull();
        assertThat(pre.fen("output.setlinfo.medfee_sumamt")).isEqualTo(1_200L);
        assertThat(gw.ledgerSize()).as("a pre-settlement writes nothing").isEqualTo(ledgerBefore + 1);
    }

    @Test
    void shouldRefuseE5004WithHttp404WhenThePathIsUnknown() throws Exception
    {
        try (WireClient c = gw.client())
        {
            final WireClient.Reply r = c.post("/fsi/api/nothingHere/doIt", WireClient.JSON, good().bytes());
            assertThat(r.status()).isEqualTo(404);
            assertRefused(r.envelope(), "E5004", -2);
        }
        assertNothingWritten();
    }
}
