package io.medgw.codec.request;

import io.medgw.codec.Samples;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Request bodies that pin the decoder's observable behaviour: the wire samples, every shape the
 * unit tests use, escapes and UTF-8 text, numbers in every spelling, unknown nested values, and
 * seeded truncations and byte mutations of the samples (malformed JSON). The expected results
 * were recorded from the Jackson-based decoder before the byte scanner replaced it
 * ({@code decoder-golden.tsv}), so any drift in fields, digests or refusals shows up.
 */
final class DecoderCorpus
{
    private static final String ENVELOPE = "\"msgid\":\"H50015501017202109240828271037\",\"fixmedins_code\":\"H50015501017\"," +
        "\"inf_time\":\"2021-09-24 08:28:27\",\"mdtrtarea_admvs\":\"500155\",\"insuplc_admdvs\":\"500155\"";

    private DecoderCorpus()
    {
    }

    static String body(final String infno, final String input)
    {
        return "{\"infno\":\"" + infno + "\"," + ENVELOPE + ",\"input\":" + input + "}";
    }

    /** @return the corpus, in a fixed order (seeded). */
    static List<byte[]> bodies()
    {
        final List<String> s = new ArrayList<>();
        s.add(Samples.REQ_1101);
        s.add(Samples.REQ_2207);
        s.add(Samples.req2207WithLines(1));
        s.add(Samples.req2207WithLines(10));
        s.add(Samples.req2207WithLines(5).replace("\"cnt\":2", "\"cnt\":\"2.0000\"").replace("12.50", "\"12.5\""));
        // amounts in every spelling, good and bad
        for (final String v : new String[] { "9", "9.0", "9.00", "9.000", "\"9.00\"", "\"9\"", "9.0e0", "9E0", "0.9e1", "900e-2",
            "1.005", "-1.00", "-0", "0", "\"9元\"", "{\"v\":1}", "[1]", "true", "false", "\" 9\"", "12345678901234567890",
            "92233720368547758.07", "1e40", "1e-40", "\"\\u0039\"", "\"null\"", "null", "\"\"", "0.10", "\"-0.00\"", "1.5e3" })
        {
            s.add(body("2207", "{\"data\":{\"psn_no\":\"P1\",\"medfee_sumamt\":" + v + "}}"));
            s.add(body("3201", "{\"data\":{\"fixmedins_setl_cnt\":" + v + "}}"));
            s.add(body("2204", "{\"feedetail\":[{\"feedetl_sn\":\"1\",\"det_item_fee_sumamt\":" + v + ",\"cnt\":" + v +
                ",\"pric\":" + v + "}]}"));
            s.add(body("2207", "{\"data\":{\"psn_no\":\"P1\",\"x\":" + v + ",\"y\":[" + v + "]}}"));
            s.add(body("2207", "{\"data\":{\"psn_no\":" + v + ",\"med_type\":" + v + "}}"));
        }
        // strings: escapes, surrogates, UTF-8 text, null spellings
        for (final String v : new String[] { "\"a\\\"b\"", "\"a\\\\b\"", "\"a\\/b\"", "\"\\b\\f\\n\\r\\t\"", "\"\\u0041\\u4e2D\"",
            "\"\\ud83d\\ude00\"", "\"😀x\"", "\"\\ud83d\"", "\"\\ude00z\"", "\"张三李四\"", "\"\\u006eull\"", "\"NULL\"", "\"nul\"",
            "\"null \"", "\"\\u0000\"", "\"é ü ß\"", "\"x\\u00e9\"", "\"" + "长".repeat(31) + "\"", "\"" + "长".repeat(30) + "\"",
            "\"" + "😀".repeat(16) + "\"", "\"" + "😀".repeat(15) + "\"" })
        {
            s.add(body("2207", "{\"data\":{\"psn_no\":" + v + ",\"psn_name\":" + v + ",\"q\":" + v + ",\"r\":[" + v + "]}}"));
            s.add(body("2204", "{\"feedetail\":[{\"feedetl_sn\":" + v + ",\"rxno\":" + v + ",\"cnt\":1,\"pric\":1,\"det_item_fee_sumamt\":1}]}"));
            s.add("{\"infno\":\"2207\",\"msgid\":\"H50015501017202109240828271037\",\"fixmedins_code\":\"H50015501017\"," +
                "\"inf_time\":\"2021-09-24 08:28:27\",\"opter_name\":" + v + ",\"fixmedins_name\":" + v + ",\"input\":{\"data\":{}}}");
        }
        // names with escapes and names the decoder does not know
        s.add(body("2207", "{\"data\":{\"psn\\u005fno\":\"P1\",\"\\u006ded_type\":\"11\"}}"));
        s.add("{\"inf\\u006eo\":\"2207\"," + ENVELOPE + ",\"input\":{\"\\u0064ata\":{\"psn_no\":\"P1\"}}}");
        s.add(body("2207", "{\"data\":{\"psn_no\":\"P1\",\"\":1,\"名字\":\"x\",\"a\\\"b\":2," +
            "\"" + "k".repeat(40) + "\":3,\"" + "k".repeat(41) + "\":[]}}"));
        // envelope shapes
        s.add("{\"infno\":2207," + ENVELOPE + ",\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"2207\"," + ENVELOPE + ",\"infver\":1.0,\"opter_type\":true,\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"2207\"," + ENVELOPE + ",\"opter\":{\"a\":1},\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"2207\"," + ENVELOPE + ",\"cainfo\":[1,2],\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"2207A\"," + ENVELOPE + ",\"mdtrtarea_admdvs\":\"500156\",\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"22077\"," + ENVELOPE + ",\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"2207777\"," + ENVELOPE + ",\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"2207\",\"infno\":\"2206\"," + ENVELOPE + ",\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"2207\"," + ENVELOPE + ",\"input\":{\"data\":{\"psn_no\":\"A\"},\"data\":{\"psn_no\":\"B\"}}}");
        s.add("{\"infno\":\"2207\"," + ENVELOPE.replace("271037", "27103") + ",\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"2207\"," + ENVELOPE.replace("271037", "2") + ",\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"2207\"," + ENVELOPE.replace("08:28:27", "8:28:27") + ",\"input\":{\"data\":{}}}");
        s.add("{\"infno\":\"9002\"," + ENVELOPE + ",\"sign_no\":\"111\",\"input\":{\"signOut\":{\"opter_no\":\"1\"}}}");
        s.add("{\"infno\":\"9002\"," + ENVELOPE + ",\"sign_no\":\"" + "s".repeat(65) + "\",\"input\":{\"signOut\":{}}}");
        for (final String in : new String[] { "null", "\"\"", "\"null\"", "\"Zm9v\"", "[1,2]", "12", "true", "{}", "{\"data\":null}",
            "{\"data\":\"\"}", "{\"data\":[]}", "{\"data\":7}", "{\"feedetail\":{}}", "{\"feedetail\":[1,null,\"x\",[],{}]}",
            "{\"data\":{\"feedetail\":[{\"feedetl_sn\":\"9\",\"cnt\":1}]}}", "{\"druginfo\":{},\"drugdetail\":[{}]}",
            "{\"data\":{},\"feedetail\":[{\"cnt\":{\"a\":1},\"pric\":[2],\"det_item_fee_sumamt\":true}]}",
            "{\"data\":{\"psn_no\":{\"a\":1},\"mdtrt_id\":[\"x\"]}}", "{\"mdtrtinfo\":{\"ipt_no\":\"Z\",\"dr_name\":\"d\"}}",
            "{\"data\":{\"acct_used_flag\":1}}", "{\"data\":{\"acct_used_flag\":\"1\"}}", "{\"data\":{\"acct_used_flag\":true}}" })
        {
            s.add(body("2207", in));
            s.add(body("2204", in));
            s.add(body("2101", in));
        }
        // 9101 file data
        for (final String v : new String[] { "\"UEsDBP8=\"", "\"UEsDBP8\"", "\"UEsD BP8=\"", "\"UEsDBP8=\\n\"", "\"UEs*BP8=\"", "\"\"",
            "\"U\"", "\"UEsDBA==\"", "\"UEsDBA\"", "\"UE\\u0073DBP8=\"", "[80,75,3,4,255]", "[-128,0,255]", "[256]", "[-129]",
            "[1.0]", "[\"1\"]", "[null]", "[]", "[2147483648]", "{}", "12", "true" })
        {
            s.add(body("9101", "{\"fsUploadIn\":{\"in\":" + v + ",\"filename\":\"a.zip\"}}"));
        }
        // nesting
        for (final int d : new int[] { 27, 28, 29, 30, 31, 32 })
        {
            s.add(body("2207", "{\"data\":{},\"x\":" + "[".repeat(d) + "]".repeat(d) + "}"));
            s.add("{\"zz\":" + "{\"a\":".repeat(d) + "1" + "}".repeat(d) + "," + body("2207", "{\"data\":{}}").substring(1));
        }
        // body framing
        for (final String b : new String[] { "", " ", "\n\t ", "[1,2]", "\"x\"", "12", "nul", "null", "true", "{}", "{ }", "{", "}",
            "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,\"a\":1}", "{'a':1}", "{a:1}", "{\"a\":1}/*c*/", "{\"a\":01}", "{\"a\":-}",
            "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":NaN}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":[1,]}",
            "{\"a\":[,1]}", "{\"a\":1]", "{\"a\":[1}", "{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}",
            "{\"a\":\"\t\"}", "{\"a\":\"\n\"}", "{\"a\\n\":1}", "{\"a\":1}{}", "{\"a\":1} x", "{\"a\":1} 1", "{\"a\":1}]", "{\"a\":1}\n\n",
            "\uFEFF{\"a\":1}", "{\"a\":12a}", "{\"a\":1 2}", "{\"a\" \"b\"}", "{\"a\":\"b\" \"c\":1}", "{\"a\":{\"b\":1}", "{}{}",
            "{\r\n\"a\":\r\"b\"\r\n,\"c\" \"d\"}" })
        {
            s.add(b);
        }
        final List<byte[]> out = new ArrayList<>();
        for (final String x : s)
        {
            out.add(x.getBytes(StandardCharsets.UTF_8));
        }
        // invalid UTF-8 in strings
        final byte[][] bad = { { (byte)0xFF }, { (byte)0x80 }, { (byte)0xC3 }, { (byte)0xC3, 0x41 }, { (byte)0xE4, (byte)0xB8 },
            { (byte)0xE4, 0x41, (byte)0xAD }, { (byte)0xF0, (byte)0x9F, (byte)0x98 }, { (byte)0xC0, (byte)0x80 },
            { (byte)0xED, (byte)0xA0, (byte)0x80 }, { (byte)0xF4, (byte)0x90, (byte)0x80, (byte)0x80 }, { (byte)0xF8, (byte)0x80 } };
        for (final byte[] b : bad)
        {
            out.add(splice(body("2207", "{\"data\":{\"psn_name\":\"@\",\"zz\":\"@\"}}"), b));
            out.add(splice(body("2207", "{\"data\":{\"zz\":\"@\"}}"), b));
            out.add(splice("{\"zz\":\"@\"," + body("2207", "{\"data\":{}}").substring(1), b));
        }
        // seeded truncations and mutations of the samples
        final SplittableRandom random = new SplittableRandom(0xC0DEC5CAL);
        for (final String sample : new String[] { Samples.REQ_2207, Samples.req2207WithLines(2) })
        {
            final byte[] b = sample.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 40; i++)
            {
                final int cut = random.nextInt(b.length);
                out.add(java.util.Arrays.copyOf(b, cut));
            }
            final byte[] alphabet = "{}[],:\" \\0123456789.-eEtfnulx\n\u00e9".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 150; i++)
            {
                final byte[] m = b.clone();
                final int edits = 1 + random.nextInt(2);
                for (int e = 0; e < edits; e++)
                {
                    m[random.nextInt(m.length)] = alphabet[random.nextInt(alphabet.length)];
                }
                out.add(m);
            }
        }
        return out;
    }

    private static byte[] splice(final String json, final byte[] at)
    {
        final byte[] b = json.getBytes(StandardCharsets.UTF_8);
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (final byte x : b)
        {
            if (x == '@')
            {
                out.write(at, 0, at.length);
            }
            else
            {
                out.write(x);
            }
        }
        return out.toByteArray();
    }
}
