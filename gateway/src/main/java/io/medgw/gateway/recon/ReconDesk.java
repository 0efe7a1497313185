package io.medgw.gateway.recon;

import io.medgw.codec.Dates;
import io.medgw.codec.ErrorCode;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.message.SettlementResult;
import io.medgw.gateway.pipeline.SettlementEvent;
import io.medgw.gateway.reference.Institution;
import io.medgw.gateway.visit.VisitChecks;

/**
 * Reconciliation and files: 3201 ({@link StatementTotals}), 3202 ({@link DetailReconciler}), 9101
 * upload and 9102 download ({@link FileStore}), and the {@link ReconciliationIndex} every
 * settlement and cancellation feeds.
 * <pre>
 *   9101 fsUploadIn{in, filename, fixmedins_code} → {file_qury_no, filename, fixmedins_code, dld_endtime}
 *        {@code in}: base64 text or a JSON array of byte values (the codec accepts both);
 *        missing in/filename E5002; larger than maxFileBytes E5006. Journaled (the bytes are in
 *        the ledger record), so a restart keeps the file until it expires.
 *   9102 fsDownloadIn{file_qury_no, filename, fixmedins_code} → the file's raw bytes (a ZIP);
 *        unknown, another institution's, or expired → E5008 (JSON envelope).
 *   3201 data{...} → stmtinfo{setl_optins, stmt_rslt, stmt_rslt_dscr}; a query.
 *   3202 data{file_qury_no, stmt_begndate, stmt_enddate, ...} → fileinfo{file_qury_no, filename,
 *        dld_endtime}; stores the result file, so it is journaled and a replay rebuilds the same file.
 * </pre>
 * Thread: the state-writer thread.
 */
public final class ReconDesk
{
    private final ReconciliationIndex index;
    private final FileStore files;
    private final long maxFileBytes;
    private final StatementTotals totals;
    private final DetailReconciler details;
    private final SettlementResult scratch = new SettlementResult();

    /**
     * @param index           the reconciliation index.
     * @param files           the file store.
     * @param maxFileBytes    the largest upload accepted (9101).
     * @param maxContentBytes the largest unzipped detail file read (3202).
     * @param maxRows         the most rows a detail file may have (3202).
     */
    public ReconDesk(final ReconciliationIndex index, final FileStore files, final long maxFileBytes,
        final long maxContentBytes, final int maxRows)
    {
        this.index = index;
        this.files = files;
        this.maxFileBytes = maxFileBytes;
        this.totals = new StatementTotals(index);
        this.details = new DetailReconciler(index, maxContentBytes, maxRows);
    }

    /** @param txn a transaction. @return true for 3201, 3202, 9101, 9102. */
    public static boolean handles(final int txn)
    {
        return txn == 3201 || txn == 3202 || txn == 9101 || txn == 9102;
    }

    /** @return the index. */
    public ReconciliationIndex index()
    {
        return index;
    }

    /** @return the files. */
    public FileStore files()
    {
        return files;
    }

    /**
     * Answers a started slot and applies it when it succeeds.
     *
     * @param e   the slot.
     * @param now the gateway clock (file times and expiry).
     */
    public void process(final SettlementEvent e, final long now)
    {
        final SettlementRequest req = e.request;
        final SettlementResult res = e.result;
        switch (req.txn)
        {
            case 3201:
            {
                final Institution inst = e.ref.institution(req.fixmedinsCode);
                res.clrOptins = inst == null ? null : inst.admdvs();
                totals.process(req, res);
                break;
            }
            case 3202:
            {
                res.setlTime = now;
                final String id = files.nextId();
                final byte[] zip = details.reconcile(req, files.find(req.fixmedinsCode, req.fileQuryNo, now), res, id, now);
                if (zip != null)
                {
                    res.issuedNo = id;
                    res.answerText = id + ".zip";
                    files.put(id, req.fixmedinsCode, res.answerText, zip, now);
                }
                break;
            }
            case 9101:
                res.setlTime = now;
                if (upload(req, res))
                {
                    res.issuedNo = files.nextId();
                    apply(req, res);
                }
                break;
            case 9102:
                download(req, res, now);
                break;
            default:
                throw new IllegalArgumentException("not a reconciliation transaction: " + req.txn);
        }
    }

    private boolean upload(final SettlementRequest req, final SettlementResult res)
    {
        if (!VisitChecks.require(res, req.filename, "input.fsUploadIn.filename"))
        {
            return false;
        }
        if (req.fileData == null)
        {
            res.refuse(ErrorCode.E5002, "缺少必填字段：input.fsUploadIn.in (missing required field: the file's bytes, " +
                "as base64 text or a JSON array of byte values)");
            return false;
        }
        if (req.fileData.length > maxFileBytes)
        {
            res.refuse(ErrorCode.E5006, "上传文件过大：filename=" + req.filename + " " + req.fileData.length + " 字节，上限 " +
                maxFileBytes + " 字节 (file too large; split it or zip it)");
            return false;
        }
        return true;
    }

    private void download(final SettlementRequest req, final SettlementResult res, final long now)
    {
        if (!VisitChecks.require(res, req.fileQuryNo, "input.fsDownloadIn.file_qury_no"))
        {
            return;
        }
        final FileStore.StoredFile f = files.find(req.fixmedinsCode, req.fileQuryNo, now);
        if (f == null)
        {
            final FileStore.StoredFile any = files.get(req.fileQuryNo);
            res.refuse(ErrorCode.E5008, "文件不存在或已过期：file_qury_no=" + req.fileQuryNo + "，fixmedins_code=" +
                req.fixmedinsCode + (any != null && any.owner().equals(req.fixmedinsCode) ?
                "，下载截止时间 " + Dates.formatDateTime(any.expiresSec()) : "") +
                " (unknown or expired file; files can be downloaded until dld_endtime)");
            return;
        }
        res.answerBytes = f.bytes();
        res.answerText = f.filename();
        res.setlTime = f.storedSec();
    }

    /**
     * Re-applies a journaled record: a successful 9101 or 3202 (the file is stored again), or a
     * settlement / cancellation that took effect (its index row).
     *
     * @param req the request.
     * @param res its answer.
     */
    public void apply(final SettlementRequest req, final SettlementResult res)
    {
        if (!res.ok())
        {
            return;
        }
        if (req.txn == 9101)
        {
            final String id = res.issuedNo != null ? res.issuedNo : files.nextId();
            res.issuedNo = id;
            files.put(id, req.fixmedinsCode, req.filename, req.fileData, res.setlTime);
        }
        else if (req.txn == 3202)
        {
            final String id = res.issuedNo != null ? res.issuedNo : files.nextId();
            scratch.clear();
            final byte[] zip = details.reconcile(req, files.get(req.fileQuryNo), scratch, id, res.setlTime);
            if (zip != null)
            {
                res.issuedNo = id;
                res.answerText = id + ".zip";
                files.put(id, req.fixmedinsCode, res.answerText, zip, res.setlTime);
            }
        }
        else
        {
            index.add(req, res);
        }
    }

    /**
     * A record was appended to the ledger: remembers the ledger index of a settlement or
     * cancellation (adding its row when not yet known).
     *
     * @param req   the request.
     * @param res   its answer.
     * @param ledgerIndex the record's index.
     */
    public void onAppended(final SettlementRequest req, final SettlementResult res, final long ledgerIndex)
    {
        index.ledgerSeen(ledgerIndex);
        if (index.add(req, res) != null)
        {
            index.ledgerIndex(res.setlId, ledgerIndex);
        }
    }
}
