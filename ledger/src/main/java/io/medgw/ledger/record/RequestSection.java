package io.medgw.ledger.record;

import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;

import static io.medgw.ledger.record.LedgerRecordLayout.LINE_FIXED_LENGTH;
import static io.medgw.ledger.record.LedgerRecordLayout.MAX_LINES;
import static io.medgw.ledger.record.LedgerRecordLayout.REQUEST_FIXED_LENGTH;

/**
 * The request part of a record: fixed block, 15 envelope strings, 36 data strings, the 9101 file
 * bytes, then each fee line (fixed block, 12 line strings; from the second line on, a string equal
 * to the previous line's is the bare marker {@link LedgerRecordLayout#SAME_AS_PREVIOUS_LINE}, format
 * version 2). Write and read sit side by side so their orders stay equal; the order is the format
 * (docs/ledger.md). Stateless.
 */
final class RequestSection
{
    private RequestSection()
    {
    }

    static void write(final WriteCursor w, final SettlementRequest req)
    {
        w.putLong(req.infTime);
        w.putLong(req.medfeeSumamt);
        w.putLong(req.fulamtOwnpayAmt);
        w.putLong(req.overlmtSelfpay);
        w.putLong(req.preselfpayAmt);
        w.putLong(req.inscpScpAmt);
        w.putLong(req.fundPaySumamt);
        w.putLong(req.acctPay);
        w.putLong(req.cashPayamt);
        w.putLong(req.fixmedinsSetlCnt);
        w.putLong(req.bodyDigestHi);
        w.putLong(req.bodyDigestLo);
        w.putInt(req.lineCount());
        w.putBoolean(req.acctUsedFlag);
        writeEnvelope(w, req);
        writeData(w, req);
        w.bytes(req.fileData);
        FeeLine previous = null;
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            final FeeLine line = req.line(i);
            writeLine(w, line, previous);
            previous = line;
        }
    }

    static void read(final ReadCursor r, final SettlementRequest req)
    {
        read(r, req, true);
    }

    /**
     * @param r         cursor on the request section.
     * @param req       filled.
     * @param full      false (a restart's fast path): of the envelope only {@code infno}, {@code msgid}
     *                  and {@code fixmedins_code} are decoded, and the fee lines keep their numbers and
     *                  {@code feedetl_sn}; the other strings are skipped, not decoded, and stay null.
     */
    static void read(final ReadCursor r, final SettlementRequest req, final boolean full)
    {
        r.need(REQUEST_FIXED_LENGTH);
        req.infTime = r.getLong();
        req.medfeeSumamt = r.getLong();
        req.fulamtOwnpayAmt = r.getLong();
        req.overlmtSelfpay = r.getLong();
        req.preselfpayAmt = r.getLong();
        req.inscpScpAmt = r.getLong();
        req.fundPaySumamt = r.getLong();
        req.acctPay = r.getLong();
        req.cashPayamt = r.getLong();
        req.fixmedinsSetlCnt = r.getLong();
        req.bodyDigestHi = r.getLong();
        req.bodyDigestLo = r.getLong();
        final int lineCount = r.getInt();
        req.acctUsedFlag = r.getBoolean();
        if (lineCount < 0 || lineCount > MAX_LINES)
        {
            throw new LedgerFormatException("line count " + lineCount);
        }
        if (full)
        {
            readEnvelope(r, req);
        }
        else
        {
            readEnvelopeKeys(r, req);
        }
        readData(r, req);
        req.fileData = r.bytes();
        FeeLine previous = null;
        for (int i = 0; i < lineCount; i++)
        {
            final FeeLine line = req.addLine();
            readLine(r, line, previous, full);
            previous = line;
        }
    }

    private static void writeEnvelope(final WriteCursor w, final SettlementRequest req)
    {
        w.string(req.infno);
        w.string(req.msgid);
        w.string(req.mdtrtareaAdmvs);
        w.string(req.insuplcAdmdvs);
        w.string(req.recerSysCode);
        w.string(req.infver);
        w.string(req.opterType);
        w.string(req.opter);
        w.string(req.opterName);
        w.string(req.infTimeText);
        w.string(req.fixmedinsCode);
        w.string(req.fixmedinsName);
        w.string(req.signNo);
        w.string(req.cainfo);
        w.string(req.signtype);
    }

    private static void readEnvelope(final ReadCursor r, final SettlementRequest req)
    {
        req.infno = r.string();
        req.msgid = r.string();
        req.mdtrtareaAdmvs = r.string();
        req.insuplcAdmdvs = r.string();
        req.recerSysCode = r.string();
        req.infver = r.string();
        req.opterType = r.string();
        req.opter = r.string();
        req.opterName = r.string();
        req.infTimeText = r.string();
        req.fixmedinsCode = r.string();
        req.fixmedinsName = r.string();
        req.signNo = r.string();
        req.cainfo = r.string();
        req.signtype = r.string();
    }

    /** The envelope's idempotency and reconciliation keys only (as {@link #readEnvelope}, other strings skipped). */
    private static void readEnvelopeKeys(final ReadCursor r, final SettlementRequest req)
    {
        req.infno = r.string();
        req.msgid = r.string();
        for (int i = 0; i < 8; i++)
        {
            r.skipString(); // mdtrtarea_admvs .. inf_time text
        }
        req.fixmedinsCode = r.string();
        for (int i = 0; i < 4; i++)
        {
            r.skipString(); // fixmedins_name .. signtype
        }
    }

    private static void writeData(final WriteCursor w, final SettlementRequest req)
    {
        w.string(req.psnNo);
        w.string(req.mdtrtCertType);
        w.string(req.mdtrtCertNo);
        w.string(req.cardSn);
        w.string(req.psnCertType);
        w.string(req.certno);
        w.string(req.medType);
        w.string(req.psnSetlway);
        w.string(req.mdtrtId);
        w.string(req.chrgBchno);
        w.string(req.insutype);
        w.string(req.invono);
        w.string(req.diseCodg);
        w.string(req.setlId);
        w.string(req.omsgid);
        w.string(req.oinfno);
        w.string(req.begntime);
        w.string(req.iptOtpNo);
        w.string(req.atddrNo);
        w.string(req.drName);
        w.string(req.deptCode);
        w.string(req.deptName);
        w.string(req.caty);
        w.string(req.endtime);
        w.string(req.opterNo);
        w.string(req.mac);
        w.string(req.ip);
        w.string(req.clrType);
        w.string(req.setlOptins);
        w.string(req.stmtBegndate);
        w.string(req.stmtEnddate);
        w.string(req.refdSetlFlag);
        w.string(req.fileQuryNo);
        w.string(req.filename);
        w.string(req.cumYm);
        w.string(req.psnName);
    }

    private static void readData(final ReadCursor r, final SettlementRequest req)
    {
        req.psnNo = r.string();
        req.mdtrtCertType = r.string();
        req.mdtrtCertNo = r.string();
        req.cardSn = r.string();
        req.psnCertType = r.string();
        req.certno = r.string();
        req.medType = r.string();
        req.psnSetlway = r.string();
        req.mdtrtId = r.string();
        req.chrgBchno = r.string();
        req.insutype = r.string();
        req.invono = r.string();
        req.diseCodg = r.string();
        req.setlId = r.string();
        req.omsgid = r.string();
        req.oinfno = r.string();
        req.begntime = r.string();
        req.iptOtpNo = r.string();
        req.atddrNo = r.string();
        req.drName = r.string();
        req.deptCode = r.string();
        req.deptName = r.string();
        req.caty = r.string();
        req.endtime = r.string();
        req.opterNo = r.string();
        req.mac = r.string();
        req.ip = r.string();
        req.clrType = r.string();
        req.setlOptins = r.string();
        req.stmtBegndate = r.string();
        req.stmtEnddate = r.string();
        req.refdSetlFlag = r.string();
        req.fileQuryNo = r.string();
        req.filename = r.string();
        req.cumYm = r.string();
        req.psnName = r.string();
    }

    private static void writeLine(final WriteCursor w, final FeeLine line, final FeeLine previous)
    {
        w.putLong(line.amountFen);
        w.putLong(line.quantity4);
        w.putLong(line.priceMicro);
        w.putLong(line.fulamtOwnpayAmt);
        w.putLong(line.overlmtAmt);
        w.putLong(line.preselfpayAmt);
        w.putLong(line.inscpScpAmt);
        w.putLong(line.pricUplmtMicro);
        w.putInt(line.parseError);
        w.putInt(line.chrgitmLv);
        w.putInt(line.selfpayPropBp);
        if (previous == null)
        {
            w.string(line.feedetlSn);
            w.string(line.mdtrtId);
            w.string(line.psnNo);
            w.string(line.chrgBchno);
            w.string(line.diseCodg);
            w.string(line.rxno);
            w.string(line.feeOcurTime);
            w.string(line.medListCodg);
            w.string(line.medinsListCodg);
            w.string(line.parseErrorText);
            w.string(line.medChrgitmType);
            w.string(line.ownpayReason);
            return;
        }
        w.lineString(line.feedetlSn, previous.feedetlSn);
        w.lineString(line.mdtrtId, previous.mdtrtId);
        w.lineString(line.psnNo, previous.psnNo);
        w.lineString(line.chrgBchno, previous.chrgBchno);
        w.lineString(line.diseCodg, previous.diseCodg);
        w.lineString(line.rxno, previous.rxno);
        w.lineString(line.feeOcurTime, previous.feeOcurTime);
        w.lineString(line.medListCodg, previous.medListCodg);
        w.lineString(line.medinsListCodg, previous.medinsListCodg);
        w.lineString(line.parseErrorText, previous.parseErrorText);
        w.lineString(line.medChrgitmType, previous.medChrgitmType);
        w.lineString(line.ownpayReason, previous.ownpayReason);
    }

    /**
     * @param previous the line before (as decoded), or null for the first line.
     * @param full     false: only the numbers and {@code feedetl_sn}.
     */
    private static void readLine(final ReadCursor r, final FeeLine line, final FeeLine previous, final boolean full)
    {
        r.need(LINE_FIXED_LENGTH);
        line.amountFen = r.getLong();
        line.quantity4 = r.getLong();
        line.priceMicro = r.getLong();
        line.fulamtOwnpayAmt = r.getLong();
        line.overlmtAmt = r.getLong();
        line.preselfpayAmt = r.getLong();
        line.inscpScpAmt = r.getLong();
        line.pricUplmtMicro = r.getLong();
        line.parseError = r.getInt();
        line.chrgitmLv = r.getInt();
        line.selfpayPropBp = r.getInt();
        final boolean first = previous == null;
        line.feedetlSn = r.lineString(first, first ? null : previous.feedetlSn);
        if (!full)
        {
            for (int i = 0; i < 11; i++)
            {
                r.skipLineString(first);
            }
            return;
        }
        line.mdtrtId = r.lineString(first, first ? null : previous.mdtrtId);
        line.psnNo = r.lineString(first, first ? null : previous.psnNo);
        line.chrgBchno = r.lineString(first, first ? null : previous.chrgBchno);
        line.diseCodg = r.lineString(first, first ? null : previous.diseCodg);
        line.rxno = r.lineString(first, first ? null : previous.rxno);
        line.feeOcurTime = r.lineString(first, first ? null : previous.feeOcurTime);
        line.medListCodg = r.lineString(first, first ? null : previous.medListCodg);
        line.medinsListCodg = r.lineString(first, first ? null : previous.medinsListCodg);
        line.parseErrorText = r.lineString(first, first ? null : previous.parseErrorText);
        line.medChrgitmType = r.lineString(first, first ? null : previous.medChrgitmType);
        line.ownpayReason = r.lineString(first, first ? null : previous.ownpayReason);
    }
}
