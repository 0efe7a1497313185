package io.medgw.gateway.signin;

import io.medgw.codec.ErrorCode;
import io.medgw.gateway.TestRegion;
import io.medgw.gateway.visit.DeskFixture;
import io.medgw.gateway.visit.DeskFixture.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 9001 / 9002 and what the settlement engine's E1023 check sees. */
final class SignInRegistryTest
{
    private final DeskFixture f = new DeskFixture();

    private static String bill(final String psn)
    {
        return "{\"data\":{\"psn_no\":\"" + psn + "\",\"med_type\":\"11\",\"acct_used_flag\":\"1\"},\"feedetail\":[" +
            "{\"feedetl_sn\":\"1\",\"med_list_codg\":\"A001\",\"cnt\":1,\"pric\":10,\"det_item_fee_sumamt\":10}]}";
    }

    @Test
    void shouldSignInWithADeterministicSignNoAndLetSettlementsThrough()
    {
        assertThat(f.send("2207", bill("E1")).error()).isEqualTo(ErrorCode.E1023);
        final Reply in = f.signIn();
        assertThat(in.error()).isEqualTo(ErrorCode.NONE);
        assertThat(in.journaled).isTrue();
        assertThat(in.text("output.signinoutb.sign_no")).isEqualTo("G000000000001");
        assertThat(in.text("output.signinoutb.sign_time")).isEqualTo("2026-03-01 10:00:00");
        assertThat(f.signIn.signedIn(TestRegion.H3)).isTrue();
        assertThat(f.signIn.signedIn(TestRegion.H2)).isFalse();
        assertThat(f.send("2207", bill("E1")).error()).isEqualTo(ErrorCode.NONE);

        final Reply out = f.send("9002", "{\"signOut\":{\"opter_no\":\"OP1\",\"sign_no\":\"G000000000001\"}}");
        assertThat(out.error()).isEqualTo(ErrorCode.NONE);
        assertThat(out.text("output.signoutoutb.sign_time")).isEqualTo("2026-03-01 10:00:00");
        assertThat(f.signIn.signedIn(TestRegion.H3)).isFalse();
        assertThat(f.send("2207", bill("E1")).error()).isEqualTo(ErrorCode.E1023);
        final Reply twice = f.send("9002", "{\"signOut\":{\"opter_no\":\"OP1\",\"sign_no\":\"G000000000001\"}}");
        assertThat(twice.error()).isEqualTo(ErrorCode.E5008);
        assertThat(twice.errMsg()).contains("sign_no=G000000000001");
        assertThat(f.signIn().text("output.signinoutb.sign_no")).isEqualTo("G000000000002");
    }

    @Test
    void shouldKeepTheInstitutionSignedInWhileAnyOperatorIs()
    {
        f.signIn();
        final Reply second = f.send("9001", "{\"signIn\":{\"opter_no\":\"OP2\",\"mac\":\"m\",\"ip\":\"i\"}}");
        assertThat(second.text("output.signinoutb.sign_no")).isEqualTo("G000000000002");
        assertThat(f.signIn.openSessions(TestRegion.H3)).isEqualTo(2);
        // the same operator signing in again replaces its session
        assertThat(f.send("9001", "{\"signIn\":{\"opter_no\":\"OP2\",\"mac\":\"m\",\"ip\":\"i\"}}").error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.signIn.openSessions(TestRegion.H3)).isEqualTo(2);
        assertThat(f.send("9002", "{\"signOut\":{\"sign_no\":\"G000000000002\"}}").error()).isEqualTo(ErrorCode.E5008);
        assertThat(f.send("9002", "{\"signOut\":{\"sign_no\":\"G000000000003\"}}").error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.signIn.signedIn(TestRegion.H3)).isTrue();
        assertThat(f.send("9002", "{\"signOut\":{\"sign_no\":\"G000000000001\"}}").error()).isEqualTo(ErrorCode.NONE);
        assertThat(f.signIn.signedIn(TestRegion.H3)).isFalse();
    }

    @Test
    void shouldRefuseUnknownInstitutionsAndMissingFields()
    {
        f.at("H00000000000");
        final Reply unknown = f.signIn();
        assertThat(unknown.error()).isEqualTo(ErrorCode.E1021);
        assertThat(unknown.errMsg()).contains("fixmedins_code=H00000000000");
        f.at(TestRegion.H3);
        assertThat(f.send("9002", "{\"signOut\":{\"opter_no\":\"OP1\"}}").error()).isEqualTo(ErrorCode.E5002);
        final Reply reused = f.send("9001", "H32010000003202603011000000001", "{\"signIn\":{\"opter_no\":\"OP1\"}}");
        assertThat(reused.error()).isEqualTo(ErrorCode.NONE);
        final Reply sameBody = f.send("9001", "H32010000003202603011000000001", "{\"signIn\":{\"opter_no\":\"OP1\"}}");
        assertThat(sameBody.text("output.signinoutb.sign_no")).isEqualTo(reused.text("output.signinoutb.sign_no"));
        assertThat(sameBody.journaled).isFalse();
        assertThat(f.send("9001", "H32010000003202603011000000001", "{\"signIn\":{\"opter_no\":\"OP9\"}}").error())
            .isEqualTo(ErrorCode.E3001);
    }

    @Test
    void shouldRebuildTheSameSessionsFromTheJournal()
    {
        f.signIn();
        f.send("9001", "{\"signIn\":{\"opter_no\":\"OP2\"}}");
        f.send("9002", "{\"signOut\":{\"sign_no\":\"G000000000001\"}}");
        f.at(TestRegion.H2).signIn();
        final DeskFixture restarted = f.replayed();
        assertThat(restarted.signIn.digest()).isEqualTo(f.signIn.digest());
        assertThat(restarted.signIn.signedIn(TestRegion.H3)).isTrue();
        assertThat(restarted.signIn.session(TestRegion.H3, "G000000000002")).isNotNull();
        assertThat(restarted.signIn.session(TestRegion.H3, "G000000000001")).isNull();
        assertThat(restarted.at(TestRegion.H1).signIn().text("output.signinoutb.sign_no")).isEqualTo("G000000000004");
    }
}
