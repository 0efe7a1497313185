package io.medgw.ledger.record;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementResult;

import static io.medgw.ledger.record.LedgerRecordLayout.RESULT_FIXED_LENGTH;

/**
 * The result part of a record: fixed block (28 longs, 11 ints, a byte), 24 strings, the answer
 * bytes, the setldetail rows, the N-fund effects and the explanation. Write and read sit side by
 * side so their orders stay equal; the order is the format (docs/ledger.md). Stateless.
 */
final class ResultSection
{
    private ResultSection()
    {
    }

    static void write(final WriteCursor w, final SettlementResult res)
    {
        w.putLong(res.setlTime);
        w.putLong(res.medfeeSumamt);
        w.putLong(res.fulamtOwnpayAmt);
        w.putLong(res.overlmtSelfpay);
        w.putLong(res.preselfpayAmt);
        w.putLong(res.inscpScpAmt);
        w.putLong(res.actPayDedc);
        w.putLong(res.hifpPay);
        w.putLong(res.hifobPay);
        w.putLong(res.hifmiPay);
        w.putLong(res.cvlservPay);
        w.putLong(res.mafPay);
        w.putLong(res.othPay);
        w.putLong(res.fundPaySumamt);
        w.putLong(res.psnPartAmt);
        w.putLong(res.acctPay);
        w.putLong(res.acctMulaidPay);
        w.putLong(res.psnCashPay);
        w.putLong(res.hospPartAmt);
        w.putLong(res.balc);
        w.putLong(res.dedUsed);
        w.putLong(res.poolPaid);
        w.putLong(res.largePaid);
        w.putLong(res.seriousBase);
        w.putLong(res.seriousPaid);
        w.putLong(res.civilPaid);
        w.putLong(res.assistDedUsed);
        w.putLong(res.assistPaid);
        w.putInt(res.error.id());
        w.putInt(res.setlDay);
        w.putInt(res.sign);
        w.putInt(res.benefitClass);
        w.putInt(res.hospLv);
        w.putInt(res.poolRatioBp);
        w.putInt(res.accYear);
        w.putInt(res.dedClass);
        w.putInt(res.poolGroup);
        w.putInt(res.fundRowCount);
        w.putInt(res.nFundCount);
        w.putBoolean(res.crossRegion);
        writeStrings(w, res);
        w.bytes(res.answerBytes);
        for (int i = 0; i < res.fundRowCount; i++)
        {
            w.string(res.fundPayType[i]);
            w.string(res.fundPayTypeName[i]);
            w.putLong(res.fundPayamt[i]);
            w.putLong(res.fundInscpAmt[i]);
            w.putLong(res.fundCrtPaybLmt[i]);
        }
        for (int i = 0; i < res.nFundCount; i++)
        {
            w.string(res.nFundCode[i]);
            w.putLong(res.nFundPaid[i]);
        }
        w.string(hasExplain(res) ? res.explain : null);
    }

    static void read(final ReadCursor r, final SettlementResult res)
    {
        r.need(RESULT_FIXED_LENGTH);
        res.setlTime = r.getLong();
        res.medfeeSumamt = r.getLong();
        res.fulamtOwnpayAmt = r.getLong();
        res.overlmtSelfpay = r.getLong();
        res.preselfpayAmt = r.getLong();
        res.inscpScpAmt = r.getLong();
        res.actPayDedc = r.getLong();
        res.hifpPay = r.getLong();
        res.hifobPay = r.getLong();
        res.hifmiPay = r.getLong();
        res.cvlservPay = r.getLong();
        res.mafPay = r.getLong();
        res.othPay = r.getLong();
        res.fundPaySumamt = r.getLong();
        res.psnPartAmt = r.getLong();
        res.acctPay = r.getLong();
        res.acctMulaidPay = r.getLong();
        res.psnCashPay = r.getLong();
        res.hospPartAmt = r.getLong();
        res.balc = r.getLong();
        res.dedUsed = r.getLong();
        res.poolPaid = r.getLong();
        res.largePaid = r.getLong();
        res.seriousBase = r.getLong();
        res.seriousPaid = r.getLong();
        res.civilPaid = r.getLong();
        res.assistDedUsed = r.getLong();
        res.assistPaid = r.getLong();
        res.error = errorCode(r.getInt());
        res.setlDay = r.getInt();
        res.sign = r.getInt();
        res.benefitClass = r.getInt();
        res.hospLv = r.getInt();
        res.poolRatioBp = r.getInt();
        res.accYear = r.getInt();
        res.dedClass = r.getInt();
        res.poolGroup = r.getInt();
        res.fundRowCount = rowCount(r.getInt());
        res.nFundCount = rowCount(r.getInt());
        res.crossRegion = r.getBoolean();
        readStrings(r, res);
        res.answerBytes = r.bytes();
        for (int i = 0; i < res.fundRowCount; i++)
        {
            res.fundPayType[i] = r.string();
            res.fundPayTypeName[i] = r.string();
            r.need(24);
            res.fundPayamt[i] = r.getLong();
            res.fundInscpAmt[i] = r.getLong();
            res.fundCrtPaybLmt[i] = r.getLong();
        }
        for (int i = 0; i < res.nFundCount; i++)
        {
            res.nFundCode[i] = r.string();
            r.need(8);
            res.nFundPaid[i] = r.getLong();
        }
        readExplain(r, res);
    }

    static boolean hasExplain(final SettlementResult res)
    {
        return res.explain != null && res.explain.length() > 0;
    }

    private static void writeStrings(final WriteCursor w, final SettlementResult res)
    {
        w.string(res.errorMessage);
        w.string(res.setlId);
        w.string(res.mdtrtId);
        w.string(res.origSetlId);
        w.string(res.psnNo);
        w.string(res.psnName);
        w.string(res.psnCertType);
        w.string(res.certno);
        w.string(res.gend);
        w.string(res.naty);
        w.string(res.brdy);
        w.string(res.insutype);
        w.string(res.psnType);
        w.string(res.cvlservFlag);
        w.string(res.mdtrtCertType);
        w.string(res.medType);
        w.string(res.insuplcAdmdvs);
        w.string(res.clrOptins);
        w.string(res.clrType);
        w.string(res.clrWay);
        w.string(res.mulaidHolderPsnNo);
        w.string(res.issuedNo);
        w.string(res.answerCode);
        w.string(res.answerText);
    }

    private static void readStrings(final ReadCursor r, final SettlementResult res)
    {
        res.errorMessage = r.string();
        res.setlId = r.string();
        res.mdtrtId = r.string();
        res.origSetlId = r.string();
        res.psnNo = r.string();
        res.psnName = r.string();
        res.psnCertType = r.string();
        res.certno = r.string();
        res.gend = r.string();
        res.naty = r.string();
        res.brdy = r.string();
        res.insutype = r.string();
        res.psnType = r.string();
        res.cvlservFlag = r.string();
        res.mdtrtCertType = r.string();
        res.medType = r.string();
        res.insuplcAdmdvs = r.string();
        res.clrOptins = r.string();
        res.clrType = r.string();
        res.clrWay = r.string();
        res.mulaidHolderPsnNo = r.string();
        res.issuedNo = r.string();
        res.answerCode = r.string();
        res.answerText = r.string();
    }

    private static void readExplain(final ReadCursor r, final SettlementResult res)
    {
        final String text = r.string();
        if (text != null)
        {
            if (res.explain == null)
            {
                res.explain = new StringBuilder(text.length());
            }
            res.explain.append(text);
        }
    }

    private static ErrorCode errorCode(final int id)
    {
        final ErrorCode code = ErrorCode.ofId(id);
        if (code == null)
        {
            throw new LedgerFormatException("unknown error id " + id);
        }
        return code;
    }

    private static int rowCount(final int count)
    {
        if (count < 0 || count > SettlementResult.MAX_FUND_ROWS)
        {
            throw new LedgerFormatException("row count " + count);
        }
        return count;
    }
}
