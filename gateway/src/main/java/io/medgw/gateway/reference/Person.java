package io.medgw.gateway.reference;

/**
 * An insured person, one row of {@code persons.csv} with their rows of {@code chronic.csv} and
 * {@code filings.csv} attached. Immutable; the account balance here is the opening balance of the
 * reference-data version (the running balance is settlement state).
 *
 * @param psnNo              psn_no.
 * @param name               psn_name.
 * @param psnCertType        psn_cert_type.
 * @param certno             ID number (credential for mdtrt_cert_type 02).
 * @param gend               gend.
 * @param naty               naty.
 * @param brdy               birth date yyyy-MM-dd.
 * @param cardNo             social-security card number (credential for 03).
 * @param evoucherToken      e-voucher token (credential for 01), or null.
 * @param evoucherValidUntil token expiry as local epoch seconds, or Long.MAX_VALUE.
 * @param status             psn_insu_stas: "1" is active.
 * @param benefitBegin       first epoch day of the benefit period.
 * @param benefitEnd         last epoch day of the benefit period (inclusive).
 * @param insutype           310 or 390 (others load but have no policy unless one is given).
 * @param psnType            psn_type.
 * @param cvlserv            civil-servant flag.
 * @param insuplcAdmdvs      参保地.
 * @param assistCategory     medical-assistance category code, or null.
 * @param nFlags             "N" subsidy flags carried, possibly empty.
 * @param chronic            门诊慢特病 认定 records.
 * @param filings            异地 备案 records, in file order.
 * @param openingBalanceFen  personal-account balance at this version, fen.
 * @param empName            employer name, or null.
 */
public record Person(
    String psnNo,
    String name,
    String psnCertType,
    String certno,
    String gend,
    String naty,
    String brdy,
    String cardNo,
    String evoucherToken,
    long evoucherValidUntil,
    String status,
    int benefitBegin,
    int benefitEnd,
    String insutype,
    String psnType,
    boolean cvlserv,
    String insuplcAdmdvs,
    String assistCategory,
    String[] nFlags,
    ChronicCert[] chronic,
    Filing[] filings,
    long openingBalanceFen,
    String empName)
{
    /** @return true if psn_insu_stas is "1" (正常参保). */
    public boolean active()
    {
        return "1".equals(status);
    }

    /** @param flag an N-fund flag. @return true if this person carries it. */
    public boolean hasFlag(final String flag)
    {
        for (final String f : nFlags)
        {
            if (f.equals(flag))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * 门诊慢特病 认定.
     *
     * @param diseCode     the disease code.
     * @param begin        first epoch day valid.
     * @param end          last epoch day valid (inclusive).
     * @param designatedInstitution fixmedins_code it is tied to, or null for any.
     */
    public record ChronicCert(String diseCode, int begin, int end, String designatedInstitution)
    {
    }

    /**
     * 异地就医 备案.
     *
     * @param mdtrtareaAdmdvs city (6 digits) or province (xx0000) the filing is for.
     * @param dsgnType        filing type: 异地长期居住, 常驻异地工作, 异地转诊, 临时外出 (codes in docs/reference-data.md).
     * @param begin           first epoch day valid.
     * @param end             last epoch day valid (inclusive).
     */
    public record Filing(String mdtrtareaAdmdvs, String dsgnType, int begin, int end)
    {
    }

    /**
     * 家庭共济 binding: the holder lets the member's costs be paid from the holder's account.
     *
     * @param holderPsnNo the 310 account holder.
     * @param memberPsnNo the bound family member.
     * @param begin       epoch day the binding started.
     * @param active      whether the binding is in force.
     */
    public record FamilyBinding(String holderPsnNo, String memberPsnNo, int begin, boolean active)
    {
    }
}
