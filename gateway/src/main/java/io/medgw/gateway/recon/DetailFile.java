package io.medgw.gateway.recon;

import io.medgw.codec.Decimals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 3202 detail file an institution uploads (national-interface.md §3.7): UTF-8 text, one row per
 * line ({@code \n} or {@code \r\n}), tab-separated, the text {@code null} for an empty cell,
 * columns in order {@code setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay,
 * refd_setl_flag}. A first row whose first cell is {@code setl_id} is a header and skipped; blank
 * lines are skipped; extra columns are ignored. A refunded settlement is two rows: the original
 * (flag 0) and the reversal (flag 1, amounts negative; positive amounts are accepted too).
 * Also writes the result file's rows. Allocates; off the hot path.
 */
public final class DetailFile
{
    /** The cell text for "empty". */
    public static final String NULL = "null";
    private static final int COLUMNS = 7;

    private DetailFile()
    {
    }

    /**
     * One uploaded row.
     *
     * @param line          the line number in the file (1-based).
     * @param setlId        setl_id.
     * @param mdtrtId       mdtrt_id, or null.
     * @param psnNo         psn_no, or null.
     * @param medfeeSumamt  fen.
     * @param fundPaySumamt fen.
     * @param acctPay       fen.
     * @param refdSetlFlag  0 or 1.
     */
    public record Row(int line, String setlId, String mdtrtId, String psnNo, long medfeeSumamt, long fundPaySumamt,
        long acctPay, int refdSetlFlag)
    {
    }

    /** A row that cannot be read: the message names the line and the cell. */
    public static final class BadFileException extends Exception
    {
        private static final long serialVersionUID = 1L;

        BadFileException(final String message)
        {
            super(message);
        }
    }

    /**
     * @param content the file's text.
     * @param maxRows the most rows accepted.
     * @return the rows, in file order.
     * @throws BadFileException naming the first bad line.
     */
    public static List<Row> parse(final byte[] content, final int maxRows) throws BadFileException
    {
        final String text = new String(content, StandardCharsets.UTF_8);
        final List<Row> rows = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int lineNo = 0;
        while (start < text.length())
        {
            int end = text.indexOf('\n', start);
            if (end < 0)
            {
                end = text.length();
            }
            lineNo++;
            String line = text.substring(start, end);
            start = end + 1;
            if (line.endsWith("\r"))
            {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank() || rows.isEmpty() && line.startsWith("setl_id"))
            {
                continue;
            }
            if (rows.size() == maxRows)
            {
                throw new BadFileException("明细文件超过 " + maxRows + " 行 (more than " + maxRows + " rows)");
            }
            rows.add(row(lineNo, line.split("\t", -1)));
        }
        return rows;
    }

    private static Row row(final int lineNo, final String[] cells) throws BadFileException
    {
        if (cells.length < COLUMNS)
        {
            throw new BadFileException("明细文件第 " + lineNo + " 行只有 " + cells.length + " 列，应为 " + COLUMNS +
                " 列（setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay, refd_setl_flag，以制表符分隔）" +
                " (line " + lineNo + ": expected 7 tab-separated columns)");
        }
        final String setlId = cell(cells[0]);
        if (setlId == null)
        {
            throw new BadFileException("明细文件第 " + lineNo + " 行 setl_id 为空 (line " + lineNo + ": setl_id is empty)");
        }
        final String flag = cell(cells[6]);
        if (flag != null && !"0".equals(flag) && !"1".equals(flag))
        {
            throw new BadFileException("明细文件第 " + lineNo + " 行 refd_setl_flag=" + flag + "，应为 0 或 1 (line " + lineNo +
                ": refd_setl_flag must be 0 or 1)");
        }
        return new Row(lineNo, setlId, cell(cells[1]), cell(cells[2]), amount(cells[3], lineNo, "medfee_sumamt"),
            amount(cells[4], lineNo, "fund_pay_sumamt"), amount(cells[5], lineNo, "acct_pay"), "1".equals(flag) ? 1 : 0);
    }

    private static String cell(final String raw)
    {
        final String v = raw.trim();
        return v.isEmpty() || NULL.equals(v) ? null : v;
    }

    private static long amount(final String raw, final int lineNo, final String field) throws BadFileException
    {
        final String v = cell(raw);
        if (v == null)
        {
            return 0;
        }
        final long fen = Decimals.parse(v, 2);
        if (Decimals.isError(fen))
        {
            throw new BadFileException("明细文件第 " + lineNo + " 行 " + field + "=" + v + " 不是金额（元，最多两位小数）(line " +
                lineNo + ": " + field + " is not an amount in yuan with at most 2 decimals)");
        }
        return fen;
    }

    /**
     * Appends one result row: psn_no, mdtrt_id, setl_id, msgid, stmt_rslt, refd_setl_flag, memo,
     * medfee_sumamt, fund_pay_sumamt, acct_pay (tab-separated, {@code null} for empty, {@code \n}).
     */
    static void appendResult(final StringBuilder out, final String psnNo, final String mdtrtId, final String setlId,
        final String msgid, final String stmtRslt, final int refdSetlFlag, final String memo, final long medfee,
        final long fund, final long acct)
    {
        text(out, psnNo).append('\t');
        text(out, mdtrtId).append('\t');
        text(out, setlId).append('\t');
        text(out, msgid).append('\t');
        out.append(stmtRslt).append('\t').append(refdSetlFlag).append('\t');
        text(out, memo).append('\t');
        Decimals.append(out, medfee, 2).append('\t');
        Decimals.append(out, fund, 2).append('\t');
        Decimals.append(out, acct, 2).append('\n');
    }

    private static StringBuilder text(final StringBuilder out, final String v)
    {
        if (v == null || v.isEmpty())
        {
            return out.append(NULL);
        }
        for (int i = 0; i < v.length(); i++)
        {
            final char c = v.charAt(i);
            out.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
        }
        return out;
    }
}
