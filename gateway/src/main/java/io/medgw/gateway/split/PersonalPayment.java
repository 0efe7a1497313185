package io.medgw.gateway.split;

import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.Person;
import io.medgw.gateway.reference.ReferenceData;
import io.medgw.gateway.state.SettlementState;

/**
 * settlement-rules.md §5: the personal part, the personal account (310 only, when
 * {@code acct_used_flag = 1}), 家庭共济 (when {@code acct_used_flag = 1} and not 异地, from the
 * earliest qualifying binding), cash, and {@code balc}. Reads balances; changes nothing.
 */
public final class PersonalPayment
{
    private PersonalPayment()
    {
    }

    /**
     * @param e     the slot after the funds were split.
     * @param state the state (balances).
     */
    public static void settle(final SettlementEvent e, final SettlementState state)
    {
        final SettlementResult r = e.result;
        final Person person = e.person;
        final long psnPart = r.medfeeSumamt - r.fundPaySumamt;
        final long balance = state.balanceOf(person.psnNo(), e.ref);
        long acct = 0;
        if ("310".equals(person.insutype()) && e.request.acctUsedFlag)
        {
            acct = Math.min(psnPart, Math.max(0, balance));
        }
        long mulaid = 0;
        if (e.request.acctUsedFlag && !e.crossRegion)
        {
            final Person holder = holderOf(e.ref, person, e.setlDay);
            if (holder != null)
            {
                final long holderBalance = Math.max(0, state.balanceOf(holder.psnNo(), e.ref));
                mulaid = Math.min(psnPart - acct, holderBalance);
                if (mulaid > 0)
                {
                    e.mulaidHolder = holder;
                    r.mulaidHolderPsnNo = holder.psnNo();
                }
            }
        }
        r.psnPartAmt = psnPart;
        r.acctPay = acct;
        r.acctMulaidPay = mulaid;
        r.psnCashPay = psnPart - acct - mulaid;
        r.balc = balance - acct;
    }

    /**
     * The 共济 holder: the earliest binding of the member that is active, began on or before the
     * settlement date, and whose holder is a known, active insutype-310 person (not the member).
     *
     * @param ref    reference data.
     * @param member the settling person.
     * @param day    the settlement date.
     * @return the holder, or null.
     */
    public static Person holderOf(final ReferenceData ref, final Person member, final int day)
    {
        for (final Person.FamilyBinding b : ref.bindingsOf(member.psnNo()))
        {
            if (!b.active() || b.begin() > day)
            {
                continue;
            }
            final Person holder = ref.personByPsnNo(b.holderPsnNo());
            if (holder != null && holder.active() && "310".equals(holder.insutype()) &&
                !holder.psnNo().equals(member.psnNo()))
            {
                return holder;
            }
        }
        return null;
    }
}
