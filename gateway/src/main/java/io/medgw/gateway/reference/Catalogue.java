package io.medgw.gateway.reference;

import java.util.Map;

/**
 * The catalogue (三个目录) of one pooling region: every version of every item, so that pricing can
 * pick the version in force on the settlement date and E2003 can tell "not in the catalogue at
 * all" from "not valid on that date". Immutable; read by any thread.
 */
public final class Catalogue
{
    private final String admdvs;
    private final Map<String, CatalogueItem[]> versionsByCode;
    private final int itemCount;

    /**
     * @param admdvs         the pooling region.
     * @param versionsByCode code → its versions, ascending by validBegin.
     */
    public Catalogue(final String admdvs, final Map<String, CatalogueItem[]> versionsByCode)
    {
        this.admdvs = admdvs;
        this.versionsByCode = versionsByCode;
        int n = 0;
        for (final CatalogueItem[] v : versionsByCode.values())
        {
            n += v.length;
        }
        this.itemCount = n;
    }

    public String admdvs()
    {
        return admdvs;
    }

    /** @return the number of codes. */
    public int codeCount()
    {
        return versionsByCode.size();
    }

    /** @return the number of item versions. */
    public int itemCount()
    {
        return itemCount;
    }

    /** @param code med_list_codg. @return true if any version of it exists (else E2003). */
    public boolean contains(final String code)
    {
        return code != null && versionsByCode.containsKey(code);
    }

    /**
     * @param code med_list_codg.
     * @param day  epoch day.
     * @return the version in force on that day (the latest-starting one if they overlap), or null.
     */
    public CatalogueItem on(final String code, final int day)
    {
        return on(versionsByCode.get(code), day);
    }

    /** @param code med_list_codg. @return every version of it (do not modify), or null if none (E2003). */
    public CatalogueItem[] versions(final String code)
    {
        return code == null ? null : versionsByCode.get(code);
    }

    /**
     * @param versions a code's versions (from {@link #versions}), or null.
     * @param day      epoch day.
     * @return the version in force on that day (the latest-starting one if they overlap), or null.
     */
    public static CatalogueItem on(final CatalogueItem[] versions, final int day)
    {
        if (versions == null)
        {
            return null;
        }
        for (int i = versions.length - 1; i >= 0; i--)
        {
            if (versions[i].validOn(day))
            {
                return versions[i];
            }
        }
        return null;
    }

    /** @return the code → versions map (do not modify). */
    public Map<String, CatalogueItem[]> versionsByCode()
    {
        return versionsByCode;
    }
}
