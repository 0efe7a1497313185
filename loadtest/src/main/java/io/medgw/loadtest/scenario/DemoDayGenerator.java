package io.medgw.loadtest.scenario;

import io.medgw.codec.Dates;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Generates one day of national-interface requests (one JSON envelope per line) against a
 * reference-data directory, for {@code bin/medgw settle --requests FILE}, the load generator and
 * the in-process demo. Deterministic: the same directory, seed, count and day give the same lines.
 * <p>
 * Mix (of {@code count}): about 49 % 普通门诊/急诊 2207 (med_type 11/13), 30 % pharmacy 2102 (41),
 * 6 % 门诊慢特病 (14, for 认定 holders, at the designated institution if any), 5 % 住院 2304 (21/24),
 * 1.5 % 生育 for 310 women (51 via 2207, 52 via 2304), 3 % 异地 (person with a valid 备案 at an
 * institution open for 异地 in its area), 2 % deliberate refusals of varied kinds, 3 % 2601 冲正 of
 * an earlier settlement of the same institution, 0.5 % exact re-sends (same msgid and input; a new
 * inf_time, as a retrying HIS sends) and 0.1 % msgid reuse with another body (E3001). inf_time
 * ascends from 08:00 to 18:00 of {@code day}; msgid = fixmedins_code + yyyyMMddHHmmss + 4-digit
 * per-institution sequence.
 */
public final class DemoDayGenerator
{
    /**
     * What was generated.
     *
     * @param requests      lines.
     * @param byInfno       infno → lines.
     * @param byKind        kind (see {@link DemoRequest#kind()}) → lines.
     * @param refusals      intended refusal code → lines, re-sends not counted.
     * @param feeLines      fee lines over all settlement requests (re-sends not counted).
     * @param medfeeFen     Σ medfee_sumamt of those requests, fen.
     * @param firstInfTime  inf_time of the first line (null if none).
     * @param lastInfTime   inf_time of the last line (null if none).
     */
    public record Summary(
        int requests,
        SortedMap<String, Integer> byInfno,
        SortedMap<String, Integer> byKind,
        SortedMap<String, Integer> refusals,
        long feeLines,
        long medfeeFen,
        String firstInfTime,
        String lastInfTime)
    {
    }

    private DemoDayGenerator()
    {
    }

    /**
     * Writes {@code count} requests to {@code out}, one JSON envelope per line (UTF-8, {@code \n}).
     *
     * @param regionDir reference-data directory.
     * @param out       the file to (over)write.
     * @param seed      random seed.
     * @param count     number of lines.
     * @param day       the day of every inf_time.
     * @return what was written.
     */
    public static Summary generate(final Path regionDir, final Path out, final long seed, final int count,
        final LocalDate day)
    {
        return generate(DemoWorld.load(regionDir), out, seed, count, day);
    }

    /**
     * As {@link #generate(Path, Path, long, int, LocalDate)} with the reference data already read.
     *
     * @param world the data, from {@link DemoWorld#load(Path)}.
     * @param out   the file to (over)write.
     * @param seed  random seed.
     * @param count number of lines.
     * @param day   the day of every inf_time.
     * @return what was written.
     */
    public static Summary generate(final DemoWorld world, final Path out, final long seed, final int count,
        final LocalDate day)
    {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out),
            StandardCharsets.UTF_8), 1 << 16))
        {
            final DayScript script = script(world, seed, count, day);
            while (script.hasNext())
            {
                w.write(script.next().json());
                w.write('\n');
            }
            return script.summary();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + out, ex);
        }
    }

    /**
     * Hands each request body (the envelope JSON) to {@code sink}, in order, without writing a file.
     *
     * @param world the data.
     * @param seed  random seed.
     * @param count number of requests.
     * @param day   the day of every inf_time.
     * @param sink  receives each envelope.
     * @return what was generated.
     */
    public static Summary forEach(final DemoWorld world, final long seed, final int count, final LocalDate day,
        final Consumer<String> sink)
    {
        return forEachRequest(world, seed, count, day, r -> sink.accept(r.json()));
    }

    /**
     * Hands each request, with what the generator intended, to {@code sink}, in order.
     *
     * @param world the data.
     * @param seed  random seed.
     * @param count number of requests.
     * @param day   the day of every inf_time.
     * @param sink  receives each request.
     * @return what was generated.
     */
    public static Summary forEachRequest(final DemoWorld world, final long seed, final int count, final LocalDate day,
        final Consumer<DemoRequest> sink)
    {
        final DayScript script = script(world, seed, count, day);
        while (script.hasNext())
        {
            sink.accept(script.next());
        }
        return script.summary();
    }

    /**
     * @param world the data.
     * @param seed  random seed.
     * @param count number of requests.
     * @param day   the day of every inf_time.
     * @return the requests, generated lazily in order (not thread-safe).
     */
    public static Iterator<DemoRequest> iterator(final DemoWorld world, final long seed, final int count,
        final LocalDate day)
    {
        return script(world, seed, count, day);
    }

    private static DayScript script(final DemoWorld world, final long seed, final int count, final LocalDate day)
    {
        return new DayScript(world, seed, count, Dates.ofYmd(day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
    }

    /** Running totals of a generation. */
    static final class Tally
    {
        private final Map<String, Integer> byInfno = new TreeMap<>();
        private final Map<String, Integer> byKind = new TreeMap<>();
        private final Map<String, Integer> refusals = new TreeMap<>();
        private int requests;
        private long feeLines;
        private long medfeeFen;
        private String first;
        private String last;

        void add(final DemoRequest r)
        {
            requests++;
            byInfno.merge(r.infno(), 1, Integer::sum);
            byKind.merge(r.kind(), 1, Integer::sum);
            if (r.expectedCode() != null && !"resend".equals(r.kind()))
            {
                refusals.merge(r.expectedCode(), 1, Integer::sum);
            }
            if (first == null)
            {
                first = r.infTime();
            }
            last = r.infTime();
        }

        void lines(final int lines, final long totalFen)
        {
            feeLines += lines;
            medfeeFen += totalFen;
        }

        Summary summary()
        {
            return new Summary(requests, unmodifiable(byInfno), unmodifiable(byKind), unmodifiable(refusals), feeLines,
                medfeeFen, first, last);
        }

        private static SortedMap<String, Integer> unmodifiable(final Map<String, Integer> m)
        {
            return Collections.unmodifiableSortedMap(new TreeMap<>(m));
        }
    }
}
