package io.medgw.gateway.reference;

import io.medgw.gateway.reference.Person.ChronicCert;
import io.medgw.gateway.reference.Person.FamilyBinding;
import io.medgw.gateway.reference.Person.Filing;
import io.medgw.gateway.reference.PersonLinks.Rows;

import org.agrona.collections.Int2ObjectHashMap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads and validates one reference-data directory (docs/reference-data.md) into an immutable
 * {@link ReferenceData}, or refuses it with every problem found.
 * <p>
 * Each file is read by its own task on a small executor (persons and catalogue, the big ones,
 * first), then the cross-file checks run on the calling thread: 认定 / 备案 / 共济 rows must name
 * known persons and institutions, a 共济 holder must be insutype 310, a person's psn_type must have
 * cells in every policy of their 参保地 and insutype, an institution's region must have a catalogue.
 * A person whose 参保地 × insutype has no policy at all is allowed (E1071 at settlement). Allocates
 * freely: load time only. Safe to call from any thread; calls do not share state.
 */
public final class ReferenceDataLoader
{
    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final AtomicInteger POOL_ID = new AtomicInteger();

    private ReferenceDataLoader()
    {
    }

    /**
     * @param dir a reference-data directory.
     * @return the validated data.
     * @throws ReferenceDataException listing every problem, if anything is wrong.
     */
    public static ReferenceData load(final Path dir) throws ReferenceDataException
    {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir))
        {
            throw new ReferenceDataException(dir, List.of(dir + ": not a directory"), 1);
        }
        final int poolId = POOL_ID.incrementAndGet();
        final AtomicInteger threadId = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r ->
        {
            final Thread t = new Thread(r, "medgw-refdata-" + poolId + '-' + threadId.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try
        {
            final Future<PersonsReader.Result> persons = pool.submit(() -> PersonsReader.read(dir));
            final Future<CatalogueReader.Result> catalogue = pool.submit(() -> CatalogueReader.read(dir));
            final Future<InstitutionsReader.Result> institutions = pool.submit(() -> InstitutionsReader.read(dir));
            final Future<PolicyReader.Result> policies = pool.submit(() -> PolicyReader.read(dir));
            final Future<Rows<ChronicCert>> chronic = pool.submit(() -> PersonLinks.readChronic(dir));
            final Future<Rows<Filing>> filings = pool.submit(() -> PersonLinks.readFilings(dir));
            final Future<Rows<FamilyBinding>> bindings = pool.submit(() -> PersonLinks.readBindings(dir));
            final Future<VersionReader.Result> version = pool.submit((Callable<VersionReader.Result>)() -> VersionReader.read(dir));
            return assemble(dir, new Parts(get(dir, version), get(dir, institutions), get(dir, catalogue), get(dir, policies),
                get(dir, persons), get(dir, chronic), get(dir, filings), get(dir, bindings)));
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** What the file tasks produced. */
    private record Parts(
        VersionReader.Result version,
        InstitutionsReader.Result institutions,
        CatalogueReader.Result catalogue,
        PolicyReader.Result policies,
        PersonsReader.Result persons,
        Rows<ChronicCert> chronic,
        Rows<Filing> filings,
        Rows<FamilyBinding> bindings)
    {
        /** @return every file's problems, in report order. */
        RowProblems[] problems()
        {
            return new RowProblems[] {
                version.problems(), institutions.problems(), catalogue.problems(), policies.cellProblems(),
                policies.fundProblems(), persons.problems(), chronic.problems(), filings.problems(), bindings.problems() };
        }
    }

    private static <T> T get(final Path dir, final Future<T> task) throws ReferenceDataException
    {
        try
        {
            return task.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new ReferenceDataException(dir, List.of(dir + ": loading was interrupted"), 1, ex);
        }
        catch (final ExecutionException ex)
        {
            throw new ReferenceDataException(dir, List.of(dir + ": loading failed: " + ex.getCause()), 1, ex.getCause());
        }
    }

    private static ReferenceData assemble(final Path dir, final Parts p) throws ReferenceDataException
    {
        PersonLinker.attach(p.persons(), p.institutions(), p.chronic(), p.filings());
        final Map<String, FamilyBinding[]> bindings = PersonLinker.bindings(p.persons(), p.bindings());
        checkPsnTypes(p.persons(), p.policies());
        checkInstitutionRegions(p.institutions(), p.catalogue());
        int count = 0;
        final List<String> problems = new ArrayList<>();
        for (final RowProblems rp : p.problems())
        {
            count += rp.count();
            rp.drainTo(problems);
        }
        if (count > 0)
        {
            throw new ReferenceDataException(dir, problems, count);
        }
        final PersonsReader.Result persons = p.persons();
        return new ReferenceData(p.version().version(), p.version().effectiveFrom(),
            Collections.unmodifiableMap(p.institutions().institutions()),
            Collections.unmodifiableMap(p.catalogue().catalogues()),
            Collections.unmodifiableMap(p.policies().policies()),
            Collections.unmodifiableMap(persons.byPsnNo()),
            Collections.unmodifiableMap(persons.byCardNo()),
            Collections.unmodifiableMap(persons.byCertno()),
            Collections.unmodifiableMap(persons.byToken()),
            bindings);
    }

    /** Every policy of a person's 参保地 × insutype (any year) must have cells for the person's psn_type. */
    private static void checkPsnTypes(final PersonsReader.Result persons, final PolicyReader.Result policies)
    {
        if (!policies.cellProblems().wasRead())
        {
            return;
        }
        final RowLines<Person> rows = persons.lines();
        for (int i = 0; i < rows.size(); i++)
        {
            final Person person = rows.row(i);
            final Map<String, Int2ObjectHashMap<Policy>> byType = policies.policies().get(person.insuplcAdmdvs());
            final Int2ObjectHashMap<Policy> byYear = byType == null ? null : byType.get(person.insutype());
            if (byYear == null)
            {
                continue;
            }
            for (final Policy policy : byYear.values())
            {
                if (!hasPsnType(policy, person.psnType()))
                {
                    persons.problems().add(rows.line(i), "psn_type", person.psnType() + " has no cells in policy " +
                        policy.insuplcAdmdvs() + '/' + policy.insutype() + '/' + policy.year() + " (policy_cells.csv)");
                }
            }
        }
    }

    private static boolean hasPsnType(final Policy policy, final String psnType)
    {
        for (final BenefitClass c : BenefitClass.values())
        {
            final Policy.ClassTable t = policy.table(c);
            if (t != null && t.cells().containsKey(psnType))
            {
                return true;
            }
        }
        return false;
    }

    /** An institution's pooling region must have a catalogue, or every line it bills would be E2003. */
    private static void checkInstitutionRegions(final InstitutionsReader.Result institutions, final CatalogueReader.Result catalogue)
    {
        if (!catalogue.problems().wasRead())
        {
            return;
        }
        for (final Institution i : institutions.institutions().values())
        {
            if (!catalogue.catalogues().containsKey(i.admdvs()))
            {
                institutions.problems().add(institutions.lines().get(i.code()), "admdvs",
                    i.admdvs() + " has no catalogue in catalogue.csv");
            }
        }
    }
}
