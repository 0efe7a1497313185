package io.medgw.gateway.reference;

import io.medgw.gateway.reference.Person.FamilyBinding;

import org.agrona.collections.Int2ObjectHashMap;

import java.util.Map;

/**
 * One immutable, validated version of all reference data: institutions, catalogues per pooling
 * region, policies, persons and their credentials, 共济 bindings. Built by
 * {@link ReferenceDataLoader}; swapped atomically while running by {@link ReferenceDataHolder}.
 * Every lookup is a hash-map get on a String key (no allocation). Read by any thread.
 */
public final class ReferenceData
{
    private static final FamilyBinding[] NO_BINDINGS = new FamilyBinding[0];

    private final String version;
    private final int effectiveFrom;
    private final Map<String, Institution> institutions;
    private final Map<String, Catalogue> catalogues;
    private final Map<String, Map<String, Int2ObjectHashMap<Policy>>> policies;
    private final Map<String, Person> personsByPsnNo;
    private final Map<String, Person> personsByCardNo;
    private final Map<String, Person> personsByCertno;
    private final Map<String, Person> personsByToken;
    private final Map<String, FamilyBinding[]> bindingsByMember;

    /**
     * @param version          version id (recorded on every settlement it prices).
     * @param effectiveFrom    epoch day from which this version applies.
     * @param institutions     fixmedins_code → institution.
     * @param catalogues       admdvs → catalogue.
     * @param policies         insuplc_admdvs → insutype → year → policy.
     * @param personsByPsnNo   psn_no → person.
     * @param personsByCardNo  card number → person.
     * @param personsByCertno  ID number → person.
     * @param personsByToken   e-voucher token → person.
     * @param bindingsByMember member psn_no → bindings, earliest begin first.
     */
    public ReferenceData(
        final String version,
        final int effectiveFrom,
        final Map<String, Institution> institutions,
        final Map<String, Catalogue> catalogues,
        final Map<String, Map<String, Int2ObjectHashMap<Policy>>> policies,
        final Map<String, Person> personsByPsnNo,
        final Map<String, Person> personsByCardNo,
        final Map<String, Person> personsByCertno,
        final Map<String, Person> personsByToken,
        final Map<String, FamilyBinding[]> bindingsByMember)
    {
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.institutions = institutions;
        this.catalogues = catalogues;
        this.policies = policies;
        this.personsByPsnNo = personsByPsnNo;
        this.personsByCardNo = personsByCardNo;
        this.personsByCertno = personsByCertno;
        this.personsByToken = personsByToken;
        this.bindingsByMember = bindingsByMember;
    }

    public String version()
    {
        return version;
    }

    public int effectiveFrom()
    {
        return effectiveFrom;
    }

    /** @param code fixmedins_code. @return the institution, or null. */
    public Institution institution(final String code)
    {
        return code == null ? null : institutions.get(code);
    }

    /** @param admdvs pooling region. @return its catalogue, or null. */
    public Catalogue catalogue(final String admdvs)
    {
        return admdvs == null ? null : catalogues.get(admdvs);
    }

    /**
     * @param insuplcAdmdvs 参保地.
     * @param insutype      insutype.
     * @param year          calendar year.
     * @return the policy, or null (E1071).
     */
    public Policy policy(final String insuplcAdmdvs, final String insutype, final int year)
    {
        final Map<String, Int2ObjectHashMap<Policy>> byType = policies.get(insuplcAdmdvs);
        if (byType == null)
        {
            return null;
        }
        final Int2ObjectHashMap<Policy> byYear = byType.get(insutype);
        return byYear == null ? null : byYear.get(year);
    }

    /** @param psnNo psn_no. @return the person, or null. */
    public Person personByPsnNo(final String psnNo)
    {
        return psnNo == null ? null : personsByPsnNo.get(psnNo);
    }

    /**
     * Resolves a credential (rules §2.2).
     *
     * @param mdtrtCertType 01 e-voucher, 02 ID card, 03 social-security card.
     * @param certNo        the credential number.
     * @return the person, or null (E1001).
     */
    public Person personByCredential(final String mdtrtCertType, final String certNo)
    {
        if (mdtrtCertType == null || certNo == null)
        {
            return null;
        }
        switch (mdtrtCertType)
        {
            case "01": return personsByToken.get(certNo);
            case "02": return personsByCertno.get(certNo);
            case "03": return personsByCardNo.get(certNo);
            default: return null;
        }
    }

    /** @param memberPsnNo the bound member. @return bindings, earliest first (possibly empty). */
    public FamilyBinding[] bindingsOf(final String memberPsnNo)
    {
        final FamilyBinding[] b = bindingsByMember.get(memberPsnNo);
        return b == null ? NO_BINDINGS : b;
    }

    public Map<String, Institution> institutions()
    {
        return institutions;
    }

    public Map<String, Catalogue> catalogues()
    {
        return catalogues;
    }

    public Map<String, Map<String, Int2ObjectHashMap<Policy>>> policies()
    {
        return policies;
    }

    public Map<String, Person> persons()
    {
        return personsByPsnNo;
    }
}
