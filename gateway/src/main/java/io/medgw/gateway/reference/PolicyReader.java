package io.medgw.gateway.reference;

import io.medgw.gateway.reference.Policy.Cell;

import org.agrona.collections.Int2ObjectHashMap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and checks {@code policy_cells.csv} and {@code policy_funds.csv} (the latter through
 * {@link PolicyFundsReader}) into one {@link Policy} per 参保地 × insutype × year. One thread per call.
 */
final class PolicyReader
{
    static final String CELLS_FILE = "policy_cells.csv";
    static final String[] CELL_COLUMNS = {
        "insuplc_admdvs", "insutype", "year", "benefit_class", "hosp_lv", "psn_type", "deductible", "ratio" };
    static final int ADMDVS = 0;
    static final int INSUTYPE = 1;
    static final int YEAR = 2;
    private static final int CLASS = 3;
    private static final int HOSP_LV = 4;
    private static final int PSN_TYPE = 5;
    private static final int DEDUCTIBLE = 6;
    private static final int RATIO = 7;
    private static final String CLASS_LABELS = "outpatient, chronic, inpatient, pharmacy, maternity";

    /** Result: insuplc_admdvs → insutype → year → policy. */
    record Result(Map<String, Map<String, Int2ObjectHashMap<Policy>>> policies, RowProblems cellProblems, RowProblems fundProblems)
    {
    }

    private PolicyReader()
    {
    }

    static Result read(final Path dir)
    {
        final RowProblems cellProblems = new RowProblems(CELLS_FILE);
        final RowProblems fundProblems = new RowProblems(PolicyFundsReader.FILE);
        final Map<String, PolicyBuilder> builders = new LinkedHashMap<>();
        final Interner interner = new Interner();
        readCells(dir, builders, interner, cellProblems);
        PolicyFundsReader.read(dir, builders, interner, fundProblems);
        final Map<String, Map<String, Int2ObjectHashMap<Policy>>> policies = new HashMap<>();
        for (final PolicyBuilder b : builders.values())
        {
            b.finish(cellProblems, fundProblems);
            final Policy p = b.build();
            policies.computeIfAbsent(p.insuplcAdmdvs(), k -> new HashMap<>())
                .computeIfAbsent(p.insutype(), k -> new Int2ObjectHashMap<>())
                .put(p.year(), p);
        }
        return new Result(policies, cellProblems, fundProblems);
    }

    /** @return the builder of the row's policy, or null if its key cells are bad (reported). */
    static PolicyBuilder builderOf(final CsvRows r, final Map<String, PolicyBuilder> builders, final Interner interner)
    {
        final String admdvs = Cells.digits(r, ADMDVS, 6);
        final String insutype = r.required(INSUTYPE);
        final int year = Cells.number(r, YEAR, 1900, 9999);
        if (admdvs == null || insutype == null || year == Cells.BAD)
        {
            return null;
        }
        return builders.computeIfAbsent(admdvs + '/' + insutype + '/' + year,
            k -> new PolicyBuilder(interner.intern(admdvs), interner.intern(insutype), year));
    }

    /** @return the benefit class in a required cell, or null (reported). */
    static BenefitClass benefitClass(final CsvRows r, final int col)
    {
        final String v = r.required(col);
        final BenefitClass c = v == null ? null : BenefitClass.ofLabel(v);
        if (v != null && c == null)
        {
            r.problem(col, v + " is not a benefit class (" + CLASS_LABELS + ")");
        }
        return c;
    }

    /** @return the mask of a {@code ;}-separated list of benefit classes, {@code ifEmpty} when empty, or Cells.BAD. */
    static int classMask(final CsvRows r, final int col, final int ifEmpty)
    {
        final String v = r.text(col);
        if (v.isEmpty())
        {
            return ifEmpty;
        }
        int mask = 0;
        int from = 0;
        while (from <= v.length())
        {
            final int semi = v.indexOf(';', from);
            final int to = semi < 0 ? v.length() : semi;
            final String item = v.substring(from, to).trim();
            final BenefitClass c = BenefitClass.ofLabel(item);
            if (c == null)
            {
                r.problem(col, (item.isEmpty() ? "an empty item" : item) + " in " + v + " is not a benefit class (" + CLASS_LABELS + ")");
                return Cells.BAD;
            }
            mask |= 1 << c.ordinal();
            from = to + 1;
        }
        return mask;
    }

    private static void readCells(
        final Path dir, final Map<String, PolicyBuilder> builders, final Interner interner, final RowProblems problems)
    {
        try (CsvRows r = CsvRows.open(dir, CELL_COLUMNS, false, problems))
        {
            while (r != null && r.next())
            {
                final PolicyBuilder b = builderOf(r, builders, interner);
                final BenefitClass c = benefitClass(r, CLASS);
                final int hospLv = Cells.number(r, HOSP_LV, 0, 3);
                final String psnType = r.required(PSN_TYPE);
                final long deductible = Cells.money(r, DEDUCTIBLE);
                final int ratio = Cells.ratio(r, RATIO);
                if (b == null || c == null || hospLv == Cells.BAD || psnType == null)
                {
                    continue;
                }
                b.seenInCells(r.line());
                // A cell with a bad amount still occupies its slot, so completeness does not report it twice.
                final Cell cell = new Cell(Math.max(0L, deductible), Math.max(0, ratio));
                final String duplicate = b.addCell(c, hospLv, interner.intern(psnType), cell, r.line());
                if (duplicate != null)
                {
                    r.problem(PSN_TYPE, psnType + " " + duplicate);
                }
            }
        }
    }
}
