package io.medgw.gateway.recon;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.visit.VisitChecks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * 3202 医药机构费用结算对明细账 (national-interface.md §3.7): reads the detail file the institution
 * uploaded with 9101 ({@link DetailFile}; ZIP or plain text), compares it row by row with what the
 * gateway settled for that institution between stmt_begndate and stmt_enddate (and clr_type, when
 * given), and builds the result file: one TSV row per compared row — psn_no, mdtrt_id, setl_id,
 * msgid (the gateway's record of the original request), stmt_rslt, refd_setl_flag, memo,
 * medfee_sumamt, fund_pay_sumamt, acct_pay — zipped as one entry {@code <file_qury_no>.txt}.
 * <ul>
 *   <li>a file row the gateway has (by setl_id and refd_setl_flag; a reversal row may name the
 *   cancellation's own setl_id or the original's): "0" when the three amounts agree (a reversal's
 *   may be given positive), else "3" with the differences in the memo; the gateway's figures are
 *   written;</li>
 *   <li>a file row the gateway has not (or outside the period, or twice in the file): "2"
 *   医药机构多, the file's figures written;</li>
 *   <li>a gateway row the file lacks: "1" 中心多, written after the file's rows.</li>
 * </ul>
 * Refusals: missing file_qury_no or dates E5002, unreadable date E5001, no such file for this
 * institution (or expired) E5008, an unreadable ZIP or row E5001 naming the line. The totals of
 * {@code data} are not compared (the file decides). Deterministic: the same index and file give
 * the same bytes. Allocates; off the hot path.
 */
final class DetailReconciler
{
    private final ReconciliationIndex index;
    private final long maxContentBytes;
    private final int maxRows;

    DetailReconciler(final ReconciliationIndex index, final long maxContentBytes, final int maxRows)
    {
        this.index = index;
        this.maxContentBytes = maxContentBytes;
        this.maxRows = maxRows;
    }

    /**
     * @param req    the 3202 request.
     * @param upload the uploaded detail file (owner checked by the caller), or null.
     * @param res    receives a refusal.
     * @param fileId the result file's file_qury_no (names its entry).
     * @param time   the result's time (the ZIP entry's time).
     * @return the result ZIP, or null after a refusal.
     */
    byte[] reconcile(final SettlementRequest req, final FileStore.StoredFile upload, final SettlementResult res,
        final String fileId, final long time)
    {
        if (!VisitChecks.require(res, req.fileQuryNo, "input.data.file_qury_no"))
        {
            return null;
        }
        final int from = StatementTotals.day(req.stmtBegndate, "stmt_begndate", res);
        final int to = from == Dates.NOT_A_DATE ? from : StatementTotals.day(req.stmtEnddate, "stmt_enddate", res);
        if (to == Dates.NOT_A_DATE)
        {
            return null;
        }
        if (upload == null)
        {
            res.refuse(ErrorCode.E5008, "对账明细文件不存在或已过期：file_qury_no=" + req.fileQuryNo + "，fixmedins_code=" +
                req.fixmedinsCode + " (unknown or expired file; upload the detail file with 9101 and use its file_qury_no)");
            return null;
        }
        final List<DetailFile.Row> fileRows;
        try
        {
            fileRows = DetailFile.parse(ZipFiles.firstEntry(upload.bytes(), maxContentBytes), maxRows);
        }
        catch (final IOException e)
        {
            res.refuse(ErrorCode.E5001, "对账明细文件无法解压：file_qury_no=" + req.fileQuryNo + "，" + e.getMessage() +
                " (the uploaded file is not a readable ZIP of a TSV file)");
            return null;
        }
        catch (final DetailFile.BadFileException e)
        {
            res.refuse(ErrorCode.E5001, e.getMessage());
            return null;
        }
        final StringBuilder out = new StringBuilder(64 + fileRows.size() * 96);
        compare(req, from, to, fileRows, out);
        return ZipFiles.zip(fileId + ".txt", out.toString().getBytes(StandardCharsets.UTF_8), time);
    }

    private void compare(final SettlementRequest req, final int from, final int to, final List<DetailFile.Row> fileRows,
        final StringBuilder out)
    {
        final List<ReconRow> center = new ArrayList<>();
        for (final ReconRow r : index.rows(req.fixmedinsCode, from, to, new ArrayList<>()))
        {
            if (req.clrType == null || req.clrType.equals(r.clrType))
            {
                center.add(r);
            }
        }
        final HashMap<String, ReconRow> byKey = new HashMap<>(center.size() * 3);
        for (final ReconRow r : center)
        {
            byKey.putIfAbsent(key(r.setlId, r.refdSetlFlag), r);
            if (r.origSetlId != null)
            {
                byKey.putIfAbsent(key(r.origSetlId, 1), r);
            }
        }
        final IdentityHashMap<ReconRow, Boolean> matched = new IdentityHashMap<>();
        for (final DetailFile.Row f : fileRows)
        {
            final ReconRow c = byKey.get(key(f.setlId(), f.refdSetlFlag()));
            if (c == null || matched.containsKey(c))
            {
                DetailFile.appendResult(out, f.psnNo(), f.mdtrtId(), f.setlId(), null, "2", f.refdSetlFlag(),
                    c != null ? "明细重复 (row listed twice in the file)" : missingAtCenter(f, req.fixmedinsCode),
                    f.medfeeSumamt(), f.fundPaySumamt(), f.acctPay());
                continue;
            }
            matched.put(c, Boolean.TRUE);
            final String memo = differences(c, f);
            DetailFile.appendResult(out, c.psnNo, c.mdtrtId, f.setlId(), c.msgid, memo == null ? "0" : "3", c.refdSetlFlag,
                memo, c.medfeeSumamt, c.fundPaySumamt, c.acctPay);
        }
        for (final ReconRow c : center)
        {
            if (!matched.containsKey(c))
            {
                DetailFile.appendResult(out, c.psnNo, c.mdtrtId, c.setlId, c.msgid, "1", c.refdSetlFlag,
                    "机构明细中无此结算 (settled at the center, missing in the institution's file)",
                    c.medfeeSumamt, c.fundPaySumamt, c.acctPay);
            }
        }
    }

    private String missingAtCenter(final DetailFile.Row f, final String fixmedinsCode)
    {
        final ReconRow known = index.row(f.setlId());
        if (known != null && known.fixmedinsCode.equals(fixmedinsCode))
        {
            return "结算日期 " + Dates.formatDate(known.day) + " 不在对账期内 (settled outside the period)";
        }
        return "中心无此结算记录 (no such settlement at the center)";
    }

    // null when the three amounts agree (a reversal's may be written with either sign)
    private static String differences(final ReconRow c, final DetailFile.Row f)
    {
        final int s = c.refdSetlFlag == 1 && f.medfeeSumamt() > 0 ? -1 : 1;
        final StringBuilder sb = new StringBuilder();
        diff(sb, "medfee_sumamt", c.medfeeSumamt, s * f.medfeeSumamt());
        diff(sb, "fund_pay_sumamt", c.fundPaySumamt, s * f.fundPaySumamt());
        diff(sb, "acct_pay", c.acctPay, s * f.acctPay());
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void diff(final StringBuilder sb, final String field, final long center, final long inst)
    {
        if (center == inst)
        {
            return;
        }
        if (sb.length() > 0)
        {
            sb.append("；");
        }
        sb.append(field).append(" 中心");
        Decimals.append(sb, center, 2).append("≠机构");
        Decimals.append(sb, inst, 2).append("(差");
        Decimals.append(sb, center - inst, 2).append(')');
    }

    private static String key(final String setlId, final int flag)
    {
        return setlId + '|' + flag;
    }
}
