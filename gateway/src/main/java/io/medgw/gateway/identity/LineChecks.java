package io.medgw.gateway.identity;

import io.medgw.codec.Decimals;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.Units;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.Catalogue;
import io.medgw.gateway.reference.CatalogueItem;

/**
 * The fee-line checks of settlement-rules.md §2 step 1, in order, each over all lines before the
 * next: E2001 unreadable or negative, E2002 amount ≠ line(q, p), E2003 code not in the 就医地
 * catalogue (skipped when the institution is unknown), E2004 no lines, E2005 medfee_sumamt ≠ Σ.
 * <p>
 * Beyond the rules: a Σ of line amounts above {@link #MAX_TOTAL_FEN} (one trillion yuan) is refused
 * as E2005, so that no later product ({@code x × bp}) can overflow a long.
 */
final class LineChecks
{
    /** The largest bill the gateway settles, fen (10^14 = one trillion yuan). */
    static final long MAX_TOTAL_FEN = 100_000_000_000_000L;

    private LineChecks()
    {
    }

    /** @param e the slot (identity has resolved institution and catalogue). @return true if every check passed. */
    static boolean check(final SettlementEvent e)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        final int n = req.lineCount();
        for (int i = 0; i < n; i++)
        {
            final FeeLine l = req.line(i);
            if (l.parseError != 0)
            {
                res.refuse(ErrorCode.E2001, "费用明细第" + (i + 1) + "行" + sn(l) + "数值无法识别或精度超出：" +
                    l.badField() + "=" + l.parseErrorText + " (bad fee line: amount whole fen, cnt 4 decimals, pric 6 decimals)");
                return false;
            }
            if (l.amountFen < 0 || l.quantity4 < 0 || l.priceMicro < 0)
            {
                res.refuse(ErrorCode.E2001, "费用明细第" + (i + 1) + "行" + sn(l) + "数值为负：det_item_fee_sumamt=" +
                    Decimals.format(l.amountFen, 2) + " cnt=" + Decimals.format(l.quantity4, 4) + " pric=" +
                    Decimals.format(l.priceMicro, 6) + " (bad fee line: negative value)");
                return false;
            }
        }
        for (int i = 0; i < n; i++)
        {
            final FeeLine l = req.line(i);
            final long expected = lineAmount(l.quantity4, l.priceMicro);
            if (expected != l.amountFen)
            {
                res.refuse(ErrorCode.E2002, "费用明细第" + (i + 1) + "行" + sn(l) + "金额不等于数量×单价：det_item_fee_sumamt=" +
                    Decimals.format(l.amountFen, 2) + "，cnt=" + Decimals.format(l.quantity4, 4) + " × pric=" +
                    Decimals.format(l.priceMicro, 6) + (expected < 0 ? " 超出范围" : " = " + Decimals.format(expected, 2)) +
                    " (line amount ≠ cnt × pric, rounded half up to the fen)");
                return false;
            }
        }
        if (e.institution != null && !catalogueChecks(e))
        {
            return false;
        }
        if (n == 0)
        {
            res.refuse(ErrorCode.E2004, "未上传费用明细：fee lines=0 (no fee lines; upload feedetail first)");
            return false;
        }
        return totalCheck(req, res);
    }

    private static boolean catalogueChecks(final SettlementEvent e)
    {
        final SettlementRequest req = e.request;
        final Catalogue cat = e.catalogue;
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            final FeeLine l = req.line(i);
            final CatalogueItem[] versions = cat == null ? null : cat.versions(l.medListCodg);
            l.catalogueVersions = versions;
            if (versions == null)
            {
                e.result.refuse(ErrorCode.E2003, "费用明细第" + (i + 1) + "行" + sn(l) + "医疗目录编码不在就医地(" +
                    e.institution.admdvs() + ")目录中：med_list_codg=" + l.medListCodg +
                    " (code not in catalogue; check the item's national code mapping)");
                return false;
            }
        }
        return true;
    }

    private static boolean totalCheck(final SettlementRequest req, final SettlementResult res)
    {
        long sum = 0;
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            sum += req.line(i).amountFen;
            if (sum > MAX_TOTAL_FEN)
            {
                res.refuse(ErrorCode.E2005, "医疗费总额超出系统上限：明细合计超过 " + Decimals.format(MAX_TOTAL_FEN, 2) +
                    " (total too large)");
                return false;
            }
        }
        if (req.medfeeSumamt != SettlementRequest.ABSENT && req.medfeeSumamt != sum)
        {
            res.refuse(ErrorCode.E2005, "医疗费总额与明细合计不符：medfee_sumamt=" + Decimals.format(req.medfeeSumamt, 2) +
                "，明细合计=" + Decimals.format(sum, 2) + " (total mismatch; resend the fee lines or fix medfee_sumamt)");
            return false;
        }
        return true;
    }

    // line(q, p), or -1 when it does not fit a long (then it cannot equal any amount).
    private static long lineAmount(final long quantity4, final long priceMicro)
    {
        try
        {
            return Units.line(quantity4, priceMicro);
        }
        catch (final ArithmeticException ex)
        {
            return -1;
        }
    }

    private static String sn(final FeeLine l)
    {
        return l.feedetlSn == null ? "" : "(feedetl_sn=" + l.feedetlSn + ")";
    }
}
