package io.medgw.loadtest.scenario;

import io.medgw.codec.Units;
import io.medgw.loadtest.region.ItemPrices;
import io.medgw.loadtest.scenario.DayPools.Region;
import io.medgw.loadtest.scenario.DemoWorld.Item;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the fee lines of one visit from the institution's regional catalogue: items in force on
 * the day, a price near the item's typical price (about 4 % of capped items priced above the cap,
 * plus 5 % deliberately over it), a quantity that fits the item (tablets, boxes, grams of 饮片, bed
 * days), and the amount exactly {@code Units.line(q, p)}.
 */
final class FeeLines
{
    /** One line, mutable so that a refusal can spoil it. */
    static final class Line
    {
        String code;
        String medChrgitmType;
        long quantity4;
        long priceMicro;
        long amountFen;
        /** Local epoch second the fee arose. */
        long time;
    }

    private static final int[] TABLETS = {6, 7, 10, 12, 14, 20, 21, 24, 28, 30, 42, 56};
    private static final int[] GRAMS = {3, 5, 6, 9, 10, 12, 15, 20, 30};
    private static final int[] DOSES = {3, 5, 7, 14};

    private final SplittableRandom rng;

    FeeLines(final SplittableRandom rng)
    {
        this.rng = rng;
    }

    /** 普通门诊 / 急诊: a consultation, maybe tests, 1–4 drugs, sometimes a treatment or material. */
    List<Line> outpatient(final Region r, final long t)
    {
        final List<Line> lines = new ArrayList<>(8);
        add(lines, r, rng.nextInt(10) < 7 ? 2 : 12, t, 1);
        addSome(lines, r, 4, rng.nextInt(3), t, false);
        addSome(lines, r, 3, rng.nextInt(10) < 3 ? 1 : 0, t, false);
        addSome(lines, r, rng.nextInt(4) == 0 ? 11 : 9, 1 + rng.nextInt(4), t, false);
        addSome(lines, r, 5, rng.nextInt(10) < 2 ? 1 : 0, t, false);
        addSome(lines, r, 8, rng.nextInt(10) < 1 ? 1 : 0, t, false);
        return lines;
    }

    /** 门诊慢特病: 1–5 drugs, many restricted to 门慢; sometimes a lab test. */
    List<Line> chronic(final Region r, final long t, final boolean pharmacy)
    {
        final List<Line> lines = new ArrayList<>(8);
        final int n = 1 + rng.nextInt(5);
        for (int i = 0; i < n; i++)
        {
            if (r.opsp.length > 0 && rng.nextInt(10) < 4)
            {
                lines.add(line(r.opsp[rng.nextInt(r.opsp.length)], t, false));
            }
            else
            {
                add(lines, r, rng.nextInt(4) == 0 ? 11 : 9, t, 1);
            }
        }
        if (pharmacy && r.dual.length > 0 && rng.nextInt(4) == 0)
        {
            lines.add(line(r.dual[rng.nextInt(r.dual.length)], t, false));
        }
        if (!pharmacy)
        {
            addSome(lines, r, 4, rng.nextInt(10) < 3 ? 1 : 0, t, false);
        }
        return lines;
    }

    /** 定点药店购药: 1–5 drugs, sometimes a 饮片 prescription or a material. */
    List<Line> pharmacy(final Region r, final long t, final boolean dualChannel)
    {
        final List<Line> lines = new ArrayList<>(16);
        addSome(lines, r, 9, 1 + rng.nextInt(3), t, false);
        addSome(lines, r, 11, rng.nextInt(3), t, false);
        if (rng.nextInt(10) == 0)
        {
            addSome(lines, r, 10, 5 + rng.nextInt(8), t, false);
        }
        addSome(lines, r, 8, rng.nextInt(10) == 0 ? 1 : 0, t, false);
        if (dualChannel && r.dual.length > 0 && rng.nextInt(10) == 0)
        {
            lines.add(line(r.dual[rng.nextInt(r.dual.length)], t, false));
        }
        return lines;
    }

    /**
     * 住院 (and 生育住院): bed days, nursing, ward rounds, tests, treatments, maybe an operation,
     * materials, drugs; {@code n} lines in all, fees spread over the stay.
     */
    List<Line> inpatient(final Region r, final long admit, final long discharge, final int n, final boolean maternity)
    {
        final List<Line> lines = new ArrayList<>(n);
        final int los = (int)Math.max(1, (discharge - admit) / 86_400L);
        add(lines, r, 1, discharge, los);
        add(lines, r, 7, discharge, los);
        add(lines, r, 2, discharge, los);
        if (maternity || rng.nextInt(10) < 4)
        {
            add(lines, r, 6, admit + 86_400L, 1);
        }
        while (lines.size() < n)
        {
            final int k = rng.nextInt(100);
            final int type = k < 12 ? 3 : k < 30 ? 4 : k < 42 ? 5 : k < 55 ? 8 : k < 62 ? 11 : 9;
            final long when = admit + rng.nextLong(Math.max(1, discharge - admit));
            addSome(lines, r, type, 1, when, true);
        }
        return lines;
    }

    /** 生育门诊: a consultation, an ultrasound or two, some lab tests. */
    List<Line> maternityVisit(final Region r, final long t)
    {
        final List<Line> lines = new ArrayList<>(8);
        add(lines, r, 2, t, 1);
        addSome(lines, r, 3, 1 + rng.nextInt(2), t, false);
        addSome(lines, r, 4, 2 + rng.nextInt(3), t, false);
        return lines;
    }

    private void addSome(final List<Line> lines, final Region r, final int type, final int count, final long t,
        final boolean inpatient)
    {
        final Item[] pool = r.byType[type].length > 0 ? r.byType[type] : r.byType[9];
        for (int i = 0; i < count; i++)
        {
            lines.add(line(pool[rng.nextInt(pool.length)], t, inpatient));
        }
    }

    private void add(final List<Line> lines, final Region r, final int type, final long t, final int units)
    {
        final Item[] pool = r.byType[type].length > 0 ? r.byType[type] : r.byType[9];
        final Line l = line(pool[rng.nextInt(pool.length)], t, false);
        if (type == 1 || type == 7 || type == 2)
        {
            l.quantity4 = units * 10_000L;
            l.amountFen = Units.line(l.quantity4, l.priceMicro);
        }
        lines.add(l);
    }

    private Line line(final Item item, final long t, final boolean inpatient)
    {
        final Line l = new Line();
        l.code = item.code();
        l.medChrgitmType = item.medChrgitmType();
        l.priceMicro = price(item);
        l.quantity4 = quantity(item, inpatient);
        l.amountFen = Units.line(l.quantity4, l.priceMicro);
        while (l.amountFen == 0)
        {
            l.quantity4 *= 10;
            l.amountFen = Units.line(l.quantity4, l.priceMicro);
        }
        l.time = t;
        return l;
    }

    private long price(final Item item)
    {
        final String code = item.code();
        final String type = item.medChrgitmType();
        if (item.capMicro() > 0 && rng.nextInt(100) < 5)
        {
            return ItemPrices.scaled(item.capMicro(), 1100 + rng.nextInt(201), code, type);
        }
        return ItemPrices.scaled(ItemPrices.typicalMicro(code, type), 800 + rng.nextInt(321), code, type);
    }

    private long quantity(final Item item, final boolean inpatient)
    {
        final String type = item.medChrgitmType();
        switch (type)
        {
            case "09":
            case "11":
                if (ItemPrices.stepMicro(item.code(), type) == 1L)
                {
                    return TABLETS[rng.nextInt(TABLETS.length)] * 10_000L + (rng.nextInt(10) == 0 ? 5_000L : 0L);
                }
                if (rng.nextInt(20) == 0)
                {
                    return 1 + rng.nextInt(39_999);
                }
                return (1 + rng.nextInt(inpatient ? 12 : 3)) * 10_000L;
            case "10":
                return GRAMS[rng.nextInt(GRAMS.length)] * DOSES[rng.nextInt(DOSES.length)] * 10_000L
                    + (rng.nextInt(10) == 0 ? 5_000L : 0L);
            case "03":
                return (1 + rng.nextInt(2)) * 10_000L;
            case "05":
                return (1 + rng.nextInt(inpatient ? 15 : 3)) * 10_000L;
            case "08":
                return ItemPrices.typicalMicro(item.code(), type) > 500_000_000L ? 10_000L
                    : (1 + rng.nextInt(inpatient ? 20 : 3)) * 10_000L;
            default:
                return 10_000L;
        }
    }
}
