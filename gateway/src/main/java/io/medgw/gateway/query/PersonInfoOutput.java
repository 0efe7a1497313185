package io.medgw.gateway.query;

import io.medgw.codec.Dates;
import io.medgw.codec.message.SettlementResult;
import io.medgw.codec.reply.ByteSink;
import io.medgw.codec.reply.OutputWriter;
import io.medgw.codec.reply.ResponseEncoder;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.Person;

import java.time.LocalDate;
import java.time.Period;

/**
 * Writes the 1101 answer: {@code baseinfo{psn_no, psn_cert_type, certno, psn_name, gend, naty,
 * brdy, age, exp_content}}, {@code insuinfo[]} (one row: balc, insutype, psn_type, psn_insu_stas,
 * psn_insu_date = start of the benefit period, paus_insu_date null, cvlserv_flag, insuplc_admdvs,
 * emp_name) and {@code idetinfo[]} (one row for the medical-assistance category and one per "N"
 * fund flag the person carries: psn_idet_type = the code, memo says which; begntime = start of the
 * benefit period). Reads only the slot ({@code e.person}, {@code res.balc}); any thread.
 */
public final class PersonInfoOutput
{
    private PersonInfoOutput()
    {
    }

    /**
     * @param e   a 1101 slot answered successfully.
     * @param enc the encoder ({@link ResponseEncoder#header} already set).
     * @return the sink holding the response.
     */
    public static ByteSink writeOutput(final SettlementEvent e, final ResponseEncoder enc)
    {
        final Person p = e.person;
        final SettlementResult res = e.result;
        enc.beginOutput();
        final OutputWriter w = enc.output();
        w.beginObject("baseinfo");
        w.writeString("psn_no", p.psnNo());
        w.writeString("psn_cert_type", p.psnCertType());
        w.writeString("certno", p.certno());
        w.writeString("psn_name", p.name());
        w.writeString("gend", p.gend());
        w.writeString("naty", p.naty());
        w.writeString("brdy", p.brdy());
        writeAge(w, ageYears(p.brdy(), res.setlDay));
        w.writeNull("exp_content");
        w.endObject();
        w.beginArray("insuinfo");
        w.beginObject();
        w.writeFen("balc", res.balc);
        w.writeString("insutype", p.insutype());
        w.writeString("psn_type", p.psnType());
        w.writeString("psn_insu_stas", p.status());
        w.writeDate("psn_insu_date", p.benefitBegin());
        w.writeNull("paus_insu_date");
        w.writeString("cvlserv_flag", p.cvlserv() ? "1" : "0");
        w.writeString("insuplc_admdvs", p.insuplcAdmdvs());
        w.writeString("emp_name", p.empName());
        w.endObject();
        w.endArray();
        w.beginArray("idetinfo");
        if (p.assistCategory() != null)
        {
            identity(w, p, p.assistCategory(), "医疗救助类别 (medical assistance category)");
        }
        for (final String flag : p.nFlags())
        {
            identity(w, p, flag, "补充保障标志 (supplementary fund flag)");
        }
        w.endArray();
        return enc.finish();
    }

    private static void identity(final OutputWriter w, final Person p, final String code, final String memo)
    {
        w.beginObject();
        w.writeString("psn_idet_type", code);
        w.writeNull("psn_type_lv");
        w.writeString("memo", memo);
        w.writeDateTime("begntime", p.benefitBegin() * (long)Dates.SECONDS_PER_DAY);
        w.writeNull("endtime");
        w.endObject();
    }

    /**
     * Writes {@code age} with one decimal ({@code 46.0}, the spec's 4,1 and the samples), or null.
     *
     * @param w     the output writer, inside the current object.
     * @param years completed years, or -1 when unknown.
     */
    static void writeAge(final OutputWriter w, final int years)
    {
        if (years < 0)
        {
            w.writeNull("age");
            return;
        }
        w.writeDecimal("age", years * 10L, 1);
    }

    /**
     * @param brdy birth date {@code yyyy-MM-dd}, or null.
     * @param day  the query's epoch day.
     * @return completed years on that day, or -1 when unknown.
     */
    static int ageYears(final String brdy, final int day)
    {
        final int born = brdy == null ? Dates.NOT_A_DATE : Dates.parseDate(brdy);
        if (born == Dates.NOT_A_DATE || born > day)
        {
            return -1;
        }
        return Period.between(LocalDate.ofEpochDay(born), LocalDate.ofEpochDay(day)).getYears();
    }
}
