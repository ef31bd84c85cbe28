package io.ferry.td;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.core.FerryConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TdEndpointTest {
    @Test
    void regions_areHttpsHosts() {
        assertThat(TdEndpoint.US).hasToString("https://api.treasuredata.com");
        assertThat(TdEndpoint.TOKYO).hasToString("https://api.treasuredata.co.jp");
        assertThat(TdEndpoint.EU01).hasToString("https://api.eu01.treasuredata.com");
        assertThat(TdEndpoint.KOREA).hasToString("https://api.ap02.treasuredata.com");
        assertThat(TdEndpoint.KOREA.host()).isEqualTo("api.ap02.treasuredata.com");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "api.treasuredata.co.jp,          https://api.treasuredata.co.jp",
            "td.example.com:8443,             https://td.example.com:8443",
            "http://127.0.0.1:8080,           http://127.0.0.1:8080",
            "http://127.0.0.1:8080/,          http://127.0.0.1:8080",
            "HTTPS://td.example.com/prefix/,  https://td.example.com/prefix",
    })
    void of_bareHostMeansHttps_fullUriIsUsedAsGiven(String value, String expected) {
        assertThat(TdEndpoint.of(value).uri()).hasToString(expected);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''                              | the endpoint is empty; give a host such as api.treasuredata.com or a URI such as http://127.0.0.1:8080 (endpoint)",
            "ftp://td.example.com            | the scheme of 'ftp://td.example.com' must be https or http, was 'ftp' (endpoint)",
            "http://1/secret@td.example.com  | the endpoint must not carry a user or key (it contains '@'); pass the API key with apiKey(...) (endpoint)",
            "http://td.example.com?x=1       | 'http://td.example.com?x=1' must not carry a query or fragment; give only scheme, host, port and path (endpoint)",
            "http://                         | 'http://' is not a host or URI: Expected authority (endpoint)",
    })
    void of_invalid_throws(String value, String message) {
        assertThatThrownBy(() -> TdEndpoint.of(value))
                .isInstanceOf(FerryConfigException.class)
                .hasMessage(message);
    }
}
