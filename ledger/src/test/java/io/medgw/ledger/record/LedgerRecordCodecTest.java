package io.medgw.ledger.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.LedgerFixtures;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import static io.medgw.ledger.LedgerFixtures.assertSameRequest;
import static io.medgw.ledger.LedgerFixtures.assertSameResult;
import static io.medgw.ledger.record.LedgerRecordLayout.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerRecordCodecTest
{
    private static final int OFFSET = 37;

    private final LedgerRecordEncoder encoder = new LedgerRecordEncoder();
    private final LedgerRecordDecoder decoder = new LedgerRecordDecoder();
    private final SettlementRequest req = new SettlementRequest();
    private final SettlementResult res = new SettlementResult();
    private final SettlementRequest outReq = new SettlementRequest();
    private final SettlementResult outRes = new SettlementResult();

    @Test
    void shouldKeepKeysAmountsAndLineSerialsButSkipTheRestWhenDecodingLean()
    {
        LedgerFixtures.richCancellation(req, res);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        final int length = encoder.wrap(buffer, OFFSET).encode(7, 1_710_495_001_234L, req, res);

        decoder.wrap(buffer, OFFSET, length).decode(outReq, outRes, false);

        assertSameResult(outRes, res);
        assertThat(outReq.msgid).isEqualTo(req.msgid);
        assertThat(outReq.infno).isEqualTo(req.infno);
        assertThat(outReq.fixmedinsCode).isEqualTo(req.fixmedinsCode);
        assertThat(outReq.txn).isEqualTo(req.txn);
        assertThat(outReq.infTime).isEqualTo(req.infTime);
        assertThat(outReq.bodyDigestHi).isEqualTo(req.bodyDigestHi);
        assertThat(outReq.bodyDigestLo).isEqualTo(req.bodyDigestLo);
        assertThat(outReq.setlId).as("data section kept").isEqualTo(req.setlId);
        assertThat(outReq.opterName).as("skipped").isNull();
        assertThat(outReq.fixmedinsName).as("skipped").isNull();
        assertThat(outReq.signtype).as("skipped").isNull();
        assertThat(outReq.lineCount()).isEqualTo(req.lineCount());
        for (int i = 0; i < req.lineCount(); i++)
        {
            assertThat(outReq.line(i).amountFen).isEqualTo(req.line(i).amountFen);
            assertThat(outReq.line(i).inscpScpAmt).isEqualTo(req.line(i).inscpScpAmt);
            assertThat(outReq.line(i).feedetlSn).isEqualTo(req.line(i).feedetlSn);
            assertThat(outReq.line(i).chrgBchno).as("skipped").isNull();
            assertThat(outReq.line(i).medListCodg).as("skipped").isNull();
            assertThat(outReq.line(i).ownpayReason).as("skipped").isNull();
        }
    }

    @Test
    void shouldRoundTripRichCancellationAtNonZeroOffset()
    {
        LedgerFixtures.richCancellation(req, res);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);

        final int length = encoder.wrap(buffer, OFFSET).encode(42, 1_710_495_001_234L, req, res);
        decoder.wrap(buffer, OFFSET, length).decode(outReq, outRes);

        assertSameRequest(outReq, req);
        assertSameResult(outRes, res);
        assertThat(outReq.lineCount()).isEqualTo(60);
        assertThat(outReq.psnNo).isNull();
        assertThat(outReq.opterName).isEmpty();
        assertThat(outRes.psnName).isEqualTo("欧阳娜娜😀");
        assertThat(outRes.medfeeSumamt).isNegative().isEqualTo(res.medfeeSumamt);
        assertThat(outRes.fundPayamt[0]).isNegative();
        assertThat(outRes.explain.toString()).isEqualTo("§7 冲销: 原结算 S6 全额冲回");
        assertThat(decoder.sequence()).isEqualTo(42);
        assertThat(decoder.appendTimeMs()).isEqualTo(1_710_495_001_234L);
        assertThat(decoder.type()).isEqualTo(2208);
        assertThat(decoder.flags()).isEqualTo(FLAG_REVERSAL | FLAG_MONEY | FLAG_EXPLAIN);
    }

    @RepeatedTest(40)
    void shouldRoundTripEveryFieldWhenFilledRandomly(final RepetitionInfo info)
    {
        final long seed = 0x5EEDL * info.getCurrentRepetition() + System.nanoTime();
        final SplittableRandom rnd = new SplittableRandom(seed);
        try
        {
            LedgerFixtures.randomRequest(req, rnd, rnd.nextInt(70));
            repeatSomeLineStrings(rnd);
            LedgerFixtures.randomResult(res, rnd);
            final MutableDirectBuffer buffer = rnd.nextBoolean() ?
                new ExpandableArrayBuffer(16) : new ExpandableDirectByteBuffer(16);
            final int offset = 1 + rnd.nextInt(100);

            final int length = encoder.wrap(buffer, offset).encode(rnd.nextLong(), rnd.nextLong(), req, res);
            decoder.wrap(buffer, offset, length).decode(outReq, outRes);

            assertSameRequest(outReq, req);
            assertSameResult(outRes, res);
        }
        catch (final AssertionError | RuntimeException ex)
        {
            throw new AssertionError("seed " + seed + ": " + ex.getMessage(), ex);
        }
    }

    @Test
    void shouldNotLeakPreviousRecordWhenDecodingIntoReusedObjects()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        LedgerFixtures.richCancellation(req, res);
        decoder.wrap(buffer, 0, encoder.wrap(buffer, 0).encode(1, 1, req, res)).decode(outReq, outRes);

        req.clear();
        res.clear();
        req.txn = 9001;
        req.infno = "9001";
        res.refuse(ErrorCode.E1023, "not signed in");
        decoder.wrap(buffer, 0, encoder.wrap(buffer, 0).encode(2, 2, req, res)).decode(outReq, outRes);

        assertSameRequest(outReq, req);
        assertSameResult(outRes, res);
        assertThat(outReq.lineCount()).isZero();
        assertThat(outRes.explain.length()).isZero();
        assertThat(decoder.flags()).isEqualTo(FLAG_REFUSED);
    }

    @Test
    void shouldPinTheLayoutSizeOfAnEmptyRecord()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);

        final int length = encoder.wrap(buffer, 0).encode(1, 1, req, res);

        // header + refVersion + request block + 51 strings + fileData
        //        + result block + 24 strings + answerBytes + explain
        assertThat(length).isEqualTo(40 + 4 + 101 + 51 * 4 + 4 + 269 + 24 * 4 + 4 + 4).isEqualTo(726);
        assertThat(HEADER_LENGTH + REQUEST_FIXED_LENGTH + RESULT_FIXED_LENGTH).isEqualTo(410);
        assertThat(LINE_FIXED_LENGTH).isEqualTo(76);
    }

    @Test
    void shouldWriteTheDocumentedHeaderLittleEndian()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        LedgerFixtures.settlement(req, res, 1, 5);

        final int length = encoder.wrap(buffer, OFFSET).encode(0x0102030405060708L, 0x1122334455667788L, req, res);

        final byte[] b = buffer.byteArray();
        assertThat(b[OFFSET]).isEqualTo((byte)2);
        assertThat(b[OFFSET + 1]).isEqualTo((byte)0);
        assertThat(b[OFFSET + 2]).isEqualTo((byte)40);
        assertThat(buffer.getInt(OFFSET + 4, BYTE_ORDER)).isEqualTo(length);
        assertThat(buffer.getInt(OFFSET + 12, BYTE_ORDER)).isEqualTo(2207);
        assertThat(buffer.getInt(OFFSET + 16, BYTE_ORDER)).isEqualTo(FLAG_MONEY);
        assertThat(b[OFFSET + 24]).isEqualTo((byte)0x08);
        assertThat(b[OFFSET + 31]).isEqualTo((byte)0x01);
        assertThat(b[OFFSET + 32]).isEqualTo((byte)0x88);
        assertThat(buffer.getInt(OFFSET + 40, BYTE_ORDER)).isEqualTo(res.refVersion.length());
    }

    @Test
    void shouldLeaveBytesOutsideTheRecordUntouchedInAFixedBuffer()
    {
        final byte[] array = new byte[8192];
        java.util.Arrays.fill(array, (byte)0x5A);
        final UnsafeBuffer buffer = new UnsafeBuffer(array);
        LedgerFixtures.settlement(req, res, 10, 5);

        final int length = encoder.wrap(buffer, 100).encode(1, 1, req, res);

        for (int i = 0; i < 100; i++)
        {
            assertThat(array[i]).isEqualTo((byte)0x5A);
        }
        for (int i = 100 + length; i < array.length; i++)
        {
            assertThat(array[i]).isEqualTo((byte)0x5A);
        }
    }

    @Test
    void shouldThrowWhenTheRecordDoesNotFitAFixedBuffer()
    {
        LedgerFixtures.settlement(req, res, 10, 5);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);

        assertThatThrownBy(() -> encoder.wrap(buffer, 0).encode(1, 1, req, res))
            .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldEncodeUtf8ExactlyAsStringGetBytes()
    {
        final String[] samples = {"", "abc", "张伟", "é", "😀𠀋", "bad\ud800pair", "\udc00lone", "end\ud83d"};
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
        for (final String s : samples)
        {
            final int written = Utf8Strings.put(buffer, 3, s);
            final byte[] expected = s.getBytes(StandardCharsets.UTF_8);
            assertThat(written).as(s).isEqualTo(4 + expected.length);
            final byte[] actual = new byte[expected.length];
            buffer.getBytes(7, actual);
            assertThat(actual).as(s).isEqualTo(expected);
        }
        assertThat(Utf8Strings.put(buffer, 3, null)).isEqualTo(4);
        assertThat(buffer.getInt(3, BYTE_ORDER)).isEqualTo(NULL_STRING_LENGTH);
    }

    @Test
    void shouldRejectARecordWhenAnyByteIsFlipped()
    {
        LedgerFixtures.settlement(req, res, 3, 5);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        final int length = encoder.wrap(buffer, OFFSET).encode(1, 1, req, res);

        for (int i = 0; i < length; i++)
        {
            final byte original = buffer.getByte(OFFSET + i);
            buffer.putByte(OFFSET + i, (byte)(original ^ 0x10));
            final int at = i;
            assertThatThrownBy(() -> decoder.wrap(buffer, OFFSET, length).decode(outReq, outRes))
                .as("byte %d", at).isInstanceOf(LedgerFormatException.class);
            buffer.putByte(OFFSET + i, original);
        }
        decoder.wrap(buffer, OFFSET, length).decode(outReq, outRes);
        assertSameRequest(outReq, req);
    }

    @Test
    void shouldRejectATruncatedRecord()
    {
        LedgerFixtures.settlement(req, res, 3, 5);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        final int length = encoder.wrap(buffer, 0).encode(1, 1, req, res);

        assertThatThrownBy(() -> decoder.wrap(buffer, 0, length - 1).decode(outReq, outRes))
            .isInstanceOf(LedgerFormatException.class).hasMessageContaining("record length");
        assertThatThrownBy(() -> decoder.wrap(buffer, 0, 10).decode(outReq, outRes))
            .isInstanceOf(LedgerFormatException.class).hasMessageContaining("shorter than the header");
    }

    @Test
    void shouldRejectAnotherFormatVersion()
    {
        LedgerFixtures.settlement(req, res, 1, 5);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        final int length = encoder.wrap(buffer, 0).encode(1, 1, req, res);
        buffer.putShort(VERSION_OFFSET, (short)3, BYTE_ORDER);

        assertThatThrownBy(() -> decoder.wrap(buffer, 0, length).decode(outReq, outRes))
            .isInstanceOf(LedgerFormatException.class).hasMessageContaining("format version 3");
    }

    @Test
    void shouldReadVersion1RecordsWrittenBeforeTheLineMarker() throws IOException
    {
        // Written by the version 1 encoder (commit f651d2c) from these same fixtures.
        final UnsafeBuffer v1Settlement = resource("v1-settlement-10-lines.bin");
        final UnsafeBuffer v1Cancellation = resource("v1-rich-cancellation.bin");

        decoder.wrap(v1Settlement, 0, v1Settlement.capacity()).decode(outReq, outRes);
        LedgerFixtures.settlement(req, res, 10, 5);
        assertThat(decoder.formatVersion()).isEqualTo(FORMAT_VERSION_1);
        assertThat(decoder.sequence()).isEqualTo(41);
        assertSameRequest(outReq, req);
        assertSameResult(outRes, res);

        decoder.wrap(v1Cancellation, 0, v1Cancellation.capacity()).decode(outReq, outRes, false);
        LedgerFixtures.richCancellation(req, res);
        assertThat(decoder.sequence()).isEqualTo(42);
        assertThat(outReq.line(59).feedetlSn).isEqualTo(req.line(59).feedetlSn);
        assertThat(outReq.line(59).chrgBchno).as("skipped").isNull();
        decoder.decode(outReq, outRes);
        assertSameRequest(outReq, req);
        assertSameResult(outRes, res);
    }

    @Test
    void shouldWriteALineStringEqualToThePreviousLinesAsTheMarker()
    {
        LedgerFixtures.settlement(req, res, 10, 5);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);

        final int length = encoder.wrap(buffer, OFFSET).encode(41, 1_710_495_001_234L, req, res);
        decoder.wrap(buffer, OFFSET, length).decode(outReq, outRes);

        assertSameRequest(outReq, req);
        assertSameResult(outRes, res);
        // mdtrtId, psnNo, chrgBchno, rxno, feeOcurTime, medListCodg, medChrgitmType repeat on lines 1..9:
        // each is a 4-byte marker instead of 4 + its bytes (v1 wrote this record in 3,127 bytes).
        final int repeatedBytes = 9 * (req.mdtrtId.length() + req.psnNo.length() + req.chrgBchno.length() +
            req.line(0).rxno.length() + req.infTimeText.length() + req.line(0).medListCodg.length() + 2);
        assertThat(length).isEqualTo(3_127 - repeatedBytes);
        assertThat(decoder.formatVersion()).isEqualTo(FORMAT_VERSION);

        decoder.decode(outReq, outRes, false);
        for (int i = 0; i < 10; i++)
        {
            assertThat(outReq.line(i).chrgBchno).as("skipped, markers too").isNull();
            assertThat(outReq.line(i).feedetlSn).isEqualTo(req.line(i).feedetlSn);
        }
    }

    @Test
    void shouldRejectTheLineMarkerInAVersion1Record()
    {
        LedgerFixtures.settlement(req, res, 3, 5);
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        final int length = encoder.wrap(buffer, 0).encode(1, 1, req, res);
        buffer.putShort(VERSION_OFFSET, FORMAT_VERSION_1, BYTE_ORDER);
        reseal(buffer, length);

        assertThatThrownBy(() -> decoder.wrap(buffer, 0, length).decode(outReq, outRes))
            .isInstanceOf(LedgerFormatException.class).hasMessageContaining("bad string length -2");
    }

    @Test
    void shouldRejectTheLineMarkerInTheFirstLine()
    {
        LedgerFixtures.settlement(req, res, 3, 5);
        req.line(0).selfpayPropBp = 0x7A6B5C4D; // finds the first line's strings
        req.line(0).feedetlSn = "";
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64);
        final int length = encoder.wrap(buffer, 0).encode(1, 1, req, res);
        int at = 0;
        while (buffer.getInt(at, BYTE_ORDER) != 0x7A6B5C4D)
        {
            at++;
        }
        assertThat(buffer.getInt(at + 4, BYTE_ORDER)).isZero();
        buffer.putInt(at + 4, SAME_AS_PREVIOUS_LINE, BYTE_ORDER);
        reseal(buffer, length);

        assertThatThrownBy(() -> decoder.wrap(buffer, 0, length).decode(outReq, outRes))
            .isInstanceOf(LedgerFormatException.class).hasMessageContaining("bad string length -2");
    }

    /** Makes some lines repeat some strings of the line before, so the marker is exercised. */
    private void repeatSomeLineStrings(final SplittableRandom rnd)
    {
        for (int i = 1; i < req.lineCount(); i++)
        {
            final FeeLine previous = req.line(i - 1);
            final FeeLine line = req.line(i);
            line.mdtrtId = rnd.nextBoolean() ? previous.mdtrtId : line.mdtrtId;
            line.chrgBchno = rnd.nextBoolean() ? previous.chrgBchno : line.chrgBchno;
            line.feedetlSn = rnd.nextInt(8) == 0 ? previous.feedetlSn : line.feedetlSn;
            line.ownpayReason = rnd.nextBoolean() && previous.ownpayReason != null ?
                new String(previous.ownpayReason) : line.ownpayReason;
        }
    }

    private static void reseal(final MutableDirectBuffer buffer, final int length)
    {
        buffer.putInt(CHECKSUM_OFFSET,
            new RecordChecksum().compute(buffer, CHECKSUM_FROM, length - CHECKSUM_FROM), BYTE_ORDER);
    }

    private static UnsafeBuffer resource(final String name) throws IOException
    {
        try (InputStream in = LedgerRecordCodecTest.class.getResourceAsStream(name))
        {
            assertThat(in).as(name).isNotNull();
            return new UnsafeBuffer(in.readAllBytes());
        }
    }

    @Test
    void shouldDeriveFlagsFromTheResult()
    {
        res.clear();
        assertThat(LedgerRecordEncoder.flags(res)).isZero();
        res.sign = 1;
        assertThat(LedgerRecordEncoder.flags(res)).isEqualTo(FLAG_MONEY);
        res.sign = -1;
        assertThat(LedgerRecordEncoder.flags(res)).isEqualTo(FLAG_MONEY | FLAG_REVERSAL);
        res.clear();
        res.refuse(ErrorCode.E4002, "already cancelled");
        assertThat(LedgerRecordEncoder.flags(res)).isEqualTo(FLAG_REFUSED);
    }
}
