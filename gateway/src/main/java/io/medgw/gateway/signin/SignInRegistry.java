package io.medgw.gateway.signin;

import io.medgw.gateway.identity.SignInStatus;
import io.medgw.gateway.state.IdSequence;
import io.medgw.gateway.state.StateHash;
import io.medgw.gateway.visit.DeskSnapshot;
import io.medgw.ledger.snapshot.SnapshotData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is signed in (9001) and not signed out (9002): per institution, one session per operator
 * ({@code opter_no}); an institution is signed in while at least one of its sessions is open (the
 * engine's E1023 check, through {@link SignInStatus}). A new 9001 by the same operator replaces
 * that operator's session (and its sign_no); 9002 closes the session its sign_no names.
 * <p>
 * sign_no values come from a deterministic sequence ({@code prefix + 'G' + 12 digits}, see
 * {@link IdSequence}) that advances only when a sign-in is applied, so a restart that re-applies
 * the journaled 9001/9002 answers rebuilds the same sessions and continues the same sequence.
 * <p>
 * <b>Threads.</b> {@link #signIn}, {@link #signOut} and the other mutations run on the one
 * state-writer thread; {@link #signedIn} may be called from any thread (the identity stage): it reads
 * a {@link ConcurrentHashMap} and a volatile count and allocates nothing.
 */
public final class SignInRegistry implements SignInStatus
{
    private final ConcurrentHashMap<String, Sessions> byInstitution = new ConcurrentHashMap<>();
    private final IdSequence signNos;

    /** A registry whose sign_no values have no prefix ({@code G000000000001}). */
    public SignInRegistry()
    {
        this("");
    }

    /** @param idPrefix prefix of sign_no values (the gateway's id prefix; see {@link IdSequence}). */
    public SignInRegistry(final String idPrefix)
    {
        this.signNos = new IdSequence(idPrefix, 'G');
    }

    @Override
    public boolean signedIn(final String fixmedinsCode)
    {
        final Sessions s = fixmedinsCode == null ? null : byInstitution.get(fixmedinsCode);
        return s != null && s.open > 0;
    }

    /** @return the sign_no the next sign-in gets (does not advance: {@link #signIn} does). */
    public String nextSignNo()
    {
        return signNos.next();
    }

    /**
     * Opens (or replaces) the session of one operator.
     *
     * @param fixmedinsCode the institution.
     * @param opterNo       the operator (session key).
     * @param signNo        the sign_no issued.
     * @param signTime      sign_time, local epoch seconds.
     */
    public void signIn(final String fixmedinsCode, final String opterNo, final String signNo, final long signTime)
    {
        signNos.observe(signNo);
        Sessions s = byInstitution.get(fixmedinsCode);
        if (s == null)
        {
            s = new Sessions();
            byInstitution.put(fixmedinsCode, s);
        }
        s.byOperator.put(opterNo, new Session(opterNo, signNo, signTime));
        s.open = s.byOperator.size();
    }

    /**
     * @param fixmedinsCode the institution.
     * @param signNo        a sign_no.
     * @return the open session with that sign_no, or null.
     */
    public Session session(final String fixmedinsCode, final String signNo)
    {
        final Sessions s = fixmedinsCode == null || signNo == null ? null : byInstitution.get(fixmedinsCode);
        if (s == null)
        {
            return null;
        }
        for (final Session session : s.byOperator.values())
        {
            if (session.signNo().equals(signNo))
            {
                return session;
            }
        }
        return null;
    }

    /**
     * Closes the session named by {@code signNo}.
     *
     * @param fixmedinsCode the institution.
     * @param signNo        the sign_no of an open session.
     * @return true when a session was closed.
     */
    public boolean signOut(final String fixmedinsCode, final String signNo)
    {
        final Session session = session(fixmedinsCode, signNo);
        if (session == null)
        {
            return false;
        }
        final Sessions s = byInstitution.get(fixmedinsCode);
        s.byOperator.remove(session.opterNo());
        s.open = s.byOperator.size();
        return true;
    }

    /** @param fixmedinsCode an institution. @return its open sessions (0 when none). */
    public int openSessions(final String fixmedinsCode)
    {
        final Sessions s = byInstitution.get(fixmedinsCode);
        return s == null ? 0 : s.open;
    }

    /** @return a deterministic hash of every open session and the sequence (equal after a replay). */
    public long digest()
    {
        long sum = 0;
        for (final Map.Entry<String, Sessions> e : byInstitution.entrySet())
        {
            for (final Session s : e.getValue().byOperator.values())
            {
                long h = StateHash.of(e.getKey());
                h = StateHash.combine(h, StateHash.of(s.opterNo()));
                h = StateHash.combine(h, StateHash.of(s.signNo()));
                sum += StateHash.mix(StateHash.combine(h, s.signTime()));
            }
        }
        return StateHash.combine(sum, signNos.last());
    }

    /** @return true when nothing was ever signed in (no institution known, the sequence unused). */
    public boolean isEmpty()
    {
        return byInstitution.isEmpty() && signNos.last() == 0;
    }

    /**
     * Snapshot part: the sign_no sequence, then per institution (one with no open session too, as
     * the live map keeps it) its sessions.
     * <pre>
     *   long last sign_no · int institutions × { string code · int sessions × { string opter_no,
     *   string sign_no, long sign_time } }
     * </pre>
     *
     * @param out the payload.
     * @throws IOException when writing fails.
     */
    public void writeTo(final DataOutput out) throws IOException
    {
        DeskSnapshot.writeSequence(out, signNos);
        out.writeInt(byInstitution.size());
        for (final Map.Entry<String, Sessions> e : byInstitution.entrySet())
        {
            SnapshotData.writeString(out, e.getKey());
            out.writeInt(e.getValue().byOperator.size());
            for (final Session s : e.getValue().byOperator.values())
            {
                SnapshotData.writeString(out, s.opterNo());
                SnapshotData.writeString(out, s.signNo());
                out.writeLong(s.signTime());
            }
        }
    }

    /**
     * Fills an {@link #isEmpty empty} registry from {@link #writeTo}. Each institution's sessions are
     * complete before the institution is published in the concurrent map (the identity check may
     * read it).
     *
     * @param in    the payload.
     * @param canon shares institution codes with the rest of the desk.
     * @throws IOException when the payload is damaged.
     */
    public void readFrom(final DataInput in, final DeskSnapshot.Canon canon) throws IOException
    {
        DeskSnapshot.readSequence(in, signNos);
        for (int i = SnapshotData.readCount(in); i > 0; i--)
        {
            final String code = canon.read(in);
            final Sessions s = new Sessions();
            for (int j = SnapshotData.readCount(in); j > 0; j--)
            {
                final Session session = new Session(canon.read(in), SnapshotData.readString(in), in.readLong());
                s.byOperator.put(session.opterNo(), session);
            }
            s.open = s.byOperator.size();
            byInstitution.put(code, s);
        }
    }

    /**
     * One open session.
     *
     * @param opterNo  the operator.
     * @param signNo   the sign_no issued.
     * @param signTime when it signed in, local epoch seconds.
     */
    public record Session(String opterNo, String signNo, long signTime)
    {
    }

    private static final class Sessions
    {
        final HashMap<String, Session> byOperator = new HashMap<>();
        volatile int open;
    }
}
