package io.medgw.ledger;

import java.util.ArrayList;
import java.util.List;

import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.ledger.record.LedgerRecordLayout;
import org.junit.jupiter.api.Test;

import static io.medgw.ledger.LedgerFixtures.assertSameRequest;
import static io.medgw.ledger.LedgerFixtures.assertSameResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryLedgerTest
{
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final SettlementRequest req = new SettlementRequest();
    private final SettlementResult res = new SettlementResult();
    private final SettlementRequest outReq = new SettlementRequest();
    private final SettlementResult outRes = new SettlementResult();

    @Test
    void shouldStoreRecordsThroughTheRealCodecAndReadThemBack()
    {
        for (int i = 0; i < 5; i++)
        {
            LedgerFixtures.settlement(req, res, 3, i);
            assertThat(ledger.append(req, res, 1000 + i)).isEqualTo(i);
        }
        ledger.endOfBatch();

        final LedgerReader reader = ledger.reader();
        final List<String> seen = new ArrayList<>();
        final long count = reader.forEach((index, sequence, time, r, s) ->
            seen.add(index + ":" + sequence + ":" + time + ":" + s.setlId));
        assertThat(count).isEqualTo(5);
        assertThat(seen).containsExactly("0:1:1000:S0", "1:2:1001:S1", "2:3:1002:S2", "3:4:1003:S3", "4:5:1004:S4");

        assertThat(reader.readAt(3, outReq, outRes)).isTrue();
        LedgerFixtures.settlement(req, res, 3, 3);
        assertSameRequest(outReq, req);
        assertSameResult(outRes, res);
        assertThat(reader.lastFlags()).isEqualTo(LedgerRecordLayout.FLAG_MONEY);
        assertThat(reader.readAt(5, outReq, outRes)).isFalse();
        assertThat(reader.moveAfter(3)).isTrue();
        assertThat(reader.next(outReq, outRes)).isTrue();
        assertThat(outRes.setlId).isEqualTo("S4");
    }

    @Test
    void shouldCountCommittedRecordsAtEndOfBatch()
    {
        LedgerFixtures.settlement(req, res, 1, 1);
        ledger.append(req, res, 1);
        ledger.append(req, res, 1);
        assertThat(ledger.committed()).isZero();
        ledger.endOfBatch();
        ledger.append(req, res, 1);
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(ledger.committed()).isEqualTo(2);
        assertThat(ledger.endOfBatchCount()).isEqualTo(1);
    }

    @Test
    void shouldThrowInjectedFailuresWhenAsked()
    {
        LedgerFixtures.settlement(req, res, 1, 1);
        ledger.failAppends(true);
        assertThatThrownBy(() -> ledger.append(req, res, 1)).isInstanceOf(LedgerException.class);
        assertThat(ledger.size()).isZero();
        ledger.failAppends(false).failCommits(true);
        ledger.append(req, res, 1);
        assertThatThrownBy(ledger::endOfBatch).isInstanceOf(LedgerException.class);
        assertThat(ledger.committed()).isZero();
    }
}
