package io.medgw.gateway.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

final class HttpEdgeHandlerTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "application/json|true", "application/json;charset=utf-8|true", " Application/JSON ; charset=GBK|true",
        "text/plain|true", "text/plain; charset=utf-8|true", "NULL|true",
        "text/html|false", "application/jsonx|false", "application/xml|false", "multipart/form-data; boundary=x|false",
        "''|true"})
    void shouldAcceptJsonOrTextPlainWithAnyParametersOrNoContentType(final String contentType, final boolean accepted)
    {
        assertThat(HttpEdgeHandler.acceptedContentType(contentType)).isEqualTo(accepted);
    }
}
