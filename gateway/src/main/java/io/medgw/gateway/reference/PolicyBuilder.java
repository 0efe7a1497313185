package io.medgw.gateway.reference;

import io.medgw.codec.Decimals;
import io.medgw.codec.Units;
import io.medgw.gateway.reference.Policy.AssistRule;
import io.medgw.gateway.reference.Policy.Cell;
import io.medgw.gateway.reference.Policy.ClassTable;
import io.medgw.gateway.reference.Policy.FundRule;
import io.medgw.gateway.reference.Policy.NFund;
import io.medgw.gateway.reference.Policy.SeriousRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows of one policy (参保地 × insutype × year) from {@code policy_cells.csv} and
 * {@code policy_funds.csv}, refuses duplicates as they come ({@code add*} return the reason, or
 * null), checks completeness at the end ({@link #finish}) and builds the immutable {@link Policy}.
 * Load time only; one thread.
 */
final class PolicyBuilder
{
    private static final int LEVELS = 4;
    private static final BenefitClass[] CLASSES = BenefitClass.values();
    private static final int NOT_SET = Integer.MIN_VALUE;

    private final String admdvs;
    private final String insutype;
    private final int year;
    private final String label;
    private int firstCellsLine;
    private int firstFundsLine;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private final Map<String, Cell[]>[] cells = new Map[CLASSES.length];
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final Map<String, int[]>[] cellLines = new Map[CLASSES.length];
    private final Map<String, Integer> psnTypeLines = new LinkedHashMap<>();

    private final long[] poolCapFen = { Units.NO_CAP, Units.NO_CAP, Units.NO_CAP };
    private final int[] poolCapLines = new int[CapGroup.values().length];
    private final CapGroup[] capGroups = new CapGroup[CLASSES.length];
    private final int[] capGroupLines = new int[CLASSES.length];
    private FundRule large;
    private int largeLine;
    private FundRule civil;
    private int civilLine;
    private long seriousThresholdFen;
    private long seriousCapFen;
    private int seriousMask;
    private int seriousLine;
    private long[] bandFromFen = new long[4];
    private int[] bandRatioBp = new int[4];
    private int bandCount;
    private int firstBandLine;
    private int lastBandLine;
    private final Map<String, AssistRule> assist = new LinkedHashMap<>();
    private final Map<String, Integer> assistLines = new HashMap<>();
    private int assistMask = NOT_SET;
    private int assistMaskLine;
    private final List<NFund> nFunds = new ArrayList<>();
    private final Map<String, Integer> nLines = new HashMap<>();
    private final Map<String, Integer> crossAdjustBp = new HashMap<>();
    private final Map<String, Integer> crossLines = new HashMap<>();

    PolicyBuilder(final String admdvs, final String insutype, final int year)
    {
        this.admdvs = admdvs;
        this.insutype = insutype;
        this.year = year;
        this.label = admdvs + '/' + insutype + '/' + year;
    }

    String insutype()
    {
        return insutype;
    }

    void seenInCells(final int line)
    {
        if (firstCellsLine == 0)
        {
            firstCellsLine = line;
        }
    }

    void seenInFunds(final int line)
    {
        if (firstFundsLine == 0)
        {
            firstFundsLine = line;
        }
    }

    String addCell(final BenefitClass c, final int hospLv, final String psnType, final Cell cell, final int line)
    {
        final int k = c.ordinal();
        if (cells[k] == null)
        {
            cells[k] = new HashMap<>();
            cellLines[k] = new HashMap<>();
        }
        final Cell[] byLevel = cells[k].computeIfAbsent(psnType, p -> new Cell[LEVELS]);
        final int[] lines = cellLines[k].computeIfAbsent(psnType, p -> new int[LEVELS]);
        if (byLevel[hospLv] != null)
        {
            return "duplicates line " + lines[hospLv] + " (same policy, benefit_class, hosp_lv and psn_type)";
        }
        byLevel[hospLv] = cell;
        lines[hospLv] = line;
        psnTypeLines.putIfAbsent(psnType, line);
        return null;
    }

    String poolCap(final CapGroup g, final long capFen, final int line)
    {
        if (poolCapLines[g.ordinal()] != 0)
        {
            return "duplicates the pool_cap row on line " + poolCapLines[g.ordinal()];
        }
        poolCapLines[g.ordinal()] = line;
        poolCapFen[g.ordinal()] = capFen;
        return null;
    }

    String capGroup(final BenefitClass c, final CapGroup g, final int line)
    {
        if (capGroupLines[c.ordinal()] != 0)
        {
            return "duplicates the cap_group row on line " + capGroupLines[c.ordinal()];
        }
        capGroupLines[c.ordinal()] = line;
        capGroups[c.ordinal()] = g;
        return null;
    }

    String large(final FundRule rule, final int line)
    {
        if (large != null)
        {
            return "duplicates the large row on line " + largeLine;
        }
        large = rule;
        largeLine = line;
        return null;
    }

    String civil(final FundRule rule, final int line)
    {
        if (civil != null)
        {
            return "duplicates the civil row on line " + civilLine;
        }
        civil = rule;
        civilLine = line;
        return null;
    }

    String serious(final long thresholdFen, final long capFen, final int classMask, final int line)
    {
        if (seriousLine != 0)
        {
            return "duplicates the serious row on line " + seriousLine;
        }
        seriousThresholdFen = thresholdFen;
        seriousCapFen = capFen;
        seriousMask = classMask;
        seriousLine = line;
        return null;
    }

    String seriousBand(final long fromFen, final int ratioBp, final int line)
    {
        // A first band off 0 is refused but kept, so the bands after it are not refused for it.
        final String offZero = bandCount == 0 && fromFen != 0 ?
            "the first serious_band of policy " + label + " starts at " + Decimals.format(fromFen, 2) + "; it must start at 0" : null;
        if (bandCount > 0 && fromFen <= bandFromFen[bandCount - 1])
        {
            return Decimals.format(fromFen, 2) + " is not above the previous band's start " +
                Decimals.format(bandFromFen[bandCount - 1], 2) + " (line " + lastBandLine + "); bands must be strictly ascending";
        }
        if (bandCount == bandFromFen.length)
        {
            bandFromFen = Arrays.copyOf(bandFromFen, bandCount * 2);
            bandRatioBp = Arrays.copyOf(bandRatioBp, bandCount * 2);
        }
        bandFromFen[bandCount] = fromFen;
        bandRatioBp[bandCount++] = ratioBp;
        if (firstBandLine == 0)
        {
            firstBandLine = line;
        }
        lastBandLine = line;
        return offZero;
    }

    /** @return the reason the category is refused (duplicate), or null. */
    String assist(final String category, final AssistRule rule, final int line)
    {
        final Integer first = assistLines.putIfAbsent(category, line);
        if (first != null)
        {
            return category + " duplicates the assist row on line " + first;
        }
        assist.put(category, rule);
        return null;
    }

    /** @return null if {@code classMask} agrees with the policy's other assist rows, else the reason. */
    String assistClasses(final int classMask, final int line)
    {
        if (assistMask == NOT_SET)
        {
            assistMask = classMask;
            assistMaskLine = line;
            return null;
        }
        return assistMask == classMask ? null :
            "differs from the assist row on line " + assistMaskLine + " (must be the same on every assist row of a policy)";
    }

    String nFund(final NFund fund, final int line)
    {
        final Integer first = nLines.putIfAbsent(fund.flag(), line);
        if (first != null)
        {
            return fund.flag() + " duplicates the n row on line " + first;
        }
        nFunds.add(fund);
        return null;
    }

    String crossRegionAdjust(final String dsgnType, final int bp, final int line)
    {
        final Integer first = crossLines.putIfAbsent(dsgnType, line);
        if (first != null)
        {
            return dsgnType + " duplicates the cross_region_adjust row on line " + first;
        }
        crossAdjustBp.put(dsgnType, bp);
        return null;
    }

    /**
     * Whole-policy checks: cells present for every psn_type (outpatient, inpatient at levels 1–3,
     * maternity at 1–3 for insutype 310, chronic at 0–3, pharmacy at 0), serious with bands.
     */
    void finish(final RowProblems cellProblems, final RowProblems fundProblems)
    {
        if (firstCellsLine == 0)
        {
            fundProblems.add(firstFundsLine, "insuplc_admdvs", "policy " + label + " has no rows in policy_cells.csv");
        }
        for (final Map.Entry<String, Integer> e : psnTypeLines.entrySet())
        {
            requireLevels(BenefitClass.OUTPATIENT, 1, 3, e.getKey(), e.getValue(), cellProblems);
            requireLevels(BenefitClass.INPATIENT, 1, 3, e.getKey(), e.getValue(), cellProblems);
            if ("310".equals(insutype))
            {
                requireLevels(BenefitClass.MATERNITY, 1, 3, e.getKey(), e.getValue(), cellProblems);
            }
            requireLevels(BenefitClass.CHRONIC, 0, 3, e.getKey(), e.getValue(), cellProblems);
            requireLevels(BenefitClass.PHARMACY, 0, 0, e.getKey(), e.getValue(), cellProblems);
        }
        if (seriousLine != 0 && bandCount == 0)
        {
            fundProblems.add(seriousLine, "fund", "policy " + label + " has a serious row but no serious_band rows");
        }
        if (seriousLine == 0 && bandCount > 0)
        {
            fundProblems.add(firstBandLine, "fund", "policy " + label + " has serious_band rows but no serious row");
        }
    }

    private void requireLevels(
        final BenefitClass c, final int from, final int to, final String psnType, final int line, final RowProblems problems)
    {
        final Cell[] byLevel = cells[c.ordinal()] == null ? null : cells[c.ordinal()].get(psnType);
        final StringBuilder missing = new StringBuilder();
        for (int lv = from; lv <= to; lv++)
        {
            if (byLevel == null || byLevel[lv] == null)
            {
                missing.append(missing.length() == 0 ? "" : ", ").append(lv);
            }
        }
        if (missing.length() > 0)
        {
            problems.add(line, "benefit_class", "policy " + label + " has no " + c.label() + " cell for psn_type " + psnType +
                " at hosp_lv " + missing);
        }
    }

    /** @return the immutable policy (call after {@link #finish}). */
    Policy build()
    {
        final ClassTable[] tables = new ClassTable[CLASSES.length];
        for (final BenefitClass c : CLASSES)
        {
            final Map<String, Cell[]> m = cells[c.ordinal()];
            if (m != null)
            {
                final CapGroup g = capGroups[c.ordinal()] != null ? capGroups[c.ordinal()] : CapGroup.defaultFor(c);
                tables[c.ordinal()] = new ClassTable(g, Collections.unmodifiableMap(new HashMap<>(m)));
            }
        }
        final SeriousRule serious = seriousLine == 0 ? null : new SeriousRule(seriousThresholdFen,
            Arrays.copyOf(bandFromFen, bandCount), Arrays.copyOf(bandRatioBp, bandCount), seriousCapFen, seriousMask);
        return new Policy(admdvs, insutype, year, tables, poolCapFen.clone(), large, serious, civil,
            Collections.unmodifiableMap(new LinkedHashMap<>(assist)),
            assistMask == NOT_SET ? Policy.DEFAULT_CLASS_MASK_OTHER : assistMask,
            nFunds.toArray(new NFund[0]), Collections.unmodifiableMap(new HashMap<>(crossAdjustBp)));
    }
}
