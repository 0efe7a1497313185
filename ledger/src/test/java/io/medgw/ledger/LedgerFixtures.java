package io.medgw.ledger;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds requests and results for ledger tests: a realistic settlement, a rich cancellation, and
 * a reflection-driven random fill of every public field (so a field added to the message classes
 * but forgotten by the record codec fails the round-trip tests). Testing only: allocates.
 */
public final class LedgerFixtures
{
    private static final String[] WORDS = {
        "张伟", "王芳", "李娜", "欧阳娜娜", "医保", "门诊", "阿莫西林胶囊", "0.25g*24粒", "𠀋𡈽", "😀",
        "H44010600001", "310", "2207", "x", "ICD-10 J06.900", "\u00e9t\u00e9", "a\"b\\c", "  ",
    };

    private LedgerFixtures()
    {
    }

    /**
     * A realistic outpatient settlement (2207) with {@code lines} priced fee lines and its result.
     *
     * @param req   filled (cleared first).
     * @param res   filled (cleared first).
     * @param lines number of fee lines.
     * @param n     a number making ids unique.
     */
    public static void settlement(final SettlementRequest req, final SettlementResult res, final int lines,
        final long n)
    {
        req.clear();
        res.clear();
        req.infno = "2207";
        req.txn = 2207;
        req.msgid = "H4401060000120240315093000" + (1000 + n % 9000);
        req.mdtrtareaAdmvs = "440106";
        req.insuplcAdmdvs = "440100";
        req.infver = "V1.0";
        req.opterType = "1";
        req.opter = "1001";
        req.opterName = "收费员甲";
        req.infTimeText = "2024-03-15 09:30:00";
        req.infTime = 1_710_495_000L;
        req.fixmedinsCode = "H44010600001";
        req.fixmedinsName = "广州市天河区人民医院";
        req.psnNo = "44000019800101" + n;
        req.mdtrtCertType = "02";
        req.mdtrtCertNo = "440106198001011234";
        req.medType = "11";
        req.mdtrtId = "MD" + n;
        req.chrgBchno = "CB" + n;
        req.insutype = "310";
        req.acctUsedFlag = true;
        req.diseCodg = "J06.900";
        long total = 0;
        for (int i = 0; i < lines; i++)
        {
            final FeeLine line = req.addLine();
            line.feedetlSn = "FD" + n + "-" + i;
            line.mdtrtId = req.mdtrtId;
            line.psnNo = req.psnNo;
            line.chrgBchno = req.chrgBchno;
            line.rxno = "RX" + n;
            line.feeOcurTime = req.infTimeText;
            line.medListCodg = "XJ01CAA040A001010101445";
            line.medinsListCodg = "YP" + i;
            line.quantity4 = 20_000;
            line.priceMicro = 12_340_000L + i;
            line.amountFen = 2_468 + i;
            line.inscpScpAmt = line.amountFen - 200;
            line.preselfpayAmt = 200;
            line.chrgitmLv = 2;
            line.selfpayPropBp = 1000;
            line.medChrgitmType = "09";
            total += line.amountFen;
        }
        req.medfeeSumamt = total;
        result(res, total, n);
    }

    private static void result(final SettlementResult res, final long total, final long n)
    {
        res.setlId = "S" + n;
        res.mdtrtId = "MD" + n;
        res.refVersion = "ref-2024-03-01.3";
        res.setlDay = 19_797;
        res.setlTime = 1_710_495_001L;
        res.sign = 1;
        res.psnNo = "44000019800101" + n;
        res.psnName = "张伟";
        res.certno = "440106198001011234";
        res.gend = "1";
        res.insutype = "310";
        res.psnType = "11";
        res.clrOptins = "440100";
        res.benefitClass = 0;
        res.hospLv = 2;
        res.medfeeSumamt = total;
        res.preselfpayAmt = 200;
        res.inscpScpAmt = total - 200;
        res.hifpPay = (total - 200) * 6 / 10;
        res.poolRatioBp = 6000;
        res.fundPaySumamt = res.hifpPay;
        res.acctPay = total - res.hifpPay;
        res.psnPartAmt = res.acctPay;
        res.balc = 100_000;
        res.addFundRow("310100", "职工基本医疗保险统筹基金", res.hifpPay, res.inscpScpAmt, 5_000_000);
        res.addFundRow("310200", "职工基本医疗保险个人账户", res.acctPay, 0, -1);
        res.accYear = 2024;
        res.poolGroup = 0;
        res.poolPaid = res.hifpPay;
    }

    /**
     * A rich cancellation record: Chinese names, 60 lines, negated amounts, nulls and empty strings.
     *
     * @param req filled (cleared first).
     * @param res filled (cleared first).
     */
    public static void richCancellation(final SettlementRequest req, final SettlementResult res)
    {
        settlement(req, res, 60, 7);
        req.infno = "2208";
        req.txn = 2208;
        req.setlId = "S6";
        req.opterName = "";
        req.psnNo = null;
        req.cainfo = "";
        req.line(59).ownpayReason = "超限价 (price cap 12.34 元)";
        req.line(58).parseErrorText = "";
        res.sign = -1;
        res.origSetlId = "S6";
        res.psnName = "欧阳娜娜😀";
        res.naty = "";
        res.medfeeSumamt = -res.medfeeSumamt;
        res.hifpPay = -res.hifpPay;
        res.fundPaySumamt = -res.fundPaySumamt;
        res.acctPay = -res.acctPay;
        res.psnPartAmt = -res.psnPartAmt;
        res.fundPayamt[0] = -res.fundPayamt[0];
        res.fundPayamt[1] = -res.fundPayamt[1];
        res.poolPaid = -res.poolPaid;
        res.nFundCount = 1;
        res.nFundCode[0] = "N-公务员补助";
        res.nFundPaid[0] = -1_234;
        res.mulaidHolderPsnNo = null;
        res.explain = new StringBuilder("§7 冲销: 原结算 S6 全额冲回");
    }

    /**
     * Fills every public field of a request (and {@code lines} lines) with random values.
     *
     * @param req   cleared and filled.
     * @param rnd   the generator.
     * @param lines fee line count.
     */
    public static void randomRequest(final SettlementRequest req, final SplittableRandom rnd, final int lines)
    {
        req.clear();
        fill(req, rnd);
        for (int i = 0; i < lines; i++)
        {
            fill(req.addLine(), rnd);
        }
    }

    /**
     * Fills every public field of a result with random values, with valid row counts.
     *
     * @param res cleared and filled.
     * @param rnd the generator.
     */
    public static void randomResult(final SettlementResult res, final SplittableRandom rnd)
    {
        res.clear();
        fill(res, rnd);
        final ErrorCode[] codes = ErrorCode.values();
        res.error = codes[rnd.nextInt(codes.length)];
        res.fundRowCount = rnd.nextInt(SettlementResult.MAX_FUND_ROWS + 1);
        res.nFundCount = rnd.nextInt(SettlementResult.MAX_FUND_ROWS + 1);
        for (int i = 0; i < SettlementResult.MAX_FUND_ROWS; i++)
        {
            res.fundPayType[i] = randomString(rnd);
            res.fundPayTypeName[i] = randomString(rnd);
            res.fundPayamt[i] = rnd.nextLong();
            res.fundInscpAmt[i] = rnd.nextLong();
            res.fundCrtPaybLmt[i] = rnd.nextLong();
            res.nFundCode[i] = randomString(rnd);
            res.nFundPaid[i] = rnd.nextLong();
        }
        res.explain = rnd.nextInt(3) == 0 ? null : new StringBuilder(String.valueOf(randomString(rnd)));
    }

    private static void fill(final Object target, final SplittableRandom rnd)
    {
        for (final Field f : target.getClass().getFields())
        {
            final int mod = f.getModifiers();
            if (Modifier.isStatic(mod) || Modifier.isFinal(mod) || Modifier.isTransient(mod)) // transient: never journaled
            {
                continue;
            }
            try
            {
                final Class<?> type = f.getType();
                if (type == String.class)
                {
                    f.set(target, randomString(rnd));
                }
                else if (type == long.class)
                {
                    f.setLong(target, rnd.nextInt(4) == 0 ? SettlementRequest.ABSENT : rnd.nextLong());
                }
                else if (type == int.class)
                {
                    f.setInt(target, rnd.nextInt());
                }
                else if (type == boolean.class)
                {
                    f.setBoolean(target, rnd.nextBoolean());
                }
                else if (type == byte[].class)
                {
                    f.set(target, randomBytes(rnd));
                }
                else if (type != ErrorCode.class && type != StringBuilder.class) // set by randomResult
                {
                    throw new IllegalStateException("no random value for " + f + ": teach the fixture and the codec");
                }
            }
            catch (final IllegalAccessException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
    }

    private static byte[] randomBytes(final SplittableRandom rnd)
    {
        if (rnd.nextInt(3) == 0)
        {
            return null;
        }
        final byte[] bytes = new byte[rnd.nextInt(300)];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)rnd.nextInt();
        }
        return bytes;
    }

    /**
     * @param rnd the generator.
     * @return null, empty, or 1-4 words of mixed scripts.
     */
    public static String randomString(final SplittableRandom rnd)
    {
        final int kind = rnd.nextInt(8);
        if (kind == 0)
        {
            return null;
        }
        if (kind == 1)
        {
            return "";
        }
        final StringBuilder sb = new StringBuilder();
        for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++)
        {
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /**
     * Asserts two requests carry the same values in every public field (lines compared up to the
     * line count).
     *
     * @param actual   decoded.
     * @param expected original.
     */
    public static void assertSameRequest(final SettlementRequest actual, final SettlementRequest expected)
    {
        assertSameFields(actual, expected, "request");
        assertThat(actual.lineCount()).as("lineCount").isEqualTo(expected.lineCount());
        for (int i = 0; i < expected.lineCount(); i++)
        {
            assertSameFields(actual.line(i), expected.line(i), "line " + i);
        }
    }

    /**
     * Asserts two results carry the same values in every public field (rows compared up to their
     * counts; a null and an empty explanation are the same).
     *
     * @param actual   decoded.
     * @param expected original.
     */
    public static void assertSameResult(final SettlementResult actual, final SettlementResult expected)
    {
        assertSameFields(actual, expected, "result");
        for (int i = 0; i < expected.fundRowCount; i++)
        {
            assertThat(actual.fundPayType[i]).as("fundPayType %d", i).isEqualTo(expected.fundPayType[i]);
            assertThat(actual.fundPayTypeName[i]).as("fundPayTypeName %d", i).isEqualTo(expected.fundPayTypeName[i]);
            assertThat(actual.fundPayamt[i]).as("fundPayamt %d", i).isEqualTo(expected.fundPayamt[i]);
            assertThat(actual.fundInscpAmt[i]).as("fundInscpAmt %d", i).isEqualTo(expected.fundInscpAmt[i]);
            assertThat(actual.fundCrtPaybLmt[i]).as("fundCrtPaybLmt %d", i).isEqualTo(expected.fundCrtPaybLmt[i]);
        }
        for (int i = 0; i < expected.nFundCount; i++)
        {
            assertThat(actual.nFundCode[i]).as("nFundCode %d", i).isEqualTo(expected.nFundCode[i]);
            assertThat(actual.nFundPaid[i]).as("nFundPaid %d", i).isEqualTo(expected.nFundPaid[i]);
        }
        assertThat(text(actual.explain)).as("explain").isEqualTo(text(expected.explain));
    }

    /** Compares every public instance field that is not a final array (those are row pools). */
    private static void assertSameFields(final Object actual, final Object expected, final String what)
    {
        for (final Field f : expected.getClass().getFields())
        {
            final int mod = f.getModifiers();
            if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || (Modifier.isFinal(mod) && f.getType().isArray()) ||
                f.getType() == StringBuilder.class)
            {
                continue;
            }
            try
            {
                final Object a = f.get(actual);
                final Object e = f.get(expected);
                if (!Objects.deepEquals(a, e))
                {
                    throw new AssertionError(
                        what + "." + f.getName() + ": expected <" + show(e) + "> but was <" + show(a) + ">");
                }
            }
            catch (final IllegalAccessException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
    }

    private static String show(final Object value)
    {
        return value instanceof byte[] ? Arrays.toString((byte[])value) : String.valueOf(value);
    }

    private static String text(final StringBuilder sb)
    {
        return sb == null ? "" : sb.toString();
    }
}
