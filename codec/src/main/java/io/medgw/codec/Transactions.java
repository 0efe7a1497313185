package io.medgw.codec;

/**
 * The transactions ({@code infno}) the gateway supports: name, the {@code input} node the request
 * must carry, whether it changes state (is journaled), and whether it answers with the settlement
 * output ({@code setlinfo}, {@code setldetail}, {@code detlcutinfo}). A transaction not listed is
 * answered E5004 by the gateway; the decoder itself accepts any {@code infno}.
 * <p>
 * Keyed by the numeric part of {@code infno} ({@code "2207A"} → 2207, see {@link #txnOf}).
 * Immutable; safe from any thread.
 */
public final class Transactions
{
    private static final int SIZE = 10_000;
    private static final int SUPPORTED = 1;
    private static final int STATE = 2;
    private static final int SETTLEMENT_OUTPUT = 4;

    private static final String[] NAMES = new String[SIZE];
    private static final String[] INPUT_NODES = new String[SIZE];
    private static final byte[] FLAGS = new byte[SIZE];
    private static final int[] CODES;

    static
    {
        add(9001, "签到", "signIn", STATE);
        add(9002, "签退", "signOut", STATE);
        add(9101, "文件上传", "fsUploadIn", STATE);
        add(9102, "文件下载", "fsDownloadIn", 0);
        add(1101, "人员信息获取", "data", 0);
        add(2001, "人员待遇享受检查", "data", 0);
        add(2201, "门诊挂号", "data", STATE);
        add(2202, "门诊挂号撤销", "data", STATE);
        add(2203, "门诊就诊信息上传", "mdtrtinfo", STATE);
        add(2204, "门诊费用明细信息上传", "feedetail", STATE);
        add(2205, "门诊费用明细信息撤销", "data", STATE);
        add(2206, "门诊预结算", "data", SETTLEMENT_OUTPUT);
        add(2207, "门诊结算", "data", STATE | SETTLEMENT_OUTPUT);
        add(2208, "门诊结算撤销", "data", STATE | SETTLEMENT_OUTPUT);
        add(2101, "药店预结算", "druginfo", SETTLEMENT_OUTPUT);
        add(2102, "药店结算", "druginfo", STATE | SETTLEMENT_OUTPUT);
        add(2103, "药店结算撤销", "data", STATE | SETTLEMENT_OUTPUT);
        add(2401, "入院办理", "mdtrtinfo", STATE);
        add(2402, "出院办理", "dscginfo", STATE);
        add(2404, "入院撤销", "data", STATE);
        add(2405, "出院撤销", "data", STATE);
        add(2301, "住院费用明细上传", "feedetail", STATE);
        add(2302, "住院费用明细撤销", "data", STATE);
        add(2303, "住院预结算", "data", SETTLEMENT_OUTPUT);
        add(2304, "住院结算", "data", STATE | SETTLEMENT_OUTPUT);
        add(2305, "住院结算撤销", "data", STATE | SETTLEMENT_OUTPUT);
        add(2601, "冲正交易", "data", STATE);
        add(5203, "结算信息查询", "data", 0);
        add(5204, "费用明细查询", "data", 0);
        add(5206, "人员累计信息查询", "data", 0);
        add(3201, "医药机构费用结算对总账", "data", 0);
        add(3202, "医药机构费用结算对明细账", "data", 0);
        int n = 0;
        for (int i = 0; i < SIZE; i++)
        {
            n += FLAGS[i] != 0 ? 1 : 0;
        }
        CODES = new int[n];
        n = 0;
        for (int i = 0; i < SIZE; i++)
        {
            if (FLAGS[i] != 0)
            {
                CODES[n++] = i;
            }
        }
    }

    private Transactions()
    {
    }

    private static void add(final int txn, final String name, final String inputNode, final int flags)
    {
        if (FLAGS[txn] != 0)
        {
            throw new IllegalStateException("duplicate transaction " + txn);
        }
        NAMES[txn] = name;
        INPUT_NODES[txn] = inputNode;
        FLAGS[txn] = (byte)(flags | SUPPORTED);
    }

    /**
     * @param infno the wire {@code infno} ({@code "2207"}, {@code "2207A"}).
     * @return the value of its leading digits (at most 4), or 0 when it does not start with a digit.
     */
    public static int txnOf(final CharSequence infno)
    {
        if (infno == null)
        {
            return 0;
        }
        int v = 0;
        final int n = Math.min(infno.length(), 4);
        for (int i = 0; i < n; i++)
        {
            final char c = infno.charAt(i);
            if (c < '0' || c > '9')
            {
                break;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean has(final int txn, final int flag)
    {
        return txn > 0 && txn < SIZE && (FLAGS[txn] & flag) != 0;
    }

    /** @param txn numeric transaction. @return true when the gateway serves it. */
    public static boolean isSupported(final int txn)
    {
        return has(txn, SUPPORTED);
    }

    /** @param txn numeric transaction. @return true when it changes state (journaled, idempotent replay). */
    public static boolean changesState(final int txn)
    {
        return has(txn, STATE);
    }

    /** @param txn numeric transaction. @return true when the answer is setlinfo/setldetail/detlcutinfo. */
    public static boolean settlementOutput(final int txn)
    {
        return has(txn, SETTLEMENT_OUTPUT);
    }

    /** @param txn numeric transaction. @return its Chinese name, or null when unsupported. */
    public static String name(final int txn)
    {
        return isSupported(txn) ? NAMES[txn] : null;
    }

    /** @param txn numeric transaction. @return the input node it requires ({@code data}, {@code feedetail}, …), or null. */
    public static String inputNode(final int txn)
    {
        return isSupported(txn) ? INPUT_NODES[txn] : null;
    }

    /** @return every supported transaction number, ascending (a copy). */
    public static int[] codes()
    {
        return CODES.clone();
    }
}
