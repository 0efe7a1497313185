package io.medgw.loadtest.scenario;

import io.medgw.codec.Dates;
import io.medgw.loadtest.scenario.DayPools.Region;
import io.medgw.loadtest.scenario.DemoWorld.Inst;
import io.medgw.loadtest.scenario.DemoWorld.Person;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The day's requests, one at a time, in inf_time order (08:00–18:00, busiest mid-morning and
 * mid-afternoon). Decides the mix, keeps the per-institution msgid sequence, remembers recent
 * requests for re-sends and recent successful settlements for 2601 冲正.
 */
final class DayScript implements Iterator<DemoRequest>
{
    private static final int[] HOUR_WEIGHTS = {8, 13, 13, 11, 6, 5, 10, 12, 10, 7};
    private static final int HISTORY = 1024;
    private static final int SETTLED = 4096;
    private static final String[] CASHIERS = {"陈丽", "王芳", "李娜", "张敏", "刘静", "杨洁", "赵倩", "孙悦"};

    /** A request already sent. */
    private static final class Sent
    {
        String infno;
        String msgid;
        Inst inst;
        Person person;
        String medType;
        String input;
        String expected;
        int cashier;
    }

    private final SplittableRandom rng;
    private final DayPools pools;
    private final VisitMaker maker;
    private final Refusals refusals;
    private final InputWriter inputs;
    private final int[] seconds;
    private final long dayStart;
    private final long seed;
    private final int[] regionWeights;
    private final int[] msgSeq;
    private final Sent[] history = new Sent[HISTORY];
    private final List<Sent> settled = new ArrayList<>();
    private final StringBuilder env = new StringBuilder(1 << 16);
    private final DemoDayGenerator.Tally tally = new DemoDayGenerator.Tally();
    private int historyCount;
    private int next;

    DayScript(final DemoWorld world, final long seed, final int count, final int day)
    {
        if (count < 0)
        {
            throw new IllegalArgumentException("count " + count + " < 0");
        }
        this.rng = new SplittableRandom(seed);
        this.seed = seed;
        this.pools = new DayPools(world, day);
        if (pools.regions.isEmpty())
        {
            throw new IllegalArgumentException("no pooling region has hospitals, pharmacies, insured persons and drugs on "
                + Dates.formatDate(day));
        }
        this.maker = new VisitMaker(rng.split(), pools);
        this.refusals = new Refusals(rng.split(), pools, maker);
        this.inputs = new InputWriter(day);
        this.dayStart = day * (long)Dates.SECONDS_PER_DAY;
        this.seconds = times(rng.split(), count);
        this.msgSeq = new int[world.institutions().size()];
        this.regionWeights = new int[pools.regions.size()];
        int sum = 0;
        for (int i = 0; i < regionWeights.length; i++)
        {
            sum += pools.regions.get(i).persons.size();
            regionWeights[i] = sum;
        }
    }

    private static int[] times(final SplittableRandom rng, final int count)
    {
        final int[] cum = new int[HOUR_WEIGHTS.length];
        int sum = 0;
        for (int h = 0; h < cum.length; h++)
        {
            sum += HOUR_WEIGHTS[h];
            cum[h] = sum;
        }
        final int[] out = new int[count];
        for (int i = 0; i < count; i++)
        {
            final int p = rng.nextInt(sum);
            int h = 0;
            while (cum[h] <= p)
            {
                h++;
            }
            out[i] = (8 + h) * 3_600 + rng.nextInt(3_600);
        }
        Arrays.sort(out);
        return out;
    }

    @Override
    public boolean hasNext()
    {
        return next < seconds.length;
    }

    @Override
    public DemoRequest next()
    {
        if (!hasNext())
        {
            throw new NoSuchElementException();
        }
        final long t = dayStart + seconds[next++];
        final int p = rng.nextInt(10_000);
        DemoRequest out = null;
        if (p < 50 && historyCount > 0)
        {
            out = resend(t);
        }
        else if (p < 60 && !settled.isEmpty())
        {
            out = reuse(t);
        }
        else if (p < 360 && !settled.isEmpty())
        {
            out = reversal(t);
        }
        if (out == null)
        {
            out = send(visit(p, t), t);
        }
        tally.add(out);
        return out;
    }

    /** @return the totals so far (complete once the iterator is exhausted). */
    DemoDayGenerator.Summary summary()
    {
        return tally.summary();
    }

    private Visit visit(final int p, final long t)
    {
        final Region r = region();
        Visit v = null;
        if (p >= 360 && p < 560)
        {
            v = refusals.make(r, t);
        }
        else if (p >= 560 && p < 860)
        {
            v = maker.cross(t);
        }
        else if (p >= 860 && p < 1010)
        {
            v = maker.maternity(r, t, p >= 960);
        }
        else if (p >= 1010 && p < 1610)
        {
            v = maker.chronic(r, t);
        }
        else if (p >= 1610 && p < 2110)
        {
            v = maker.inpatient(r, t);
        }
        else if (p >= 2110 && p < 5110)
        {
            v = maker.pharmacy(r, t);
        }
        return v != null ? v : maker.outpatient(r, t);
    }

    private Region region()
    {
        final int p = rng.nextInt(regionWeights[regionWeights.length - 1]);
        int i = 0;
        while (regionWeights[i] <= p)
        {
            i++;
        }
        return pools.regions.get(i);
    }

    private DemoRequest send(final Visit v, final long t)
    {
        final Sent s = new Sent();
        s.infno = v.infno;
        s.inst = v.inst;
        s.person = v.person;
        s.medType = v.medType;
        s.msgid = msgid(v.inst, t);
        s.input = inputs.settlement(v, t);
        s.expected = v.expected;
        s.cashier = rng.nextInt(CASHIERS.length);
        remember(s, v.expected == null);
        tally.lines(v.lines.size(), v.declaredTotal());
        return render(s, t, v.kind, v.expected);
    }

    private DemoRequest resend(final long t)
    {
        final Sent s = history[rng.nextInt(Math.min(historyCount, HISTORY))];
        return render(s, t, "resend", s.expected);
    }

    // The same msgid with a different body: E3001 (rules §8).
    private DemoRequest reuse(final long t)
    {
        final Sent original = settled.get(rng.nextInt(settled.size()));
        final Region r = pools.byAdmdvs.get(original.inst.admdvs());
        final Visit v = maker.visit(original.infno, "msgid_reuse", original.inst, original.person, original.medType, t);
        v.lines = original.inst.pharmacy() ? maker.fees().pharmacy(r, t, original.inst.dualChannel())
            : maker.fees().outpatient(r, t);
        final Sent s = new Sent();
        s.infno = original.infno;
        s.inst = original.inst;
        s.person = original.person;
        s.msgid = original.msgid;
        s.input = inputs.settlement(v, t);
        s.cashier = original.cashier;
        return render(s, t, "msgid_reuse", "E3001");
    }

    // 冲正 of an earlier successful settlement of the same institution (each at most once); one in
    // ten names a msgid the gateway never saw (timed before opening), which must succeed too.
    private DemoRequest reversal(final long t)
    {
        final int k = rng.nextInt(settled.size());
        final Sent original = settled.get(k);
        settled.set(k, settled.get(settled.size() - 1));
        settled.remove(settled.size() - 1);
        final Sent s = new Sent();
        s.infno = "2601";
        s.inst = original.inst;
        s.person = original.person;
        s.msgid = msgid(original.inst, t);
        s.cashier = rng.nextInt(CASHIERS.length);
        String omsgid = original.msgid;
        if (rng.nextInt(10) == 0)
        {
            omsgid = original.inst.code() + inputs.compact(dayStart + 7 * 3_600 + rng.nextInt(3_600)) + "0001";
            settled.add(original);
        }
        s.input = inputs.reversal(original.person.psnNo(), omsgid, original.infno);
        remember(s, false);
        return render(s, t, "reversal", null);
    }

    private void remember(final Sent s, final boolean settlement)
    {
        history[historyCount++ % HISTORY] = s;
        if (settlement)
        {
            if (settled.size() == SETTLED)
            {
                settled.set(rng.nextInt(SETTLED), s);
            }
            else
            {
                settled.add(s);
            }
        }
    }

    private String msgid(final Inst inst, final long t)
    {
        final int seq = msgSeq[inst.index()]++ % 10_000;
        return inst.code() + inputs.compact(t) + InputWriter.seq(seq, 4);
    }

    private DemoRequest render(final Sent s, final long t, final String kind, final String expected)
    {
        env.setLength(0);
        final String infTime = Dates.formatDateTime(t);
        final JsonOut j = new JsonOut(env);
        j.beginObject(null).str("infno", s.infno).str("msgid", s.msgid).str("mdtrtarea_admvs", s.inst.admdvs())
            .str("insuplc_admdvs", s.person.insuplc()).str("recer_sys_code", "YBXT").str("dev_no", "")
            .str("dev_safe_info", "").str("cainfo", "").str("signtype", "").str("infver", "V1.0")
            .str("opter_type", s.inst.pharmacy() && s.cashier == 0 ? "2" : "1")
            .str("opter", InputWriter.seq(s.inst.index() % 100 * 100 + s.cashier + 1, 4))
            .str("opter_name", CASHIERS[s.cashier]).str("inf_time", infTime).str("fixmedins_code", s.inst.code())
            .str("fixmedins_name", s.inst.name()).str("sign_no", signNo(s.inst)).raw("input", s.input).endObject();
        return new DemoRequest(env.toString(), s.infno, s.msgid, s.inst.code(), infTime, kind, expected);
    }

    // One 9001 sign-in per institution per day: a stable number from the seed, day and institution.
    private String signNo(final Inst inst)
    {
        return InputWriter.seq(mix(seed * 31 + dayStart + inst.index()) % 1_000_000_000_000L, 12);
    }

    /** SplitMix64 finaliser, non-negative. @param v input @return hash */
    static long mix(final long v)
    {
        long z = v + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
