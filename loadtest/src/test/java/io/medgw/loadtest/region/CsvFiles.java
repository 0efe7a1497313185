package io.medgw.loadtest.region;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: reads a generated CSV file with commons-csv DEFAULT + header (the documented format). */
final class CsvFiles
{
    private CsvFiles()
    {
    }

    static List<CSVRecord> read(final Path file) throws IOException
    {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()))
        {
            return p.getRecords();
        }
    }

    static List<String> header(final Path file) throws IOException
    {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            CSVParser p = CSVParser.parse(in, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()))
        {
            return p.getHeaderNames();
        }
    }
}
