package io.medgw.gateway.reference;

import io.medgw.gateway.reference.Person.ChronicCert;
import io.medgw.gateway.reference.Person.FamilyBinding;
import io.medgw.gateway.reference.Person.Filing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the optional per-person files {@code chronic.csv} (门诊慢特病 认定), {@code filings.csv}
 * (异地 备案) and {@code family_bindings.csv} (家庭共济). Rows are only parsed here (in parallel with
 * persons.csv); {@link PersonLinker} checks their references and attaches them. One thread per call.
 */
final class PersonLinks
{
    static final String CHRONIC_FILE = "chronic.csv";
    static final String FILINGS_FILE = "filings.csv";
    static final String BINDINGS_FILE = "family_bindings.csv";
    static final String[] CHRONIC_COLUMNS = { "psn_no", "opsp_dise_codg", "begin_date", "end_date", "fixmedins_code" };
    static final String[] FILING_COLUMNS = { "psn_no", "mdtrtarea_admdvs", "dsgn_type", "begin_date", "end_date" };
    static final String[] BINDING_COLUMNS = { "holder_psn_no", "member_psn_no", "bind_date", "active" };
    private static final String[] DSGN_TYPES = { "1", "2", "3", "4" };

    /** A parsed row of one of the files, with its line. @param psnNo the person (member, for bindings) */
    record Row<T>(String psnNo, T value, int line)
    {
    }

    /** The good rows of a file, in file order. */
    record Rows<T>(List<Row<T>> rows, RowProblems problems)
    {
    }

    private PersonLinks()
    {
    }

    static Rows<ChronicCert> readChronic(final Path dir)
    {
        final RowProblems problems = new RowProblems(CHRONIC_FILE);
        final List<Row<ChronicCert>> rows = new ArrayList<>();
        final Interner interner = new Interner();
        try (CsvRows r = CsvRows.open(dir, CHRONIC_COLUMNS, true, problems))
        {
            while (r != null && r.next())
            {
                final int before = r.problemCount();
                final String psnNo = r.required(0);
                final String disease = r.required(1);
                final int begin = Cells.date(r, 2);
                final int end = Cells.endDate(r, 3, begin, 2);
                final String institution = r.isEmpty(4) ? null : interner.intern(r.text(4));
                if (r.problemCount() == before)
                {
                    rows.add(new Row<>(psnNo, new ChronicCert(interner.intern(disease), begin, end, institution), r.line()));
                }
            }
        }
        return new Rows<>(rows, problems);
    }

    static Rows<Filing> readFilings(final Path dir)
    {
        final RowProblems problems = new RowProblems(FILINGS_FILE);
        final List<Row<Filing>> rows = new ArrayList<>();
        final Interner interner = new Interner();
        try (CsvRows r = CsvRows.open(dir, FILING_COLUMNS, true, problems))
        {
            while (r != null && r.next())
            {
                final int before = r.problemCount();
                final String psnNo = r.required(0);
                final String area = Cells.digits(r, 1, 6);
                final String dsgnType = Cells.oneOf(r, 2, DSGN_TYPES);
                final int begin = Cells.date(r, 3);
                final int end = Cells.endDate(r, 4, begin, 3);
                if (r.problemCount() == before)
                {
                    rows.add(new Row<>(psnNo, new Filing(interner.intern(area), dsgnType, begin, end), r.line()));
                }
            }
        }
        return new Rows<>(rows, problems);
    }

    static Rows<FamilyBinding> readBindings(final Path dir)
    {
        final RowProblems problems = new RowProblems(BINDINGS_FILE);
        final List<Row<FamilyBinding>> rows = new ArrayList<>();
        try (CsvRows r = CsvRows.open(dir, BINDING_COLUMNS, true, problems))
        {
            while (r != null && r.next())
            {
                final int before = r.problemCount();
                final String holder = r.required(0);
                final String member = r.required(1);
                final int begin = Cells.date(r, 2);
                final int active = r.required(3) == null ? Cells.BAD : Cells.flag(r, 3);
                if (holder != null && holder.equals(member))
                {
                    r.problem(1, member + " is the holder itself");
                }
                if (r.problemCount() == before)
                {
                    rows.add(new Row<>(member, new FamilyBinding(holder, member, begin, active == 1), r.line()));
                }
            }
        }
        return new Rows<>(rows, problems);
    }
}
