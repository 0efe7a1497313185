package io.medgw.gateway.reference;

/**
 * A designated institution (定点医药机构), one row of {@code institutions.csv}.
 *
 * @param code          fixmedins_code.
 * @param name          fixmedins_name.
 * @param pharmacy      true for a retail pharmacy (level 0).
 * @param hospLv        1..3 for hospitals, 0 for pharmacies.
 * @param admdvs        pooling region (就医地), 6 digits.
 * @param agreementBegin first epoch day the agreement is valid.
 * @param agreementEnd  last epoch day the agreement is valid (inclusive).
 * @param crossRegion   open for 异地 settlement.
 * @param dualChannel   dual-channel pharmacy (双通道).
 */
public record Institution(
    String code,
    String name,
    boolean pharmacy,
    int hospLv,
    String admdvs,
    int agreementBegin,
    int agreementEnd,
    boolean crossRegion,
    boolean dualChannel)
{
}
