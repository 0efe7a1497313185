package io.medgw.gateway.pricing;

import com.lmax.disruptor.EventHandler;
import io.medgw.codec.Decimals;
import io.medgw.codec.Units;
import io.medgw.codec.message.FeeLine;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.BenefitClass;
import io.medgw.gateway.reference.Catalogue;
import io.medgw.gateway.reference.CatalogueItem;
import io.medgw.gateway.reference.Institution;

/**
 * The catalogue stage, settlement-rules.md §3: prices each fee line against the 就医地 catalogue
 * version in force on the settlement date into 全自费 / 超限价 / 先行自付 / 政策范围内, and sums them
 * into the result's totals ({@code medfee_sumamt = fulamt_ownpay + overlmt_selfpay + preselfpay +
 * inscp}).
 * <p>
 * Thread: the pricing thread; reads only the slot and its reference data. Runs for
 * pre-settlements and settlements that passed identity. Reads {@code request} lines,
 * {@code catalogue, institution, benefitClass, setlDay}; writes each line's outputs and the
 * result's five totals. Allocates nothing (the 全自费 reasons are constants) unless it explains.
 */
public final class CataloguePricingHandler implements EventHandler<SettlementEvent>
{
    /** Why a line went 全自费 (FeeLine.ownpayReason, shown in memo). */
    public static final String REASON_NOT_VALID = "目录项目在结算日期不在有效期内 (item not valid on the settlement date)";
    public static final String REASON_CLASS_C = "丙类项目，全自费 (chrgitm_lv 03)";
    public static final String REASON_HOSP_LV = "医院等级低于目录限定 (min_hosp_lv)";
    public static final String REASON_OPSP_ONLY = "限门诊慢特病使用 (opsp_only)";
    public static final String REASON_DUAL_CHANNEL = "双通道药品，本药店非双通道 (dual_channel)";

    @Override
    public void onEvent(final SettlementEvent event, final long sequence, final boolean endOfBatch)
    {
        onEvent(event);
    }

    /** @param e the slot; skipped unless it computes and may proceed. */
    public void onEvent(final SettlementEvent e)
    {
        if (!e.computes() || !e.proceed())
        {
            return;
        }
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        long ownpay = 0;
        long over = 0;
        long pre = 0;
        long inscp = 0;
        for (int i = 0, n = req.lineCount(); i < n; i++)
        {
            final FeeLine line = req.line(i);
            price(e, line);
            ownpay += line.fulamtOwnpayAmt;
            over += line.overlmtAmt;
            pre += line.preselfpayAmt;
            inscp += line.inscpScpAmt;
            if (res.explain != null)
            {
                explainLine(res.explain, i, line);
            }
        }
        res.fulamtOwnpayAmt = ownpay;
        res.overlmtSelfpay = over;
        res.preselfpayAmt = pre;
        res.inscpScpAmt = inscp;
        res.medfeeSumamt = ownpay + over + pre + inscp;
        if (res.explain != null)
        {
            explainTotals(res);
        }
    }

    /**
     * Re-prices the fee lines of a re-sent request answered from memory, so its per-line rows
     * ({@code detlcutinfo}) are the first answer's too: the stored answer keeps the totals, and the
     * same body carries the same lines. Priced on the first answer's settlement date.
     *
     * @param e a slot answered by the idempotency check with a stored success.
     */
    public static void repriceAnswered(final SettlementEvent e)
    {
        if (e.ref == null || e.request.lineCount() == 0)
        {
            return;
        }
        final Institution inst = e.ref.institution(e.request.fixmedinsCode);
        final BenefitClass cls = BenefitClass.ofMedType(e.result.medType != null ? e.result.medType : e.request.medType);
        if (inst == null || cls == null || e.ref.catalogue(inst.admdvs()) == null)
        {
            return;
        }
        e.institution = inst;
        e.catalogue = e.ref.catalogue(inst.admdvs());
        e.benefitClass = cls;
        e.setlDay = e.result.setlDay;
        for (int i = 0, n = e.request.lineCount(); i < n; i++)
        {
            price(e, e.request.line(i));
        }
    }

    /**
     * Prices one line (§3 steps 1–4) into its outputs.
     *
     * @param e    the slot (catalogue, institution, class, date).
     * @param line the line; {@code amountFen = line(q, p)} was checked by identity.
     */
    static void price(final SettlementEvent e, final FeeLine line)
    {
        line.clearOutputs();
        final long a = line.amountFen;
        final CatalogueItem item = line.catalogueVersions instanceof CatalogueItem[] ?
            Catalogue.on((CatalogueItem[])line.catalogueVersions, e.setlDay) : e.catalogue.on(line.medListCodg, e.setlDay);
        if (item != null)
        {
            line.chrgitmLv = item.chrgitmLv();
            line.selfpayPropBp = item.selfpayPropBp();
            line.pricUplmtMicro = item.pricUplmtMicro();
            line.medChrgitmType = item.medChrgitmType();
        }
        final String reason = ownpayReason(item, e.institution, e.benefitClass);
        if (reason != null)
        {
            line.fulamtOwnpayAmt = a;
            line.ownpayReason = reason;
            return;
        }
        long eligible = a;
        if (item.pricUplmtMicro() != Units.NO_CAP && line.priceMicro > item.pricUplmtMicro())
        {
            final long over = a - Units.line(line.quantity4, item.pricUplmtMicro());
            line.overlmtAmt = over;
            eligible = a - over;
        }
        final long pre = item.chrgitmLv() == 2 ? Units.pct(eligible, item.selfpayPropBp()) : 0;
        line.preselfpayAmt = pre;
        line.inscpScpAmt = eligible - pre;
    }

    // §3 step 1: not valid on the date, 丙类, or a restriction fails → 全自费; null when in policy.
    private static String ownpayReason(final CatalogueItem item, final Institution inst, final BenefitClass c)
    {
        if (item == null)
        {
            return REASON_NOT_VALID;
        }
        if (item.chrgitmLv() == 3)
        {
            return REASON_CLASS_C;
        }
        if (item.minHospLv() > inst.hospLv())
        {
            return REASON_HOSP_LV;
        }
        if (item.opspOnly() && c != BenefitClass.CHRONIC)
        {
            return REASON_OPSP_ONLY;
        }
        if (item.dualChannel() && inst.pharmacy() && !inst.dualChannel())
        {
            return REASON_DUAL_CHANNEL;
        }
        return null;
    }

    private static void explainLine(final StringBuilder x, final int i, final FeeLine l)
    {
        x.append("§3 line ").append(i + 1).append(' ').append(l.medListCodg).append(": amount ");
        Decimals.append(x, l.amountFen, 2);
        if (l.ownpayReason != null)
        {
            x.append(" → 全自费 (").append(l.ownpayReason).append(")\n");
            return;
        }
        x.append(" lv ").append(l.chrgitmLv);
        if (l.overlmtAmt != 0)
        {
            x.append(", over price cap ");
            Decimals.append(x, l.pricUplmtMicro, 6).append(": 超限价 ");
            Decimals.append(x, l.overlmtAmt, 2);
        }
        if (l.chrgitmLv == 2)
        {
            x.append(", 先行自付 pct(");
            Decimals.append(x, l.amountFen - l.overlmtAmt, 2).append(", ");
            Decimals.append(x, l.selfpayPropBp, 4).append(") = ");
            Decimals.append(x, l.preselfpayAmt, 2);
        }
        x.append(", in policy ");
        Decimals.append(x, l.inscpScpAmt, 2).append('\n');
    }

    private static void explainTotals(final SettlementResult r)
    {
        final StringBuilder x = r.explain;
        x.append("§3 totals: medfee_sumamt ");
        Decimals.append(x, r.medfeeSumamt, 2).append(" = 全自费 ");
        Decimals.append(x, r.fulamtOwnpayAmt, 2).append(" + 超限价 ");
        Decimals.append(x, r.overlmtSelfpay, 2).append(" + 先行自付 ");
        Decimals.append(x, r.preselfpayAmt, 2).append(" + 政策范围内 ");
        Decimals.append(x, r.inscpScpAmt, 2).append('\n');
    }
}
