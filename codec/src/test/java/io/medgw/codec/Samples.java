package io.medgw.codec;

import java.nio.charset.StandardCharsets;

/** Wire samples of national-interface.md §5, copied unchanged, and generated requests. */
public final class Samples
{
    /** §5.1: the early-spec 1101 request. */
    public static final String REQ_1101 = """
        {
          "infno": "1101",
          "msgid": "H00000000001202001041235391234",
          "insuplc_admdvs": "100000",
          "mdtrtarea_admvs": "100000",
          "recer_sys_code": "MBS_LOCAL",
          "dev_no": "",
          "dev_safe_info": "",
          "cainfo": "",
          "infver": "V1.0",
          "opter_type": "1",
          "opter": "01",
          "opter_name": "张三",
          "inf_time": "2020-01-04 12:35:39",
          "fixmedins_code": "100001",
          "fixmedins_name": "第一人民医院",
          "sign_no": "79faf82271944fe38c4f1d99be71bc9c",
          "input": {
            "data": {
              "psn_cert_type": "2",
              "certno": "510000202001010000",
              "psn_name": "李四",
              "begntime": "2020-01-01"
            }
          }
        }
        """;

    /** §5.2: the logged Chongqing 2207 request. */
    public static final String REQ_2207 = """
        {
          "cainfo": "", "dev_no": "", "dev_safe_info": "",
          "fixmedins_code": "H50015501017", "fixmedins_name": "重庆市梁平区妇幼保健院",
          "inf_time": "2021-09-24 08:28:27", "infno": "2207", "infver": "1",
          "input": {
            "data": {
              "medfee_sumamt": 9, "mdtrt_id": "310047070005", "med_type": "12", "fulamt_ownpay_amt": 0,
              "mdtrt_cert_no": "E24486473", "chrg_bchno": "202109240828170091", "insutype": "390",
              "inscp_scp_amt": 9, "invono": "2021092414556", "psn_setlway": "01", "return_invono": "",
              "psn_no": "JM2011463725", "mdtrt_cert_type": "03", "overlmt_selfpay": 0, "preselfpay_amt": 0,
              "acct_used_flag": "1", "return_date": ""
            }
          },
          "insuplc_admdvs": "500155", "mdtrtarea_admvs": "500155",
          "msgid": "H50015501017202109240828271037",
          "opter": "1022", "opter_name": "钟娟", "opter_type": "1",
          "recer_sys_code": "YBXT", "serv_code": "A6B3720544049E1397", "serv_sign": "HH00001",
          "sign_no": "651918", "signtype": ""
        }
        """;

    private Samples()
    {
    }

    /** @param json text. @return its UTF-8 bytes. */
    public static byte[] utf8(final String json)
    {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A 2207 with {@code lines} inline fee lines (the shape a HIS sends when it does not upload
     * with 2204 first), amounts as the HIS writes them.
     *
     * @param lines number of fee lines.
     * @return the request text.
     */
    public static String req2207WithLines(final int lines)
    {
        final StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"infno\":\"2207\",\"msgid\":\"H50015501017202109240828271037\",\"mdtrtarea_admvs\":\"500155\",")
            .append("\"insuplc_admdvs\":\"500155\",\"recer_sys_code\":\"YBXT\",\"dev_no\":\"\",\"dev_safe_info\":\"\",")
            .append("\"cainfo\":\"\",\"signtype\":\"\",\"infver\":\"V1.0\",\"opter_type\":\"1\",\"opter\":\"1022\",")
            .append("\"opter_name\":\"钟娟\",\"inf_time\":\"2021-09-24 08:28:27\",\"fixmedins_code\":\"H50015501017\",")
            .append("\"fixmedins_name\":\"重庆市梁平区妇幼保健院\",\"sign_no\":\"651918\",\"input\":{\"data\":{")
            .append("\"psn_no\":\"JM2011463725\",\"mdtrt_cert_type\":\"03\",\"mdtrt_cert_no\":\"E24486473\",")
            .append("\"med_type\":\"11\",\"medfee_sumamt\":").append(Decimals.format(lines * 1250L, 2))
            .append(",\"psn_setlway\":\"01\",\"mdtrt_id\":\"310047070005\",\"chrg_bchno\":\"202109240828170091\",")
            .append("\"acct_used_flag\":\"1\",\"insutype\":\"310\",\"invono\":\"2021092414556\",")
            .append("\"fulamt_ownpay_amt\":0,\"overlmt_selfpay\":0,\"preselfpay_amt\":0,\"inscp_scp_amt\":0},")
            .append("\"feedetail\":[");
        for (int i = 0; i < lines; i++)
        {
            if (i > 0)
            {
                sb.append(',');
            }
            sb.append("{\"feedetl_sn\":\"FD").append(1000 + i).append("\",\"mdtrt_id\":\"310047070005\",")
                .append("\"psn_no\":\"JM2011463725\",\"chrg_bchno\":\"202109240828170091\",\"dise_codg\":\"\",")
                .append("\"rxno\":\"RX20210924").append(i).append("\",\"rx_circ_flag\":\"0\",")
                .append("\"fee_ocur_time\":\"2021-09-24 08:20:00\",\"med_list_codg\":\"XA01ABD075A002010100483\",")
                .append("\"medins_list_codg\":\"YP").append(570 + i).append("\",\"det_item_fee_sumamt\":12.50,")
                .append("\"cnt\":2,\"pric\":6.25,\"sin_dos_dscr\":\"1片\",\"used_frqu_dscr\":\"每日三次\",")
                .append("\"prd_days\":3,\"medc_way_dscr\":\"口服\",\"bilg_dept_codg\":\"A03\",\"bilg_dept_name\":\"内科\",")
                .append("\"bilg_dr_codg\":\"D001\",\"bilg_dr_name\":\"王医生\",\"hosp_appr_flag\":\"1\"}");
        }
        return sb.append("]}}").toString();
    }
}
