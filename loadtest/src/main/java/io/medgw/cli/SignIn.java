package io.medgw.cli;

import io.medgw.loadtest.LoopbackHttpClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** Signs institutions in (9001) before they settle, as a HIS does at the start of its day. */
final class SignIn
{
    private static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter INF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SignIn()
    {
    }

    /**
     * @param host  gateway host.
     * @param port  gateway port.
     * @param path  request path.
     * @param codes fixmedins_code of each institution.
     * @param zone  gateway zone (inf_time).
     * @return how many sign-ins were answered infcode 0.
     * @throws IOException on a socket error.
     */
    static int all(final String host, final int port, final String path, final Collection<String> codes, final ZoneId zone)
        throws IOException
    {
        int ok = 0;
        try (LoopbackHttpClient client = new LoopbackHttpClient(host, port, path))
        {
            for (final String code : codes)
            {
                final LocalDateTime now = LocalDateTime.now(zone);
                final String body = "{\"infno\":\"9001\",\"msgid\":\"" + msgid(code, now) + "\",\"mdtrtarea_admvs\":\"\"," +
                    "\"insuplc_admdvs\":\"\",\"recer_sys_code\":\"YBXT\",\"infver\":\"V1.0\",\"opter_type\":\"1\",\"opter\":\"001\"," +
                    "\"opter_name\":\"demo\",\"inf_time\":\"" + INF_TIME.format(now) + "\",\"fixmedins_code\":\"" + code + "\"," +
                    "\"fixmedins_name\":\"\",\"sign_no\":\"\",\"input\":{\"signIn\":{\"opter_no\":\"001\",\"mac\":\"00-00-00-00-00-00\"," +
                    "\"ip\":\"127.0.0.1\"}}}";
                final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                client.post(bytes, bytes.length);
                if (client.bodyText().contains("\"infcode\":0"))
                {
                    ok++;
                }
            }
        }
        return ok;
    }

    private static String msgid(final String code, final LocalDateTime now)
    {
        final String c = code.length() >= 12 ? code.substring(0, 12) : (code + "000000000000").substring(0, 12);
        return c + MSGID_TIME.format(now) + "9001";
    }
}
