package io.medgw.gateway.net;

/**
 * Maps a request path to the infno it carries (national-interface.md §1.1). Netty-free and
 * stateless; {@link #route} allocates nothing for the common paths. Accepted paths, after the query
 * string and trailing slashes are dropped:
 * <ol>
 * <li>any path whose last segment is four digits, optionally followed by one capital letter
 *     ({@code .../callService/2207}, {@code /2207}, {@code /2207A}): that is the infno;</li>
 * <li>any path whose last segment is {@code callService} ({@code /fsi/api/rsfComIfsService/callService},
 *     {@code /mbs/fmi/fsi/api/callFsiService/callService}): the infno is only in the body;</li>
 * <li>any path ending in one of the per-service paths of {@link #SERVICE_PATHS}, with any prefix
 *     ({@code /ebus/rio_fsi/fsi/api/outpatientSettleService/saveSettletmentV2} → 2207).</li>
 * </ol>
 * Anything else is unknown (404, E5004).
 */
public final class ServicePaths
{
    /** Returned by {@link #route} for a path that carries no infno (single entry point). */
    public static final String NO_INFNO = "";

    /** The older per-service paths, {infno, path}, spelled as the clients spell them (typos included). */
    public static final String[][] SERVICE_PATHS = {
        {"9001", "/fsi/api/signInSignOutService/signIn"},
        {"1101", "/fsi/api/fsiPsnInfoService/queryPsnInfo"},
        {"2201", "/fsi/api/outpatientDocInfoService/outpatientRregistration"},
        {"2204", "/fsi/api/outpatientDocInfoService/outpatientFeeListUp"},
        {"2205", "/fsi/api/outpatientDocInfoService/outpatientFeeListUpCancel"},
        {"2206", "/fsi/api/outpatientSettleService/preSettletment"},
        {"2207", "/fsi/api/outpatientSettleService/saveSettletmentV2"},
        {"2207A", "/fsi/api/outpatientSettleService/saveSettletment"},
        {"2208", "/fsi/api/outpatientSettleService/cancleSettletment"},
        {"2301", "/fsi/api/hospFeeDtlService/feeDtlUp"},
        {"2303", "/fsi/api/hospSettService/preSett"},
        {"2304", "/fsi/api/hospSettService/settV2"},
        {"2305", "/fsi/api/hospSettService/settCl"},
        {"2401", "/fsi/api/hospitalRegisterService/hospitalRegisterSave"},
        {"2402", "/fsi/api/dscgService/dischargeProcess"},
        {"2601", "/fsi/api/reverseService/revsMethod"},
        {"3201", "/fsi/api/ybSettlementStmtService/stmtTotal"},
        {"3202", "/fsi/api/ybSettlementStmtService/stmtDetail"},
        {"5203", "/fsi/api/fsiIntegratedQueryService/querySetlInfo"},
        {"5204", "/fsi/api/fsiIntegratedQueryService/queryFeeList"},
        {"9101", "/fsi/api/fileupload/upload"},
        {"9102", "/fsi/api/fileupload/download"},
    };

    private static final String CALL_SERVICE = "callService";
    private static final String[] FOUR_DIGITS = new String[10_000];

    private ServicePaths()
    {
    }

    /**
     * @param uri the request target: origin form ({@code /a/b?x}) or absolute form ({@code http://h/a/b}).
     * @return the infno the path carries, {@link #NO_INFNO} for a single-entry path, or null for an unknown path.
     */
    public static String route(final String uri)
    {
        final int start = pathStart(uri);
        if (start < 0)
        {
            return null;
        }
        int end = uri.length();
        for (int i = start; i < end; i++)
        {
            final char c = uri.charAt(i);
            if (c == '?' || c == '#')
            {
                end = i;
                break;
            }
        }
        while (end > start + 1 && uri.charAt(end - 1) == '/')
        {
            end--;
        }
        final int segment = uri.lastIndexOf('/', end - 1) + 1;
        if (segment <= start)
        {
            return null;
        }
        final String infno = infnoSegment(uri, segment, end);
        if (infno != null)
        {
            return infno;
        }
        if (end - segment == CALL_SERVICE.length() && uri.startsWith(CALL_SERVICE, segment))
        {
            return NO_INFNO;
        }
        for (final String[] row : SERVICE_PATHS)
        {
            final String suffix = row[1];
            final int at = end - suffix.length();
            if (at >= start && uri.startsWith(suffix, at))
            {
                return row[0];
            }
        }
        return null;
    }

    private static int pathStart(final String uri)
    {
        if (uri.startsWith("/"))
        {
            return 0;
        }
        final int scheme = uri.indexOf("://");
        if (scheme < 0)
        {
            return -1;
        }
        return uri.indexOf('/', scheme + 3);
    }

    private static String infnoSegment(final String uri, final int from, final int to)
    {
        final int n = to - from;
        if (n != 4 && n != 5)
        {
            return null;
        }
        int v = 0;
        for (int i = from; i < from + 4; i++)
        {
            final char c = uri.charAt(i);
            if (c < '0' || c > '9')
            {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        if (n == 5)
        {
            final char suffix = uri.charAt(from + 4);
            return suffix >= 'A' && suffix <= 'Z' ? uri.substring(from, to) : null;
        }
        String cached = FOUR_DIGITS[v];
        if (cached == null)
        {
            cached = uri.substring(from, to);
            FOUR_DIGITS[v] = cached; // benign race: Strings are immutable and safely published
        }
        return cached;
    }
}
