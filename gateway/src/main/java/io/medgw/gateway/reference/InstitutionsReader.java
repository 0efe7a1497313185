package io.medgw.gateway.reference;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads and checks {@code institutions.csv}. One thread per call. */
final class InstitutionsReader
{
    static final String FILE = "institutions.csv";
    static final String[] COLUMNS = {
        "fixmedins_code", "fixmedins_name", "type", "hosp_lv", "admdvs",
        "agreement_begin", "agreement_end", "cross_region", "dual_channel" };
    private static final int CODE = 0;
    private static final int NAME = 1;
    private static final int TYPE = 2;
    private static final int HOSP_LV = 3;
    private static final int ADMDVS = 4;
    private static final int BEGIN = 5;
    private static final int END = 6;
    private static final int CROSS_REGION = 7;
    private static final int DUAL_CHANNEL = 8;

    /** Result: the institutions, and the codes of every row (kept or refused). */
    record Result(Map<String, Institution> institutions, Map<String, Integer> lines, RowProblems problems)
    {
    }

    private InstitutionsReader()
    {
    }

    static Result read(final Path dir)
    {
        final RowProblems problems = new RowProblems(FILE);
        final Map<String, Institution> institutions = new HashMap<>();
        final Map<String, Integer> lines = new HashMap<>();
        final Interner interner = new Interner();
        try (CsvRows r = CsvRows.open(dir, COLUMNS, false, problems))
        {
            while (r != null && r.next())
            {
                final int before = r.problemCount();
                final String code = r.required(CODE);
                final String name = r.required(NAME);
                final String type = Cells.oneOf(r, TYPE, "hospital", "pharmacy");
                final int hospLv = Cells.number(r, HOSP_LV, 0, 3);
                final String admdvs = Cells.digits(r, ADMDVS, 6);
                final int begin = Cells.date(r, BEGIN);
                final int end = Cells.endDate(r, END, begin, BEGIN);
                final int crossRegion = Cells.flag(r, CROSS_REGION);
                final int dualChannel = Cells.flag(r, DUAL_CHANNEL);
                final boolean pharmacy = "pharmacy".equals(type);
                if (type != null && hospLv != Cells.BAD)
                {
                    if (pharmacy && hospLv != 0)
                    {
                        r.problem(HOSP_LV, hospLv + " must be 0 for a pharmacy");
                    }
                    else if (!pharmacy && hospLv == 0)
                    {
                        r.problem(HOSP_LV, "0 is for pharmacies; a hospital is 1, 2 or 3");
                    }
                }
                if (type != null && !pharmacy && dualChannel == 1)
                {
                    r.problem(DUAL_CHANNEL, "1 is for pharmacies only (双通道药店); a hospital has 0");
                }
                final Integer first = code == null ? null : lines.putIfAbsent(code, r.line());
                if (first != null)
                {
                    r.problem(CODE, code + " duplicates line " + first);
                }
                if (r.problemCount() == before)
                {
                    institutions.put(code, new Institution(code, name, pharmacy, hospLv, interner.intern(admdvs),
                        begin, end, crossRegion == 1, dualChannel == 1));
                }
            }
        }
        return new Result(institutions, lines, problems);
    }
}
