package io.medgw.gateway.identity;

import io.medgw.codec.Dates;
import io.medgw.codec.Decimals;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.reference.Person;

/** The explanation lines of §1–§2 (only when the result asks for an explanation; allocates). */
final class IdentityExplain
{
    private IdentityExplain()
    {
    }

    static void append(final SettlementEvent e)
    {
        final StringBuilder x = e.result.explain;
        final Institution inst = e.institution;
        final Person p = e.person;
        x.append("§1 reference data ").append(e.ref.version()).append("; settlement date ");
        Dates.appendDate(x, e.setlDay).append(" (year ").append(e.year).append(")\n");
        x.append("§1 institution ").append(inst.code()).append(inst.pharmacy() ? " pharmacy" : " hospital")
            .append(" level ").append(inst.hospLv()).append(", 就医地 ").append(inst.admdvs()).append('\n');
        x.append("§2 person ").append(p.psnNo()).append(" insutype ").append(p.insutype()).append(" psn_type ")
            .append(p.psnType()).append(", 参保地 ").append(p.insuplcAdmdvs()).append(": eligible\n");
        x.append("§1 med_type ").append(e.request.medType).append(" → class ").append(e.benefitClass.label()).append('\n');
        if (e.crossRegion)
        {
            x.append("§1 异地: 备案 ").append(e.filing.mdtrtareaAdmdvs()).append(" dsgn_type ").append(e.filing.dsgnType())
                .append(" from ");
            Dates.appendDate(x, e.filing.begin()).append('\n');
        }
        else
        {
            x.append("§1 not 异地\n");
        }
        x.append("§1 policy ").append(p.insuplcAdmdvs()).append('/').append(p.insutype()).append('/').append(e.year)
            .append(" cell ").append(e.benefitClass.label()).append(" lv ").append(inst.hospLv()).append(" psn_type ")
            .append(p.psnType()).append(": deductible ");
        Decimals.append(x, e.cell.deductibleFen(), 2).append(", ratio ");
        Decimals.append(x, e.cell.ratioBp(), 4).append('\n');
    }
}
