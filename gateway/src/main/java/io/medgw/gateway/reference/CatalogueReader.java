package io.medgw.gateway.reference;

import io.medgw.codec.Dates;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/** Reads and checks {@code catalogue.csv} into one {@link Catalogue} per pooling region. One thread per call. */
final class CatalogueReader
{
    static final String FILE = "catalogue.csv";
    static final String[] COLUMNS = {
        "admdvs", "med_list_codg", "name", "list_type", "med_chrgitm_type", "chrgitm_lv", "selfpay_prop",
        "pric_uplmt", "min_hosp_lv", "opsp_only", "dual_channel", "begin_date", "end_date" };
    private static final int ADMDVS = 0;
    private static final int CODE = 1;
    private static final int NAME = 2;
    private static final int LIST_TYPE = 3;
    private static final int CHRGITM_TYPE = 4;
    private static final int CHRGITM_LV = 5;
    private static final int SELFPAY_PROP = 6;
    private static final int PRIC_UPLMT = 7;
    private static final int MIN_HOSP_LV = 8;
    private static final int OPSP_ONLY = 9;
    private static final int DUAL_CHANNEL = 10;
    private static final int BEGIN = 11;
    private static final int END = 12;

    private static final String[] LIST_TYPES = { "101", "102", "103", "104", "201", "301" };
    private static final String[] CHRGITM_TYPES = {
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14" };
    private static final String[] CHRGITM_LVS = { "01", "02", "03" };
    private static final Comparator<CatalogueItem> BY_BEGIN = Comparator.comparingInt(CatalogueItem::validBegin);
    /** A short catalogue.csv row: maps are sized from the file's size with it. */
    private static final int BYTES_PER_ROW = 70;

    /** Result: admdvs → catalogue. */
    record Result(Map<String, Catalogue> catalogues, RowProblems problems)
    {
    }

    private CatalogueReader()
    {
    }

    static Result read(final Path dir)
    {
        final RowProblems problems = new RowProblems(FILE);
        final Map<String, Map<String, CatalogueItem[]>> regions = new HashMap<>();
        final Interner interner = new Interner();
        try (CsvRows r = CsvRows.open(dir, COLUMNS, false, problems))
        {
            final int expected = r == null ? 16 : r.expectedRows(BYTES_PER_ROW);
            final RowLines<CatalogueItem> lines = new RowLines<>(expected);
            while (r != null && r.next())
            {
                final int before = r.problemCount();
                final CatalogueItem item = item(r, interner);
                if (r.problemCount() == before)
                {
                    add(r, item, regions.computeIfAbsent(item.admdvs(), k -> new HashMap<>(expected)), lines);
                }
            }
        }
        final Map<String, Catalogue> catalogues = new HashMap<>();
        for (final Map.Entry<String, Map<String, CatalogueItem[]>> region : regions.entrySet())
        {
            for (final CatalogueItem[] versions : region.getValue().values())
            {
                if (versions.length > 1)
                {
                    Arrays.sort(versions, BY_BEGIN);
                }
            }
            catalogues.put(region.getKey(), new Catalogue(region.getKey(), Collections.unmodifiableMap(region.getValue())));
        }
        return new Result(catalogues, problems);
    }

    /** Adds a version to its code (usually the only one), refusing a second one with the same begin_date. */
    private static void add(
        final CsvRows r, final CatalogueItem item, final Map<String, CatalogueItem[]> byCode, final RowLines<CatalogueItem> lines)
    {
        final CatalogueItem[] versions = byCode.putIfAbsent(item.code(), new CatalogueItem[] { item });
        if (versions != null)
        {
            for (final CatalogueItem v : versions)
            {
                if (v.validBegin() == item.validBegin())
                {
                    r.problem(BEGIN, item.admdvs() + " " + item.code() + " from " + Dates.formatDate(item.validBegin()) +
                        " duplicates line " + lines.lineOf(v));
                    return;
                }
            }
            final CatalogueItem[] more = Arrays.copyOf(versions, versions.length + 1);
            more[versions.length] = item;
            byCode.put(item.code(), more);
        }
        lines.add(item, r.line());
    }

    private static CatalogueItem item(final CsvRows r, final Interner interner)
    {
        final String admdvs = Cells.digits(r, ADMDVS, 6);
        final String code = r.required(CODE);
        final String name = r.required(NAME);
        final String listType = Cells.oneOf(r, LIST_TYPE, LIST_TYPES);
        final String chrgitmType = Cells.oneOf(r, CHRGITM_TYPE, CHRGITM_TYPES);
        final String lv = Cells.oneOf(r, CHRGITM_LV, CHRGITM_LVS);
        final int selfpay = Cells.ratio(r, SELFPAY_PROP, 0);
        final long priceCap = Cells.price(r, PRIC_UPLMT);
        final int minHospLv = Cells.number(r, MIN_HOSP_LV, 0, 3, 0);
        final int opspOnly = Cells.flag(r, OPSP_ONLY);
        final int dualChannel = Cells.flag(r, DUAL_CHANNEL);
        final int begin = Cells.date(r, BEGIN);
        final int end = Cells.endDate(r, END, begin, BEGIN);
        if (lv != null && selfpay != Cells.BAD && selfpay != 0 && !"02".equals(lv))
        {
            r.problem(SELFPAY_PROP, r.text(SELFPAY_PROP) + " must be 0 unless chrgitm_lv is 02 (乙类); here it is " + lv);
        }
        if (lv == null || admdvs == null || code == null || name == null || listType == null || chrgitmType == null)
        {
            return null;
        }
        return new CatalogueItem(interner.intern(admdvs), interner.intern(code), interner.intern(name), listType,
            chrgitmType, lv.charAt(1) - '0', selfpay, priceCap, minHospLv, opspOnly == 1, dualChannel == 1, begin, end);
    }
}
