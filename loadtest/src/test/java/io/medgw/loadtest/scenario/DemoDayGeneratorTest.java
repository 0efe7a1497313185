package io.medgw.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.medgw.codec.ErrorCode;
import io.medgw.codec.Units;
import io.medgw.codec.message.SettlementRequest;
import io.medgw.codec.request.RequestDecoder;
import io.medgw.loadtest.region.DemoRegionGenerator;
import io.medgw.loadtest.region.Scale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

class DemoDayGeneratorTest
{
    static final LocalDate DAY = LocalDate.of(2026, 3, 16);
    static final long SEED = 11L;
    static final int COUNT = 4_000;

    @TempDir
    static Path tmp;
    static Path region;
    static DemoWorld world;
    static List<DemoRequest> requests = new ArrayList<>();
    static List<Map<String, Object>> parsed = new ArrayList<>();
    static DemoDayGenerator.Summary summary;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void generate()
    {
        region = tmp.resolve("region");
        DemoRegionGenerator.generate(region, 42L, Scale.SMALL);
        world = DemoWorld.load(region);
        summary = DemoDayGenerator.forEachRequest(world, SEED, COUNT, DAY, requests::add);
        for (final DemoRequest r : requests)
        {
            parsed.add((Map<String, Object>)MiniJson.parse(r.json()));
        }
    }

    @Test
    void shouldWriteIdenticalFilesWhenSeedIsTheSame() throws IOException
    {
        final Path a = tmp.resolve("a.jsonl");
        final Path b = tmp.resolve("b.jsonl");
        final Path c = tmp.resolve("c.jsonl");
        final DemoDayGenerator.Summary sa = DemoDayGenerator.generate(region, a, 5L, 800, DAY);
        final DemoDayGenerator.Summary sb = DemoDayGenerator.generate(world, b, 5L, 800, DAY);
        DemoDayGenerator.generate(world, c, 6L, 800, DAY);
        assertThat(sb).isEqualTo(sa);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
        final List<String> inProcess = new ArrayList<>();
        DemoDayGenerator.forEach(world, 5L, 800, DAY, inProcess::add);
        assertThat(Files.readAllLines(a, StandardCharsets.UTF_8)).isEqualTo(inProcess);
        final Iterator<DemoRequest> it = DemoDayGenerator.iterator(world, 5L, 800, DAY);
        for (final String line : inProcess)
        {
            assertThat(it.next().json()).isEqualTo(line);
        }
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPriceEveryLineExactlyWhenTheLineIsNotSpoiledOnPurpose()
    {
        int lines = 0;
        for (int i = 0; i < requests.size(); i++)
        {
            final Map<String, Object> input = MiniJson.obj(parsed.get(i), "input");
            if (MiniJson.lines(input) == null)
            {
                continue;
            }
            assertThat(input).containsKey("2102".equals(requests.get(i).infno()) ? "drugdetail" : "feedetail");
            long sum = 0;
            int wrong = 0;
            for (final Map<String, Object> l : MiniJson.lines(input))
            {
                final long amount = IntentChecker.num(l, "det_item_fee_sumamt", 2);
                final long exact = Units.line(IntentChecker.num(l, "cnt", 4), IntentChecker.num(l, "pric", 6));
                if (amount != exact)
                {
                    wrong++;
                    assertThat(Math.abs(amount - exact)).isEqualTo(1L);
                }
                assertThat(amount).isPositive();
                sum += amount;
                lines++;
            }
            final String expected = requests.get(i).expectedCode();
            assertThat(wrong).as(requests.get(i).json()).isEqualTo("E2002".equals(expected) ? 1 : 0);
            final long declared = IntentChecker.num(MiniJson.data(input), "medfee_sumamt", 2);
            assertThat(declared).isEqualTo("E2005".equals(expected) ? sum + 100 : sum);
        }
        assertThat(lines).isGreaterThan(COUNT * 3);
    }

    @Test
    void shouldUseUniqueMsgidsExceptForDeliberateResends()
    {
        final Map<String, DemoRequest> first = new HashMap<>();
        int resends = 0;
        int reuses = 0;
        for (int i = 0; i < requests.size(); i++)
        {
            final DemoRequest r = requests.get(i);
            final DemoRequest earlier = first.putIfAbsent(r.msgid(), r);
            if (earlier == null)
            {
                assertThat(r.kind()).isNotIn("resend", "msgid_reuse");
                continue;
            }
            assertThat(r.fixmedinsCode()).isEqualTo(earlier.fixmedinsCode());
            assertThat(r.infno()).isEqualTo(earlier.infno());
            final Object input = MiniJson.parse(r.json());
            final Object earlierInput = MiniJson.parse(earlier.json());
            if ("resend".equals(r.kind()))
            {
                resends++;
                assertThat(((Map<?, ?>)input).get("input")).isEqualTo(((Map<?, ?>)earlierInput).get("input"));
            }
            else
            {
                assertThat(r.kind()).isEqualTo("msgid_reuse");
                assertThat(r.expectedCode()).isEqualTo("E3001");
                assertThat(((Map<?, ?>)input).get("input")).isNotEqualTo(((Map<?, ?>)earlierInput).get("input"));
                reuses++;
            }
        }
        assertThat(resends).isEqualTo(summary.byKind().get("resend"));
        assertThat(resends).isPositive();
        assertThat(reuses).isEqualTo(summary.byKind().getOrDefault("msgid_reuse", 0));
    }

    @Test
    void shouldAscendThroughOpeningHoursWithMsgidsOfTheNationalFormat()
    {
        String last = "";
        for (int i = 0; i < requests.size(); i++)
        {
            final DemoRequest r = requests.get(i);
            final Map<String, Object> e = parsed.get(i);
            assertThat(r.infTime()).isGreaterThanOrEqualTo(last).isBetween("2026-03-16 08:00:00", "2026-03-16 17:59:59");
            last = r.infTime();
            assertThat(e.get("inf_time")).isEqualTo(r.infTime());
            assertThat(e.get("msgid")).isEqualTo(r.msgid());
            assertThat(r.msgid()).hasSize(30).startsWith(r.fixmedinsCode()).matches("[HP]\\d{11}\\d{18}");
            if (!"resend".equals(r.kind()) && !"msgid_reuse".equals(r.kind()))
            {
                assertThat(r.msgid().substring(12, 26)).isEqualTo(r.infTime().replaceAll("[- :]", ""));
            }
            assertThat(e).containsKeys("infno", "mdtrtarea_admvs", "insuplc_admdvs", "recer_sys_code", "infver",
                "opter_type", "opter", "opter_name", "fixmedins_code", "fixmedins_name", "sign_no", "input");
        }
        assertThat(summary.requests()).isEqualTo(COUNT);
        assertThat(summary.firstInfTime()).isEqualTo(requests.get(0).infTime());
        assertThat(summary.lastInfTime()).isEqualTo(requests.get(COUNT - 1).infTime());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldMixTheDayAsDescribedWhenGenerating()
    {
        final Map<String, Integer> kinds = summary.byKind();
        assertThat(kinds.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(COUNT);
        assertThat(kinds.get("refusal")).isBetween(COUNT / 100, COUNT * 3 / 100);
        assertThat(kinds.get("reversal")).isBetween(COUNT * 2 / 100, COUNT * 4 / 100);
        assertThat(kinds.get("pharmacy")).isBetween(COUNT * 25 / 100, COUNT * 35 / 100);
        assertThat(kinds).containsKeys("outpatient", "chronic", "inpatient", "maternity", "cross_region", "resend");
        assertThat(summary.refusals().keySet()).contains("E1001", "E1011", "E2002", "E2003");
        final Set<String> medTypes = new HashSet<>();
        int cardless = 0;
        for (int i = 0; i < requests.size(); i++)
        {
            final Map<String, Object> input = MiniJson.obj(parsed.get(i), "input");
            final Map<String, Object> data = MiniJson.data(input);
            final DemoRequest r = requests.get(i);
            if (!data.containsKey("med_type"))
            {
                continue;
            }
            medTypes.add(r.infno() + "/" + data.get("med_type"));
            cardless += "03".equals(data.get("mdtrt_cert_type")) ? 0 : 1;
            final int n = MiniJson.lines(input).size();
            if ("2304".equals(r.infno()) && r.expectedCode() == null && !"msgid_reuse".equals(r.kind()))
            {
                assertThat(n).isBetween(20, 80);
            }
        }
        assertThat(medTypes).contains("2207/11", "2207/13", "2207/14", "2207/51", "2102/41", "2304/21", "2304/52");
        assertThat(cardless).isPositive();
    }

    @Test
    void shouldRefuseToGenerateWhenNoPolicyCoversTheDay()
    {
        org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DemoDayGenerator.forEach(world, SEED, 10, LocalDate.of(2027, 3, 16), s -> { }))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027-03-16");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReverseOnlyEarlierSettlementsOfTheSameInstitution()
    {
        final Map<String, DemoRequest> sent = new HashMap<>();
        final Set<String> reversed = new HashSet<>();
        int known = 0;
        for (int i = 0; i < requests.size(); i++)
        {
            final DemoRequest r = requests.get(i);
            if ("2601".equals(r.infno()) && !"resend".equals(r.kind()))
            {
                final Map<String, Object> data = MiniJson.obj(MiniJson.obj(parsed.get(i), "input"), "data");
                final String omsgid = (String)data.get("omsgid");
                assertThat(omsgid).startsWith(r.fixmedinsCode());
                final DemoRequest original = sent.get(omsgid);
                if (original == null)
                {
                    assertThat(omsgid.substring(12, 22)).as("never sent: timed before opening").isEqualTo("2026031607");
                }
                else
                {
                    known++;
                    assertThat(original.expectedCode()).isNull();
                    assertThat(data.get("oinfno")).isEqualTo(original.infno());
                    assertThat(reversed.add(omsgid)).as("reversed twice: " + omsgid).isTrue();
                }
            }
            sent.putIfAbsent(r.msgid(), r);
        }
        assertThat(known).isPositive();
    }

    @Test
    void shouldDecodeEveryRequestWithTheGatewayCodecWhenGenerating()
    {
        final RequestDecoder decoder = new RequestDecoder();
        final SettlementRequest req = new SettlementRequest();
        final Map<String, long[]> digests = new HashMap<>();
        for (final DemoRequest r : requests)
        {
            final byte[] body = r.json().getBytes(StandardCharsets.UTF_8);
            assertThat(decoder.decode(body, 0, body.length, req)).as(decoder.lastErrorMessage() + " " + r.json())
                .isEqualTo(ErrorCode.NONE);
            assertThat(req.msgid).isEqualTo(r.msgid());
            assertThat(req.fixmedinsCode).isEqualTo(r.fixmedinsCode());
            for (int i = 0; i < req.lineCount(); i++)
            {
                assertThat(req.line(i).parseError).isZero();
            }
            final long[] digest = {req.bodyDigestHi, req.bodyDigestLo};
            final long[] first = digests.putIfAbsent(r.msgid(), digest);
            if (first != null)
            {
                if ("resend".equals(r.kind()))
                {
                    assertThat(digest).as("a re-send has the same body").isEqualTo(first);
                }
                else
                {
                    assertThat(digest).as("a reused msgid has another body").isNotEqualTo(first);
                }
            }
        }
    }

    @Test
    void shouldMeanWhatItIntendsWhenCheckedAgainstTheReferenceData()
    {
        final IntentChecker checker = new IntentChecker(world);
        for (int i = 0; i < requests.size(); i++)
        {
            final DemoRequest r = requests.get(i);
            if ("2601".equals(r.infno()) || "resend".equals(r.kind()) || "msgid_reuse".equals(r.kind()))
            {
                continue;
            }
            assertThat(checker.check(parsed.get(i))).as(r.kind() + " " + r.json()).isEqualTo(r.expectedCode());
        }
    }
}
