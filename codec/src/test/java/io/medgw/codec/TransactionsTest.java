package io.medgw.codec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionsTest
{
    @Test
    void shouldListEverySupportedTransaction()
    {
        assertThat(Transactions.codes()).containsExactly(
            1101, 2001, 2101, 2102, 2103, 2201, 2202, 2203, 2204, 2205, 2206, 2207, 2208, 2301, 2302, 2303, 2304, 2305,
            2401, 2402, 2404, 2405, 2601, 3201, 3202, 5203, 5204, 5206, 9001, 9002, 9101, 9102);
        assertThat(Transactions.isSupported(4101)).isFalse();
        assertThat(Transactions.name(4101)).isNull();
        assertThat(Transactions.name(2207)).isEqualTo("门诊结算");
    }

    @Test
    void shouldTellStateChangesAndSettlementOutputs()
    {
        assertThat(Transactions.changesState(2207)).isTrue();
        assertThat(Transactions.changesState(2206)).isFalse();
        assertThat(Transactions.changesState(5203)).isFalse();
        assertThat(Transactions.settlementOutput(2206)).isTrue();
        assertThat(Transactions.settlementOutput(2305)).isTrue();
        assertThat(Transactions.settlementOutput(2204)).isFalse();
        assertThat(Transactions.inputNode(2204)).isEqualTo("feedetail");
        assertThat(Transactions.inputNode(2102)).isEqualTo("druginfo");
        assertThat(Transactions.inputNode(9001)).isEqualTo("signIn");
        assertThat(Transactions.inputNode(-1)).isNull();
    }

    @Test
    void shouldTakeLeadingDigitsOfInfno()
    {
        assertThat(Transactions.txnOf("2207")).isEqualTo(2207);
        assertThat(Transactions.txnOf("2207A")).isEqualTo(2207);
        assertThat(Transactions.txnOf("13203")).isEqualTo(1320);
        assertThat(Transactions.txnOf("A1")).isZero();
        assertThat(Transactions.txnOf(null)).isZero();
    }

    @Test
    void shouldRefuseLimitsOutOfRange()
    {
        assertThat(new Limits().conclude().maxBodyBytes()).isEqualTo(1 << 20);
        assertThatThrownBy(() -> new Limits().maxFeeLines(0).conclude()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits().maxBodyBytes(10).conclude()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limits().maxDepth(2).conclude()).isInstanceOf(IllegalArgumentException.class);
    }
}
