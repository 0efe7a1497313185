package io.medgw.gateway.visit;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.codec.reply.ResponseReader;
import io.medgw.codec.request.RequestDecoder;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.settlement.SettlementContext;
import io.medgw.gateway.settlement.SettlementEngine;
import io.medgw.gateway.signin.SignInRegistry;
import io.medgw.gateway.state.SettlementState;
import io.medgw.ledger.InMemoryLedger;
import io.medgw.ledger.LedgerReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drives a {@link TransactionDesk} and a {@link SettlementEngine} synchronously the way the
 * pipeline does (SettleHandler, JournalHandler, ReplyHandler): wire JSON → {@link RequestDecoder} →
 * desk.process, or desk.beforeSettlement + engine + desk.afterSettlement → journal into an
 * {@link InMemoryLedger} (the real record codec) → encoded reply read back with
 * {@link ResponseReader}. The clock is each request's inf_time. {@link #replayed()} builds
 * a fresh gateway state from the ledger, as a restart does.
 */
public final class DeskFixture
{
    public final ReferenceData ref;
    public final SignInRegistry signIn = new SignInRegistry();
    public final SettlementEngine engine;
    public final TransactionDesk desk;
    public final InMemoryLedger ledger;
    private final RequestDecoder decoder = new RequestDecoder();
    private final ResponseEncoder encoder = new ResponseEncoder();
    private final DeskContext deskContext;
    private final Consumer<DeskContext> tune;
    private String institution = TestRegion.H3;
    private String time = "2026-03-01 10:00:00";
    private int msgSeq;
    private long serial;

    /** The standard region, on the wire (sign-in checked). */
    public DeskFixture()
    {
        this(TestRegion.standard().build(), new InMemoryLedger(), null);
    }

    /**
     * @param ref    reference data.
     * @param ledger the ledger to journal into (and read 5204 from).
     * @param tune   adjusts the desk's context (file limits), or null.
     */
    public DeskFixture(final ReferenceData ref, final InMemoryLedger ledger, final Consumer<DeskContext> tune)
    {
        this.ref = ref;
        this.ledger = ledger;
        final SettlementContext ctx = new SettlementContext().referenceData(ref).signInStatus(signIn);
        this.engine = new SettlementEngine(ctx);
        this.deskContext = new DeskContext().settlement(ctx).ledgerReader(ledger.reader());
        this.tune = tune;
        if (tune != null)
        {
            tune.accept(deskContext);
        }
        this.desk = new TransactionDesk(deskContext);
    }

    /** @return the settlement state. */
    public SettlementState state()
    {
        return engine.state();
    }

    /** @param code the institution sending the next requests. @return this. */
    public DeskFixture at(final String code)
    {
        institution = code;
        return this;
    }

    /** @param infTime inf_time of the next requests. @return this. */
    public DeskFixture time(final String infTime)
    {
        time = infTime;
        return this;
    }

    /** @return the next msgid of the current institution. */
    public String nextMsgid()
    {
        return String.format("%s20260301100000%04d", institution, ++msgSeq);
    }

    /** Sends a request with the next msgid. */
    public Reply send(final String infno, final String input)
    {
        return send(infno, nextMsgid(), input);
    }

    /** Sends a request. @param input the JSON of {@code input}. */
    public Reply send(final String infno, final String msgid, final String input)
    {
        final String json = "{\"infno\":\"" + infno + "\",\"msgid\":\"" + msgid + "\",\"mdtrtarea_admvs\":\"320100\"," +
            "\"insuplc_admdvs\":\"320100\",\"recer_sys_code\":\"YBXT\",\"infver\":\"V1.0\",\"opter_type\":\"1\"," +
            "\"opter\":\"OP1\",\"opter_name\":\"收费员\",\"inf_time\":\"" + time + "\",\"fixmedins_code\":\"" + institution +
            "\",\"fixmedins_name\":\"医院\",\"sign_no\":\"\",\"input\":" + input + "}";
        return sendRaw(json);
    }

    /** Sends a whole envelope. */
    public Reply sendRaw(final String json)
    {
        final SettlementEvent e = new SettlementEvent();
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        final ErrorCode decoded = decoder.decode(body, 0, body.length, e.request);
        if (decoded != ErrorCode.NONE)
        {
            throw new AssertionError("decoder refused: " + decoded + " " + decoder.lastErrorMessage() + "\n" + json);
        }
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final long now = req.infTime;
        final long ms = (now - 8 * 3600L) * 1000L;
        encoder.header("320100", ++serial, ms, ms);
        // as the pipeline's SettleHandler → JournalHandler → ReplyHandler do
        e.start(ref, now);
        final boolean journaled;
        final ByteSink sink;
        if (e.kind == SettlementEvent.KIND_OTHER)
        {
            journaled = desk.process(e);
            if (journaled)
            {
                ledger.append(req, res, ms);
            }
            sink = res.ok() ? desk.writeReply(e, encoder) : encoder.encodeError(res.error, res.errorMessage);
        }
        else
        {
            desk.beforeSettlement(e);
            engine.process(e);
            journaled = !e.answered && res.ok() && res.sign != 0 && (e.kind == SettlementEvent.KIND_SETTLE ||
                e.kind == SettlementEvent.KIND_CANCEL || e.kind == SettlementEvent.KIND_REVERSAL);
            if (journaled)
            {
                desk.afterSettlement(e);
                ledger.append(req, res, ms);
            }
            sink = encoder.encodeSettlement(req, res);
        }
        return new Reply(e, journaled, sink.toByteArray(), TransactionDesk.rawReply(e));
    }

    /**
     * A restart: a new gateway (state, sign-in, desk) over the same reference data and ledger, with
     * every ledger record re-applied in order.
     *
     * @return the rebuilt fixture.
     */
    public DeskFixture replayed()
    {
        final DeskFixture fresh = new DeskFixture(ref, ledger, null);
        fresh.msgSeq = 5000;
        final LedgerReader reader = ledger.reader();
        reader.forEach((index, sequence, appendTimeMs, req, res) ->
        {
            if (SettlementEvent.kindOf(req.txn) != SettlementEvent.KIND_OTHER)
            {
                fresh.state().apply(req, res);
            }
            fresh.desk.apply(req, res, index);
        });
        return fresh;
    }

    /** Fills a fresh desk (from a snapshot). */
    @FunctionalInterface
    public interface DeskLoader
    {
        /** @param desk a fresh desk. @throws IOException when the snapshot cannot be read. */
        void load(TransactionDesk desk) throws IOException;
    }

    /**
     * A restart from a snapshot: a new gateway over a copy of the ledger (so that this fixture and
     * the new one can both go on), its settlement state rebuilt from the copy, its desk filled by
     * {@code load} instead of re-applying the records; the same context tuning, clock, institution,
     * msgid counter and reply serial, so both fixtures send and answer byte-identical requests.
     *
     * @param load fills the new desk.
     * @return the restored fixture.
     * @throws IOException when {@code load} does.
     */
    public DeskFixture restored(final DeskLoader load) throws IOException
    {
        final InMemoryLedger copy = new InMemoryLedger();
        ledger.reader().forEach((index, sequence, appendTimeMs, req, res) -> copy.append(req, res, appendTimeMs));
        final DeskFixture fresh = new DeskFixture(ref, copy, tune);
        copy.reader().forEach((index, sequence, appendTimeMs, req, res) ->
        {
            if (SettlementEvent.kindOf(req.txn) != SettlementEvent.KIND_OTHER)
            {
                fresh.state().apply(req, res);
            }
        });
        load.load(fresh.desk);
        fresh.institution = institution;
        fresh.time = time;
        fresh.msgSeq = msgSeq;
        fresh.serial = serial;
        return fresh;
    }

    // ------------------------------------------------------------------ request builders

    /** 9001 for the current institution. */
    public Reply signIn()
    {
        return send("9001", "{\"signIn\":{\"opter_no\":\"OP1\",\"mac\":\"00-1A-2B-3C-4D-5E\",\"ip\":\"10.1.2.3\"}}");
    }

    /** 2201 by psn_no and card. */
    public Reply register(final String psn, final String iptOtpNo)
    {
        return send("2201", "{\"data\":{\"psn_no\":\"" + psn + "\",\"insutype\":\"310\",\"begntime\":\"" + time +
            "\",\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARD" + psn + "\",\"ipt_otp_no\":\"" + iptOtpNo +
            "\",\"atddr_no\":\"D001\",\"dr_name\":\"王医生\",\"dept_code\":\"K01\",\"dept_name\":\"内科\",\"caty\":\"A03\"}}");
    }

    /** 2401 admission. */
    public Reply admit(final String psn, final String iptNo)
    {
        return send("2401", "{\"mdtrtinfo\":{\"psn_no\":\"" + psn + "\",\"insutype\":\"310\",\"begntime\":\"" + time +
            "\",\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARD" + psn + "\",\"med_type\":\"21\",\"ipt_no\":\"" + iptNo +
            "\",\"atddr_no\":\"D001\",\"chfpdr_name\":\"王医生\",\"adm_dept_codg\":\"K02\",\"adm_dept_name\":\"外科\"," +
            "\"dise_codg\":\"I10\"}}");
    }

    /** One feedetail row (amount given as text). */
    public static String line(final String mdtrtId, final String psn, final String sn, final String batch, final String code,
        final String cnt, final String pric, final String amount)
    {
        return "{\"feedetl_sn\":\"" + sn + "\",\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + psn + "\",\"chrg_bchno\":\"" +
            batch + "\",\"rx_circ_flag\":\"0\",\"fee_ocur_time\":\"2026-03-01 09:30:00\",\"med_list_codg\":\"" + code +
            "\",\"medins_list_codg\":\"H-" + code + "\",\"det_item_fee_sumamt\":" + amount + ",\"cnt\":" + cnt +
            ",\"pric\":" + pric + ",\"bilg_dept_codg\":\"K01\",\"bilg_dept_name\":\"内科\",\"bilg_dr_codg\":\"D001\"," +
            "\"bilg_dr_name\":\"王医生\",\"hosp_appr_flag\":\"1\"}";
    }

    /** 2204 / 2301 with the given rows. */
    public Reply upload(final String infno, final String... rows)
    {
        return send(infno, "{\"feedetail\":[" + String.join(",", rows) + "]}");
    }

    /** 2206/2207/2303/2304 of a visit, no lines. @param extra more data fields (",\"x\":1") or "". */
    public Reply settle(final String infno, final String psn, final String mdtrtId, final String medType,
        final String acctUsedFlag, final String extra)
    {
        return send(infno, "{\"data\":{\"psn_no\":\"" + psn + "\",\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"CARD" + psn +
            "\",\"med_type\":\"" + medType + "\",\"psn_setlway\":\"01\",\"mdtrt_id\":\"" + mdtrtId +
            "\",\"acct_used_flag\":\"" + acctUsedFlag + "\",\"insutype\":\"310\"" + extra + "}}");
    }

    /** 2208/2305 of a settlement. */
    public Reply cancel(final String infno, final String psn, final String mdtrtId, final String setlId)
    {
        return send(infno, "{\"data\":{\"setl_id\":\"" + setlId + "\",\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + psn + "\"}}");
    }

    /** A {"data":{...}} input with only psn_no, mdtrt_id and the given extra fields. */
    public static String data(final String fields)
    {
        return "{\"data\":{" + fields + "}}";
    }

    /** The answer of one request. */
    public static final class Reply
    {
        public final SettlementEvent event;
        public final boolean journaled;
        public final byte[] bytes;
        public final boolean raw;
        private final ResponseReader reader;

        Reply(final SettlementEvent event, final boolean journaled, final byte[] bytes, final boolean raw)
        {
            this.event = event;
            this.journaled = journaled;
            this.bytes = bytes;
            this.raw = raw;
            this.reader = raw ? null : new ResponseReader().read(bytes, 0, bytes.length);
        }

        /** @return the answer's error code. */
        public ErrorCode error()
        {
            return event.result.error;
        }

        /** @return the result. */
        public SettlementResult result()
        {
            return event.result;
        }

        /** @return the request as processed (filled lines included). */
        public SettlementRequest request()
        {
            return event.request;
        }

        /** @return the reply read back. */
        public ResponseReader json()
        {
            return reader;
        }

        /** @param path a flattened path. @return its text. */
        public String text(final String path)
        {
            return reader.text(path);
        }

        /** @return err_msg. */
        public String errMsg()
        {
            return reader.errMsg();
        }

        /** @param prefix a path prefix. @return every value under it (for messages). */
        public List<String> under(final String prefix)
        {
            final List<String> out = new ArrayList<>();
            reader.values().forEach((k, v) -> {
                if (k.startsWith(prefix))
                {
                    out.add(k + "=" + v);
                }
            });
            return out;
        }

        @Override
        public String toString()
        {
            return raw ? "<" + bytes.length + " raw bytes>" : new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
