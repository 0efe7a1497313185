package io.medgw.gateway.reference;

/**
 * One version of one catalogue item of a pooling region (三个目录), one row of {@code catalogue.csv}.
 *
 * @param admdvs         pooling region whose catalogue this is.
 * @param code           med_list_codg (national coding standard).
 * @param name           item name.
 * @param listType       list_type: 101 西药中成药, 102 中药饮片, 201 医疗服务项目, 301 医用耗材, ...
 * @param medChrgitmType med_chrgitm_type (01–14).
 * @param chrgitmLv      1 甲类, 2 乙类, 3 丙类.
 * @param selfpayPropBp  乙类先行自付比例 in bp (0 for 甲 and 丙).
 * @param pricUplmtMicro price cap in micro-yuan, or {@link io.medgw.codec.Units#NO_CAP}.
 * @param minHospLv      lowest institution level allowed to bill it in-policy (0 = any).
 * @param opspOnly       only for 门诊慢特病 (class chronic).
 * @param dualChannel    dual-channel drug: at a pharmacy only if it is dual-channel.
 * @param validBegin     first epoch day valid.
 * @param validEnd       last epoch day valid (inclusive).
 */
public record CatalogueItem(
    String admdvs,
    String code,
    String name,
    String listType,
    String medChrgitmType,
    int chrgitmLv,
    int selfpayPropBp,
    long pricUplmtMicro,
    int minHospLv,
    boolean opspOnly,
    boolean dualChannel,
    int validBegin,
    int validEnd)
{
    /** @param day epoch day. @return true if this version is in force on that day. */
    public boolean validOn(final int day)
    {
        return day >= validBegin && day <= validEnd;
    }
}
