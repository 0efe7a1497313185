package io.medgw.loadtest.scenario;

import io.medgw.loadtest.scenario.DemoWorld.Inst;
import io.medgw.loadtest.scenario.DemoWorld.Person;
import io.medgw.loadtest.scenario.FeeLines.Line;

import java.util.List;

/** One request before it is rendered: who, where, what, and the outcome the generator intends. */
final class Visit
{
    String infno;
    String kind;
    /** Intended refusal code (E1001, ...), or null when the request should succeed. */
    String expected;
    Inst inst;
    Person person;
    String medType;
    String certType;
    String certNo;
    List<Line> lines;
    String diseCodg;
    boolean acct;
    /** When not {@link Long#MIN_VALUE}, the medfee_sumamt to declare instead of Σ lines. */
    long declaredTotalFen = Long.MIN_VALUE;
    /** 2601 冲正: the original msgid and infno. */
    String omsgid;
    String oinfno;

    Visit(final String infno, final String kind, final Inst inst, final Person person, final String medType)
    {
        this.infno = infno;
        this.kind = kind;
        this.inst = inst;
        this.person = person;
        this.medType = medType;
    }

    /** @return Σ line amounts in fen. */
    long linesTotal()
    {
        long sum = 0;
        for (final Line l : lines)
        {
            sum += l.amountFen;
        }
        return sum;
    }

    /** @return the medfee_sumamt to send. */
    long declaredTotal()
    {
        return declaredTotalFen == Long.MIN_VALUE ? linesTotal() : declaredTotalFen;
    }
}
