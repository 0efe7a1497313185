package io.medgw.loadtest.scenario;

/**
 * One generated request, with what the generator intended.
 *
 * @param json          the request envelope, one line of JSON (no line break).
 * @param infno         2207, 2102, 2304 or 2601.
 * @param msgid         its msgid (a re-send repeats an earlier one).
 * @param fixmedinsCode the sending institution.
 * @param infTime       {@code yyyy-MM-dd HH:mm:ss}.
 * @param kind          outpatient, chronic, pharmacy, inpatient, maternity, cross_region, refusal,
 *                      reversal, resend or msgid_reuse.
 * @param expectedCode  the refusal the gateway must answer (E1001, ..., E3001), or null when the
 *                      request should succeed (for a re-send: the original's expectation).
 */
public record DemoRequest(String json, String infno, String msgid, String fixmedinsCode, String infTime, String kind,
    String expectedCode)
{
}
