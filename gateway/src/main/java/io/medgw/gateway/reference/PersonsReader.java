package io.medgw.gateway.reference;

import io.medgw.gateway.reference.Person.ChronicCert;
import io.medgw.gateway.reference.Person.Filing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks {@code persons.csv} (without their 认定 and 备案, attached later by
 * {@link PersonLinks}). Builds the psn_no, card, ID-number and e-voucher maps, refusing duplicates.
 * Repeated small values are interned. One thread per call.
 */
final class PersonsReader
{
    static final String FILE = "persons.csv";
    static final String[] COLUMNS = {
        "psn_no", "psn_name", "psn_cert_type", "certno", "gend", "naty", "brdy", "card_no", "evoucher_token",
        "evoucher_valid_until", "psn_insu_stas", "benefit_begin", "benefit_end", "insutype", "psn_type", "cvlserv_flag",
        "insuplc_admdvs", "assist_category", "n_flags", "balance", "emp_name" };
    private static final int PSN_NO = 0;
    private static final int NAME = 1;
    private static final int CERT_TYPE = 2;
    private static final int CERTNO = 3;
    private static final int GEND = 4;
    private static final int NATY = 5;
    private static final int BRDY = 6;
    private static final int CARD_NO = 7;
    private static final int TOKEN = 8;
    private static final int VALID_UNTIL = 9;
    private static final int STATUS = 10;
    private static final int BEGIN = 11;
    private static final int END = 12;
    private static final int INSUTYPE = 13;
    private static final int PSN_TYPE = 14;
    private static final int CVLSERV = 15;
    private static final int INSUPLC = 16;
    private static final int ASSIST = 17;
    private static final int N_FLAGS = 18;
    private static final int BALANCE = 19;
    private static final int EMP_NAME = 20;

    static final ChronicCert[] NO_CHRONIC = new ChronicCert[0];
    static final Filing[] NO_FILINGS = new Filing[0];
    private static final String[] NO_FLAGS = new String[0];
    private static final String[] STATUSES = { "1", "2", "3", "4" };
    /** A short persons.csv row: maps are sized from the file's size with it (over-estimating a little). */
    private static final int BYTES_PER_ROW = 100;

    /** Result: the person maps, the persons kept with their lines (file order), and the psn_no of refused rows. */
    record Result(
        Map<String, Person> byPsnNo,
        Map<String, Person> byCardNo,
        Map<String, Person> byCertno,
        Map<String, Person> byToken,
        RowLines<Person> lines,
        Set<String> refused,
        RowProblems problems)
    {
    }

    private PersonsReader()
    {
    }

    static Result read(final Path dir)
    {
        final RowProblems problems = new RowProblems(FILE);
        final Interner interner = new Interner();
        try (CsvRows r = CsvRows.open(dir, COLUMNS, false, problems))
        {
            final int expected = r == null ? 16 : r.expectedRows(BYTES_PER_ROW);
            final Result result = new Result(map(expected), map(expected), map(expected), map(expected),
                new RowLines<>(expected), new HashSet<>(), problems);
            while (r != null && r.next())
            {
                final int before = r.problemCount();
                final Person p = person(r, interner);
                if (r.problemCount() == before)
                {
                    index(r, p, result);
                }
                else if (!r.isEmpty(PSN_NO))
                {
                    result.refused().add(r.text(PSN_NO));
                }
            }
            return result;
        }
    }

    private static Map<String, Person> map(final int expected)
    {
        return new HashMap<>(expected * 4 / 3 + 1);
    }

    private static Person person(final CsvRows r, final Interner in)
    {
        final String psnNo = r.required(PSN_NO);
        final String name = r.required(NAME);
        final String certType = r.required(CERT_TYPE);
        final String certno = r.required(CERTNO);
        final String gend = r.required(GEND);
        final int brdy = Cells.date(r, BRDY);
        final String token = r.text(TOKEN);
        final long validUntil = Cells.optionalDateTime(r, VALID_UNTIL);
        final String status = Cells.oneOf(r, STATUS, STATUSES);
        final int begin = Cells.date(r, BEGIN);
        final int end = Cells.endDate(r, END, begin, BEGIN);
        final String insutype = r.required(INSUTYPE);
        final String psnType = r.required(PSN_TYPE);
        final int cvlserv = Cells.flag(r, CVLSERV);
        final String insuplc = Cells.digits(r, INSUPLC, 6);
        final String[] flags = flags(r, in);
        final long balance = Cells.money(r, BALANCE, 0L);
        if (token.isEmpty() && !r.isEmpty(VALID_UNTIL))
        {
            r.problem(VALID_UNTIL, r.text(VALID_UNTIL) + " is set but evoucher_token is empty");
        }
        return new Person(psnNo, name, in.intern(certType), certno, in.intern(gend), in.intern(optional(r, NATY)),
            brdy == Cells.BAD ? null : in.intern(r.text(BRDY)), optional(r, CARD_NO), optional(r, TOKEN), validUntil,
            status, begin, end, in.intern(insutype), in.intern(psnType), cvlserv == 1, in.intern(insuplc),
            in.intern(optional(r, ASSIST)), flags, NO_CHRONIC, NO_FILINGS, balance, in.intern(optional(r, EMP_NAME)));
    }

    private static String optional(final CsvRows r, final int col)
    {
        final String v = r.text(col);
        return v.isEmpty() ? null : v;
    }

    private static String[] flags(final CsvRows r, final Interner in)
    {
        final String v = r.text(N_FLAGS);
        if (v.isEmpty())
        {
            return NO_FLAGS;
        }
        final String[] items = v.split(";", -1);
        for (int i = 0; i < items.length; i++)
        {
            items[i] = items[i].trim();
            if (items[i].isEmpty())
            {
                r.problem(N_FLAGS, v + " has an empty item");
                return NO_FLAGS;
            }
            items[i] = in.intern(items[i]);
        }
        return items;
    }

    private static void index(final CsvRows r, final Person p, final Result result)
    {
        final Person first = result.byPsnNo().putIfAbsent(p.psnNo(), p);
        if (first != null)
        {
            r.problem(PSN_NO, p.psnNo() + " duplicates line " + result.lines().lineOf(first));
            return;
        }
        result.lines().add(p, r.line());
        unique(r, CERTNO, p.certno(), p, result.byCertno(), result.lines());
        unique(r, CARD_NO, p.cardNo(), p, result.byCardNo(), result.lines());
        unique(r, TOKEN, p.evoucherToken(), p, result.byToken(), result.lines());
    }

    private static void unique(
        final CsvRows r, final int col, final String key, final Person p, final Map<String, Person> map, final RowLines<Person> lines)
    {
        if (key == null)
        {
            return;
        }
        final Person other = map.putIfAbsent(key, p);
        if (other != null)
        {
            r.problem(col, key + " is already used by psn_no " + other.psnNo() + " (line " + lines.lineOf(other) + ")");
        }
    }
}
